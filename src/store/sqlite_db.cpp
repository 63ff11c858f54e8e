// The SQLite backend on the C API directly. Measured on the 100-row staff page
// (bench/run.sh): SOCI's dynamic rows cost an allocation per cell and re-prepare every
// statement, which kept the API below the target against a bare SQLite baseline. Here each
// connection keeps its prepared statements (keyed by SQL text) and reads cells straight
// into Values. PostgreSQL stays on SOCI (soci_db.cpp).
#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "store/db.h"

namespace yilian::store {
namespace {

DbError sqlite_error(sqlite3* db, int rc, const std::string& context) {
  int ext = db ? sqlite3_extended_errcode(db) : rc;
  std::string msg = context + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (ext) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: return DbError(DbError::Kind::unique, msg);
    case SQLITE_CONSTRAINT_FOREIGNKEY: return DbError(DbError::Kind::foreign_key, msg);
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL: return DbError(DbError::Kind::check, msg);
    default: return DbError(DbError::Kind::other, msg);
  }
}

class SqliteDb final : public Db {
 public:
  SqliteDb(const std::string& path, const OpenOptions& options) {
    // Each connection belongs to one thread, so SQLite's own mutexes are not needed.
    int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
      DbError e = sqlite_error(db_, rc, "cannot open database " + path);
      sqlite3_close(db_);
      throw e;
    }
    sqlite3_busy_timeout(db_, 10000);
    exec_script(std::string("PRAGMA journal_mode=WAL;\nPRAGMA foreign_keys=ON;\nPRAGMA synchronous=") +
                (options.sqlite_sync == SqliteSync::full ? "FULL" : "NORMAL"));
  }

  ~SqliteDb() override {
    for (auto& [sql, st] : cache_) sqlite3_finalize(st);
    sqlite3_close_v2(db_);
  }

  Backend backend() const override { return Backend::sqlite; }

  Result query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = prepare(sql, params);
    Result out;
    int n = sqlite3_column_count(st);
    out.columns.reserve(n);
    for (int i = 0; i < n; ++i) out.columns.emplace_back(sqlite3_column_name(st, i));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      std::vector<Value> row;
      row.reserve(n);
      for (int i = 0; i < n; ++i) {
        switch (sqlite3_column_type(st, i)) {
          case SQLITE_INTEGER: row.emplace_back(static_cast<long long>(sqlite3_column_int64(st, i))); break;
          case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(st, i)); break;
          case SQLITE_NULL: row.emplace_back(); break;
          default:
            row.emplace_back(std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(st, i)),
                                              static_cast<size_t>(sqlite3_column_bytes(st, i))));
        }
      }
      out.rows.push_back(std::move(row));
    }
    finish(st, rc, sql);
    return out;
  }

  int64_t exec(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = prepare(sql, params);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    finish(st, rc, sql);
    return sqlite3_changes(db_);
  }

  void exec_script(std::string_view sql) override {
    std::string text(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : "";
      sqlite3_free(err);
      DbError e = sqlite_error(db_, rc, "script failed");
      throw DbError(e.kind, msg.empty() ? e.what() : msg);
    }
  }

  // Write transactions take the write lock up front, so two writers wait on the busy
  // timeout instead of one failing when it upgrades from a read lock.
  void begin() override {
    exec_script("BEGIN IMMEDIATE");
    in_tx_ = true;
  }
  void commit() override {
    in_tx_ = false;
    exec_script("COMMIT");
  }
  void rollback() override {
    in_tx_ = false;
    exec_script("ROLLBACK");
  }
  bool in_transaction() const override { return in_tx_; }

 private:
  sqlite3_stmt* prepare(std::string_view sql, const Params& params) {
    std::string key(sql);
    sqlite3_stmt* st = nullptr;
    auto it = cache_.find(key);
    if (it != cache_.end()) {
      st = it->second;
    } else {
      int rc = sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &st, nullptr);
      if (rc != SQLITE_OK) throw sqlite_error(db_, rc, "prepare failed for \"" + key + "\"");
      // Statements built per request (IN lists of varying length) would grow the cache
      // without bound; keep only a bounded number.
      if (cache_.size() >= kMaxCached) {
        for (auto& [s, cached] : cache_) sqlite3_finalize(cached);
        cache_.clear();
      }
      cache_.emplace(std::move(key), st);
    }
    int count = sqlite3_bind_parameter_count(st);
    if (count != static_cast<int>(params.size()))
      throw DbError(DbError::Kind::other, "statement expects " + std::to_string(count) + " values, got " +
                                              std::to_string(params.size()) + ": " + std::string(sql));
    for (int i = 0; i < count; ++i) {
      const Value& v = params[i];
      int rc;
      if (v.is_null())
        rc = sqlite3_bind_null(st, i + 1);
      else if (v.is_int())
        rc = sqlite3_bind_int64(st, i + 1, v.as_int());
      else if (v.is_real())
        rc = sqlite3_bind_double(st, i + 1, v.as_real());
      else {
        const std::string& s = std::get<std::string>(v.raw());
        rc = sqlite3_bind_text(st, i + 1, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) throw sqlite_error(db_, rc, "bind failed");
    }
    return st;
  }

  void finish(sqlite3_stmt* st, int rc, std::string_view sql) {
    sqlite3_reset(st);  // always: releases read locks and readies the cached statement
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE) throw sqlite_error(db_, rc, "statement failed: " + std::string(sql.substr(0, 200)));
  }

  static constexpr size_t kMaxCached = 256;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  bool in_tx_ = false;
};

}  // namespace

std::unique_ptr<Db> open_sqlite(const std::string& path, const OpenOptions& options) {
  return std::make_unique<SqliteDb>(path, options);
}

}  // namespace yilian::store

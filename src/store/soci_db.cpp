// PostgreSQL (and, for comparison, SQLite) through SOCI. The differences that matter
// are kept here: how a connection is opened and tuned, how a write transaction
// starts, and how a constraint violation is recognised. The default SQLite backend is
// sqlite_db.cpp.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstring>
#include <ctime>
#include <deque>

#include "store/db.h"

namespace yilian::store {
namespace {

DbError classify(Backend backend, const soci::soci_error& e) {
  std::string msg = e.what();
  if (backend == Backend::postgresql) {
    if (auto* pe = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
      std::string state = pe->sqlstate();
      if (state == "23505") return DbError(DbError::Kind::unique, msg);
      if (state == "23503") return DbError(DbError::Kind::foreign_key, msg);
      if (state == "23514" || state == "23502") return DbError(DbError::Kind::check, msg);
      if (state == "40001" || state == "40P01") return DbError(DbError::Kind::serialization, msg);
    }
  } else {
    if (msg.find("UNIQUE constraint failed") != std::string::npos)
      return DbError(DbError::Kind::unique, msg);
    if (msg.find("FOREIGN KEY constraint failed") != std::string::npos)
      return DbError(DbError::Kind::foreign_key, msg);
    if (msg.find("CHECK constraint failed") != std::string::npos ||
        msg.find("NOT NULL constraint failed") != std::string::npos)
      return DbError(DbError::Kind::check, msg);
  }
  return DbError(DbError::Kind::other, msg);
}

Value column_value(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return Value();
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer: return Value(static_cast<long long>(r.get<int>(i)));
    case soci::dt_long_long: return Value(static_cast<long long>(r.get<long long>(i)));
    case soci::dt_unsigned_long_long:
      return Value(static_cast<long long>(r.get<unsigned long long>(i)));
    case soci::dt_double: return Value(r.get<double>(i));
    case soci::dt_date: {
      std::tm t = r.get<std::tm>(i);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &t);
      return Value(std::string(buf));
    }
    default: return Value(r.get<std::string>(i));
  }
}

// Bound values must outlive the statement; a deque keeps their addresses stable.
struct Bindings {
  std::deque<long long> ints;
  std::deque<double> reals;
  std::deque<std::string> texts;
  std::deque<soci::indicator> inds;

  void bind(soci::statement& st, const Params& params) {
    for (const Value& p : params) {
      if (p.is_null()) {
        texts.emplace_back();
        inds.push_back(soci::i_null);
        st.exchange(soci::use(texts.back(), inds.back()));
      } else if (p.is_int()) {
        ints.push_back(p.as_int());
        st.exchange(soci::use(ints.back()));
      } else if (p.is_real()) {
        reals.push_back(p.as_real());
        st.exchange(soci::use(reals.back()));
      } else {
        texts.push_back(p.as_text());
        st.exchange(soci::use(texts.back()));
      }
    }
  }
};

class SociDb final : public Db {
 public:
  SociDb(Backend backend, const std::string& connect, const OpenOptions& options = {}) : backend_(backend) {
    try {
      if (backend == Backend::sqlite) {
        session_.open(soci::sqlite3, "db=" + connect + " timeout=10");
        session_ << "PRAGMA journal_mode=WAL";
        session_ << "PRAGMA foreign_keys=ON";
        session_ << (options.sqlite_sync == SqliteSync::full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
        session_ << "PRAGMA busy_timeout=10000";
      } else {
        session_.open(soci::postgresql, connect);
        session_ << "SET client_min_messages TO WARNING";
        // JIT compiles a plan's expressions when its estimated cost is high: for the
        // compliance engine's region-wide scans that took ≈0.6 s per query, more than the
        // scan (docs/PERFORMANCE.md). Our queries are short; the interpreter is faster.
        session_ << "SET jit = off";
      }
    } catch (const soci::soci_error& e) {
      throw DbError(DbError::Kind::other, std::string("cannot open database: ") + e.what());
    }
  }

  Backend backend() const override { return backend_; }

  // SQLite binds positional values to '?' directly; only PostgreSQL needs SOCI's named
  // form (which it turns into $n). Named placeholders would cost SQLite a linear name
  // lookup per bound value, quadratic in a multi-row INSERT.
  std::string prepared_sql(std::string_view sql) const {
    return backend_ == Backend::sqlite ? std::string(sql) : rewrite_placeholders(sql);
  }

  Result query(std::string_view sql, const Params& params) override {
    Result out;
    try {
      soci::statement st(session_);
      Bindings b;
      b.bind(st, params);
      soci::row row;
      st.exchange(soci::into(row));
      st.alloc();
      st.prepare(prepared_sql(sql));
      st.define_and_bind();
      bool got = st.execute(true);
      if (got) {
        for (std::size_t i = 0; i < row.size(); ++i) out.columns.push_back(row.get_properties(i).get_name());
      }
      while (got) {
        std::vector<Value> vals;
        vals.reserve(row.size());
        for (std::size_t i = 0; i < row.size(); ++i) vals.push_back(column_value(row, i));
        out.rows.push_back(std::move(vals));
        got = st.fetch();
      }
    } catch (const soci::soci_error& e) {
      throw classify(backend_, e);
    }
    return out;
  }

  int64_t exec(std::string_view sql, const Params& params) override {
    try {
      soci::statement st(session_);
      Bindings b;
      b.bind(st, params);
      st.alloc();
      st.prepare(prepared_sql(sql));
      st.define_and_bind();
      st.execute(true);
      return static_cast<int64_t>(st.get_affected_rows());
    } catch (const soci::soci_error& e) {
      throw classify(backend_, e);
    }
  }

  void exec_script(std::string_view sql) override {
    // Statements end with ';' at a line end, except inside a $$-quoted function body.
    std::string stmt;
    auto run = [&] {
      if (stmt.find_first_not_of(" \t\r\n") != std::string::npos) {
        try {
          session_ << stmt;
        } catch (const soci::soci_error& e) {
          throw classify(backend_, e);
        }
      }
      stmt.clear();
    };
    bool in_body = false;
    for (size_t i = 0; i < sql.size(); ++i) {
      if (sql.compare(i, 2, "$$") == 0) {
        in_body = !in_body;
        stmt += "$$";
        ++i;
      } else if (!in_body && sql[i] == ';' && (i + 1 == sql.size() || sql[i + 1] == '\n')) {
        run();
      } else {
        stmt += sql[i];
      }
    }
    run();
  }

  void begin() override {
    // SQLite: take the write lock up front, so two writers wait on the busy timeout
    // instead of one failing when it upgrades from a read lock.
    raw(backend_ == Backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    in_tx_ = true;
  }
  void commit() override {
    in_tx_ = false;
    raw("COMMIT");
  }
  void rollback() override {
    in_tx_ = false;
    raw("ROLLBACK");
  }
  bool in_transaction() const override { return in_tx_; }

 private:
  void raw(const char* sql) {
    try {
      session_ << sql;
    } catch (const soci::soci_error& e) {
      throw classify(backend_, e);
    }
  }

  Backend backend_;
  soci::session session_;
  bool in_tx_ = false;
};

}  // namespace

std::unique_ptr<Db> open(const std::string& url, const OpenOptions& options) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    return std::make_unique<SociDb>(Backend::postgresql, postgres_conninfo(url));
  // SQLite through SOCI remains reachable as "sqlite-soci:PATH", for comparison.
  if (url.rfind("sqlite-soci:", 0) == 0) return std::make_unique<SociDb>(Backend::sqlite, url.substr(12), options);
  if (url.rfind("sqlite:", 0) == 0) return open_sqlite(url.substr(7), options);
  if (url.size() > 3 && url.substr(url.size() - 3) == ".db") return open_sqlite(url, options);
  throw DbError(DbError::Kind::other, "unsupported database URL (use sqlite:PATH or postgresql://…): " + url);
}

}  // namespace yilian::store

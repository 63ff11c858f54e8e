// The one storage interface. Two real backends implement it (SQLite and PostgreSQL,
// both through SOCI); every module writes its SQL once, with '?' placeholders, in the
// common subset of both dialects. Values are always bound, never spliced into SQL.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/value.h"

namespace yilian::store {

enum class Backend { sqlite, postgresql };
const char* backend_name(Backend b);

struct Result {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;

  bool empty() const { return rows.empty(); }
  size_t size() const { return rows.size(); }
  int column(std::string_view name) const;  // -1 when absent
  // The first column of the first row, or NULL when there is no row.
  Value scalar() const { return rows.empty() || rows[0].empty() ? Value() : rows[0][0]; }
};

// Thrown for errors from the database itself. `constraint` is set for unique,
// foreign-key and check violations so callers can turn them into 409/422.
struct DbError : std::runtime_error {
  enum class Kind { other, unique, foreign_key, check, serialization };
  Kind kind;
  DbError(Kind k, const std::string& what) : std::runtime_error(what), kind(k) {}
};

class Db {
 public:
  virtual ~Db() = default;
  virtual Backend backend() const = 0;

  // Runs one statement and returns its rows (if any).
  virtual Result query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement and returns the number of rows it changed.
  virtual int64_t exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs a script of statements without parameters (migrations only).
  virtual void exec_script(std::string_view sql) = 0;

  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual bool in_transaction() const = 0;

  // Inserts and returns the generated id (the statement must not carry RETURNING).
  int64_t insert(std::string_view sql, const Params& params);
};

// RAII transaction: rolls back unless commit() was called. Nested use joins the
// outer transaction, so a helper that opens one can run inside a bigger change.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  void commit();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Db& db_;
  bool owner_ = false;
  bool done_ = false;
};

// SQLite's `synchronous` setting (WAL mode). full: the WAL is synced to disk at every
// commit, so an acknowledged write survives a power cut or an OS crash. normal: synced
// only at checkpoints, faster per commit, but such a crash may lose the last commits
// (never corrupts the file). docs/PERFORMANCE.md measures the difference.
enum class SqliteSync { full, normal };
// "full" or "normal"; throws std::invalid_argument otherwise.
SqliteSync parse_sqlite_sync(const std::string& name);
const char* sqlite_sync_name(SqliteSync s);

struct OpenOptions {
  SqliteSync sqlite_sync = SqliteSync::full;  // durable by default; PostgreSQL ignores it
};

// Opens "sqlite:PATH" (or a plain path ending in .db) or "postgresql://…".
std::unique_ptr<Db> open(const std::string& url, const OpenOptions& options = {});
std::unique_ptr<Db> open_sqlite(const std::string& path, const OpenOptions& options = {});

// "postgresql://user:pw@host:port/db?sslmode=disable" → libpq keyword/value form
// ("host='host' port='port' …"), because SOCI's PostgreSQL backend parses its connect
// string as key=value pairs and mangles URIs.
std::string postgres_conninfo(const std::string& url);

// Rewrites '?' placeholders (outside quotes) into the ":pN" form SOCI expects.
std::string rewrite_placeholders(std::string_view sql);

}  // namespace yilian::store

#include "store/migrations.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "common/clock.h"

namespace yilian::store {
namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}

}  // namespace

std::string apply_dialect(const std::string& sql, Backend backend) {
  std::string out = sql;
  bool pg = backend == Backend::postgresql;
  replace_all(out, "{{ID}}", pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT");
  replace_all(out, "{{REAL}}", pg ? "DOUBLE PRECISION" : "REAL");
  replace_all(out, "{{BLOB}}", pg ? "BYTEA" : "BLOB");
  return out;
}

int schema_version(Db& db) {
  return static_cast<int>(db.query("SELECT COALESCE(MAX(version), 0) FROM schema_migration").scalar().as_int());
}

int migrate(Db& db, std::vector<Migration> migrations) {
  std::sort(migrations.begin(), migrations.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (size_t i = 1; i < migrations.size(); ++i)
    if (migrations[i].version == migrations[i - 1].version)
      throw std::logic_error("duplicate migration version " + std::to_string(migrations[i].version));

  db.exec_script(
      "CREATE TABLE IF NOT EXISTS schema_migration (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL)");
  std::set<int64_t> applied;
  for (auto& row : db.query("SELECT version FROM schema_migration").rows) applied.insert(row[0].as_int());

  int count = 0;
  for (const auto& m : migrations) {
    if (applied.count(m.version)) continue;
    Transaction tx(db);
    const std::string& script = db.backend() == Backend::postgresql && !m.postgresql_sql.empty() ? m.postgresql_sql
                                : db.backend() == Backend::sqlite && !m.sqlite_sql.empty()   ? m.sqlite_sql
                                                                                              : m.sql;
    db.exec_script(apply_dialect(script, db.backend()));
    db.exec("INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)",
            {m.version, m.name, common::now_iso()});
    tx.commit();
    ++count;
  }
  return count;
}

}  // namespace yilian::store

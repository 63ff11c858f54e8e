// Versioned schema migrations. Each module owns its migrations; the application
// collects them. Scripts use a few tokens for the only dialect differences we need:
//   {{ID}}    auto-increment primary key
//   {{REAL}}  double-precision column
//   {{BLOB}}  binary column
#pragma once
#include <string>
#include <vector>

#include "store/db.h"

namespace yilian::store {

struct Migration {
  int version;        // unique and increasing across all modules: 1xx core, 2xx registry …
  std::string name;
  std::string sql;
  // When set, used instead of `sql` on that backend (triggers, functions).
  std::string sqlite_sql;
  std::string postgresql_sql;
};

std::string apply_dialect(const std::string& sql, Backend backend);

// Applies, in version order, every migration not yet recorded; each one in its own
// transaction. Returns the number applied.
int migrate(Db& db, std::vector<Migration> migrations);

int schema_version(Db& db);

}  // namespace yilian::store

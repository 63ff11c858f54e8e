// Command-line arguments: "--key value", "--key=value", "--flag" and positionals.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "store/db.h"

namespace yilian::cli {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;

  static Args parse(int argc, char** argv, int first);
  std::string get(const std::string& key, const std::string& fallback = "") const;
  bool has(const std::string& key) const { return options.count(key) > 0; }
};

// The database URL from --db, then YILIAN_DB, then the default SQLite file.
std::string db_url(const Args& a);
// --sqlite-sync full|normal (default full: every acknowledged write is on disk).
store::OpenOptions db_options(const Args& a);

}  // namespace yilian::cli

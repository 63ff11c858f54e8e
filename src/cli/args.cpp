#include "cli/args.h"

#include <cstdlib>

namespace yilian::cli {

Args Args::parse(int argc, char** argv, int first) {
  Args a;
  for (int i = first; i < argc; ++i) {
    std::string s = argv[i];
    if (s.rfind("--", 0) == 0) {
      std::string key = s.substr(2);
      auto eq = key.find('=');
      if (eq != std::string::npos) {
        a.options[key.substr(0, eq)] = key.substr(eq + 1);
      } else if (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0) {
        a.options[key] = argv[++i];
      } else {
        a.options[key] = "";
      }
    } else {
      a.positional.push_back(s);
    }
  }
  return a;
}

std::string Args::get(const std::string& key, const std::string& fallback) const {
  auto it = options.find(key);
  return it == options.end() ? fallback : it->second;
}

store::OpenOptions db_options(const Args& a) {
  store::OpenOptions o;
  if (a.has("sqlite-sync")) o.sqlite_sync = store::parse_sqlite_sync(a.get("sqlite-sync"));
  return o;
}

std::string db_url(const Args& a) {
  if (a.has("db")) return a.get("db");
  if (const char* env = std::getenv("YILIAN_DB")) return env;
  return "sqlite:data/yilian.db";
}

}  // namespace yilian::cli

#include <iostream>
#include <map>
#include <set>
#include <string>

#include "cli/commands.h"
#include "store/db.h"

namespace {

void usage() {
  std::cerr << "yilian " << YILIAN_VERSION << " — 医联 county medical-alliance platform\n\n"
               "usage: yilian COMMAND [options]\n"
               "  serve   --db URL --listen HOST:PORT [--threads N] [--web DIR]   run the server (migrates first)\n"
               "  migrate --db URL                                                 create or upgrade the schema\n"
               "  demo    --db URL [--scale county|province] [--seed N]           load the generated demo region\n"
               "          [--with-support] [--with-rounds] [--dispatch-scale N] [--county CODE] [--province CODE] [--datasets DIR]\n"
               "  import  --db URL --kind regions|institutions|villages|staff|operating-stats [--dry-run] [--prefix D] FILE.csv|FILE.xlsx\n"
               "  export  --db URL --kind regions|institutions|villages|staff --out FILE.csv|FILE.xlsx [--region C] [--full]\n"
               "  backup  --db URL --out FILE                                      consistent online copy\n"
               "  check   --db URL [--from D] [--to D] [--today D] [--region C] [--json]  compliance findings\n"
               "  weekly  --db URL --week 2026-W28 [--region C] [--out F.xlsx|F.csv]  the weekly 附件2 table\n"
               "  user    add|passwd ...                                           manage accounts\n"
               "  audit   verify --db URL                                          check the audit trail's hash chain\n"
               "  calendar import --db URL FILE.toml [--region C] [--dry-run]     import a holiday notice (calendars/)\n"
               "  calendar show --db URL [--year YYYY] [--region C]                a region's holidays and working days\n\n"
               "URL is sqlite:PATH (default sqlite:data/yilian.db, or $YILIAN_DB) or postgresql://user@host:port/db\n"
               "Every command takes --sqlite-sync full|normal: full (default) syncs every commit to disk, so an\n"
               "acknowledged write survives a power cut; normal is faster but may lose the last commits then.\n";
}

// The options each command reads. Anything else is refused before the database is
// opened: a mistyped option (or --help) must not run the command on the default database.
const std::map<std::string, std::set<std::string>>& known_options() {
  static const std::map<std::string, std::set<std::string>> known = {
      {"serve", {"db", "listen", "threads", "web", "access-log", "policies", "sqlite-sync"}},
      {"migrate", {"db", "sqlite-sync"}},
      {"demo", {"db", "scale", "seed", "county", "province", "datasets", "dispatch-scale", "with-rounds",
                "with-support", "sqlite-sync"}},
      {"import", {"db", "kind", "dry-run", "prefix", "sqlite-sync"}},
      {"export", {"db", "kind", "out", "region", "full", "sqlite-sync"}},
      {"backup", {"db", "out", "sqlite-sync"}},
      {"check", {"db", "from", "to", "today", "region", "json", "policies", "sqlite-sync"}},
      {"weekly", {"db", "week", "region", "out", "phone", "policies", "preset", "reporter", "sqlite-sync"}},
      {"user", {"db", "username", "name", "password", "role", "region", "institution", "staff", "sqlite-sync"}},
      {"audit", {"db", "sqlite-sync"}},
      {"calendar", {"db", "region", "dry-run", "year", "sqlite-sync"}},
  };
  return known;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage();
    return 2;
  }
  std::string cmd = argv[1];
  auto args = yilian::cli::Args::parse(argc, argv, 2);
  if (cmd == "help" || cmd == "--help" || cmd == "-h" || args.has("help")) {
    usage();
    return 0;
  }
  if (auto it = known_options().find(cmd); it != known_options().end()) {
    for (const auto& [key, value] : args.options)
      if (!it->second.count(key)) {
        std::cerr << "yilian " << cmd << ": unknown option --" << key << "\n\n";
        usage();
        return 2;
      }
  }
  try {
    if (cmd == "serve") return yilian::cli::cmd_serve(args);
    if (cmd == "migrate") return yilian::cli::cmd_migrate(args);
    if (cmd == "user") return yilian::cli::cmd_user(args);
    if (cmd == "backup") return yilian::cli::cmd_backup(args);
    if (cmd == "demo") return yilian::cli::cmd_demo(args);
    if (cmd == "import") return yilian::cli::cmd_import(args);
    if (cmd == "export") return yilian::cli::cmd_export(args);
    if (cmd == "check") return yilian::cli::cmd_check(args);
    if (cmd == "weekly") return yilian::cli::cmd_weekly(args);
    if (cmd == "audit") return yilian::cli::cmd_audit(args);
    if (cmd == "calendar") return yilian::cli::cmd_calendar(args);
  } catch (const std::exception& e) {
    std::cerr << "yilian " << cmd << ": " << e.what() << "\n";
    return 1;
  }
  usage();
  return 2;
}

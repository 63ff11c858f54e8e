#include <iostream>
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
               "  import  --db URL --kind regions|institutions|villages|staff FILE.csv|FILE.xlsx\n"
               "  export  --db URL --kind regions|institutions|villages|staff --out FILE.csv|FILE.xlsx\n"
               "  backup  --db URL --out FILE                                      consistent online copy\n"
               "  check   --db URL [--from D] [--to D] [--today D] [--region C] [--json]  compliance findings\n"
               "  weekly  --db URL --week 2026-W28 [--region C] [--out F.xlsx|F.csv]  the weekly 附件2 table\n"
               "  user    add|passwd ...                                           manage accounts\n\n"
               "URL is sqlite:PATH (default sqlite:data/yilian.db, or $YILIAN_DB) or postgresql://user@host:port/db\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage();
    return 2;
  }
  std::string cmd = argv[1];
  auto args = yilian::cli::Args::parse(argc, argv, 2);
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
  } catch (const std::exception& e) {
    std::cerr << "yilian " << cmd << ": " << e.what() << "\n";
    return 1;
  }
  usage();
  return 2;
}

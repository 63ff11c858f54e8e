#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/modules.h"
#include "auth/password.h"
#include "admin/accounts.h"
#include "cli/commands.h"

namespace yilian::cli {

std::unique_ptr<store::Db> open_migrated(const std::string& url, const store::OpenOptions& options) {
  std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : "";
  if (!path.empty()) {
    auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir);
  }
  auto db = store::open(url, options);
  int n = store::migrate(*db, app::all_migrations());
  if (n) std::cerr << "migrated: " << n << " migration(s) applied, schema version " << store::schema_version(*db) << "\n";
  return db;
}

void ensure_admin(store::Db& db) {
  if (db.query("SELECT COUNT(*) FROM app_user").scalar().as_int() > 0) return;
  const char* env = std::getenv("YILIAN_ADMIN_PASSWORD");
  std::string password = env && *env ? env : auth::generate_password();
  admin::create_user(db, nullptr, "", {"admin", "系统管理员", password, "admin", "", 0, 0});
  if (env && *env)
    std::cout << "created account admin (password from YILIAN_ADMIN_PASSWORD)\n";
  else
    std::cout << "created account admin with password: " << password << "  (shown once; change it after login)\n";
}

int cmd_migrate(const Args& a) {
  auto db = open_migrated(db_url(a), db_options(a));
  ensure_admin(*db);
  std::cout << "schema version " << store::schema_version(*db) << " (" << store::backend_name(db->backend()) << ")\n";
  return 0;
}

int cmd_backup(const Args& a) {
  std::string out = a.get("out");
  if (out.empty()) {
    std::cerr << "usage: yilian backup --db URL --out FILE\n";
    return 2;
  }
  std::string url = db_url(a);
  if (std::filesystem::exists(out)) {
    std::cerr << "backup: " << out << " already exists\n";
    return 1;
  }
  auto db = store::open(url, db_options(a));
  if (db->backend() == store::Backend::sqlite) {
    // VACUUM INTO writes a consistent snapshot while other connections keep working.
    db->exec("VACUUM INTO ?", {out});
  } else {
    // pg_dump takes a consistent snapshot too; the URL is passed as an argument, not via a shell.
    pid_t pid = fork();
    if (pid == 0) {
      execlp("pg_dump", "pg_dump", "--format=custom", "--file", out.c_str(), url.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::cerr << "backup: pg_dump failed\n";
      return 1;
    }
  }
  std::cout << "backup written to " << out << " (" << std::filesystem::file_size(out) << " bytes)\n";
  return 0;
}

}  // namespace yilian::cli

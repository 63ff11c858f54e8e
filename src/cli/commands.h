// One function per `yilian` subcommand; each returns the process exit code.
#pragma once
#include <memory>
#include <string>

#include "cli/args.h"
#include "store/db.h"

namespace yilian::cli {

int cmd_serve(const Args& a);
int cmd_migrate(const Args& a);
int cmd_user(const Args& a);
int cmd_backup(const Args& a);
int cmd_demo(const Args& a);
int cmd_import(const Args& a);
int cmd_export(const Args& a);
int cmd_check(const Args& a);
int cmd_weekly(const Args& a);
int cmd_audit(const Args& a);
int cmd_calendar(const Args& a);

// Opens the database (creating the folder of a SQLite file) and migrates it.
std::unique_ptr<store::Db> open_migrated(const std::string& url, const store::OpenOptions& options = {});
// Creates the `admin` account when no account exists yet. Its password is
// YILIAN_ADMIN_PASSWORD, or generated and printed this once.
void ensure_admin(store::Db& db);

}  // namespace yilian::cli

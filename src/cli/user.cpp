#include <iostream>

#include "auth/password.h"
#include "admin/accounts.h"
#include "auth/session.h"
#include "cli/commands.h"
#include "common/error.h"
#include "audit/audit.h"
#include "common/clock.h"

namespace yilian::cli {

// yilian user add --username U --name 名字 --role R [--region C] [--institution ID] [--staff ID] [--password P]
// yilian user passwd --username U [--password P]
int cmd_user(const Args& a) {
  std::string sub = a.positional.empty() ? "" : a.positional[0];
  auto db = open_migrated(db_url(a), db_options(a));
  try {
    if (sub == "add") {
      std::string password = a.get("password");
      bool generated = password.empty();
      if (generated) password = auth::generate_password();
      admin::NewUser u{a.get("username"), a.get("name", a.get("username")), password, a.get("role"), a.get("region"),
                      std::stoll(a.get("institution", "0")), std::stoll(a.get("staff", "0"))};
      int64_t id = admin::create_user(*db, nullptr, "cli", u);
      std::cout << "created user " << u.username << " (id " << id << ")";
      if (generated) std::cout << " with password: " << password;
      std::cout << "\n";
      return 0;
    }
    if (sub == "passwd") {
      auto r = db->query("SELECT id, scope_region FROM app_user WHERE username = ?", {a.get("username")});
      if (r.empty()) {
        std::cerr << "no such user: " << a.get("username") << "\n";
        return 1;
      }
      std::string password = a.get("password");
      bool generated = password.empty();
      if (generated) password = auth::generate_password();
      std::string problem = auth::password_problem(password);
      if (!problem.empty()) {
        std::cerr << problem << "\n";
        return 1;
      }
      store::Transaction tx(*db);
      db->exec("UPDATE app_user SET password_hash = ?, failed_logins = 0, lock_count = 0, locked_until = 0, "
               "version = version + 1, updated_at = ? WHERE id = ?",
               {auth::hash_password(password), common::now_iso(), r.rows[0][0].as_int()});
      auth::revoke_all(*db, r.rows[0][0].as_int());
      audit::record(*db, nullptr, "cli", {"password", "app_user", r.rows[0][0].as_text(), r.rows[0][1].as_text(), 0, nullptr, nullptr});
      tx.commit();
      std::cout << "password changed for " << a.get("username");
      if (generated) std::cout << ": " << password;
      std::cout << "\n";
      return 0;
    }
  } catch (const common::ApiError& e) {
    std::cerr << "error: " << e.what() << (e.field.empty() ? "" : " (" + e.field + ")") << "\n";
    return 1;
  }
  std::cerr << "usage: yilian user add --username U --name 姓名 --role ROLE [--region CODE] [--institution ID] "
               "[--staff ID] [--password P]\n       yilian user passwd --username U [--password P]\n";
  return 2;
}

}  // namespace yilian::cli

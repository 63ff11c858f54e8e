#include "auth/session.h"

#include <algorithm>

#include "audit/audit.h"
#include "auth/password.h"
#include "common/clock.h"
#include "common/error.h"
#include "common/region_code.h"

namespace yilian::auth {
namespace {

const char* kPrincipalColumns =
    "u.id, u.username, u.display_name, u.role, u.scope_region, u.institution_id, u.staff_id";

Principal to_principal(const std::vector<store::Value>& r) {
  Principal p;
  p.user_id = r[0].as_int();
  p.username = r[1].as_text();
  p.display_name = r[2].as_text();
  p.role = parse_role(r[3].as_text()).value_or(Role::doctor);
  p.region_code = r[4].as_text();
  p.region_prefix = p.role == Role::admin ? "" : common::region_prefix(p.region_code);
  p.institution_id = r[5].as_int();
  p.staff_id = r[6].as_int();
  return p;
}

// A hash to verify against when the user does not exist, so the answer takes the
// same time either way and does not reveal which usernames exist.
const std::string& dummy_hash() {
  static const std::string h = hash_password("dummy-password-1");
  return h;
}

}  // namespace

Principal principal_for_user(store::Db& db, int64_t user_id) {
  auto r = db.query(std::string("SELECT ") + kPrincipalColumns + " FROM app_user u WHERE u.id = ?", {user_id});
  if (r.empty()) common::not_found("用户不存在");
  return to_principal(r.rows[0]);
}

LoginResult login(store::Db& db, const std::string& username, const std::string& password,
                  const std::string& remote_addr, const LoginPolicy& policy) {
  const int64_t now = common::now_unix();
  auto r = db.query("SELECT id, password_hash, active, scope_region, institution_id FROM app_user WHERE username = ?",
                    {username});
  audit::Entry fail{"login_failed", "app_user", "", "", 0, nullptr, {{"username", username}}};
  if (r.empty() || r.rows[0][2].as_int() == 0) {
    verify_password(dummy_hash(), password);
    audit::record(db, nullptr, remote_addr, fail, username);
    common::unauthorized("用户名或密码错误");
  }
  const auto& u = r.rows[0];
  const int64_t id = u[0].as_int();
  fail.entity_id = std::to_string(id);
  fail.region_code = u[3].as_text();
  fail.institution_id = u[4].as_int();

  // Each guess is claimed in the database before the password is checked, in one
  // statement, so no burst of concurrent requests gets more than max_failures guesses
  // per lock period: failed_logins counts guesses since the last success or lock,
  // including those still being checked.
  auto claim = db.query("UPDATE app_user SET failed_logins = failed_logins + 1 WHERE id = ? AND locked_until <= ? AND "
                        "failed_logins < ? RETURNING failed_logins, lock_count",
                        {id, now, static_cast<int64_t>(policy.max_failures)});
  if (claim.empty()) {
    audit::record(db, nullptr, remote_addr, fail, username);
    int64_t locked_until = db.query("SELECT locked_until FROM app_user WHERE id = ?", {id}).scalar().as_int();
    if (locked_until > now)
      throw common::ApiError(423, "account_locked",
                             "登录失败次数过多,账号已锁定,请" + std::to_string((locked_until - now + 59) / 60) +
                                 "分钟后再试");
    throw common::ApiError(423, "account_locked", "该账号正在进行的登录尝试过多,请稍后再试");
  }
  const int64_t guesses = claim.rows[0][0].as_int(), locks = claim.rows[0][1].as_int();

  if (!verify_password(u[1].as_text(), password)) {
    store::Transaction tx(db);
    bool lock = guesses >= policy.max_failures;
    if (lock) {
      int64_t seconds = std::min<int64_t>(int64_t(policy.lock_seconds) << std::min<int64_t>(locks, 10), 86400);
      db.exec("UPDATE app_user SET failed_logins = 0, lock_count = lock_count + 1, locked_until = ? WHERE id = ?",
              {now + seconds, id});
    }
    audit::record(db, nullptr, remote_addr, fail, username);
    tx.commit();
    if (lock) throw common::ApiError(423, "account_locked", "登录失败次数过多,账号已锁定,请稍后再试");
    common::unauthorized("用户名或密码错误");
  }

  LoginResult out;
  out.token = random_token();
  out.expires_at = now + policy.token_seconds;
  store::Transaction tx(db);
  db.exec("UPDATE app_user SET failed_logins = 0, lock_count = 0, locked_until = 0 WHERE id = ?", {id});
  db.exec("INSERT INTO auth_token (token_hash, user_id, created_at, expires_at, remote_addr) VALUES (?, ?, ?, ?, ?)",
          {token_digest(out.token), id, now, out.expires_at, remote_addr});
  out.principal = principal_for_user(db, id);
  audit::record(db, &out.principal, remote_addr,
                {"login", "app_user", std::to_string(id), fail.region_code, fail.institution_id, nullptr, nullptr});
  tx.commit();
  return out;
}

std::optional<Principal> authenticate(store::Db& db, const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  std::string digest = token_digest(token);
  auto r = db.query(std::string("SELECT ") + kPrincipalColumns +
                        " FROM auth_token t JOIN app_user u ON u.id = t.user_id "
                        "WHERE t.token_hash = ? AND t.revoked = 0 AND t.expires_at > ? AND u.active = 1",
                    {digest, common::now_unix()});
  if (r.empty()) return std::nullopt;
  Principal p = to_principal(r.rows[0]);
  p.token_hash = digest;
  return p;
}

void revoke(store::Db& db, const std::string& token_hash) {
  db.exec("UPDATE auth_token SET revoked = 1 WHERE token_hash = ?", {token_hash});
}

void revoke_all(store::Db& db, int64_t user_id) {
  db.exec("UPDATE auth_token SET revoked = 1 WHERE user_id = ?", {user_id});
}

}  // namespace yilian::auth

// Login, tokens, lockout, password changes and account management.
#include "auth/session.h"
#include "fixture/fixture.h"

namespace yilian::testing {

class AuthApi : public ApiTest {};

TEST_F(AuthApi, LoginGivesTokenThatAuthenticates) {
  auto r = post("/api/v1/auth/login", "", {{"username", "bureau_a"}, {"password", kPassword}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["user"]["role"], "bureau");
  EXPECT_EQ(r.body["user"]["region_code"], "370102");
  seed.tokens["fresh"] = r.body["token"];
  auto me = get("/api/v1/auth/me", "fresh");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.body["username"], "bureau_a");
  EXPECT_EQ(me.body["region_name"], "历下区");
}

TEST_F(AuthApi, WrongPasswordAndUnknownUserLookTheSame) {
  auto a = post("/api/v1/auth/login", "", {{"username", "bureau_a"}, {"password", "wrong-1234"}});
  auto b = post("/api/v1/auth/login", "", {{"username", "nobody"}, {"password", "wrong-1234"}});
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(b.status, 401);
  EXPECT_EQ(a.body["error"]["message"], b.body["error"]["message"]);
  EXPECT_EQ(a.body["error"]["message"], "用户名或密码错误");
}

TEST_F(AuthApi, RepeatedFailuresLockTheAccountEvenForTheRightPassword) {
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(post("/api/v1/auth/login", "", {{"username", "hospital_a"}, {"password", "bad-pass-1"}}).status, 401);
  auto fifth = post("/api/v1/auth/login", "", {{"username", "hospital_a"}, {"password", "bad-pass-1"}});
  EXPECT_EQ(fifth.status, 423);
  auto right = post("/api/v1/auth/login", "", {{"username", "hospital_a"}, {"password", kPassword}});
  EXPECT_EQ(right.status, 423) << right.raw;
  EXPECT_EQ(right.body["error"]["code"], "account_locked");
  // The admin unlocks; the right password works again.
  auto users = get("/api/v1/users?q=hospital_a", "admin");
  ASSERT_EQ(users.body["total"], 1);
  int64_t id = users.body["items"][0]["id"];
  EXPECT_EQ(post("/api/v1/users/" + std::to_string(id) + "/unlock", "admin", nlohmann::json::object()).status, 200);
  EXPECT_EQ(post("/api/v1/auth/login", "", {{"username", "hospital_a"}, {"password", kPassword}}).status, 200);
  EXPECT_GE(db->query("SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed'").scalar().as_int(), 5);
}

TEST_F(AuthApi, LogoutRevokesTheToken) {
  EXPECT_EQ(get("/api/v1/auth/me", "township_a1").status, 200);
  EXPECT_EQ(post("/api/v1/auth/logout", "township_a1", nlohmann::json::object()).status, 200);
  auto r = get("/api/v1/auth/me", "township_a1");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.body["error"]["code"], "unauthorized");
}

TEST_F(AuthApi, ExpiredTokenIsRefused) {
  db->exec("UPDATE auth_token SET expires_at = 1");
  EXPECT_EQ(get("/api/v1/auth/me", "admin").status, 401);
}

TEST_F(AuthApi, MissingOrMalformedTokenIsRefused) {
  EXPECT_EQ(get("/api/v1/institutions", "").status, 401);
  http::Request req;
  req.method = "GET";
  req.path = "/api/v1/institutions";
  req.headers["authorization"] = "Bearer not-a-token";
  EXPECT_EQ(app->handle(*db, req).status, 401);
}

TEST_F(AuthApi, ChangeOwnPasswordChecksOldOneAndPolicy) {
  EXPECT_EQ(post("/api/v1/auth/password", "doctor_a", {{"old_password", "nope"}, {"new_password", "NewPass123"}}).status, 422);
  auto weak = post("/api/v1/auth/password", "doctor_a", {{"old_password", kPassword}, {"new_password", "short"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(weak.body["error"]["field"], "password");
  EXPECT_EQ(post("/api/v1/auth/password", "doctor_a", {{"old_password", kPassword}, {"new_password", "NewPass123"}}).status, 200);
  EXPECT_EQ(get("/api/v1/auth/me", "doctor_a").status, 401);  // tokens revoked
  EXPECT_EQ(post("/api/v1/auth/login", "", {{"username", "doctor_a"}, {"password", "NewPass123"}}).status, 200);
}

TEST_F(AuthApi, BureauCreatesUsersOnlyInsideItsRegion) {
  auto ok = post("/api/v1/users", "bureau_a",
                 {{"username", "township_a2"}, {"display_name", "千佛山"}, {"password", "Secret123"},
                  {"role", "township"}, {"institution_id", seed.township_a2}});
  ASSERT_EQ(ok.status, 201) << ok.raw;
  EXPECT_EQ(ok.body["scope_region"], "370102002000");
  EXPECT_FALSE(ok.body.contains("password_hash"));
  auto out = post("/api/v1/users", "bureau_a",
                  {{"username", "township_b9"}, {"display_name", "x"}, {"password", "Secret123"},
                   {"role", "township"}, {"institution_id", seed.township_b1}});
  EXPECT_EQ(out.status, 403);
  EXPECT_EQ(count("app_user WHERE username = 'township_b9'"), 0);
  auto admin = post("/api/v1/users", "bureau_a",
                    {{"username", "evil"}, {"display_name", "x"}, {"password", "Secret123"}, {"role", "admin"}});
  EXPECT_EQ(admin.status, 403);
}

TEST_F(AuthApi, UserCreationRejectsBadInputAndWritesNothing) {
  int64_t before = count("app_user");
  struct Case {
    nlohmann::json body;
    std::string field;
  };
  std::vector<Case> cases = {
      {{{"username", "a"}, {"display_name", "x"}, {"password", "Secret123"}, {"role", "admin"}}, "username"},
      {{{"username", "okname"}, {"display_name", "x"}, {"password", "123"}, {"role", "admin"}}, "password"},
      {{{"username", "okname"}, {"display_name", "x"}, {"password", "Secret123"}, {"role", "king"}}, "role"},
      {{{"username", "okname"}, {"display_name", "x"}, {"password", "Secret123"}, {"role", "bureau"}}, "region_code"},
      {{{"username", "okname"}, {"display_name", "x"}, {"password", "Secret123"}, {"role", "hospital"},
        {"institution_id", 99999}}, "institution_id"},
      {{{"username", "okname"}, {"display_name", "x"}, {"password", "Secret123"}, {"role", "doctor"}}, "staff_id"},
      {{{"username", "admin"}, {"display_name", "x"}, {"password", "Secret123"}, {"role", "admin"}}, "username"},
      {{{"username", "okname"}, {"display_name", "x"}, {"password", "Secret123"}, {"role", "admin"}, {"extra", 1}}, "extra"},
  };
  for (const auto& c : cases) {
    auto r = post("/api/v1/users", "admin", c.body);
    EXPECT_GE(r.status, 400) << c.body.dump();
    EXPECT_LT(r.status, 500) << c.body.dump();
    EXPECT_EQ(r.body["error"]["field"], c.field) << c.body.dump() << " → " << r.raw;
  }
  EXPECT_EQ(count("app_user"), before);
}

TEST_F(AuthApi, UserManagementIsRefusedToOtherRoles) {
  for (const char* u : {"hospital_a", "township_a1", "doctor_a", "villager_a1"}) {
    auto r = post("/api/v1/users", u,
                  {{"username", "x" + std::string(u)}, {"display_name", "x"}, {"password", "Secret123"}, {"role", "admin"}});
    EXPECT_EQ(r.status, 403) << u;
  }
  // A bureau sees only the accounts of its region.
  auto list = get("/api/v1/users?page_size=100", "bureau_b");
  ASSERT_EQ(list.status, 200);
  for (const auto& u : list.body["items"]) EXPECT_EQ(u["scope_region"].get<std::string>().rfind("370103", 0), 0u) << u.dump();
  EXPECT_EQ(get("/api/v1/users?page_size=100", "admin").body["total"], 9);
}

TEST_F(AuthApi, DeactivatedUserCannotUseOldTokenOrLogin) {
  auto users = get("/api/v1/users?q=villager_a1", "admin");
  int64_t id = users.body["items"][0]["id"];
  EXPECT_EQ(call("DELETE", "/api/v1/users/" + std::to_string(id), "admin").status, 200);
  EXPECT_EQ(get("/api/v1/auth/me", "villager_a1").status, 401);
  EXPECT_EQ(post("/api/v1/auth/login", "", {{"username", "villager_a1"}, {"password", kPassword}}).status, 401);
}

}  // namespace yilian::testing

// A burst of wrong passwords gets no more guesses than the lockout allows (hardening
// issue, item 11): each guess is claimed in the database before the password is checked.
#include <sodium.h>

#include <mutex>
#include <thread>

#include "auth/session.h"
#include "fixture/fixture.h"

namespace yilian::testing {

class LockoutRace : public ApiTest {};

TEST_F(LockoutRace, ConcurrentWrongPasswordsCheckAtMostFiveGuessesBeforeTheLock) {
  // A real-cost hash, so each check takes long enough for the burst to overlap.
  char hash[crypto_pwhash_STRBYTES];
  const std::string password = "Right2026pass";
  ASSERT_EQ(sodium_init() >= 0, true);
  ASSERT_EQ(crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE / 4),
            0);
  db->exec("UPDATE app_user SET password_hash = ? WHERE username = 'hospital_a'", {std::string(hash)});

  constexpr int kThreads = 8, kEach = 3;
  std::vector<int> statuses;
  std::mutex mu;
  std::vector<std::thread> pool;
  for (int i = 0; i < kThreads; ++i)
    pool.emplace_back([&] {
      auto conn = store::open(db_url);
      for (int k = 0; k < kEach; ++k) {
        auto r = call_on(*conn, "POST", "/api/v1/auth/login", "", {{"username", "hospital_a"}, {"password", "wrong-1234"}});
        std::lock_guard lock(mu);
        statuses.push_back(r.status);
      }
    });
  for (auto& t : pool) t.join();
  int checked_and_wrong = 0;
  for (int s : statuses) {
    EXPECT_TRUE(s == 401 || s == 423) << s;
    checked_and_wrong += s == 401;
  }
  // Five guesses were checked: four answered 401, the fifth locked the account (423).
  const auth::LoginPolicy policy;
  EXPECT_EQ(checked_and_wrong, policy.max_failures - 1);
  EXPECT_EQ(count("app_user WHERE username = 'hospital_a' AND lock_count = 1 AND locked_until > 0"), 1);
  // The right password is refused until the lock ends.
  auto right = post("/api/v1/auth/login", "", {{"username", "hospital_a"}, {"password", password}});
  EXPECT_EQ(right.status, 423);
}

}  // namespace yilian::testing

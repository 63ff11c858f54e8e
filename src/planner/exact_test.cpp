#include "planner/exact.h"

#include <gtest/gtest.h>

#include "planner/check.h"
#include "planner/test_cases.h"

namespace yilian::planner {
using namespace testing;

TEST(PlannerExact, ProvesTheOptimumOfAHandCheckedCase) {
  // One village 5 km out owing two visits: two single trips of 10 km, nothing cheaper.
  Problem p = week_problem();
  p.teams = {team("T1", 0, 0)};
  p.villages = {village("A", 5, 0, {"T1"}, 2, 0)};
  auto r = solve_exact(p);
  EXPECT_TRUE(r.proven_optimal);
  EXPECT_TRUE(r.unmet.empty());
  EXPECT_NEAR(r.cost.travel_km, 20.0, 0.01);
  EXPECT_NEAR(r.cost.balance, p.balance_weight * 4, 1e-9);
  EXPECT_TRUE(check(p, r.plan).empty());
}

TEST(PlannerExact, MeetsEveryRuleOfAFeasibleTownship) {
  Problem p = two_team_township();
  auto r = solve_exact(p);
  EXPECT_TRUE(r.proven_optimal);
  EXPECT_TRUE(r.unmet.empty());
  EXPECT_EQ(r.parts, 1);  // doctor D1 joins both teams, so they form one part
  for (const auto& v : check(p, r.plan)) ADD_FAILURE() << v.message;
  // Senior visits ride along on the weekly single-village trips where a doctor is free.
  double weekly_only = 4 * 3 + 4 * std::hypot(2, 2);
  EXPECT_GT(r.cost.travel_km, weekly_only);
}

TEST(PlannerExact, DecompositionFindsTheSameOptimumAsOneModel) {
  Problem p = two_team_township();
  p.doctors[0].townships.clear();
  p.doctors[0].teams = {"T1"};  // now T1 and T2 share nothing
  auto split = solve_exact(p);
  ExactOptions whole;
  whole.decompose = false;
  auto one = solve_exact(p, whole);
  EXPECT_EQ(split.parts, 2);
  EXPECT_EQ(one.parts, 1);
  EXPECT_TRUE(split.proven_optimal && one.proven_optimal);
  EXPECT_NEAR(split.cost.objective, one.cost.objective, 1e-6);
}

TEST(PlannerExact, VisitsLastingTwoHalfDaysTakeAWholeDay) {
  Problem p = week_problem();
  p.min_half_days_per_visit = 2;
  p.teams = {team("T1", 0, 0)};
  p.villages = {village("A", 5, 0, {"T1"}, 1, 0)};
  auto r = solve_exact(p);
  EXPECT_TRUE(r.unmet.empty());
  ASSERT_EQ(r.plan.trips.size(), 2u);
  EXPECT_EQ(r.plan.trips[0].day, r.plan.trips[1].day);
  EXPECT_TRUE(check(p, r.plan).empty());
}

TEST(PlannerExact, SlackNamesTheVillageAndRuleThatCannotBeMet) {
  Problem p = crowded_team();
  auto r = solve_exact(p);
  EXPECT_TRUE(r.proven_optimal);
  int missing = 0;
  for (const auto& u : r.unmet) {
    EXPECT_EQ(u.kind, RuleKind::weekly_team_visits);
    EXPECT_EQ(u.village.substr(0, 1), "S");
    missing += u.required - u.actual;
  }
  EXPECT_EQ(missing, 2);  // 12 visits owed, 10 half-days
  EXPECT_EQ(r.plan.trips.size(), 10u);
  // The slack agrees with an independent re-check of the plan.
  EXPECT_EQ(check(p, r.plan).size(), r.unmet.size());
}

TEST(PlannerExact, RejectsAMalformedProblemWithEveryFault) {
  Problem p = week_problem();
  p.teams = {team("T1", 0, 0), team("T1", 1, 1)};
  p.villages = {village("A", 5, 0, {"T9"}, 2, 0)};
  try {
    solve_exact(p);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("团队编号重复:T1"), std::string::npos) << what;
    EXPECT_NE(what.find("包干团队T9不存在"), std::string::npos) << what;
  }
}

}  // namespace yilian::planner

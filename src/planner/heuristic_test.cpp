#include "planner/heuristic.h"

#include <gtest/gtest.h>

#include "planner/check.h"
#include "planner/exact.h"
#include "planner/test_cases.h"

namespace yilian::planner {
using namespace testing;

namespace {

// Three teams over two ISO weeks, villages scattered around their centres by a fixed LCG.
Problem scattered_township() {
  Problem p;
  std::vector<std::string> dates{"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06",
                                 "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"};
  p.horizon = horizon_from_dates(dates);
  p.teams = {team("T1", 0, 0), team("T2", 12, 0), team("T3", 6, 10)};
  p.teams[2].has_vehicle = false;
  p.teams[2].max_trip_km = 20;
  uint32_t x = 12345;
  auto next = [&x] { return (x = x * 1103515245u + 12345u) / 65536u % 1000 / 1000.0; };
  for (int i = 0; i < 18; ++i) {
    int t = i % 3;
    double east = (t == 1 ? 12 : t == 2 ? 6 : 0) + (next() - 0.5) * 10;
    double north = (t == 2 ? 10 : 0) + (next() - 0.5) * 10;
    p.villages.push_back(village("V" + std::to_string(i), east, north, {p.teams[t].id}, i % 5 == 0 ? 2 : 0, 2));
  }
  std::vector<bool> mornings(20, false), afternoons(20, false);
  for (int s = 0; s < 20; ++s) (s % 2 ? afternoons : mornings)[s] = true;
  p.doctors = {SeniorDoctor{"D1", "", mornings, {}, {"东镇"}}, SeniorDoctor{"D2", "", afternoons, {"T2", "T3"}, {}}};
  return p;
}

// Visits of a whole day (min_half_days_per_visit = 2): both half-days at the village.
Problem whole_day_visits() {
  Problem p = two_team_township();
  p.min_half_days_per_visit = 2;
  return p;
}

bool same_plan(const Plan& a, const Plan& b) {
  if (a.trips.size() != b.trips.size()) return false;
  for (size_t i = 0; i < a.trips.size(); ++i) {
    const Trip &x = a.trips[i], &y = b.trips[i];
    if (x.team != y.team || x.day != y.day || x.half != y.half || x.villages != y.villages ||
        x.senior_doctors != y.senior_doctors)
      return false;
  }
  return true;
}

}  // namespace

TEST(PlannerHeuristic, MeetsEveryRuleAndNeverBeatsTheProvenOptimum) {
  for (const Problem& p : {two_team_township(), scattered_township(), whole_day_visits()}) {
    auto exact = solve_exact(p);
    ASSERT_TRUE(exact.proven_optimal);
    ASSERT_TRUE(exact.unmet.empty());
    HeuristicOptions options;
    options.max_iterations = 40000;
    auto fast = solve_heuristic(p, options);
    for (const auto& v : check(p, fast.plan)) ADD_FAILURE() << v.message;
    EXPECT_TRUE(fast.unmet.empty());
    EXPECT_GE(fast.cost.travel_km, exact.cost.travel_km - 1e-6);
    EXPECT_GE(fast.cost.objective, exact.cost.objective - 1e-6);
    // Close to the optimum on cases this small.
    EXPECT_LE(fast.cost.travel_km, exact.cost.travel_km * 1.15);
  }
}

TEST(PlannerHeuristic, SameSeedSamePlan) {
  Problem p = scattered_township();
  HeuristicOptions options;
  options.seed = 7;
  options.max_iterations = 20000;
  auto a = solve_heuristic(p, options), b = solve_heuristic(p, options);
  EXPECT_TRUE(same_plan(a.plan, b.plan));
  EXPECT_EQ(a.iterations, b.iterations);
  EXPECT_DOUBLE_EQ(a.cost.objective, b.cost.objective);
}

TEST(PlannerHeuristic, ReportsWhatItCannotMeet) {
  auto r = solve_heuristic(crowded_team());
  int missing = 0;
  for (const auto& u : r.unmet) {
    EXPECT_EQ(u.kind, RuleKind::weekly_team_visits);
    missing += u.required - u.actual;
  }
  EXPECT_EQ(missing, 2);
}

}  // namespace yilian::planner

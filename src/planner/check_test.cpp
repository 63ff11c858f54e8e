#include "planner/check.h"

#include <gtest/gtest.h>

#include "planner/test_cases.h"

namespace yilian::planner {
using namespace testing;

namespace {

int count(const std::vector<Violation>& found, RuleKind kind) {
  int n = 0;
  for (const auto& v : found) n += v.kind == kind;
  return n;
}

// A valid week for the two-team township, written by hand.
Plan hand_plan() {
  Plan p;
  p.trips = {{"T1", 0, Half::am, {"A"}, {"D1"}},
             {"T1", 0, Half::pm, {"B", "C"}, {"D1"}},
             {"T1", 1, Half::am, {"B", "C", "D"}, {"D1"}},
             {"T1", 3, Half::am, {"A"}, {}},
             {"T2", 1, Half::pm, {"E", "F"}, {"D1"}},
             {"T2", 2, Half::pm, {"F"}, {"D1"}},
             {"T2", 3, Half::pm, {"G"}, {"D2"}},
             {"T2", 4, Half::am, {"E"}, {"D2"}},
             {"T2", 4, Half::pm, {"E"}, {}}};
  return p;
}

}  // namespace

TEST(PlannerCheck, AcceptsAValidHandMadePlan) {
  for (const auto& v : check(two_team_township(), hand_plan())) ADD_FAILURE() << v.message;
}

TEST(PlannerCheck, FindsDoubleBookedTeamsAndDoctors) {
  Plan plan = hand_plan();
  plan.trips.push_back({"T1", 0, Half::am, {"D"}, {}});         // T1 is already at A
  plan.trips.push_back({"T2", 0, Half::pm, {"F"}, {"D1"}});     // D1 is already with T1
  auto found = check(two_team_township(), plan);
  EXPECT_EQ(count(found, RuleKind::team_double_booked), 1);
  EXPECT_EQ(count(found, RuleKind::doctor_double_booked), 1);
  for (const auto& v : found)
    if (v.kind == RuleKind::doctor_double_booked) {
      EXPECT_EQ(v.doctor, "D1");
      EXPECT_NE(v.message.find("同一半天只能在一处"), std::string::npos);
    }
}

TEST(PlannerCheck, FindsMissingVisitsGridAndVehicleFaults) {
  Problem p = two_team_township();
  Plan plan = hand_plan();
  plan.trips.erase(plan.trips.begin() + 3);                       // A's second weekly visit
  plan.trips.push_back({"T1", 4, Half::pm, {"E"}, {}});           // E is T2's village
  plan.trips.push_back({"T2", 0, Half::am, {"F", "G"}, {}});      // 18.1 km on foot, limit 18
  plan.trips.push_back({"T2", 0, Half::pm, {"E", "F", "G"}, {}}); // T2 takes two at most
  plan.trips.push_back({"T2", 3, Half::am, {"E"}, {"D1", "D9"}}); // D1 unavailable, D9 unknown
  auto found = check(p, plan);
  EXPECT_EQ(count(found, RuleKind::weekly_team_visits), 1);
  EXPECT_EQ(count(found, RuleKind::village_outside_grid), 1);
  EXPECT_EQ(count(found, RuleKind::trip_beyond_reach), 2);
  EXPECT_EQ(count(found, RuleKind::too_many_villages), 1);
  EXPECT_EQ(count(found, RuleKind::doctor_unavailable), 1);
  EXPECT_EQ(count(found, RuleKind::malformed_trip), 1);
  for (const auto& v : found)
    if (v.kind == RuleKind::weekly_team_visits) {
      EXPECT_EQ(v.village, "A");
      EXPECT_EQ(v.required, 2);
      EXPECT_EQ(v.actual, 1);
    }
}

TEST(PlannerCheck, PartialWeeksOweProportionallyFewerVisits) {
  // 2026-03-31 is a Tuesday: the month's last ISO week has two working days in March.
  Problem p;
  p.horizon = horizon_from_dates({"2026-03-30", "2026-03-31"});
  p.teams = {team("T1", 0, 0)};
  p.villages = {village("A", 2, 0, {"T1"}, 2, 0)};
  auto found = check(p, Plan{{{"T1", 0, Half::am, {"A"}, {}}}});
  EXPECT_TRUE(found.empty());  // ⌈2 × 2/5⌉ = 1
}

}  // namespace yilian::planner

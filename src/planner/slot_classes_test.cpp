#include "planner/slot_classes.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "planner/test_cases.h"

namespace yilian::planner {
using namespace testing;

TEST(PlannerSlotClasses, HalfDaysNoOneCanTellApartShareAClass) {
  Problem p = two_team_township();  // D1 free Mon–Wed, D2 Thu–Fri, teams always
  Instance in(p);
  Part all = whole_problem(in);
  auto classes = slot_classes(in, all);
  ASSERT_EQ(classes.size(), 2u);
  EXPECT_EQ(classes[0].slots, (std::vector<int>{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(classes[1].slots, (std::vector<int>{6, 7, 8, 9}));
  p.min_half_days_per_visit = 2;  // adjacency matters now
  Instance whole_days(p);
  EXPECT_EQ(slot_classes(whole_days, whole_problem(whole_days)).size(), 10u);
}

TEST(PlannerSlotClasses, PairingsSpreadOverHalfDaysWithoutClashes) {
  std::mt19937 rng(3);
  for (int round = 0; round < 50; ++round) {
    const int colours = 1 + static_cast<int>(rng() % 5);
    std::vector<int> doctor_load(6, 0), team_load(7, 0);
    std::vector<std::pair<int, int>> pairs;
    for (int k = 0; k < 60; ++k) {
      int d = static_cast<int>(rng() % 6), t = static_cast<int>(rng() % 7);
      if (doctor_load[d] < colours && team_load[t] < colours) {
        pairs.push_back({d, t});
        ++doctor_load[d], ++team_load[t];
      }
    }
    auto colour = color_pairs(pairs, colours);
    std::set<std::pair<int, int>> doctor_at, team_at;
    for (size_t i = 0; i < pairs.size(); ++i) {
      ASSERT_GE(colour[i], 0);
      ASSERT_LT(colour[i], colours);
      EXPECT_TRUE(doctor_at.insert({pairs[i].first, colour[i]}).second);
      EXPECT_TRUE(team_at.insert({pairs[i].second, colour[i]}).second);
    }
  }
}

}  // namespace yilian::planner

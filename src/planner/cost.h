// Travel and load balance of a plan as it stands, villages in the order given: the two
// objectives every planner minimises and the benchmark compares.
#pragma once
#include <vector>

#include "planner/instance.h"

namespace yilian::planner {

struct PlanCost {
  double travel_km = 0;
  double balance = 0;    // balance_weight × Σ over teams of (half-days used)²
  double objective = 0;  // travel_km + balance
  std::vector<int> team_half_days;  // per team, in the problem's order
};

// Trips naming an unknown team or village are left out; check() reports them.
PlanCost plan_cost(const Instance& instance, const Plan& plan);

}  // namespace yilian::planner

#include "planner/cost.h"

namespace yilian::planner {

PlanCost plan_cost(const Instance& in, const Plan& plan) {
  PlanCost cost;
  cost.team_half_days.assign(in.teams(), 0);
  for (const auto& trip : plan.trips) {
    int t = in.team_index(trip.team);
    if (t < 0) continue;
    std::vector<int> villages;
    for (const auto& id : trip.villages)
      if (int v = in.village_index(id); v >= 0) villages.push_back(v);
    cost.travel_km += in.tour_in_order(t, villages);
    ++cost.team_half_days[t];
  }
  for (int n : cost.team_half_days) cost.balance += in.problem().balance_weight * n * n;
  cost.objective = cost.travel_km + cost.balance;
  return cost;
}

}  // namespace yilian::planner

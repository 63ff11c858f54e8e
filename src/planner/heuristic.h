// The fast round planner for large or interactive cases: greedy construction, then
// simulated annealing over moves that shift visits and trips between half-days, teams and
// trips (each trip always in its shortest order). The same seed and iteration budget give
// the same plan; a time budget, when it ends the search first, does not.
#pragma once
#include <cstdint>
#include <vector>

#include "planner/cost.h"
#include "planner/diagnose.h"
#include "planner/model.h"
#include "planner/violation.h"

namespace yilian::planner {

struct HeuristicOptions {
  uint64_t seed = 1;
  long max_iterations = 2000000;
  double time_limit_seconds = 10;
};

struct HeuristicResult {
  Plan plan;
  PlanCost cost;
  std::vector<Violation> unmet;  // visits the plan still lacks; empty when every rule is met
  std::vector<Explanation> explanations;  // why, one per unmet rule (diagnose.h)
  long iterations = 0;
  double seconds = 0;
  double seconds_to_all_rules = -1;  // when the search first held a plan meeting every rule; -1 never
};

// Throws std::invalid_argument when the problem is malformed.
HeuristicResult solve_heuristic(const Problem& problem, const HeuristicOptions& options = {});

}  // namespace yilian::planner

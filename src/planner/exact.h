// The exact round planner: a set-partitioning MIP over (team, half-day, candidate trip) with
// senior-doctor assignment, solved by COIN-OR CBC part by part (parts.h). Every frequency
// rule carries a slack priced above any plan's whole travel, so the optimum leaves a rule
// unmet only when no plan can meet it, and the slack left names the village and the rule.
#pragma once
#include <vector>

#include "planner/cost.h"
#include "planner/diagnose.h"
#include "planner/model.h"
#include "planner/violation.h"

namespace yilian::planner {

struct ExactOptions {
  double time_limit_seconds = 60;  // over all parts together
  // Solve independent parts apart (exact: nothing links them); false builds one model.
  bool decompose = true;
  // A plan to start from (e.g. the local search's); trips that do not fit the model are skipped.
  const Plan* start = nullptr;
};

struct ExactResult {
  Plan plan;
  PlanCost cost;                // travel and balance of the plan
  bool proven_optimal = false;  // every part solved to optimality within the time limit
  bool found_plan = true;       // false only when the time ran out before any plan was found
  double gap = 0;               // model objective minus proven bound, summed over parts
  double seconds = 0;
  std::vector<Violation> unmet;  // the rules left unmet (the optimum's slack); empty when all are met
  std::vector<Explanation> explanations;  // why, one per unmet rule (diagnose.h)
  int parts = 0, columns = 0, rows = 0;  // size of the model(s) solved
};

// Throws std::invalid_argument when the problem is malformed.
ExactResult solve_exact(const Problem& problem, const ExactOptions& options = {});

}  // namespace yilian::planner

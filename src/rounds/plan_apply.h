// Writing a planner's plan over the stored one (巡诊排班) in one transaction: the period's
// slots of the planned teams are retired and the new trips inserted with source 'planner'.
#pragma once
#include <cstdint>
#include <vector>

#include "api/context.h"
#include "planner/model.h"
#include "rounds/plan_problem.h"

namespace yilian::rounds {

struct ApplyResult {
  int64_t replaced = 0;  // slots retired
  int64_t inserted = 0;
};

// Retiring is the soft delete every record gets (active = 0), not a DELETE: visits that
// name a slot (round_visit.plan_slot_id) keep pointing at what was planned when they were
// made, and plan-vs-actual counts active slots only. One audit entry lists the slots
// retired and created. Joins an open transaction.
ApplyResult apply_plan(api::Context& ctx, const ReportRegion& region, const PlanPeriod& period,
                       const PlanProblem& problem, const planner::Plan& plan);

}  // namespace yilian::rounds

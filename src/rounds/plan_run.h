// POST /api/v1/rounds/plans/run: plan a region's rounds for a period with the round
// planner (exact, heuristic, or auto), show every rule it could not meet and why, and
// with apply=true replace the period's plan slots of those teams in one transaction.
#pragma once
#include "api/context.h"
#include "http/request.h"

namespace yilian::rounds {

http::Response run_plan(api::Context& ctx);

}  // namespace yilian::rounds

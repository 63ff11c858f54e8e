// GET /api/v1/rounds/plans/check: the stored plan of a region and period (generated or
// edited by hand) re-checked against every planner rule (V1, V2, V6, V8 and the
// scheduling basics), each broken rule naming its village, team or doctor.
#pragma once
#include "api/context.h"
#include "http/request.h"

namespace yilian::rounds {

http::Response check_plan(api::Context& ctx);
// POST /api/v1/rounds/plans/check {region, from, to, preset, trips}: the same re-check of a
// proposal not yet applied (a run's trips as the screen shows them). Writes nothing.
http::Response check_proposal(api::Context& ctx);

}  // namespace yilian::rounds

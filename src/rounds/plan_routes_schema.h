// OpenAPI schemas of the round planner's endpoints (plan_run.h, plan_check.h).
#pragma once
#include "api/app.h"

namespace yilian::rounds {

void add_plan_schemas(api::App& app);

}  // namespace yilian::rounds

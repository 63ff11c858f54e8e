#pragma once
#include "api/router.h"

namespace yilian::registry {
// Routes beyond the plain entities: the region summary used by dashboards and reports.
void register_routes(api::Router& router);
}

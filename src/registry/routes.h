#pragma once
#include "http/router.h"

namespace yilian::registry {
// Routes beyond the plain entities: the region summary used by dashboards and reports.
void register_routes(http::Router& router);
}

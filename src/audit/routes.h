#pragma once
#include "http/router.h"

namespace yilian::audit {
// GET /api/v1/audit: the trail, for admins (everything) and bureaus (their region).
void register_routes(http::Router& router);
}

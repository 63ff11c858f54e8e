#pragma once
#include "api/router.h"

namespace yilian::compliance {
// GET /api/v1/compliance (findings as JSON) and /api/v1/compliance/export (xlsx).
void register_routes(api::Router& router);
}

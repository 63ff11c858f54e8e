// The audit trail's read endpoint (the trail itself is audit/, below the entity layer).
#pragma once
#include "api/router.h"

namespace yilian::admin {
// GET /api/v1/audit: the trail, for admins (everything) and bureaus (their region).
void register_audit_routes(api::Router& router);
}

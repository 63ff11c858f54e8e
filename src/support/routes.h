#pragma once
#include "api/router.h"

namespace yilian::support {
// Routes beyond the plain entities: the recipient's confirmation of presence, the
// signed agreement scan and the recipient's staff to pick a mentee from.
void register_routes(api::Router& router);
}

#pragma once
#include "http/router.h"

namespace yilian::support {
// Routes beyond the plain entities: the recipient's confirmation of presence and the
// signed agreement scan.
void register_routes(http::Router& router);
}

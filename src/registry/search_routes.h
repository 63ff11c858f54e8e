// GET /api/v1/search?q=&limit=: the console's global search box — institutions, villages
// and people whose name (or an institution's code, a village's region code) contains q,
// each list under the same scope as its own list route, names and posts only (never an
// ID number or a phone). Exact ID-number search waits for the person record (issue 14).
#pragma once
#include "api/router.h"

namespace yilian::registry {
void register_search_routes(api::Router& router);
}

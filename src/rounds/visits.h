// Handlers for visit records beyond the generic entity routes (see visits.cpp).
#pragma once
#include "api/context.h"
#include "http/request.h"

namespace yilian::rounds {

// POST /api/v1/round-visits: the visit with "members" and "senior_doctors" (staff ids).
http::Response create_visit(api::Context& ctx);
// GET /api/v1/round-visits/{id}/people
http::Response visit_people(api::Context& ctx);
// PUT /api/v1/round-visits/{id}/people: replaces both lists; needs the visit's version.
http::Response replace_visit_people(api::Context& ctx);

}  // namespace yilian::rounds

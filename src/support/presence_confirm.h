// The recipient's side of two-party presence (D4, D10) for a whole sign-in sheet at once.
// One half-day at a time goes through the presence lifecycle's own routes
// (POST /presence/{id}/confirm | reject | reopen, support/presence_review.h).
#pragma once
#include "api/context.h"

namespace yilian::support {

// POST /api/v1/presence/confirm {ids:[…≤500], action?: confirm|reject|reopen, reason?}: all
// or nothing — one id out of scope, unknown, in the wrong state or not the caller's to
// review rejects the request and writes nothing. Each half-day is audited as its own
// transition.
http::Response confirm_presence_bulk(api::Context& ctx);

}  // namespace yilian::support

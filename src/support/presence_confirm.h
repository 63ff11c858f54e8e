// The recipient's side of two-party presence (D4, D10): confirming half-days one by one or
// a whole week's sign-in sheet at once.
#pragma once
#include "api/context.h"

namespace yilian::support {

// POST /api/v1/presence/{id}/confirm {confirmed?}
http::Response confirm_presence(api::Context& ctx);
// POST /api/v1/presence/confirm {ids:[…], confirmed?}: all or nothing — one id out of
// scope, unknown or not the caller's to confirm rejects the request and writes nothing.
http::Response confirm_presence_bulk(api::Context& ctx);

}  // namespace yilian::support

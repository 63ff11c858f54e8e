// The working calendar's API: read a region's year (any signed-in user), add and remove a
// region's exceptions and import a holiday notice (the administrator; a bureau for its own
// region). docs/API.md "Working calendar".
#pragma once
#include "api/app.h"

namespace yilian::calendar {
void register_routes(api::App& app);
}

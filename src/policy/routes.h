// Read-only API over the shipped presets and the parameter catalog, for any signed-in
// user: people setting up a relationship pick a preset by reading its cited values.
#pragma once
#include "api/app.h"

namespace yilian::policy {

// Loads the shipped presets (policy::shipped_presets) — throwing, so the server does not
// start, when one is broken — then adds the routes and their response schemas.
void register_routes(api::App& app);

}  // namespace yilian::policy

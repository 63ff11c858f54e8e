// Routes of the plumbing itself (GET /health, GET /openapi.json) and the one way a
// module installs an entity (schemas + generic routes).
#pragma once
#include <memory>

#include "api/app.h"
#include "api/entity.h"

namespace yilian::api {

void install_core_routes(App& app);
void install_entity(App& app, std::shared_ptr<const EntitySpec> spec);

}  // namespace yilian::api

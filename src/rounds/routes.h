// The rounds module's entities, routes and API schemas, installed by app/modules.cpp.
#pragma once
#include "api/app.h"

namespace yilian::rounds {
void register_routes(api::App& app);
}

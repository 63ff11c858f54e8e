// The registry module's one entry point: its migrations, and its schemas and routes.
#pragma once
#include <vector>

#include "api/app.h"
#include "store/migrations.h"

namespace yilian::registry {

std::vector<store::Migration> migrations();  // registry/schema.h
void install(api::App& app);

}  // namespace yilian::registry

// The composition root: which modules the server has, their routes and migrations.
// A new module adds one line to each function in modules.cpp.
#pragma once
#include <vector>

#include "api/app.h"
#include "store/migrations.h"

namespace yilian::app {

std::vector<store::Migration> all_migrations();
void install_routes(api::App& app);

}  // namespace yilian::app

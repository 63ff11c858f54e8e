// The support module's one entry point: its migrations, and its schemas and routes.
#pragma once
#include <vector>

#include "api/app.h"
#include "store/migrations.h"

namespace yilian::support {

std::vector<store::Migration> migrations();  // support/schema.h
void install(api::App& app);

}  // namespace yilian::support

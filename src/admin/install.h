// The admin module: accounts (login, tokens, users) and the audit trail's read endpoint,
// the plumbing's own HTTP face above the entity layer.
#pragma once
#include <vector>

#include "api/app.h"
#include "store/migrations.h"

namespace yilian::admin {

std::vector<store::Migration> migrations();  // accounts and the audit trail
void install(api::App& app);

}  // namespace yilian::admin

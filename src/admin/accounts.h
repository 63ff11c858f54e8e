// The administration of the plumbing, above the entity layer. HTTP routes of accounts: login/logout/me/password and user management.
#pragma once
#include <memory>

#include "api/entity.h"
#include "api/router.h"

namespace yilian::admin {

std::shared_ptr<const api::EntitySpec> user_entity();
void register_routes(api::Router& router);

// Creates a user (used by the API, the CLI and the demo). Validates like the API does
// and audits as `actor` (null: command line). Returns the new id.
struct NewUser {
  std::string username, display_name, password, role, region_code;
  int64_t institution_id = 0, staff_id = 0;
};
int64_t create_user(store::Db& db, const auth::Principal* actor, const std::string& remote, const NewUser& u);

}  // namespace yilian::admin

#include "admin/install.h"

#include "admin/accounts.h"
#include "admin/audit_trail.h"
#include "api/entity.h"
#include "audit/schema.h"
#include "auth/schema.h"

namespace yilian::admin {
namespace {

void add_schemas(api::App& app) {
  app.add_schema("login_input", {{"type", "object"},
                                 {"properties", {{"username", {{"type", "string"}}}, {"password", {{"type", "string"}}}}},
                                 {"required", {"username", "password"}}});
  app.add_schema("login_result", {{"type", "object"},
                                  {"properties",
                                   {{"token", {{"type", "string"}}},
                                    {"token_type", {{"type", "string"}}},
                                    {"expires_at", {{"type", "string"}}},
                                    {"user", {{"type", "object"}}}}}});
  app.add_schema("password_change_input",
                 {{"type", "object"},
                  {"properties", {{"old_password", {{"type", "string"}}}, {"new_password", {{"type", "string"}}}}},
                  {"required", {"old_password", "new_password"}}});
  app.add_schema("password_reset_input", {{"type", "object"},
                                          {"properties", {{"password", {{"type", "string"}}}}},
                                          {"required", {"password"}}});
  app.add_schema("user_create_input",
                 {{"type", "object"},
                  {"properties",
                   {{"username", {{"type", "string"}}},
                    {"display_name", {{"type", "string"}}},
                    {"password", {{"type", "string"}}},
                    {"role", {{"type", "string"}}},
                    {"region_code", {{"type", "string"}}},
                    {"institution_id", {{"type", "integer"}}},
                    {"staff_id", {{"type", "integer"}}}}},
                  {"required", {"username", "display_name", "password", "role"}}});
  app.add_schema("audit_entry", {{"type", "object"}, {"description", "审计记录:谁、何时、从何处、改了什么(前/后)"}});
}

}  // namespace

std::vector<store::Migration> migrations() {
  std::vector<store::Migration> all = audit::migrations();
  for (auto& m : auth::migrations()) all.push_back(m);
  return all;
}

void install(api::App& app) {
  add_schemas(app);
  register_routes(app.router());
  app.add_schema("app_user", api::entity_schema(*user_entity()));
  app.add_schema("app_user_input", api::entity_input_schema(*user_entity()));
  register_audit_routes(app.router());
}

}  // namespace yilian::admin

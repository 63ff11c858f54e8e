#include "app/modules.h"

#include "api/context.h"
#include "api/entity.h"
#include "audit/routes.h"
#include "audit/schema.h"
#include "auth/routes.h"
#include "auth/schema.h"
#include "person/routes.h"
#include "person/schema.h"
#include "policy/routes.h"
#include "registry/entities.h"
#include "registry/routes.h"
#include "registry/schema.h"
#include "registry/transfer.h"
#include "rounds/routes.h"
#include "rounds/schema.h"
#include "store/migrations.h"
#include "calendar/schema.h"
#include "compliance/routes.h"
#include "support/entities.h"
#include "support/recipient_staff.h"
#include "support/reports.h"
#include "support/routes.h"
#include "support/schema.h"

namespace yilian::app {
namespace {

using nlohmann::json;

void add_entity(api::App& app, std::shared_ptr<const api::EntitySpec> spec) {
  app.add_schema(spec->name, api::entity_schema(*spec));
  if (spec->generic_create || spec->writers.size()) app.add_schema(spec->name + "_input", api::entity_input_schema(*spec));
  api::register_entity(app.router(), spec);
}

void install_core(api::App& app) {
  app.router().add({"GET", "/api/v1/health", "健康检查:状态、数据库类型与版本", "system", false, "", "health"},
                   [](api::Context& ctx) {
                     return http::Response::json({{"status", "ok"},
                                                  {"version", YILIAN_VERSION},
                                                  {"backend", store::backend_name(ctx.db.backend())},
                                                  {"schema_version", store::schema_version(ctx.db)}});
                   });
  // The web client reads the document on every page load; it changes only with the binary,
  // so a revalidation answers 304 instead of sending ≈200 KB again.
  app.router().add({"GET", "/api/v1/openapi.json", "本接口文档(OpenAPI 3)", "system", false},
                   [&app](api::Context& ctx) {
                     http::Response res = http::Response::json(app.openapi());
                     std::string etag = "W/\"" + std::to_string(std::hash<std::string>{}(res.body)) + "\"";  // weak: gzip or not
                     res.headers.emplace_back("ETag", etag);
                     res.headers.emplace_back("Cache-Control", "no-cache");
                     if (ctx.req.header("if-none-match") == etag) {
                       res.status = 304;
                       res.body.clear();
                     }
                     return res;
                   });
  app.add_schema("transition_input",
                 {{"type", "object"},
                  {"description", "记录状态操作(确认、退回、撤销确认等):version可选(给出时须为当前版本),reason为原因"},
                  {"properties", {{"version", {{"type", "integer"}}}, {"reason", {{"type", "string"}, {"maxLength", 200}}}}}});
  app.add_schema("health", {{"type", "object"},
                            {"properties",
                             {{"status", {{"type", "string"}}},
                              {"version", {{"type", "string"}}},
                              {"backend", {{"type", "string"}, {"enum", {"sqlite", "postgresql"}}}},
                              {"schema_version", {{"type", "integer"}}}}}});
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

std::vector<store::Migration> all_migrations() {
  std::vector<store::Migration> all;
  for (auto part : {audit::migrations(), registry::migrations(), auth::migrations(), support::migrations(),
                    calendar::migrations(), rounds::migrations(), person::migrations()})
    all.insert(all.end(), part.begin(), part.end());
  return all;
}

void install_routes(api::App& app) {
  install_core(app);
  auth::register_routes(app.router());
  app.add_schema("app_user", api::entity_schema(*auth::user_entity()));
  app.add_schema("app_user_input", api::entity_input_schema(*auth::user_entity()));
  audit::register_routes(app.router());
  for (auto spec : {registry::region_entity(), registry::institution_entity(), registry::department_entity(),
                    registry::village_entity(), registry::staff_entity()})
    add_entity(app, spec);
  registry::register_routes(app.router());
  for (auto spec : support::all_entities()) add_entity(app, spec);
  support::register_routes(app.router());
  app.add_schema("presence_confirm_input",
                 {{"type", "object"},
                  {"properties",
                   {{"ids", {{"type", "array"}, {"items", {{"type", "integer"}}}, {"maxItems", 500}}},
                    {"action", {{"type", "string"}, {"enum", {"confirm", "reject", "reopen"}}}},
                    {"reason", {{"type", "string"}, {"maxLength", 200}}},
                    {"confirmed", {{"type", "boolean"}, {"description", "旧写法:false即撤销确认(reopen)"}}}}},
                  {"required", {"ids"}}});
  app.add_schema("recipient_staff_list", support::recipient_staff_schema());
  support::register_report_routes(app.router());
  compliance::register_routes(app.router());
  registry::register_transfer_routes(app.router());
  policy::register_routes(app);
  rounds::register_routes(app);
  person::install(app);
}

}  // namespace yilian::app

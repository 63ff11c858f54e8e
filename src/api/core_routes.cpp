// The plumbing's own routes: health and the OpenAPI document, and the schemas the
// entity layer's generic routes refer to.
#include "api/core_routes.h"

#include "api/entity.h"
#include "store/migrations.h"

namespace yilian::api {

void install_core_routes(App& app) {
  app.router().add({"GET", "/api/v1/health", "健康检查:状态、数据库类型与版本", "system", false, "", "health"},
                   [](Context& ctx) {
                     return http::Response::json({{"status", "ok"},
                                                  {"version", YILIAN_VERSION},
                                                  {"backend", store::backend_name(ctx.db.backend())},
                                                  {"schema_version", store::schema_version(ctx.db)}});
                   });
  // The web client reads the document on every page load; it changes only with the binary,
  // so a revalidation answers 304 instead of sending ≈200 KB again.
  app.router().add({"GET", "/api/v1/openapi.json", "本接口文档(OpenAPI 3)", "system", false},
                   [&app](Context& ctx) {
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
}

void install_entity(App& app, std::shared_ptr<const EntitySpec> spec) {
  app.add_schema(spec->name, entity_schema(*spec));
  if (spec->generic_create || spec->writers.size()) app.add_schema(spec->name + "_input", entity_input_schema(*spec));
  register_entity(app.router(), spec);
}

}  // namespace yilian::api

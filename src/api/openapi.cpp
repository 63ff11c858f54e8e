// The OpenAPI 3 document, generated from the route table and the registered schemas,
// so it cannot drift from what the server answers (a test checks both directions).
#include "api/app.h"

namespace yilian::api {

nlohmann::json App::openapi() const {
  using nlohmann::json;
  json paths = json::object();
  json error_schema = {
      {"type", "object"},
      {"properties",
       {{"error",
         {{"type", "object"},
          {"properties",
           {{"code", {{"type", "string"}}},
            {"message", {{"type", "string"}, {"description", "中文错误说明"}}},
            {"field", {{"type", "string"}, {"nullable", true}}}}},
          {"required", {"code", "message", "field"}}}}}},
      {"required", {"error"}}};
  json error_response = {{"description", "错误"},
                         {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/error"}}}}}}}};
  for (const auto& r : router_.routes()) {
    const auto& info = r.info;
    std::string method = info.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    json op = {{"summary", info.summary}, {"tags", {info.tag}}, {"operationId", method + "_" + info.pattern}};
    json params = json::array();
    for (const auto& seg : r.segments)
      if (seg.size() > 2 && seg.front() == '{')
        params.push_back({{"name", seg.substr(1, seg.size() - 2)}, {"in", "path"}, {"required", true},
                          {"schema", {{"type", "string"}}}});
    for (const auto& q : info.query_params)
      params.push_back({{"name", q}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}});
    if (!params.empty()) op["parameters"] = params;
    if (!info.request_schema.empty())
      op["requestBody"] = {{"required", true},
                           {"content",
                            {{"application/json",
                              {{"schema", {{"$ref", "#/components/schemas/" + info.request_schema}}}}}}}};
    json ok_schema = json::object();
    if (!info.response_schema.empty()) {
      json ref = {{"$ref", "#/components/schemas/" + info.response_schema}};
      ok_schema = info.list ? json{{"type", "object"},
                                   {"properties",
                                    {{"items", {{"type", "array"}, {"items", ref}}},
                                     {"total", {{"type", "integer"}}},
                                     {"page", {{"type", "integer"}}},
                                     {"page_size", {{"type", "integer"}}}}}}
                            : ref;
    }
    std::string ok_code = info.method == "POST" && info.pattern.find('{') == std::string::npos &&
                                  info.pattern.find("/auth/") == std::string::npos
                              ? "201"
                              : "200";
    op["responses"] = {{ok_code, {{"description", "成功"}, {"content", {{"application/json", {{"schema", ok_schema}}}}}}},
                       {"4XX", error_response}};
    if (info.authenticated) op["security"] = json::array({{{"bearer", json::array()}}});
    paths[info.pattern][method] = op;
  }
  json schemas = json::object();
  for (const auto& [name, s] : schemas_) schemas[name] = s;
  schemas["error"] = error_schema;
  return {{"openapi", "3.0.3"},
          {"info", {{"title", "医联 Yilian API"}, {"version", YILIAN_VERSION},
                    {"description", "县域医联体/对口支援管理平台接口。所有接口以JSON交互,错误统一为 {error:{code,message,field}}。"}}},
          {"servers", {{{"url", "/"}}}},
          {"paths", paths},
          {"components",
           {{"schemas", schemas},
            {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
}

}  // namespace yilian::api

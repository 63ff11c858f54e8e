// The OpenAPI document and the route table must describe the same API.
#include <set>

#include "fixture/fixture.h"

namespace yilian::testing {

class OpenApi : public ApiTest {};

TEST_F(OpenApi, DocumentListsEveryRouteAndNothingElse) {
  auto r = get("/api/v1/openapi.json", "");
  ASSERT_EQ(r.status, 200);
  const auto& doc = r.body;
  EXPECT_EQ(doc["openapi"], "3.0.3");
  std::set<std::string> documented, routed;
  for (auto& [path, ops] : doc["paths"].items())
    for (auto& [method, op] : ops.items()) {
      std::string m = method;
      for (auto& c : m) c = static_cast<char>(std::toupper(c));
      documented.insert(m + " " + path);
      EXPECT_FALSE(op["summary"].get<std::string>().empty()) << path;
      EXPECT_TRUE(op["responses"].contains("4XX")) << path;
    }
  for (const auto& route : app->router().routes()) routed.insert(route.info.method + " " + route.info.pattern);
  EXPECT_EQ(documented, routed);
  EXPECT_GE(routed.size(), 30u);
}

TEST_F(OpenApi, EverySchemaReferenceResolves) {
  auto doc = get("/api/v1/openapi.json", "").body;
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
    if (j.is_object()) {
      if (j.contains("$ref")) {
        std::string ref = j["$ref"];
        ASSERT_EQ(ref.rfind("#/components/schemas/", 0), 0u) << ref;
        EXPECT_TRUE(doc["components"]["schemas"].contains(ref.substr(21))) << ref;
      }
      for (auto& [k, v] : j.items()) walk(v);
    } else if (j.is_array()) {
      for (auto& v : j) walk(v);
    }
  };
  walk(doc["paths"]);
}

TEST_F(OpenApi, EntitySchemasCarryChineseLabelsAndChoices) {
  auto doc = get("/api/v1/openapi.json", "").body;
  auto kind = doc["components"]["schemas"]["institution"]["properties"]["kind"];
  EXPECT_NE(kind["description"].get<std::string>().find("中心卫生院"), std::string::npos);
  EXPECT_EQ(doc["components"]["schemas"]["institution_input"]["additionalProperties"], false);
}

}  // namespace yilian::testing

namespace yilian::testing {

// Every route that needs a login refuses a request without a token — and writes nothing.
TEST_F(OpenApi, EveryAuthenticatedRouteRefusesAnonymousRequests) {
  int64_t audits = count("audit_log");
  int checked = 0;
  for (const auto& route : app->router().routes()) {
    if (!route.info.authenticated) continue;
    std::string path = route.info.pattern;
    for (size_t b; (b = path.find('{')) != std::string::npos;) path.replace(b, path.find('}', b) - b + 1, "1");
    auto r = call(route.info.method, path, "", nlohmann::json::object());
    EXPECT_EQ(r.status, 401) << route.info.method << " " << route.info.pattern;
    EXPECT_EQ(r.body["error"]["code"], "unauthorized") << route.info.pattern;
    ++checked;
  }
  EXPECT_GE(checked, 100);
  EXPECT_EQ(count("audit_log"), audits);
}

}  // namespace yilian::testing

namespace yilian::testing {

TEST_F(OpenApi, RevalidationWithTheETagAnswers304WithoutTheDocument) {
  http::Request req;
  req.method = "GET";
  req.path = "/api/v1/openapi.json";
  auto first = app->handle(*db, req);
  ASSERT_EQ(first.status, 200);
  std::string etag;
  for (const auto& [name, value] : first.headers)
    if (name == "ETag") etag = value;
  ASSERT_FALSE(etag.empty());
  req.headers["if-none-match"] = etag;
  auto again = app->handle(*db, req);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  req.headers["if-none-match"] = "\"stale\"";
  EXPECT_EQ(app->handle(*db, req).status, 200);
}

}  // namespace yilian::testing

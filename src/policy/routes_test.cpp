// The read-only policy API: any signed-in user reads presets and the catalog; nobody
// else does.
#include "fixture/fixture.h"

namespace yilian::testing {

class PolicyApi : public ApiTest {};

TEST_F(PolicyApi, ListsPresets) {
  auto r = get("/api/v1/policies?page_size=500", "bureau_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_GE(r.body["total"].get<int>(), 7);
  bool found = false;
  for (const auto& item : r.body["items"])
    if (item["id"] == "huang-2013") {
      found = true;
      EXPECT_EQ(item["year"], 2013);
      EXPECT_EQ(item["seed"], "000_5909591b0f25f0c3.txt");
      EXPECT_GT(item["parameter_count"].get<int>(), 5);
    }
  EXPECT_TRUE(found);
}

TEST_F(PolicyApi, ShowsAPresetWithCitations) {
  auto r = get("/api/v1/policies/huang-2013", "doctor_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  bool found = false;
  for (const auto& p : r.body["parameters"])
    if (p["key"] == "dispatch.min_days_per_week") {
      found = true;
      EXPECT_EQ(p["value"], 3);
      EXPECT_EQ(p["unit"], "天/周");
      EXPECT_EQ(p["rules"], nlohmann::json::array({"D4"}));
      EXPECT_FALSE(p["description"].get<std::string>().empty());
      EXPECT_NE(p["citation"]["text"].get<std::string>().find("不得少于3个工作日"), std::string::npos);
    }
  EXPECT_TRUE(found);
  EXPECT_FALSE(r.body["not_specified"].empty());
  EXPECT_EQ(get("/api/v1/policies/no-such-preset", "doctor_a").status, 404);
}

TEST_F(PolicyApi, ListsTheCatalogAndFiltersByRule) {
  auto all = get("/api/v1/policy-parameters?page_size=500", "villager_a1");
  ASSERT_EQ(all.status, 200) << all.raw;
  EXPECT_EQ(all.body["total"], all.body["items"].size());
  auto d7 = get("/api/v1/policy-parameters?rule=D7", "hospital_a");
  ASSERT_EQ(d7.status, 200);
  EXPECT_GT(d7.body["total"].get<int>(), 5);
  for (const auto& item : d7.body["items"]) {
    auto rules = item["rules"].get<std::vector<std::string>>();
    EXPECT_NE(std::find(rules.begin(), rules.end(), "D7"), rules.end()) << item["key"];
  }
  auto first = get("/api/v1/policy-parameters?page_size=1", "hospital_a");
  EXPECT_EQ(first.body["items"].size(), 1u);
}

TEST_F(PolicyApi, RefusesAnonymousAccess) {
  for (const char* path : {"/api/v1/policies", "/api/v1/policies/huang-2013", "/api/v1/policy-parameters"})
    EXPECT_EQ(get(path, "").status, 401) << path;
}

TEST_F(PolicyApi, DocumentedInOpenApi) {
  auto doc = get("/api/v1/openapi.json", "").body;
  EXPECT_EQ(doc["paths"]["/api/v1/policies/{id}"]["get"]["tags"][0], "policy");
  EXPECT_TRUE(doc["components"]["schemas"].contains("policy_detail"));
  EXPECT_TRUE(doc["components"]["schemas"].contains("policy_parameter"));
}

}  // namespace yilian::testing

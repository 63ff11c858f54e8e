// What any account can send must never stop the server or be half-read (hardening issue,
// items 1, 8 and 10): JSON nesting is bounded at parse time, numeric query parameters are
// whole numbers or refused by name, and range messages say the bound in the field's unit.
#include "common/json_text.h"
#include "fixture/fixture.h"

namespace yilian::testing {

using nlohmann::json;

class RequestLimits : public ApiTest {};

TEST_F(RequestLimits, DeeplyNestedJsonIsRefusedAtParseTimeAndWritesNothing) {
  int64_t staff = count("staff"), presence = count("presence");
  for (const char* route : {"/api/v1/staff", "/api/v1/presence"}) {
    for (size_t depth : {size_t(65), size_t(50'000), size_t(200'000)}) {
      std::string body = "{\"name\":" + std::string(depth, '[') + std::string(depth, ']') + "}";
      auto r = call("POST", route, "villager_a1", nullptr, body);
      EXPECT_EQ(r.status, 400) << route << " depth " << depth;
      EXPECT_EQ(r.body["error"]["code"], "malformed_json");
      EXPECT_NE(r.body["error"]["message"].get<std::string>().find(std::to_string(common::kMaxJsonDepth)),
                std::string::npos)
          << r.raw;
      auto bare = call("POST", route, "hospital_a", nullptr, std::string(depth, '['));
      EXPECT_EQ(bare.status, 400);
    }
  }
  EXPECT_EQ(count("staff"), staff);
  EXPECT_EQ(count("presence"), presence);
  // A JSON text held in a field (a relationship's parameter overrides) is bounded too.
  std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  auto r = post("/api/v1/support-relationships", "admin",
                {{"supporting_institution_id", seed.county_a_hospital}, {"recipient_institution_id", seed.township_a1},
                 {"tier", "county_township"}, {"start_date", "2026-01-01"}, {"end_date", "2028-12-31"},
                 {"status", "draft"}, {"preset_id", "huang-2013"}, {"overrides", deep}});
  EXPECT_EQ(r.status / 100, 4) << r.raw.substr(0, 200);
}

TEST_F(RequestLimits, IntegerFiltersAcceptOnlyWholeNumbers) {
  for (const char* bad : {"8abc", "8%3BDROP%20TABLE%20staff", "1e3", "%208", "8.0", "0x8", "", "-"}) {
    std::string target = std::string("/api/v1/staff?institution_id=") + bad;
    auto r = get(target, "admin");
    if (std::string(bad).empty()) {
      EXPECT_EQ(r.status, 400) << "an empty value is not a number either";
      continue;
    }
    EXPECT_EQ(r.status, 400) << bad << " " << r.raw;
    EXPECT_EQ(r.body["error"]["code"], "bad_query") << bad;
    EXPECT_EQ(r.body["error"]["field"], "institution_id") << bad;
  }
  auto ok = get("/api/v1/staff?institution_id=" + std::to_string(seed.county_a_hospital), "admin");
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["total"], 1);
  EXPECT_EQ(get("/api/v1/staff?institution_id=-3", "admin").body["total"], 0);  // a number, just no such id
  EXPECT_EQ(get("/api/v1/presence?confirmed=yes", "admin").status, 400);
  EXPECT_EQ(get("/api/v1/presence?confirmed=true", "admin").status, 200);
  EXPECT_EQ(get("/api/v1/staff?page=2x", "admin").status, 400);
  EXPECT_EQ(get("/api/v1/staff/8abc", "admin").status, 404);
  auto year = get("/api/v1/promotion-ledger?year=2026abc", "admin");
  EXPECT_EQ(year.status, 400) << year.raw;
  EXPECT_EQ(year.body["error"]["field"], "year");
  auto version = call("DELETE", "/api/v1/staff/" + std::to_string(seed.staff_a) + "?version=1x", "admin");
  EXPECT_EQ(version.status, 422) << version.raw;
  EXPECT_EQ(count("staff WHERE active = 0"), 0);
  auto from = get("/api/v1/compliance?from=2026-13-01", "admin");
  EXPECT_EQ(from.status, 400) << from.raw;
  EXPECT_EQ(from.body["error"]["field"], "from");
}

TEST_F(RequestLimits, RangeMessagesSayTheRealBoundInTheFieldsUnit) {
  std::string path = "/api/v1/staff/" + std::to_string(seed.staff_a);
  auto patch_year = [&](const std::string& raw) {
    return call("PATCH", path, "admin", nullptr, "{\"version\":1,\"promotion_year\":" + raw + "}");
  };
  auto huge = patch_year("1e30");
  EXPECT_EQ(huge.status, 422) << huge.raw;
  EXPECT_EQ(huge.body["error"]["message"], "拟申报晋升年度不能大于2100年");
  auto small = patch_year("1999");
  EXPECT_EQ(small.body["error"]["message"], "拟申报晋升年度不能小于2000年");
  auto below = patch_year("-1e30");
  EXPECT_EQ(below.body["error"]["message"], "拟申报晋升年度不能小于2000年");
  auto fraction = patch_year("2026.5");
  EXPECT_EQ(fraction.body["error"]["message"], "拟申报晋升年度须为整数");
  auto beyond_int64 = patch_year("18446744073709551615");
  EXPECT_EQ(beyond_int64.status, 422) << beyond_int64.raw;
  EXPECT_EQ(patch_year("2026").status, 200);
  auto lat = post("/api/v1/institutions", "admin",
                  {{"code", "H9999"}, {"name", "测试医院"}, {"kind", "A100"}, {"ownership", "public"},
                   {"region_code", "370102"}, {"latitude", 60.5}});
  EXPECT_EQ(lat.body["error"]["message"], "纬度不能大于54度") << lat.raw;
}

}  // namespace yilian::testing

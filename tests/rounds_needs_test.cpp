// What each village requires (V2, V4, V6), with every number and citation from the
// preset rounds-dispatch-2023.
#include "rounds_fixture.h"

namespace yilian::testing {

class RoundsNeeds : public RoundsTest {
 protected:
  json village(const json& body, const std::string& code) {
    for (const auto& v : body["items"])
      if (v["village_code"] == code) return v;
    ADD_FAILURE() << code << " missing in " << body.dump();
    return json::object();
  }
  static json need(const json& v, const std::string& kind) {
    for (const auto& n : v["needs"])
      if (n["kind"] == kind) return n;
    return nullptr;
  }
};

TEST_F(RoundsNeeds, VillagesGetTheRoundsDispatchAndSeniorVisitsThePresetRequires) {
  auto r = get("/api/v1/rounds/needs?region=370102&date=2026-06-01", "bureau_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["preset_id"], "rounds-dispatch-2023");
  EXPECT_EQ(r.body["villages"], 2);
  EXPECT_EQ(r.body["needing_rounds"], 1);
  EXPECT_EQ(r.body["needing_dispatch"], 1);

  // 乙村: no fixed doctor (V2) and no village doctor for 300 residents (V4: below 1‰).
  json yi = village(r.body, "370102002001");
  EXPECT_EQ(yi["team_name"], "千佛山一队");
  json rounds = need(yi, "rounds");
  ASSERT_FALSE(rounds.is_null()) << yi.dump();
  EXPECT_EQ(rounds["per_week"], 2);
  EXPECT_EQ(rounds["requirement"], "每周至少2次,每次至少1个半天");
  EXPECT_EQ(rounds["reasons"][0], "无固定村医");
  std::string cite = rounds["citations"][0]["reference"];
  EXPECT_NE(cite.find("V2"), std::string::npos) << cite;
  EXPECT_NE(cite.find("县域巡回医疗和派驻服务工作实施方案"), std::string::npos) << cite;
  EXPECT_NE(cite.find("每周至少2次"), std::string::npos) << cite;
  json dispatch = need(yi, "village_dispatch");
  ASSERT_FALSE(dispatch.is_null());
  EXPECT_EQ(dispatch["days_per_week"], 5);
  EXPECT_NE(dispatch["reasons"][0].get<std::string>().find("应不少于0.3人"), std::string::npos) << dispatch.dump();
  EXPECT_NE(dispatch["citations"].dump().find("村医数量配备不足"), std::string::npos);
  EXPECT_EQ(need(yi, "senior_visits")["per_month"], 2);

  // 甲村: a fixed doctor for 800 residents needs only the senior doctors' monthly visits.
  json jia = village(r.body, "370102001001");
  EXPECT_TRUE(need(jia, "rounds").is_null());
  EXPECT_TRUE(need(jia, "village_dispatch").is_null());
  EXPECT_NE(need(jia, "senior_visits")["citations"].dump().find("每月至少2次"), std::string::npos);
}

TEST_F(RoundsNeeds, RelocationSitesGrowingVillagesAndUnregisteredVillages) {
  db->exec("UPDATE village SET is_relocation_site = 1, population = 1500 WHERE region_code = '370102001001'");
  db->exec("INSERT INTO region (code, name, level, parent_code, created_at, updated_at) VALUES "
           "('370102001002', '丁村', 5, '370102001000', 'x', 'x')");
  auto r = get("/api/v1/rounds/needs", "township_a1");  // the township's own villages
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["villages"], 2);
  json jia = village(r.body, "370102001001");
  EXPECT_EQ(need(jia, "rounds")["reasons"][0], "搬迁安置点");
  EXPECT_NE(need(jia, "rounds")["citations"].dump().find("搬迁安置点"), std::string::npos);
  EXPECT_FALSE(need(jia, "village_dispatch").is_null());  // 1 doctor for 1500 residents
  json ding = village(r.body, "370102001002");
  EXPECT_EQ(ding["registered"], false);
  EXPECT_TRUE(ding["population"].is_null());
  ASSERT_EQ(ding["needs"].size(), 1u);
  EXPECT_EQ(ding["needs"][0]["kind"], "senior_visits");
  EXPECT_EQ(r.body["unregistered"], 1);
}

TEST_F(RoundsNeeds, OnlyTheRegionsOwnUsersSeeIt) {
  EXPECT_EQ(get("/api/v1/rounds/needs?region=370102", "bureau_b").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/needs?region=370102002000", "township_a1").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/needs?region=370102", "hospital_a").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/needs?region=370102", "villager_a1").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/needs?region=370102&preset=nope", "bureau_a").status, 422);
  EXPECT_EQ(get("/api/v1/rounds/needs?region=999", "bureau_a").status, 400);
  EXPECT_EQ(get("/api/v1/rounds/needs?region=370103", "bureau_city").body["villages"], 1);
}

}  // namespace yilian::testing

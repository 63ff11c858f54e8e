// The global search box (GET /api/v1/search): institutions, villages and people by name,
// each under the scope of its own list, names and posts only.
#include "fixture/fixture.h"

namespace yilian::testing {

using nlohmann::json;

class RegistrySearch : public ApiTest {
 protected:
  static std::vector<std::string> names(const json& list, const char* key = "name") {
    std::vector<std::string> out;
    for (const auto& x : list) out.push_back(x[key].get<std::string>());
    return out;
  }
  static bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  }
};

TEST_F(RegistrySearch, FindsInstitutionsVillagesAndPeopleByNameInTheUsersScopeOnly) {
  // "卫生" matches every township centre and clinic; the county bureau sees its own.
  auto a = get("/api/v1/search?q=%E5%8D%AB%E7%94%9F", "bureau_a");  // 卫生
  ASSERT_EQ(a.status, 200) << a.raw;
  auto inst = names(a.body["institutions"]);
  EXPECT_TRUE(has(inst, "解放路卫生院"));
  EXPECT_TRUE(has(inst, "甲村卫生室"));
  EXPECT_FALSE(has(inst, "大观园卫生院")) << "county B's centre is not county A's to see";
  auto b = get("/api/v1/search?q=%E5%8D%AB%E7%94%9F", "bureau_b");
  EXPECT_TRUE(has(names(b.body["institutions"]), "大观园卫生院"));
  EXPECT_FALSE(has(names(b.body["institutions"]), "解放路卫生院"));

  // Villages by name with their township; by code too.
  auto v = get("/api/v1/search?q=%E7%94%B2%E6%9D%91", "bureau_a");  // 甲村
  ASSERT_EQ(v.body["villages"].size(), 1u) << v.raw;
  EXPECT_EQ(v.body["villages"][0]["township_name"], "解放路街道");
  EXPECT_EQ(get("/api/v1/search?q=370102001001", "bureau_a").body["villages"].size(), 1u);
  EXPECT_TRUE(get("/api/v1/search?q=%E7%94%B2%E6%9D%91", "bureau_b").body["villages"].empty());

  // People: a hospital finds its own staff, not another hospital's; never an ID or phone.
  auto mine = get("/api/v1/search?q=%E5%BC%A0%E4%B8%89", "hospital_a");  // 张三
  ASSERT_EQ(mine.body["people"].size(), 1u) << mine.raw;
  const auto& p = mine.body["people"][0];
  EXPECT_EQ(p["institution_name"], "历下区人民医院");
  EXPECT_EQ(p["title"], "主治医师");
  for (const char* k : {"id_number", "phone", "birth_date"}) EXPECT_FALSE(p.contains(k)) << k;
  EXPECT_TRUE(get("/api/v1/search?q=%E5%BC%A0%E4%B8%89", "hospital_b").body["people"].empty());
}

TEST_F(RegistrySearch, RefusesTooShortOrBadQueriesAndStrangers) {
  auto one = get("/api/v1/search?q=%E5%BC%A0", "bureau_a");  // one character
  EXPECT_EQ(one.status, 400);
  EXPECT_EQ(one.body["error"]["field"], "q");
  EXPECT_EQ(get("/api/v1/search?q=abc&limit=0", "bureau_a").body["error"]["field"], "limit");
  EXPECT_EQ(get("/api/v1/search?q=abc&limit=x", "bureau_a").status, 400);
  EXPECT_EQ(get("/api/v1/search?q=abc", "").status, 401);
  // A pattern character matches itself, not everything.
  auto pct = get("/api/v1/search?q=%25%25", "bureau_a");
  ASSERT_EQ(pct.status, 200) << pct.raw;
  EXPECT_TRUE(pct.body["institutions"].empty());
  EXPECT_TRUE(pct.body["people"].empty());
}

}  // namespace yilian::testing

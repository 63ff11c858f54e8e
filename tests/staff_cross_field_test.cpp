// Cross-field checks run on the merged record for every write path (hardening issue,
// item 7): a PATCH may not make the birth date or sex disagree with the ID number.
#include "person/id_number.h"
#include "fixture/fixture.h"

namespace yilian::testing {

using nlohmann::json;

class StaffCrossField : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    std::string first17 = "37010219800101001";  // born 1980-01-01, male
    id_number = first17 + person::id_number_check_char(first17);
    auto r = post("/api/v1/staff", "hospital_a",
                  {{"institution_id", seed.county_a_hospital}, {"name", "钱七"}, {"id_number", id_number},
                   {"profession", "clinical"}});
    ASSERT_EQ(r.status, 201) << r.raw;
    path = "/api/v1/staff/" + std::to_string(r.body["id"].get<int64_t>());
  }
  int64_t version() { return get(path, "hospital_a").body["version"]; }
  std::string id_number, path;
};

TEST_F(StaffCrossField, APatchCannotContradictTheStoredIdNumber) {
  auto birth = patch(path, "hospital_a", {{"version", version()}, {"birth_date", "1981-01-01"}});
  EXPECT_EQ(birth.status, 422) << birth.raw;
  EXPECT_EQ(birth.body["error"]["field"], "birth_date");
  auto sex = patch(path, "hospital_a", {{"version", version()}, {"sex", "2"}});
  EXPECT_EQ(sex.status, 422) << sex.raw;
  EXPECT_EQ(sex.body["error"]["field"], "sex");
  auto got = get(path, "hospital_a");
  EXPECT_EQ(got.body["birth_date"], "1980-01-01");
  EXPECT_EQ(got.body["sex"], "1");
  // The same values again are no contradiction; other fields stay editable.
  auto same = patch(path, "hospital_a", {{"version", version()}, {"birth_date", "1980-01-01"}, {"name", "钱七七"}});
  EXPECT_EQ(same.status, 200) << same.raw;
}

TEST_F(StaffCrossField, ANewIdNumberBringsItsBirthDateAndSexUnlessTheyAreWrittenWrongly) {
  std::string first17 = "37010219900505002";  // born 1990-05-05, female
  std::string other = first17 + person::id_number_check_char(first17);
  auto r = patch(path, "hospital_a", {{"version", version()}, {"id_number", other}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["birth_date"], "1990-05-05");
  EXPECT_EQ(r.body["sex"], "2");
  auto both = patch(path, "hospital_a", {{"version", version()}, {"id_number", id_number}, {"birth_date", "1995-01-01"}});
  EXPECT_EQ(both.status, 422) << both.raw;
  EXPECT_EQ(both.body["error"]["field"], "birth_date");
}

}  // namespace yilian::testing

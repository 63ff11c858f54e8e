// Out-of-scope access, endpoint by endpoint and role by role, as a table (one line a
// case): the expected status, and that nothing was written.
#include "fixture/fixture.h"

namespace yilian::testing {

using nlohmann::json;

class ScopeMatrix : public ApiTest {
 protected:
  struct Case {
    std::string user, method, path;
    json body;
    int status;
  };

  void run(const std::vector<Case>& cases) {
    for (const auto& c : cases) {
      int64_t writes = count("audit_log WHERE action IN ('create','update','delete')");
      auto r = call(c.method, c.path, c.user, c.body);
      EXPECT_EQ(r.status, c.status) << c.user << " " << c.method << " " << c.path << " → " << r.raw;
      if (c.status >= 400) {
        EXPECT_TRUE(r.body.contains("error")) << r.raw;
        EXPECT_EQ(count("audit_log WHERE action IN ('create','update','delete')"), writes) << c.method << " " << c.path;
      }
    }
  }
  std::string id(int64_t v) { return std::to_string(v); }
};

TEST_F(ScopeMatrix, InstitutionsAndDepartments) {
  std::string a = id(seed.county_a_hospital), b = id(seed.county_b_hospital);
  std::string clinic_a = id(seed.clinic_a1), clinic_b = id(seed.clinic_b1);
  json new_b = {{"code", "HX"}, {"name", "x"}, {"kind", "A100"}, {"ownership", "public"}, {"region_code", "370103"}};
  run({
      {"bureau_a", "GET", "/api/v1/institutions/" + b, nullptr, 404},
      {"bureau_a", "GET", "/api/v1/institutions/" + a, nullptr, 200},
      {"bureau_city", "GET", "/api/v1/institutions/" + b, nullptr, 200},
      {"bureau_a", "POST", "/api/v1/institutions", new_b, 403},
      {"bureau_a", "PATCH", "/api/v1/institutions/" + b, {{"version", 1}, {"beds", 1}}, 404},
      {"bureau_a", "PATCH", "/api/v1/institutions/" + a, {{"version", 1}, {"region_code", "370103"}}, 403},
      {"bureau_a", "DELETE", "/api/v1/institutions/" + b, nullptr, 404},
      {"hospital_a", "GET", "/api/v1/institutions/" + b, nullptr, 404},
      {"hospital_a", "PATCH", "/api/v1/institutions/" + a, {{"version", 1}, {"beds", 1}}, 403},
      {"hospital_a", "POST", "/api/v1/institutions", new_b, 403},
      {"township_a1", "GET", "/api/v1/institutions/" + clinic_a, nullptr, 200},
      {"township_a1", "GET", "/api/v1/institutions/" + clinic_b, nullptr, 404},
      {"township_a1", "GET", "/api/v1/institutions/" + a, nullptr, 404},
      {"doctor_a", "GET", "/api/v1/institutions/" + a, nullptr, 200},
      {"doctor_a", "GET", "/api/v1/institutions/" + b, nullptr, 404},
      {"villager_a1", "DELETE", "/api/v1/institutions/" + clinic_a, nullptr, 403},
      {"hospital_a", "POST", "/api/v1/departments", {{"institution_id", seed.county_b_hospital}, {"name", "外科"}}, 403},
      {"hospital_a", "GET", "/api/v1/departments/" + id(seed.dept_b_internal), nullptr, 404},
      {"hospital_b", "PATCH", "/api/v1/departments/" + id(seed.dept_a_internal), {{"version", 1}, {"name", "x"}}, 404},
      {"doctor_a", "POST", "/api/v1/departments", {{"institution_id", seed.county_a_hospital}, {"name", "外科"}}, 403},
  });
}

TEST_F(ScopeMatrix, StaffVillagesRegions) {
  std::string sa = id(seed.staff_a), sb = id(seed.staff_b);
  json staff_b = {{"institution_id", seed.county_b_hospital}, {"name", "x"}, {"sex", "1"}, {"birth_date", "1990-01-01"},
                  {"profession", "clinical"}};
  db->exec("INSERT INTO region (code, name, level, parent_code, created_at, updated_at) VALUES "
           "('370103001002', '丁村', 5, '370103001000', 'x', 'x')");
  run({
      {"bureau_a", "GET", "/api/v1/staff/" + sb, nullptr, 404},
      {"bureau_a", "POST", "/api/v1/staff", staff_b, 403},
      {"hospital_a", "POST", "/api/v1/staff", staff_b, 403},
      {"hospital_a", "PATCH", "/api/v1/staff/" + sb, {{"version", 1}, {"name", "y"}}, 404},
      {"hospital_a", "PATCH", "/api/v1/staff/" + sa, {{"version", 1}, {"institution_id", seed.county_b_hospital}}, 403},
      {"township_a1", "GET", "/api/v1/staff/" + sa, nullptr, 404},
      {"township_a1", "GET", "/api/v1/staff/" + id(seed.staff_clinic_a1), nullptr, 200},
      {"doctor_a", "GET", "/api/v1/staff/" + sb, nullptr, 404},
      {"doctor_a", "PATCH", "/api/v1/staff/" + sa, {{"version", 1}, {"name", "改名"}}, 403},
      {"villager_a1", "GET", "/api/v1/staff/" + sa, nullptr, 404},
      {"bureau_a", "GET", "/api/v1/villages?region=370103", nullptr, 200},
      {"township_a1", "POST", "/api/v1/villages", {{"region_code", "370103001002"}}, 403},
      {"bureau_a", "POST", "/api/v1/villages", {{"region_code", "370103001002"}}, 403},
      {"hospital_a", "POST", "/api/v1/villages", {{"region_code", "370102001001"}}, 403},
      {"bureau_a", "GET", "/api/v1/regions/370103", nullptr, 404},
      {"bureau_a", "GET", "/api/v1/regions/370102001001", nullptr, 200},
      {"bureau_a", "POST", "/api/v1/regions", {{"code", "370103001003"}, {"name", "x"}}, 403},
      {"bureau_a", "PATCH", "/api/v1/regions/370103", {{"version", 1}, {"name", "x"}}, 404},
      {"hospital_a", "POST", "/api/v1/regions", {{"code", "370102001002"}, {"name", "x"}}, 403},
      {"doctor_a", "DELETE", "/api/v1/regions/370102", nullptr, 403},
      {"bureau_b", "GET", "/api/v1/audit", nullptr, 200},
      {"hospital_a", "GET", "/api/v1/audit", nullptr, 403},
      {"doctor_a", "GET", "/api/v1/users", nullptr, 200},
      {"bureau_b", "GET", "/api/v1/users/1", nullptr, 404},
      {"bureau_b", "POST", "/api/v1/users/1/password", {{"password", "Secret123"}}, 404},
      {"bureau_b", "POST", "/api/v1/users/1/unlock", json::object(), 404},
  });
}

TEST_F(ScopeMatrix, ListsNeverCountOutOfScopeRows) {
  struct L {
    std::string user, path;
    int total;
  };
  std::vector<L> lists = {
      {"admin", "/api/v1/institutions", 8},     {"bureau_city", "/api/v1/institutions", 8},
      {"bureau_a", "/api/v1/institutions", 4},  {"bureau_b", "/api/v1/institutions", 3},
      {"hospital_a", "/api/v1/institutions", 1}, {"township_a1", "/api/v1/institutions", 2},
      {"doctor_a", "/api/v1/institutions", 1},  {"villager_a1", "/api/v1/institutions", 1},
      {"bureau_a", "/api/v1/staff", 3},         {"hospital_a", "/api/v1/staff", 1},
      {"township_a1", "/api/v1/staff", 2},      {"doctor_a", "/api/v1/staff", 1},
      {"bureau_a", "/api/v1/villages", 2},      {"township_a1", "/api/v1/villages", 1},
      {"villager_a1", "/api/v1/villages", 1},   {"doctor_a", "/api/v1/villages", 2},
      {"bureau_a", "/api/v1/regions", 5},       {"bureau_b", "/api/v1/regions", 3},
      {"bureau_a", "/api/v1/departments", 1},   {"hospital_b", "/api/v1/departments", 1},
      {"bureau_a", "/api/v1/institutions?region=370103", 0},
  };
  for (const auto& l : lists) {
    auto r = get(l.path, l.user);
    ASSERT_EQ(r.status, 200) << l.user << " " << l.path << r.raw;
    EXPECT_EQ(r.body["total"], l.total) << l.user << " " << l.path;
    EXPECT_EQ(r.body["items"].size(), static_cast<size_t>(l.total)) << l.user << " " << l.path;
  }
}

TEST_F(ScopeMatrix, AuditTrailIsScopedToTheBureausRegion) {
  ASSERT_EQ(patch("/api/v1/institutions/" + id(seed.county_b_hospital), "admin", {{"version", 1}, {"beds", 5}}).status, 200);
  auto a = get("/api/v1/audit?entity=institution", "bureau_a");
  EXPECT_EQ(a.body["total"], 0);
  auto b = get("/api/v1/audit?entity=institution", "bureau_b");
  ASSERT_EQ(b.body["total"], 1);
  EXPECT_EQ(b.body["items"][0]["before"]["beds"], 100);
  EXPECT_EQ(b.body["items"][0]["after"]["beds"], 5);
  EXPECT_EQ(b.body["items"][0]["username"], "admin");
}

}  // namespace yilian::testing

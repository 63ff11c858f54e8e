// Registry endpoints: good paths, bad input (nothing written), concurrency, soft delete, audit.
#include "person/id_number.h"
#include "fixture/fixture.h"

namespace yilian::testing {

using nlohmann::json;

class RegistryApi : public ApiTest {
 protected:
  std::string valid_id(const std::string& first17) { return first17 + person::id_number_check_char(first17); }
  json new_staff(int64_t institution) {
    return {{"institution_id", institution}, {"name", "孙七"},
            {"id_number", valid_id("37010219850315002")}, {"phone", "13912345678"},
            {"profession", "clinical"}, {"title_code", "232"}};
  }
};

TEST_F(RegistryApi, RegionCreateDerivesLevelAndParent) {
  auto r = post("/api/v1/regions", "bureau_a", {{"code", "370102001002"}, {"name", "丁村"}});
  ASSERT_EQ(r.status, 201) << r.raw;
  EXPECT_EQ(r.body["level"], 5);
  EXPECT_EQ(r.body["parent_code"], "370102001000");
  auto children = get("/api/v1/regions?parent_code=370102001000", "bureau_a");
  EXPECT_EQ(children.body["total"], 2);
}


TEST_F(RegistryApi, RegionRejectsBadCodesMissingParentsAndDuplicates) {
  int64_t before = count("region");
  EXPECT_EQ(post("/api/v1/regions", "admin", {{"code", "37010"}, {"name", "x"}}).body["error"]["field"], "code");
  auto orphan = post("/api/v1/regions", "admin", {{"code", "370199001001"}, {"name", "x"}});
  EXPECT_EQ(orphan.status, 422);
  EXPECT_EQ(orphan.body["error"]["field"], "parent_code");
  auto wrong_parent = post("/api/v1/regions", "admin", {{"code", "370102001003"}, {"name", "x"}, {"parent_code", "370102"}});
  EXPECT_EQ(wrong_parent.body["error"]["field"], "parent_code");
  auto dup = post("/api/v1/regions", "admin", {{"code", "370102"}, {"name", "x"}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.body["error"]["code"], "duplicate");
  EXPECT_EQ(count("region"), before);
}

TEST_F(RegistryApi, InstitutionLifecycleWithVersionAndAudit) {
  auto c = post("/api/v1/institutions", "bureau_a",
                {{"code", "H0100"}, {"name", "历下区中医医院"}, {"kind", "A210"}, {"level", "2"}, {"grade", "A"},
                 {"ownership", "public"}, {"beds", 300}, {"region_code", "370102"}});
  ASSERT_EQ(c.status, 201) << c.raw;
  std::string id = std::to_string(c.body["id"].get<int64_t>());
  EXPECT_EQ(c.body["version"], 1);
  EXPECT_EQ(c.body["region_name"], "历下区");

  auto u = patch("/api/v1/institutions/" + id, "bureau_a", {{"version", 1}, {"beds", 320}});
  ASSERT_EQ(u.status, 200) << u.raw;
  EXPECT_EQ(u.body["beds"], 320);
  EXPECT_EQ(u.body["version"], 2);

  auto stale = patch("/api/v1/institutions/" + id, "bureau_a", {{"version", 1}, {"beds", 1}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.body["error"]["code"], "version_conflict");
  auto no_version = patch("/api/v1/institutions/" + id, "bureau_a", {{"beds", 1}});
  EXPECT_EQ(no_version.status, 422);
  EXPECT_EQ(no_version.body["error"]["field"], "version");
  EXPECT_EQ(get("/api/v1/institutions/" + id, "bureau_a").body["beds"], 320);

  auto d = call("DELETE", "/api/v1/institutions/" + id, "bureau_a");
  ASSERT_EQ(d.status, 200);
  EXPECT_EQ(d.body["active"], false);
  EXPECT_EQ(count("institution WHERE id = " + id), 1);  // never hard-deleted
  EXPECT_EQ(get("/api/v1/institutions?q=中医", "bureau_a").body["total"], 0);
  EXPECT_EQ(get("/api/v1/institutions?q=中医&active=all", "bureau_a").body["total"], 1);

  auto audit = db->query("SELECT action, before_json, after_json, username, remote_addr FROM audit_log "
                         "WHERE entity = 'institution' AND entity_id = ? ORDER BY id", {id});
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(audit.rows[0][0].as_text(), "create");
  EXPECT_TRUE(audit.rows[0][1].is_null());
  EXPECT_EQ(audit.rows[1][0].as_text(), "update");
  EXPECT_EQ(json::parse(audit.rows[1][1].as_text())["beds"], 300);
  EXPECT_EQ(json::parse(audit.rows[1][2].as_text())["beds"], 320);
  EXPECT_EQ(audit.rows[2][0].as_text(), "delete");
  EXPECT_EQ(audit.rows[2][3].as_text(), "bureau_a");
  EXPECT_EQ(audit.rows[2][4].as_text(), "127.0.0.1");
}

TEST_F(RegistryApi, InstitutionRejectsBadInputAndWritesNothing) {
  json good = {{"code", "H0200"}, {"name", "新医院"}, {"kind", "A100"}, {"ownership", "public"}, {"region_code", "370102"}};
  struct Case {
    std::string key;
    json value;
    std::string field;
  };
  std::vector<Case> cases = {
      {"kind", "Q999", "kind"},                // not a WS 218 code
      {"region_code", "379999", "region_code"},  // dangling reference
      {"beds", "many", "beds"},                // wrong type
      {"beds", -1, "beds"},                    // out of range
      {"name", "", "name"},                    // required
      {"code", "H0001", "code"},               // duplicate
      {"unknown_field", 1, "unknown_field"},   // misspelt field
      {"kind", "D600", "region_code"},         // a village clinic must sit in a village
      {"phone", "12345", "phone"},
      {"parent_id", 99999, "parent_id"},
  };
  int64_t before = count("institution");
  int64_t audits = count("audit_log");
  for (const auto& c : cases) {
    json body = good;
    body[c.key] = c.value;
    auto r = post("/api/v1/institutions", "admin", body);
    EXPECT_TRUE(r.status == 422 || r.status == 409) << c.key << " → " << r.raw;
    EXPECT_EQ(r.body["error"]["field"], c.field) << c.key << " → " << r.raw;
    EXPECT_FALSE(r.body["error"]["message"].get<std::string>().empty());
  }
  EXPECT_EQ(count("institution"), before);
  EXPECT_EQ(count("audit_log"), audits);
}

TEST_F(RegistryApi, MalformedJsonAndWrongBodyShapesGet400) {
  auto r = call("POST", "/api/v1/institutions", "admin", nullptr, "{\"code\": ");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body["error"]["code"], "malformed_json");
  EXPECT_EQ(call("POST", "/api/v1/institutions", "admin", nullptr, "[1,2]").status, 400);
  EXPECT_EQ(call("POST", "/api/v1/institutions", "admin").status, 400);
  EXPECT_EQ(get("/api/v1/institutions?page=0", "admin").status, 400);
  EXPECT_EQ(get("/api/v1/institutions?page_size=100000", "admin").status, 400);
  EXPECT_EQ(get("/api/v1/institutions?sort=password", "admin").status, 400);
  EXPECT_EQ(get("/api/v1/institutions?region=12", "admin").status, 400);
  EXPECT_EQ(get("/api/v1/institutions/abc", "admin").status, 404);
  EXPECT_EQ(get("/api/v1/nothing-here", "admin").status, 404);
  EXPECT_EQ(call("PUT", "/api/v1/institutions", "admin").status, 405);
}

TEST_F(RegistryApi, ListsPageSortFilterAndSearchWithinRegionSubtree) {
  auto all = get("/api/v1/institutions?page_size=3&sort=code", "admin");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.body["total"], 8);
  EXPECT_EQ(all.body["items"].size(), 3u);
  EXPECT_EQ(all.body["items"][0]["code"], "H0001");
  auto page3 = get("/api/v1/institutions?page_size=3&page=3&sort=code", "admin");
  EXPECT_EQ(page3.body["items"].size(), 2u);
  auto desc = get("/api/v1/institutions?sort=-code&page_size=1", "admin");
  EXPECT_EQ(desc.body["items"][0]["code"], "V0002");
  auto county_a = get("/api/v1/institutions?region=370102", "admin");
  EXPECT_EQ(county_a.body["total"], 4);
  auto township = get("/api/v1/institutions?region=370102001000", "admin");
  EXPECT_EQ(township.body["total"], 2);
  auto clinics = get("/api/v1/institutions?kind=D600", "admin");
  EXPECT_EQ(clinics.body["total"], 2);
  auto search = get("/api/v1/institutions?q=" "%E5%8E%86%E4%B8%8B", "admin");  // 历下
  EXPECT_EQ(search.body["total"], 1);
  auto wildcard = get("/api/v1/institutions?q=%25", "admin");  // a literal %, not "everything"
  EXPECT_EQ(wildcard.body["total"], 0);
}

TEST_F(RegistryApi, StaffIdNumberIsValidatedAndCrossChecked) {
  json s = new_staff(seed.county_a_hospital);
  auto ok = post("/api/v1/staff", "hospital_a", s);
  ASSERT_EQ(ok.status, 201) << ok.raw;
  EXPECT_EQ(ok.body["birth_date"], "1985-03-15");
  EXPECT_EQ(ok.body["sex"], "2");
  EXPECT_EQ(ok.body["title_level"], "associate");
  EXPECT_EQ(ok.body["id_number"], s["id_number"]);  // full for the writer

  int64_t before = count("staff");
  json bad = new_staff(seed.county_a_hospital);
  bad["id_number"] = "370102198503150021";  // wrong check digit
  EXPECT_EQ(post("/api/v1/staff", "hospital_a", bad).body["error"]["field"], "id_number");
  bad = new_staff(seed.county_a_hospital);
  bad["id_number"] = valid_id("37010219850316002");
  bad["birth_date"] = "1985-03-15";
  EXPECT_EQ(post("/api/v1/staff", "hospital_a", bad).body["error"]["field"], "birth_date");
  bad["birth_date"] = nullptr;
  bad["sex"] = "1";
  EXPECT_EQ(post("/api/v1/staff", "hospital_a", bad).body["error"]["field"], "sex");
  bad = new_staff(seed.county_a_hospital);
  auto dup = post("/api/v1/staff", "hospital_a", bad);  // same ID number again
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.body["error"]["field"], "id_number");
  bad = new_staff(seed.county_a_hospital);
  bad["id_number"] = valid_id("37010219900101003");
  bad["department_id"] = seed.dept_b_internal;  // a department of another hospital
  EXPECT_EQ(post("/api/v1/staff", "admin", bad).body["error"]["field"], "department_id");
  bad["department_id"] = seed.dept_a_internal;
  bad["profession"] = "nursing";  // 232 is a physician title
  EXPECT_EQ(post("/api/v1/staff", "admin", bad).body["error"]["field"], "title_code");
  EXPECT_EQ(count("staff"), before);
}

TEST_F(RegistryApi, PersonalDataIsMaskedInListsAndAuditButNotForTheEditor) {
  json s = new_staff(seed.county_a_hospital);
  auto created = post("/api/v1/staff", "hospital_a", s);
  ASSERT_EQ(created.status, 201);
  std::string full = s["id_number"];
  auto list = get("/api/v1/staff?q=" "%E5%AD%99", "hospital_a");  // 孙
  ASSERT_EQ(list.body["total"], 1);
  EXPECT_EQ(list.body["items"][0]["id_number"], full.substr(0, 6) + "********" + full.substr(14));
  EXPECT_EQ(list.body["items"][0]["phone"], "139****5678");
  auto audit = db->query("SELECT after_json FROM audit_log WHERE entity = 'staff' AND action = 'create'");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit.scalar().as_text().find(full), std::string::npos);
  // The doctor sees their own record in full, but nobody else's.
  std::string me = std::to_string(seed.staff_a);
  EXPECT_EQ(get("/api/v1/staff/" + me, "doctor_a").status, 200);
  EXPECT_EQ(get("/api/v1/staff/" + std::to_string(created.body["id"].get<int64_t>()), "doctor_a").status, 404);
}

TEST_F(RegistryApi, VillageProfileRequiresVillageLevelCode) {
  auto bad = post("/api/v1/villages", "admin", {{"region_code", "370102001000"}, {"population", 100}});
  EXPECT_EQ(bad.body["error"]["field"], "region_code");
  db->exec("INSERT INTO region (code, name, level, parent_code, created_at, updated_at) VALUES "
           "('370102001009', '戊村', 5, '370102001000', 'x', 'x')");
  auto ok = post("/api/v1/villages", "township_a1",
                 {{"region_code", "370102001009"}, {"population", 1200}, {"village_doctor_count", 0},
                  {"has_fixed_doctor", false}, {"is_relocation_site", true}});
  ASSERT_EQ(ok.status, 201) << ok.raw;
  EXPECT_EQ(ok.body["name"], "戊村");
  EXPECT_EQ(ok.body["has_fixed_doctor"], false);
  EXPECT_EQ(ok.body["is_relocation_site"], true);
  auto flagged = get("/api/v1/villages?is_relocation_site=true", "bureau_a");
  EXPECT_EQ(flagged.body["total"], 1);
}

TEST_F(RegistryApi, DepartmentNamesAreUniquePerInstitution) {
  auto dup = post("/api/v1/departments", "hospital_a", {{"institution_id", seed.county_a_hospital}, {"name", "内科"}});
  EXPECT_EQ(dup.status, 409);
  auto ok = post("/api/v1/departments", "hospital_a", {{"institution_id", seed.county_a_hospital}, {"name", "外科"}});
  EXPECT_EQ(ok.status, 201) << ok.raw;
  auto moved = patch("/api/v1/departments/" + std::to_string(ok.body["id"].get<int64_t>()), "admin",
                     {{"version", 1}, {"institution_id", seed.county_b_hospital}});
  EXPECT_EQ(moved.body["error"]["field"], "institution_id");  // immutable
}

TEST_F(RegistryApi, SummaryCountsOnlyWhatTheUserMaySee) {
  auto a = get("/api/v1/registry/summary", "bureau_a");
  ASSERT_EQ(a.status, 200) << a.raw;
  EXPECT_EQ(a.body["regions_by_level"]["村(社区)"], 2);
  EXPECT_EQ(a.body["regions_by_level"]["乡镇(街道)"], 2);
  EXPECT_EQ(a.body["staff_total"], 3);
  // Asking for another county's numbers yields nothing of it, not even counts.
  auto peek = get("/api/v1/registry/summary?region=370103", "bureau_a");
  EXPECT_TRUE(peek.body["regions_by_level"].empty());
  EXPECT_TRUE(peek.body["institutions"].empty());
  EXPECT_EQ(peek.body["staff_total"], 0);
}

}  // namespace yilian::testing

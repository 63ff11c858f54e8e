// The rounds tests' county on top of the shared seed (tests/fixture/fixture.h):
//  - county A (370102): township A1 runs a 全专联合 team serving 甲村 (GP 王五, nurse,
//    a county-hospital specialist, village doctor 赵六); township A2 a 健康管理团队
//    serving 乙村 (no fixed doctor, 300 residents, no village doctor);
//  - county B (370103): township B1's team serving 丙村;
//  - the senior-doctor pool of A1: 张三 (county A hospital, 医共体牵头医院) and a
//    city-hospital doctor (医联体外部协作三级医院).
// Extra accounts: township_a2, township_b1 (township centres) and gp_a1 (王五, doctor).
#pragma once
#include "admin/accounts.h"
#include "auth/session.h"
#include "common/clock.h"
#include "fixture/fixture.h"

namespace yilian::testing {

class RoundsTest : public ApiTest {
 protected:
  using json = nlohmann::json;

  void SetUp() override {
    ApiTest::SetUp();
    db->exec("UPDATE institution SET level = '2' WHERE id IN (?, ?)", {seed.county_a_hospital, seed.county_b_hospital});
    db->exec("UPDATE institution SET level = '3' WHERE id = ?", {seed.city_hospital});
    nurse_a1 = add_staff(seed.township_a1, "钱护士", "nursing");
    specialist_a = add_staff(seed.county_a_hospital, "孙专科", "clinical");
    city_doctor = add_staff(seed.city_hospital, "周主任", "clinical");
    gp_a2 = add_staff(seed.township_a2, "吴医生", "clinical");
    gp_b1 = add_staff(seed.township_b1, "郑医生", "clinical");
    add_user("township_a2", "township", seed.township_a2, 0);
    add_user("township_b1", "township", seed.township_b1, 0);
    add_user("gp_a1", "doctor", 0, seed.staff_township_a1);

    team_a1 = created(post("/api/v1/rounds-teams", "township_a1",
                           {{"institution_id", seed.township_a1}, {"name", "解放路一队"}, {"kind", "general_specialist"},
                            {"has_vehicle", true}, {"start_date", "2026-01-01"}}));
    team_a2 = created(post("/api/v1/rounds-teams", "bureau_a",
                           {{"institution_id", seed.township_a2}, {"name", "千佛山一队"}, {"kind", "health_management"},
                            {"start_date", "2026-01-01"}}));
    team_b1 = created(post("/api/v1/rounds-teams", "bureau_b",
                           {{"institution_id", seed.township_b1}, {"name", "大观园一队"}, {"kind", "health_management"},
                            {"start_date", "2026-01-01"}}));
    member(team_a1, seed.staff_township_a1, "gp", "township_a1");
    member(team_a1, nurse_a1, "nurse", "township_a1");
    member(team_a1, specialist_a, "specialist", "township_a1");
    member(team_a1, seed.staff_clinic_a1, "village_doctor", "township_a1");
    member(team_a2, gp_a2, "gp", "township_a2");
    member(team_b1, gp_b1, "gp", "township_b1");
    assign("370102001001", team_a1, "township_a1");
    assign("370102002001", team_a2, "township_a2");
    assign("370103001001", team_b1, "township_b1");
    senior(seed.staff_a, seed.township_a1, "lead_hospital");
    senior(city_doctor, seed.township_a1, "external_tertiary");
  }

  int64_t created(const Reply& r) {
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.body.value("id", int64_t{0});
  }
  int64_t add_staff(int64_t institution, const std::string& name, const std::string& profession) {
    return db->insert(
        "INSERT INTO staff (institution_id, name, sex, birth_date, profession, title_code, title_level, created_at, "
        "updated_at) VALUES (?, ?, '1', '1985-01-01', ?, '233', 'intermediate', 'x', 'x')",
        {institution, name, profession});
  }
  void add_user(const std::string& name, const std::string& role, int64_t institution, int64_t staff) {
    admin::create_user(*db, nullptr, "test", {name, name, kPassword, role, "", institution, staff});
    seed.tokens[name] = auth::login(*db, name, kPassword, "127.0.0.1").token;
  }
  int64_t member(int64_t team, int64_t staff, const std::string& role, const std::string& user) {
    return created(post("/api/v1/team-members", user,
                        {{"team_id", team}, {"staff_id", staff}, {"role", role}, {"start_date", "2026-01-01"}}));
  }
  int64_t assign(const std::string& village, int64_t team, const std::string& user) {
    return created(post("/api/v1/village-assignments", user,
                        {{"village_code", village}, {"team_id", team}, {"start_date", "2026-01-01"}}));
  }
  int64_t senior(int64_t staff, int64_t township, const std::string& affiliation) {
    return created(post("/api/v1/senior-doctors", "bureau_a",
                        {{"staff_id", staff}, {"township_institution_id", township}, {"affiliation", affiliation},
                         {"start_date", "2026-01-01"}}));
  }

  // A visit of team A1 to 甲村 with its GP and nurse; callers change what they test.
  json visit_a1(const std::string& day, const std::string& half = "am") const {
    return {{"team_id", team_a1},
            {"village_code", "370102001001"},
            {"day", day},
            {"half", half},
            {"patients", 12},
            {"referrals", 1},
            {"education_sessions", 1},
            {"education_audience", 30},
            {"guidance_elderly", 5},
            {"guidance_hypertension", 4},
            {"members", {seed.staff_township_a1, nurse_a1}},
            {"senior_doctors", json::array()}};
  }
  static std::string days_ago(int d) { return common::iso_from_unix(common::now_unix() - d * 86400).substr(0, 10); }
  static std::string id(int64_t v) { return std::to_string(v); }

  int64_t nurse_a1 = 0, specialist_a = 0, city_doctor = 0, gp_a2 = 0, gp_b1 = 0;
  int64_t team_a1 = 0, team_a2 = 0, team_b1 = 0;
};

}  // namespace yilian::testing

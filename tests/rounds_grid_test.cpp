// Teams, members, the village grid and the senior-doctor pool (V1, V3, V6, V8): who may
// see and change them, the checks on each, and the coverage view.
#include "rounds_fixture.h"

namespace yilian::testing {

class RoundsGrid : public RoundsTest {};

TEST_F(RoundsGrid, TeamsAreSeenAndManagedByTheirTownshipAndBureauOnly) {
  struct L {
    std::string user;
    int total;
  };
  for (const L& l : std::vector<L>{{"admin", 3}, {"bureau_city", 3}, {"bureau_a", 2}, {"bureau_b", 1},
                                   {"township_a1", 1}, {"township_a2", 1}, {"hospital_a", 0}, {"gp_a1", 1},
                                   {"doctor_a", 0}}) {
    auto r = get("/api/v1/rounds-teams", l.user);
    ASSERT_EQ(r.status, 200) << l.user << r.raw;
    EXPECT_EQ(r.body["total"], l.total) << l.user;
    EXPECT_EQ(r.body["items"].size(), static_cast<size_t>(l.total)) << l.user;
  }
  std::string team = "/api/v1/rounds-teams/" + id(team_a1);
  EXPECT_EQ(get(team, "township_a2").status, 404);
  EXPECT_EQ(get(team, "bureau_b").status, 404);
  EXPECT_EQ(get(team, "bureau_a").body["institution_name"], "解放路卫生院");
  int64_t before = count("rounds_team");
  EXPECT_EQ(patch(team, "township_a2", {{"version", 1}, {"name", "x"}}).status, 404);
  EXPECT_EQ(patch(team, "gp_a1", {{"version", 1}, {"name", "x"}}).status, 403);
  json other = {{"institution_id", seed.township_a1}, {"name", "二队"}, {"kind", "health_management"},
                {"start_date", "2026-01-01"}};
  EXPECT_EQ(post("/api/v1/rounds-teams", "township_a2", other).status, 403);
  EXPECT_EQ(post("/api/v1/rounds-teams", "bureau_b", other).status, 403);
  EXPECT_EQ(post("/api/v1/rounds-teams", "hospital_a", other).status, 403);
  EXPECT_EQ(call("DELETE", team, "township_a2").status, 404);
  EXPECT_EQ(count("rounds_team"), before);
  EXPECT_EQ(get(team, "township_a1").body["has_vehicle"], true);
}

TEST_F(RoundsGrid, TeamRejectsBadInput) {
  int64_t before = count("rounds_team");
  json base = {{"institution_id", seed.township_a1}, {"name", "二队"}, {"kind", "health_management"},
               {"start_date", "2026-03-01"}};
  auto hospital = base;
  hospital["institution_id"] = seed.county_a_hospital;
  EXPECT_EQ(post("/api/v1/rounds-teams", "admin", hospital).body["error"]["field"], "institution_id");
  auto backwards = base;
  backwards["end_date"] = "2026-02-01";
  EXPECT_EQ(post("/api/v1/rounds-teams", "township_a1", backwards).body["error"]["field"], "end_date");
  auto kind = base;
  kind["kind"] = "mobile";
  EXPECT_EQ(post("/api/v1/rounds-teams", "township_a1", kind).body["error"]["field"], "kind");
  auto same_name = base;
  same_name["name"] = "解放路一队";
  EXPECT_EQ(post("/api/v1/rounds-teams", "township_a1", same_name).status, 409);
  EXPECT_EQ(count("rounds_team"), before);
  EXPECT_EQ(post("/api/v1/rounds-teams", "township_a1", base).status, 201);
}

TEST_F(RoundsGrid, MembersMustFitTheirRoleAndTeam) {
  int64_t before = count("team_member");
  auto add = [&](int64_t team, int64_t staff, const std::string& role) {
    return post("/api/v1/team-members", "admin",
                {{"team_id", team}, {"staff_id", staff}, {"role", role}, {"start_date", "2026-02-01"}});
  };
  EXPECT_EQ(add(team_a1, seed.staff_a, "gp").body["error"]["field"], "staff_id");           // a hospital doctor
  EXPECT_EQ(add(team_a1, seed.staff_township_a1, "nurse").body["error"]["field"], "staff_id");  // a physician
  EXPECT_EQ(add(team_a2, seed.staff_a, "specialist").body["error"]["field"], "role");       // V3: 全专联合 only
  EXPECT_EQ(add(team_a1, seed.staff_b, "specialist").body["error"]["field"], "staff_id");   // another county
  EXPECT_EQ(add(team_a2, seed.staff_clinic_a1, "village_doctor").body["error"]["field"], "staff_id");  // other township
  EXPECT_EQ(add(team_a1, nurse_a1, "nurse").status, 409);  // already a member for an overlapping period
  auto early = post("/api/v1/team-members", "admin",
                    {{"team_id", team_a1}, {"staff_id", seed.staff_a}, {"role", "specialist"},
                     {"start_date", "2025-06-01"}});
  EXPECT_EQ(early.body["error"]["field"], "start_date");
  // Once township A1 is recorded as a member of a 医共体 led by the city hospital, the
  // specialist must come from that lead hospital.
  int64_t alliance = db->insert("INSERT INTO alliance (name, kind, lead_institution_id, start_date, created_at, "
                                "updated_at) VALUES ('医共体', 'community', ?, '2025-01-01', 'x', 'x')",
                                {seed.city_hospital});
  db->exec("INSERT INTO alliance_member (alliance_id, institution_id, start_date, created_at, updated_at) VALUES (?, ?, "
           "'2025-01-01', 'x', 'x')",
           {alliance, seed.township_a1});
  EXPECT_EQ(add(team_a1, seed.staff_a, "specialist").body["error"]["field"], "staff_id");
  EXPECT_EQ(count("team_member"), before);

  // The specialist's hospital sees where its people serve; another hospital does not.
  auto seen = get("/api/v1/team-members?team_id=" + id(team_a1), "hospital_a");
  EXPECT_EQ(seen.body["total"], 1);
  EXPECT_EQ(seen.body["items"][0]["staff_name"], "孙专科");
  EXPECT_EQ(get("/api/v1/team-members", "hospital_b").body["total"], 0);
  EXPECT_EQ(get("/api/v1/team-members", "township_a1").body["total"], 4);
  EXPECT_EQ(get("/api/v1/team-members", "gp_a1").body["total"], 1);  // their own membership
  EXPECT_EQ(post("/api/v1/team-members", "township_a2",
                 {{"team_id", team_a1}, {"staff_id", gp_a2}, {"role", "gp"}, {"start_date", "2026-02-01"}})
                .status,
            422); // another township's record is answered as a missing one
}

TEST_F(RoundsGrid, EachVillageHasOneTeamAtATime) {
  int64_t second = created(post("/api/v1/rounds-teams", "township_a1",
                                {{"institution_id", seed.township_a1}, {"name", "解放路二队"},
                                 {"kind", "health_management"}, {"start_date", "2026-01-01"}}));
  int64_t before = count("village_assignment");
  json move = {{"village_code", "370102001001"}, {"team_id", second}, {"start_date", "2026-06-01"}};
  auto taken = post("/api/v1/village-assignments", "township_a1", move);
  EXPECT_EQ(taken.status, 409) << taken.raw;
  EXPECT_EQ(taken.body["error"]["code"], "village_taken");
  EXPECT_EQ(post("/api/v1/village-assignments", "township_a1",
                 {{"village_code", "370102002001"}, {"team_id", second}, {"start_date", "2026-06-01"}})
                .body["error"]["field"],
            "village_code");  // a village of another township
  EXPECT_EQ(post("/api/v1/village-assignments", "township_a1",
                 {{"village_code", "370102001000"}, {"team_id", second}, {"start_date", "2026-06-01"}})
                .body["error"]["field"],
            "village_code");  // the township itself
  EXPECT_EQ(post("/api/v1/village-assignments", "township_a2", move).status, 422); // another township's record is answered as a missing one
  EXPECT_EQ(count("village_assignment"), before);

  // Ending the first team's 包干 makes room for the second from the next day.
  auto first = get("/api/v1/village-assignments?village_code=370102001001", "township_a1").body["items"][0];
  ASSERT_EQ(patch("/api/v1/village-assignments/" + id(first["id"]), "township_a1",
                  {{"version", first["version"]}, {"end_date", "2026-05-31"}})
                .status,
            200);
  EXPECT_EQ(post("/api/v1/village-assignments", "township_a1", move).status, 201);
  EXPECT_EQ(get("/api/v1/village-assignments", "township_a2").body["total"], 1);
}

TEST_F(RoundsGrid, SeniorDoctorsComeFromSecondaryHospitalsAndAreSeenByTheirHospital) {
  int64_t before = count("senior_doctor");
  json body = {{"staff_id", seed.staff_b}, {"township_institution_id", seed.township_a2},
               {"affiliation", "external_tertiary"}, {"start_date", "2026-01-01"}};
  EXPECT_EQ(post("/api/v1/senior-doctors", "bureau_a", body).body["error"]["field"], "affiliation");  // 二级, not 三级
  db->exec("UPDATE institution SET level = NULL WHERE id = ?", {seed.county_b_hospital});
  body["affiliation"] = "lead_hospital";
  EXPECT_EQ(post("/api/v1/senior-doctors", "bureau_a", body).body["error"]["field"], "staff_id");  // level unknown
  body["staff_id"] = seed.staff_a;
  body["township_institution_id"] = seed.county_b_hospital;
  EXPECT_EQ(post("/api/v1/senior-doctors", "admin", body).body["error"]["field"], "township_institution_id");
  body["township_institution_id"] = seed.township_a1;
  EXPECT_EQ(post("/api/v1/senior-doctors", "bureau_a", body).status, 409);  // already in A1's pool
  body["township_institution_id"] = seed.township_b1;
  EXPECT_EQ(post("/api/v1/senior-doctors", "bureau_b", body).body["error"]["field"], "affiliation");  // other county
  EXPECT_EQ(post("/api/v1/senior-doctors", "hospital_a", body).status, 403);
  EXPECT_EQ(count("senior_doctor"), before);

  EXPECT_EQ(get("/api/v1/senior-doctors", "hospital_a").body["total"], 1);  // its own doctor
  EXPECT_EQ(get("/api/v1/senior-doctors", "hospital_b").body["total"], 0);
  EXPECT_EQ(get("/api/v1/senior-doctors", "doctor_a").body["total"], 1);
  EXPECT_EQ(get("/api/v1/senior-doctors", "township_a1").body["total"], 2);
  EXPECT_EQ(get("/api/v1/senior-doctors", "township_a2").body["total"], 0);
  EXPECT_EQ(get("/api/v1/senior-doctors", "bureau_b").body["total"], 0);
}

TEST_F(RoundsGrid, CoverageListsVillagesWithoutATeamAndIncompleteTeams) {
  db->exec("INSERT INTO region (code, name, level, parent_code, created_at, updated_at) VALUES "
           "('370102001002', '丁村', 5, '370102001000', 'x', 'x')");
  auto r = get("/api/v1/rounds/coverage?region=370102&date=2026-06-01", "bureau_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["villages"], 3);
  EXPECT_EQ(r.body["covered"], 2);
  ASSERT_EQ(r.body["uncovered"].size(), 1u);
  EXPECT_EQ(r.body["uncovered"][0]["name"], "丁村");
  EXPECT_EQ(r.body["uncovered"][0]["township_name"], "解放路街道");
  ASSERT_EQ(r.body["teams"].size(), 2u);
  EXPECT_EQ(r.body["teams"][0]["problems"].size(), 0u) << r.body["teams"][0].dump();
  EXPECT_EQ(r.body["teams"][0]["members"]["specialist"], 1);

  // Without its GP the 全专联合 team is reported (V3).
  auto gp = get("/api/v1/team-members?role=gp&team_id=" + id(team_a1), "township_a1").body["items"][0];
  ASSERT_EQ(call("DELETE", "/api/v1/team-members/" + id(gp["id"]), "township_a1").status, 200);
  auto own = get("/api/v1/rounds/coverage?date=2026-06-01", "township_a1");
  ASSERT_EQ(own.status, 200) << own.raw;
  EXPECT_EQ(own.body["villages"], 2);  // township A1 only
  ASSERT_EQ(own.body["teams"].size(), 1u);
  EXPECT_NE(own.body["teams"][0]["problems"].dump().find("全科医生"), std::string::npos);
  // Before any team existed nothing was covered.
  EXPECT_EQ(get("/api/v1/rounds/coverage?region=370102&date=2025-12-31", "bureau_a").body["covered"], 0);

  EXPECT_EQ(get("/api/v1/rounds/coverage?region=370102", "bureau_b").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/coverage?region=370102", "township_a1").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/coverage?region=370102", "hospital_a").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/coverage?region=370102", "doctor_a").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/coverage", "bureau_city").status, 400);  // a city is too wide for a village list
}

}  // namespace yilian::testing

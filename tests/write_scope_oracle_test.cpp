// Writes must not reveal what reads hide (hardening issue, items 4 and 6): a record
// outside the writer's scope named in a write is refused exactly as a missing one, before
// any check that reads it, and a clash on a unique value never says whose record holds it.
#include "person/id_number.h"
#include "rounds_fixture.h"

namespace yilian::testing {

using nlohmann::json;

class WriteScopeOracle : public RoundsTest {
 protected:
  void SetUp() override {
    RoundsTest::SetUp();
    auto r = post("/api/v1/support-relationships", "admin",
                  {{"supporting_institution_id", seed.county_b_hospital}, {"recipient_institution_id", seed.township_b1},
                   {"tier", "county_township"}, {"start_date", "2026-01-01"}, {"end_date", "2028-12-31"},
                   {"status", "signed"}});
    ASSERT_EQ(r.status, 201) << r.raw;
    auto a = post("/api/v1/assignments", "admin",
                  {{"relationship_id", r.body["id"]}, {"staff_id", seed.staff_b},
                   {"recipient_institution_id", seed.township_b1}, {"level", "township"}, {"role", "resident"},
                   {"planned_start", "2026-01-01"}, {"planned_end", "2026-06-30"}, {"status", "active"}});
    ASSERT_EQ(a.status, 201) << a.raw;
    assignment_b = a.body["id"];
    // B has a record for the morning of 2026-03-02 and none for the afternoon.
    ASSERT_EQ(post("/api/v1/presence", "admin",
                   {{"assignment_id", assignment_b}, {"day", "2026-03-02"}, {"half", "am"}, {"status", "present"}})
                  .status,
              201);
  }

  // What a write names: status, code, field and message, which must not tell the cases apart.
  static std::string answer(const Reply& r) {
    return std::to_string(r.status) + " " + r.body["error"].value("code", "") + " " +
           r.body["error"].value("field", "") + " " + r.body["error"].value("message", "");
  }

  int64_t assignment_b = 0;
};

TEST_F(WriteScopeOracle, PresenceOnAnotherTownshipsAssignmentIsAnsweredAsIfItDidNotExist) {
  int64_t before = count("presence");
  auto try_day = [&](int64_t assignment, const std::string& day, const std::string& half) {
    return answer(post("/api/v1/presence", "township_a1",
                       {{"assignment_id", assignment}, {"day", day}, {"half", half}, {"status", "present"}}));
  };
  const std::string missing = try_day(999999, "2026-03-02", "am");
  EXPECT_NE(missing.find("422 validation_failed assignment_id"), std::string::npos) << missing;
  // Inside B's period with a record, inside without one, outside the period: one answer.
  EXPECT_EQ(try_day(assignment_b, "2026-03-02", "am"), missing);
  EXPECT_EQ(try_day(assignment_b, "2026-03-02", "pm"), missing);
  EXPECT_EQ(try_day(assignment_b, "2026-09-01", "am"), missing);
  EXPECT_EQ(missing.find("2026-01-01"), std::string::npos) << "the answer quotes B's dispatch period";
  // Activities and evaluations hang from assignments the same way.
  auto activity = post("/api/v1/activities", "township_a1",
                       {{"assignment_id", assignment_b}, {"day", "2026-03-02"}, {"kind", "clinic"}});
  auto activity_missing = post("/api/v1/activities", "township_a1",
                               {{"assignment_id", 999999}, {"day", "2026-03-02"}, {"kind", "clinic"}});
  EXPECT_EQ(answer(activity), answer(activity_missing));
  EXPECT_EQ(count("presence"), before);
}

TEST_F(WriteScopeOracle, ARoundVisitNamingAnotherTownshipsStaffNeverTellsTheName) {
  auto body = visit_a1(days_ago(1));
  body["members"] = json::array({seed.staff_township_a1, gp_b1});  // 郑医生 of township B1
  auto r = post("/api/v1/round-visits", "township_a1", body);
  EXPECT_EQ(r.status, 422) << r.raw;
  EXPECT_EQ(r.body["error"]["field"], "members");
  EXPECT_EQ(r.raw.find("郑医生"), std::string::npos) << r.raw;
  body["members"] = json::array({seed.staff_township_a1, 999999});
  auto missing = post("/api/v1/round-visits", "township_a1", body);
  EXPECT_EQ(missing.status, 422);
  // Someone the township may see is still named, so its own people get a useful answer.
  body["members"] = json::array({seed.staff_township_a1, gp_a2});
  auto own_county = post("/api/v1/round-visits", "admin", body);
  EXPECT_NE(own_county.raw.find("吴医生"), std::string::npos) << own_county.raw;
  EXPECT_EQ(count("round_visit"), 0);
}

TEST_F(WriteScopeOracle, ReferencesToRecordsOutsideTheScopeAreRefusedAsMissingOnEveryEntity) {
  // A township names a team, a staff member and a relationship of county B.
  auto team = post("/api/v1/village-assignments", "township_a1",
                   {{"village_code", "370102001001"}, {"team_id", team_b1}, {"start_date", "2026-01-01"}});
  auto team_missing = post("/api/v1/village-assignments", "township_a1",
                           {{"village_code", "370102001001"}, {"team_id", 999999}, {"start_date", "2026-01-01"}});
  EXPECT_EQ(answer(team), answer(team_missing));
  EXPECT_EQ(team.status, 422);
  auto leader = post("/api/v1/leadership-members", "township_a1",
                     {{"institution_id", seed.township_a1}, {"name", "某某"}, {"staff_id", seed.staff_b}, {"role", "member"}});
  auto leader_missing = post("/api/v1/leadership-members", "township_a1",
                             {{"institution_id", seed.township_a1}, {"name", "某某"}, {"staff_id", 999999}, {"role", "member"}});
  EXPECT_EQ(answer(leader), answer(leader_missing));
  EXPECT_EQ(leader.status, 422);
}

TEST_F(WriteScopeOracle, AnIdNumberHeldByAnotherUnitIsRefusedWithoutSayingWhoHoldsIt) {
  const std::string first17 = "37010219800101001";  // born 1980-01-01, male
  const std::string id_number = first17 + person::id_number_check_char(first17);
  auto b = post("/api/v1/staff", "hospital_b",
                {{"institution_id", seed.county_b_hospital}, {"name", "钱七"}, {"id_number", id_number},
                 {"profession", "clinical"}});
  ASSERT_EQ(b.status, 201) << b.raw;
  auto a = post("/api/v1/staff", "hospital_a",
                {{"institution_id", seed.county_a_hospital}, {"name", "钱七"}, {"id_number", id_number},
                 {"profession", "clinical"}});
  EXPECT_EQ(a.status, 409) << a.raw;
  EXPECT_EQ(a.body["error"]["field"], "id_number");
  EXPECT_EQ(a.raw.find(std::to_string(b.body["id"].get<int64_t>())), std::string::npos) << a.raw;
  EXPECT_EQ(a.raw.find("市中区"), std::string::npos) << a.raw;
  // Whoever may see the holder is told which record it is.
  auto bureau = post("/api/v1/staff", "bureau_b",
                     {{"institution_id", seed.county_b_hospital}, {"name", "钱七"}, {"id_number", id_number},
                      {"profession", "clinical"}});
  EXPECT_EQ(bureau.status, 409);
  EXPECT_NE(bureau.body["error"]["message"].get<std::string>().find(std::to_string(b.body["id"].get<int64_t>())),
            std::string::npos)
      << bureau.raw;
}

TEST_F(WriteScopeOracle, EveryScopedReferenceNamesARegisteredEntity) {
  // A reference the layer cannot scope would silently fall back to "exists anywhere".
  auto all = api::registered_entities();
  ASSERT_GT(all.size(), 20u);
  for (const auto& spec : all) {
    for (const auto& f : spec->fields) {
      if (f.references.empty() || f.reference_check != api::ReferenceCheck::scoped) continue;
      EXPECT_NE(api::entity_for_table(f.references), nullptr) << spec->name << "." << f.name << " → " << f.references;
    }
  }
}

}  // namespace yilian::testing

// The round planner behind the rounds API: a plan for a township or county built from the
// records (V1, V2, V6), applied as plan slots in one transaction, re-checked after hand
// edits; unmet rules named with their village; bad input and outsiders write nothing.
#include "rounds_fixture.h"

namespace yilian::testing {

class RoundsPlanner : public RoundsTest {
 protected:
  void SetUp() override {
    RoundsTest::SetUp();
    // 甲村 loses its fixed village doctor, so it owes rounds twice a week (V2) besides the
    // senior-doctor visits every village owes (V6); 丁村 owes only the latter.
    db->exec("UPDATE village SET has_fixed_doctor = 0 WHERE region_code = '370102001001'");
    add_village("370102001002", "丁村", "370102001000", 1200, 1);
    assign("370102001002", team_a1, "township_a1");
    place("institution", "id", std::to_string(seed.township_a1), 36.66, 117.02);
    place("village", "region_code", "370102001001", 36.68, 117.05);
    place("village", "region_code", "370102001002", 36.64, 117.06);
  }
  void add_village(const std::string& code, const std::string& name, const std::string& township, int population,
                   int fixed_doctor) {
    db->exec("INSERT INTO region (code, name, level, parent_code, created_at, updated_at) VALUES (?, ?, 5, ?, 'x', 'x')",
             {code, name, township});
    db->exec("INSERT INTO village (region_code, population, village_doctor_count, has_fixed_doctor, created_at, "
             "updated_at) VALUES (?, ?, 2, ?, 'x', 'x')",
             {code, population, fixed_doctor});
  }
  void place(const std::string& table, const std::string& key, const std::string& value, double lat, double lon) {
    db->exec("UPDATE " + table + " SET latitude = ?, longitude = ? WHERE " + key + " = ?",
             {lat, lon, key == "id" ? store::Value(std::stoll(value)) : store::Value(value)});
  }
  json run(const std::string& region, bool apply, const std::string& method = "auto") {
    return {{"region", region}, {"from", kFrom}, {"to", kTo}, {"method", method}, {"time_limit_seconds", 10},
            {"apply", apply}};
  }
  int64_t active_slots() {
    return db->query("SELECT COUNT(*) FROM round_plan_slot WHERE active = 1").scalar().as_int();
  }
  static bool names(const json& items, const std::string& village, const std::string& rule) {
    for (const auto& i : items)
      if (i.dump().find(village) != std::string::npos && i["rule"] == rule) return true;
    return false;
  }
  static constexpr const char* kFrom = "2026-07-06";  // Monday of ISO week 28
  static constexpr const char* kTo = "2026-07-17";    // Friday of week 29
  static constexpr const char* kCheck = "/api/v1/rounds/plans/check?region=370102001000&from=2026-07-06&to=2026-07-17";
};

TEST_F(RoundsPlanner, FeasibleTownshipIsPlannedAppliedAndRechecked) {
  auto dry = post("/api/v1/rounds/plans/run", "township_a1", run("370102001000", false));
  ASSERT_EQ(dry.status, 200) << dry.raw;
  EXPECT_EQ(dry.body["method"], "exact");
  EXPECT_EQ(dry.body["proven_optimal"], true);
  EXPECT_TRUE(dry.body["unmet"].empty()) << dry.body["unmet"].dump();
  EXPECT_TRUE(dry.body["explanations"].empty()) << dry.body["explanations"].dump();
  EXPECT_GE(dry.body["trips"].size(), 4u);  // 甲村 twice in each of two weeks
  EXPECT_GT(dry.body["travel_km"].get<double>(), 0);
  EXPECT_EQ(dry.body["applied"], false);
  EXPECT_EQ(count("round_plan_slot"), 0);

  // A hand-made slot in the period is replaced by the plan; the audit trail records both.
  created(post("/api/v1/round-plan-slots", "township_a1",
               {{"team_id", team_a1}, {"day", "2026-07-08"}, {"half", "am"}, {"village_code_1", "370102001002"}}));
  int64_t audits = count("audit_log");
  auto applied = post("/api/v1/rounds/plans/run", "township_a1", run("370102001000", true));
  ASSERT_EQ(applied.status, 200) << applied.raw;
  EXPECT_EQ(applied.body["applied"], true);
  EXPECT_EQ(applied.body["replaced"], 1);
  const auto& trips = applied.body["trips"];
  EXPECT_EQ(active_slots(), static_cast<int64_t>(trips.size()));
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM round_plan_slot WHERE active = 1 AND source = 'planner'").scalar().as_int(),
            static_cast<int64_t>(trips.size()));
  int64_t doctors = 0;
  for (const auto& t : trips) doctors += static_cast<int64_t>(t["senior_doctors"].size());
  EXPECT_GE(doctors, 2);  // V6: each village twice in July
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM round_plan_doctor WHERE active = 1").scalar().as_int(), doctors);
  EXPECT_EQ(count("audit_log"), audits + 1);

  auto ok = get(kCheck, "township_a1");
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["ok"], true) << ok.body["violations"].dump();
  EXPECT_EQ(ok.body["slots"], trips.size());

  // By hand, 甲村's visits of the first week go to 丁村 instead: V2 is broken for 甲村.
  auto week1 = db->query("SELECT id, version FROM round_plan_slot WHERE active = 1 AND village_code_1 = "
                         "'370102001001' AND village_code_2 IS NULL AND day <= '2026-07-10'");
  ASSERT_FALSE(week1.empty());
  for (const auto& row : week1.rows) {
    auto r = patch("/api/v1/round-plan-slots/" + std::to_string(row[0].as_int()), "township_a1",
                   {{"version", row[1].as_int()}, {"village_code_1", "370102001002"}});
    ASSERT_EQ(r.status, 200) << r.raw;
  }
  auto broken = get(kCheck, "bureau_a");
  ASSERT_EQ(broken.status, 200) << broken.raw;
  EXPECT_EQ(broken.body["ok"], false);
  EXPECT_TRUE(names(broken.body["violations"], "甲村", "V2")) << broken.body["violations"].dump();
  for (const auto& v : broken.body["violations"])
    if (v["rule"] == "V2") {
      EXPECT_EQ(v["village_code"], "370102001001");
      EXPECT_EQ(v["expected"], 2);
      EXPECT_FALSE(v["message"].get<std::string>().empty());
    }
}

TEST_F(RoundsPlanner, AProposalOnScreenIsCheckedBeforeItIsAppliedAndTheAnswerSaysWhichPlanWasChecked) {
  auto dry = post("/api/v1/rounds/plans/run", "township_a1", run("370102001000", false));
  ASSERT_EQ(dry.status, 200) << dry.raw;
  ASSERT_TRUE(dry.body["unmet"].empty());
  json body = {{"region", "370102001000"}, {"from", kFrom}, {"to", kTo}, {"trips", dry.body["trips"]}};
  // The stored plan is empty: its re-check lists the shortfalls (V2, V6) of no plan at all.
  auto stored = get(kCheck, "township_a1");
  ASSERT_EQ(stored.status, 200) << stored.raw;
  EXPECT_EQ(stored.body["checked"], "stored");
  EXPECT_EQ(stored.body["ok"], false);
  // The proposal itself meets every rule, and nothing is written by checking it.
  auto proposal = post("/api/v1/rounds/plans/check", "township_a1", body);
  ASSERT_EQ(proposal.status, 200) << proposal.raw;
  EXPECT_EQ(proposal.body["checked"], "proposal");
  EXPECT_EQ(proposal.body["ok"], true) << proposal.body["violations"].dump();
  EXPECT_EQ(proposal.body["slots"], dry.body["trips"].size());
  EXPECT_EQ(count("round_plan_slot"), 0);
  // Without 甲村's visits the proposal breaks V2 for it.
  json fewer = json::array();
  for (const auto& t : dry.body["trips"])
    if (t["villages"].dump().find("370102001001") == std::string::npos) fewer.push_back(t);
  body["trips"] = fewer;
  auto broken = post("/api/v1/rounds/plans/check", "township_a1", body);
  ASSERT_EQ(broken.status, 200) << broken.raw;
  EXPECT_TRUE(names(broken.body["violations"], "甲村", "V2")) << broken.body["violations"].dump();
  // Bad input is named; outsiders are refused as for the stored plan.
  body["trips"] = "x";
  EXPECT_EQ(post("/api/v1/rounds/plans/check", "township_a1", body).status, 422);
  body["trips"] = json::array({{{"team_id", team_a1}, {"day", "2026-07-06"}, {"half", "noon"}, {"villages", {"370102001001"}}}});
  auto bad_half = post("/api/v1/rounds/plans/check", "township_a1", body);
  EXPECT_EQ(bad_half.status, 422);
  EXPECT_EQ(bad_half.body["error"]["field"], "trips");
  body["trips"] = json::array();
  body["region"] = "370102";
  EXPECT_EQ(post("/api/v1/rounds/plans/check", "township_a1", body).status, 403);
  EXPECT_EQ(count("round_plan_slot"), 0);
}

TEST_F(RoundsPlanner, UnmetRulesAreNamedAndExplained) {
  // Township A2: 乙村 owes weekly rounds but A2 has no senior doctor (V6); 戊村 has no team (V1).
  add_village("370102002002", "戊村", "370102002000", 200, 0);
  place("institution", "id", std::to_string(seed.township_a2), 36.60, 117.10);
  place("village", "region_code", "370102002001", 36.62, 117.12);
  place("village", "region_code", "370102002002", 36.58, 117.13);
  auto r = post("/api/v1/rounds/plans/run", "bureau_a", run("370102", false, "heuristic"));
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["method"], "heuristic");
  const auto& unmet = r.body["unmet"];
  EXPECT_TRUE(names(unmet, "370102002001", "V6")) << unmet.dump();
  EXPECT_TRUE(names(unmet, "370102002002", "V2")) << unmet.dump();
  EXPECT_FALSE(names(unmet, "370102001001", "V2")) << unmet.dump();
  for (const auto& u : unmet) EXPECT_FALSE(u["message"].get<std::string>().empty());
  const auto& why = r.body["explanations"];
  // One explanation per unmet rule; 戊村's says no team serves it (V1).
  bool no_team = false;
  for (const auto& e : why)
    no_team = no_team || (e["villages"].dump().find("370102002002") != std::string::npos &&
                          e["message"].get<std::string>().find("包干该村(V1)") != std::string::npos);
  EXPECT_TRUE(no_team) << why.dump();
  EXPECT_TRUE(names(why, "乙村", "V6")) << why.dump();
  auto exact = post("/api/v1/rounds/plans/run", "bureau_a", run("370102", false, "exact"));
  ASSERT_EQ(exact.status, 200) << exact.raw;
  EXPECT_TRUE(names(exact.body["unmet"], "370102002002", "V2")) << exact.body["unmet"].dump();
  EXPECT_EQ(count("round_plan_slot"), 0);
}

TEST_F(RoundsPlanner, TeamOnFootIsHeldToItsTripLimit) {
  place("institution", "id", std::to_string(seed.township_a2), 36.60, 117.10);
  place("village", "region_code", "370102002001", 36.62, 117.12);  // about 7 km there and back by road
  auto team = get("/api/v1/rounds-teams/" + id(team_a2), "township_a2");
  ASSERT_EQ(team.body["has_vehicle"], false);
  auto limit = patch("/api/v1/rounds-teams/" + id(team_a2), "township_a2",
                     {{"version", team.body["version"]}, {"max_trip_km", 5}, {"max_villages_per_trip", 2}});
  ASSERT_EQ(limit.status, 200) << limit.raw;
  auto r = post("/api/v1/rounds/plans/run", "township_a2", run("370102002000", false));
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_TRUE(names(r.body["unmet"], "370102002001", "V2")) << r.body["unmet"].dump();
  EXPECT_NE(r.body["explanations"].dump().find("V8"), std::string::npos) << r.body["explanations"].dump();
  ASSERT_EQ(patch("/api/v1/rounds-teams/" + id(team_a2), "township_a2", {{"version", limit.body["version"]}, {"max_trip_km", 10}})
                .status,
            200);
  r = post("/api/v1/rounds/plans/run", "township_a2", run("370102002000", false));
  EXPECT_FALSE(names(r.body["unmet"], "370102002001", "V2")) << r.body["unmet"].dump();
}

TEST_F(RoundsPlanner, SeniorDoctorBookedByAnotherTownshipIsNotPlannedTwice) {
  // 张三 is A1's only senior doctor left, and township A2 has him on every half-day.
  db->exec("UPDATE senior_doctor SET active = 0 WHERE staff_id = ?", {city_doctor});
  senior(seed.staff_a, seed.township_a2, "lead_hospital");
  auto days = db->query("SELECT day FROM work_calendar WHERE working = 1 AND day >= ? AND day <= ?", {kFrom, kTo});
  for (const auto& d : days.rows)
    for (const char* half : {"am", "pm"}) {
      int64_t slot = db->insert("INSERT INTO round_plan_slot (team_id, day, half, village_code_1, created_at, updated_at) "
                                "VALUES (?, ?, ?, '370102002001', 'x', 'x')",
                                {team_a2, d[0].as_text(), std::string(half)});
      db->exec("INSERT INTO round_plan_doctor (slot_id, staff_id, created_at, updated_at) VALUES (?, ?, 'x', 'x')",
               {slot, seed.staff_a});
    }
  auto r = post("/api/v1/rounds/plans/run", "township_a1", run("370102001000", true));
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_TRUE(names(r.body["unmet"], "370102001001", "V6")) << r.body["unmet"].dump();
  EXPECT_EQ(r.body["replaced"], 0);  // A2's slots are not A1's to replace
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM round_plan_doctor d JOIN round_plan_slot s ON s.id = d.slot_id WHERE "
                      "d.active = 1 AND s.team_id = ?",
                      {team_a1})
                .scalar()
                .as_int(),
            0);
  EXPECT_EQ(active_slots(), static_cast<int64_t>(2 * days.size() + r.body["trips"].size()));
}

TEST_F(RoundsPlanner, BadInputWritesNothing) {
  int64_t audits = count("audit_log");
  auto bad = [&](json body, const json& change, const std::string& field) {
    body.merge_patch(change);
    auto r = post("/api/v1/rounds/plans/run", "bureau_a", body);
    EXPECT_GE(r.status, 400) << r.raw;
    EXPECT_LT(r.status, 500) << r.raw;
    EXPECT_EQ(r.body["error"]["field"], field) << r.raw;
    EXPECT_FALSE(r.body["error"]["message"].get<std::string>().empty());
  };
  auto body = run("370102001000", true);
  bad(body, {{"from", "2026-07-20"}}, "to");
  bad(body, {{"to", "2026-09-30"}}, "to");  // more than 62 days
  bad(body, {{"from", "2026-7-6"}}, "from");
  bad(body, {{"region", "370102009000"}}, "region");
  bad(body, {{"region", "370102001001"}}, "region");  // a village, not a township
  bad(body, {{"method", "magic"}}, "method");
  bad(body, {{"time_limit_seconds", 0}}, "time_limit_seconds");
  bad(body, {{"preset", "nope"}}, "preset");
  // A village without coordinates: the error lists it.
  db->exec("UPDATE village SET latitude = NULL WHERE region_code = '370102001002'");
  auto r = post("/api/v1/rounds/plans/run", "bureau_a", body);
  EXPECT_EQ(r.status, 422) << r.raw;
  EXPECT_EQ(r.body["error"]["code"], "missing_coordinates");
  EXPECT_NE(r.body["error"]["message"].get<std::string>().find("丁村"), std::string::npos) << r.raw;
  EXPECT_EQ(get("/api/v1/rounds/plans/check?region=370102001000&from=2026-07-17&to=2026-07-06", "bureau_a").status, 422);
  EXPECT_EQ(count("round_plan_slot"), 0);
  EXPECT_EQ(count("round_plan_doctor"), 0);
  EXPECT_EQ(count("audit_log"), audits);
}

TEST_F(RoundsPlanner, OutOfScopeUsersAreRefused) {
  for (const std::string user : {"hospital_a", "doctor_a", "villager_a1", "township_a2", "bureau_b"}) {
    EXPECT_EQ(post("/api/v1/rounds/plans/run", user, run("370102001000", true)).status, 403) << user;
    EXPECT_EQ(post("/api/v1/rounds/plans/run", user, run("370102001000", false)).status, 403) << user;
    EXPECT_EQ(get(kCheck, user).status, 403) << user;
  }
  // A township centre plans its own township only, not the county around it.
  EXPECT_EQ(post("/api/v1/rounds/plans/run", "township_a1", run("370102", true)).status, 403);
  EXPECT_EQ(get("/api/v1/rounds/plans/check?region=370102&from=2026-07-06&to=2026-07-17", "township_a1").status, 403);
  EXPECT_EQ(post("/api/v1/rounds/plans/run", "bureau_city", run("370102001000", false)).status, 200);
  EXPECT_EQ(count("round_plan_slot"), 0);
}

}  // namespace yilian::testing

// The half-day plan (巡诊排班) edited by hand: no team or doctor in two places in one
// half-day; plan against actual per week (周跟踪) and per month (月调度).
#include "rounds_fixture.h"

namespace yilian::testing {

class RoundsPlan : public RoundsTest {
 protected:
  json slot(int64_t team, const std::string& day, const std::string& half, const std::string& village) {
    return {{"team_id", team}, {"day", day}, {"half", half}, {"village_code_1", village}};
  }
  int64_t plan(const std::string& user, const json& body) {
    return created(post("/api/v1/round-plan-slots", user, body));
  }
  int64_t doctor(int64_t slot_id, int64_t staff) {
    return created(post("/api/v1/round-plan-doctors", "township_a1", {{"slot_id", slot_id}, {"staff_id", staff}}));
  }
};

TEST_F(RoundsPlan, NoTeamOrDoctorIsInTwoPlacesInOneHalfDay) {
  int64_t s1 = plan("township_a1", slot(team_a1, "2026-07-07", "am", "370102001001"));
  EXPECT_EQ(get("/api/v1/round-plan-slots/" + id(s1), "township_a1").body["source"], "manual");
  int64_t slots = count("round_plan_slot");
  auto busy = post("/api/v1/round-plan-slots", "township_a1", slot(team_a1, "2026-07-07", "am", "370102001001"));
  EXPECT_EQ(busy.status, 409);
  EXPECT_EQ(busy.body["error"]["code"], "team_busy");
  EXPECT_EQ(post("/api/v1/round-plan-slots", "township_a1", slot(team_a1, "2026-07-07", "pm", "370102002001"))
                .body["error"]["field"],
            "village_code_1");  // not a village of township A1
  auto same = slot(team_a1, "2026-07-07", "pm", "370102001001");
  same["village_code_2"] = "370102001001";
  EXPECT_EQ(post("/api/v1/round-plan-slots", "township_a1", same).body["error"]["field"], "village_code_2");
  EXPECT_EQ(post("/api/v1/round-plan-slots", "township_a2", slot(team_a1, "2026-07-07", "pm", "370102001001")).status,
            422); // another township's record is answered as a missing one
  EXPECT_EQ(count("round_plan_slot"), slots);

  doctor(s1, seed.staff_a);
  int64_t doctors = count("round_plan_doctor");
  EXPECT_EQ(post("/api/v1/round-plan-doctors", "township_a1", {{"slot_id", s1}, {"staff_id", seed.staff_a}}).status, 409);
  EXPECT_EQ(post("/api/v1/round-plan-doctors", "township_a1", {{"slot_id", s1}, {"staff_id", seed.staff_b}})
                .body["error"]["field"],
            "staff_id");  // not in the township's pool
  // 张三 joins township A2's pool too, but is already planned for A1 that morning.
  senior(seed.staff_a, seed.township_a2, "lead_hospital");
  int64_t s2 = plan("township_a2", slot(team_a2, "2026-07-07", "am", "370102002001"));
  auto clash = post("/api/v1/round-plan-doctors", "township_a2", {{"slot_id", s2}, {"staff_id", seed.staff_a}});
  EXPECT_EQ(clash.status, 409) << clash.raw;
  EXPECT_EQ(clash.body["error"]["code"], "doctor_busy");
  EXPECT_EQ(count("round_plan_doctor"), doctors);
  // Moving A2's slot to the afternoon frees him; moving A1's slot there then clashes.
  ASSERT_EQ(patch("/api/v1/round-plan-slots/" + id(s2), "township_a2", {{"version", 1}, {"half", "pm"}}).status, 200);
  created(post("/api/v1/round-plan-doctors", "township_a2", {{"slot_id", s2}, {"staff_id", seed.staff_a}}));
  auto moved = patch("/api/v1/round-plan-slots/" + id(s1), "township_a1", {{"version", 1}, {"half", "pm"}});
  EXPECT_EQ(moved.status, 409) << moved.raw;
  EXPECT_EQ(moved.body["error"]["code"], "doctor_busy");

  // The doctor's hospital sees his planned half-days; the other county does not.
  EXPECT_EQ(get("/api/v1/round-plan-doctors", "hospital_a").body["total"], 2);
  EXPECT_EQ(get("/api/v1/round-plan-doctors", "hospital_b").body["total"], 0);
  EXPECT_EQ(get("/api/v1/round-plan-slots", "township_a1").body["total"], 1);
  EXPECT_EQ(get("/api/v1/round-plan-slots", "bureau_a").body["total"], 2);
  EXPECT_EQ(get("/api/v1/round-plan-slots", "bureau_b").body["total"], 0);
  EXPECT_EQ(get("/api/v1/round-plan-slots/" + id(s1), "township_a2").status, 404);
  EXPECT_EQ(call("DELETE", "/api/v1/round-plan-slots/" + id(s1), "township_a2").status, 404);
  EXPECT_EQ(call("DELETE", "/api/v1/round-plan-slots/" + id(s1), "township_a1").status, 200);
}

TEST_F(RoundsPlan, WeekPlanAgainstVisits) {
  int64_t done = plan("township_a1", slot(team_a1, "2026-07-07", "am", "370102001001"));
  doctor(done, seed.staff_a);
  plan("township_a1", slot(team_a1, "2026-07-09", "am", "370102001001"));
  auto v = post("/api/v1/round-visits", "township_a1", visit_a1("2026-07-07"));  // without the planned doctor
  ASSERT_EQ(v.status, 201) << v.raw;
  EXPECT_EQ(v.body["planned"], true);
  EXPECT_EQ(v.body["plan_slot_id"], done);
  auto extra = post("/api/v1/round-visits", "township_a1", visit_a1("2026-07-10", "pm"));
  EXPECT_EQ(extra.body["planned"], false);
  auto wrong = visit_a1("2026-07-08");
  wrong["plan_slot_id"] = done;
  EXPECT_EQ(post("/api/v1/round-visits", "township_a1", wrong).body["error"]["field"], "plan_slot_id");

  auto r = get("/api/v1/rounds/plan-vs-actual?region=370102&week=2026-W28", "bureau_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  const auto& s = r.body["summary"];
  EXPECT_EQ(s["planned"], 2);
  EXPECT_EQ(s["done"], 1);
  EXPECT_EQ(s["missed"], 1);
  EXPECT_EQ(s["unplanned"], 1);
  EXPECT_EQ(s["senior_doctors_planned"], 1);
  EXPECT_EQ(s["senior_doctors_missed"], 1);
  EXPECT_EQ(r.body["period"], "2026年7月6日至7月12日");
  EXPECT_EQ(get("/api/v1/rounds/plan-vs-actual?week=2026-07-08", "township_a1").body["summary"]["planned"], 2);
  EXPECT_EQ(get("/api/v1/rounds/plan-vs-actual?week=2026-W28", "township_a2").body["summary"]["planned"], 0);
  EXPECT_EQ(get("/api/v1/rounds/plan-vs-actual?region=370102&week=2026-W28&team_id=" + id(team_a2), "bureau_a")
                .body["summary"]["unplanned"],
            0);
  EXPECT_EQ(get("/api/v1/rounds/plan-vs-actual?region=370102", "bureau_b").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/plan-vs-actual?week=W28", "bureau_a").status, 400);
}

TEST_F(RoundsPlan, MonthlyViewComparesPlannedDoneAndRequired) {
  // 乙村 needs two rounds a week (V2); July 2026 has the ISO weeks 27–31 by their Thursdays.
  auto yi = json{{"team_id", team_a2}, {"village_code", "370102002001"}, {"day", "2026-07-07"}, {"half", "am"},
                 {"members", json::array({gp_a2})}};
  ASSERT_EQ(post("/api/v1/round-visits", "township_a2", yi).status, 201);
  yi["day"] = "2026-07-09";
  ASSERT_EQ(post("/api/v1/round-visits", "township_a2", yi).status, 201);
  plan("township_a2", slot(team_a2, "2026-07-14", "am", "370102002001"));
  auto senior_visit = visit_a1("2026-07-15");
  senior_visit["senior_doctors"] = json::array({seed.staff_a});
  ASSERT_EQ(post("/api/v1/round-visits", "township_a1", senior_visit).status, 201);

  auto r = get("/api/v1/rounds/monthly?region=370102&month=2026-07", "bureau_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["weeks"].size(), 5u);
  json yi_row, jia_row;
  for (const auto& v : r.body["items"]) (v["village_code"] == "370102002001" ? yi_row : jia_row) = v;
  EXPECT_EQ(yi_row["planned"], 1);
  EXPECT_EQ(yi_row["done"], 2);
  EXPECT_EQ(yi_row["required"]["rounds_per_week"], 2);
  EXPECT_EQ(yi_row["required"]["rounds_weeks_met"], 1);  // only W28 had two visits
  EXPECT_EQ(yi_row["required"]["dispatch_weeks_met"], 0);
  std::string short_yi = yi_row["shortfalls"].dump();
  EXPECT_NE(short_yi.find("2026-W29(0次)"), std::string::npos) << short_yi;
  EXPECT_NE(short_yi.find("村级派驻"), std::string::npos) << short_yi;
  EXPECT_EQ(jia_row["done_with_senior"], 1);
  EXPECT_NE(jia_row["shortfalls"].dump().find("医疗骨干巡诊1次,每月至少2次"), std::string::npos)
      << jia_row["shortfalls"].dump();
  EXPECT_EQ(r.body["villages_short"], 2);
  ASSERT_EQ(r.body["senior_doctors"].size(), 2u);
  for (const auto& d : r.body["senior_doctors"])
    EXPECT_EQ(d["visits"], d["staff_id"] == seed.staff_a ? 1 : 0) << d.dump();
  EXPECT_EQ(get("/api/v1/rounds/monthly?region=370102&month=2026-13", "bureau_a").status, 400);
  EXPECT_EQ(get("/api/v1/rounds/monthly?region=370102", "bureau_b").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/monthly", "township_a2").body["villages"], 1);
}

TEST_F(RoundsPlan, MonthlyJudgesOnlyWeeksThatAreOverV2) {
  // 乙村 needs two rounds a week (V2); on 15 July W29 is running and W30–W31 are to come.
  auto yi = json{{"team_id", team_a2}, {"village_code", "370102002001"}, {"day", "2026-07-07"}, {"half", "am"},
                 {"members", json::array({gp_a2})}};
  ASSERT_EQ(post("/api/v1/round-visits", "township_a2", yi).status, 201);
  yi["day"] = "2026-07-09";
  ASSERT_EQ(post("/api/v1/round-visits", "township_a2", yi).status, 201);
  auto r = get("/api/v1/rounds/monthly?region=370102&month=2026-07&today=2026-07-15", "bureau_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["weeks"].size(), 5u);
  EXPECT_EQ(r.body["weeks_judged"], json::array({"2026-W27", "2026-W28"}));
  EXPECT_EQ(r.body["month_over"], false);
  for (const auto& v : r.body["items"]) {
    std::string s = v["shortfalls"].dump();
    for (const char* w : {"W29", "W30", "W31"}) EXPECT_EQ(s.find(w), std::string::npos) << w << " is not over: " << s;
    if (v["village_code"] == "370102002001") {
      EXPECT_EQ(v["required"]["rounds_weeks_met"], 1);  // W28
    }
  }
  // Once the month is over every week is judged.
  auto later = get("/api/v1/rounds/monthly?region=370102&month=2026-07&today=2026-08-10", "bureau_a");
  EXPECT_EQ(later.body["weeks_judged"].size(), 5u);
  EXPECT_NE(later.body["items"].dump().find("2026-W30(0次)"), std::string::npos) << later.raw;
  EXPECT_EQ(get("/api/v1/rounds/monthly?region=370102&month=2026-07&today=x", "bureau_a").status, 400);
}

TEST_F(RoundsPlan, MonthlyVillageDispatchCountsOnlyStandingPresence) {
  // 乙村 has no fixed village doctor, so a township doctor is dispatched to its clinic (V4).
  int64_t clinic = db->insert(
      "INSERT INTO institution (code, name, kind, ownership, beds, region_code, created_at, updated_at) VALUES "
      "('V0003', '乙村卫生室', 'D600', 'public', 0, '370102002001', 'x', 'x')",
      {});
  int64_t a = db->insert(
      "INSERT INTO assignment (staff_id, home_institution_id, recipient_institution_id, level, role, planned_start, "
      "planned_end, status, created_at, updated_at) VALUES (?, ?, ?, 'village', 'resident', '2026-07-01', "
      "'2026-12-31', 'active', 'x', 'x')",
      {gp_a2, seed.township_a2, clinic});
  for (const char* day : {"2026-07-06", "2026-07-07", "2026-07-08", "2026-07-09", "2026-07-10"})
    db->exec("INSERT INTO presence (assignment_id, day, half, status, confirmed, created_at, updated_at) VALUES "
             "(?, ?, 'am', 'present', 1, 'x', 'x')",
             {a, std::string(day)});
  auto weeks_met = [&] {
    auto r = get("/api/v1/rounds/monthly?region=370102&month=2026-07", "bureau_a");
    for (const auto& v : r.body["items"])
      if (v["village_code"] == "370102002001") return v["required"]["dispatch_weeks_met"].get<int64_t>();
    return int64_t{-1};
  };
  EXPECT_EQ(weeks_met(), 1);  // five days in W28
  // A withdrawn check-in is not a day on site: W28 falls to four days.
  db->exec("UPDATE presence SET active = 0 WHERE assignment_id = ? AND day = '2026-07-08'", {a});
  EXPECT_EQ(weeks_met(), 0);
}

}  // namespace yilian::testing

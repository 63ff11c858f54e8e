// Visit records (V7): the visit and its people in one transaction, idempotent phone
// submissions, who may record and read them, and the round days of D5.
#include "rounds/round_days.h"
#include "rounds_fixture.h"

namespace yilian::testing {

class RoundsVisits : public RoundsTest {
 protected:
  int64_t writes() { return count("audit_log WHERE action IN ('create','update','delete')"); }
};

TEST_F(RoundsVisits, VisitAndItsPeopleAreRecordedTogether) {
  auto body = visit_a1("2026-07-07");
  body["senior_doctors"] = json::array({seed.staff_a, city_doctor});
  body["latitude"] = 36.65;
  body["longitude"] = 117.02;
  body["photo_ref"] = "IMG_0001.jpg";
  auto r = post("/api/v1/round-visits", "township_a1", body);
  ASSERT_EQ(r.status, 201) << r.raw;
  EXPECT_EQ(r.body["members"].size(), 2u);
  EXPECT_EQ(r.body["senior_doctors"].size(), 2u);
  EXPECT_EQ(r.body["planned"], false);
  EXPECT_EQ(r.body["guidance_total"], 9);
  EXPECT_EQ(r.body["village_name"], "甲村");
  std::string path = "/api/v1/round-visits/" + id(r.body["id"]);
  auto got = get(path, "bureau_a");
  EXPECT_EQ(got.body["member_count"], 2);
  EXPECT_EQ(got.body["senior_count"], 2);
  auto people = get(path + "/people", "township_a1");
  ASSERT_EQ(people.status, 200) << people.raw;
  ASSERT_EQ(people.body["items"].size(), 4u);
  std::string all = people.body["items"].dump();
  EXPECT_NE(all.find("医联体外部协作三级医院"), std::string::npos);
  EXPECT_NE(all.find("医共体牵头医院"), std::string::npos);
  EXPECT_EQ(count("round_visit_person"), 4);
}

TEST_F(RoundsVisits, BadInputWritesNothing) {
  int64_t audit_before = writes();
  auto attempt = [&](json body, const std::string& field) {
    auto r = post("/api/v1/round-visits", "township_a1", body);
    EXPECT_EQ(r.status / 100, 4) << field << " " << r.raw;
    EXPECT_EQ(r.body["error"]["field"], field) << r.raw;
  };
  auto b = visit_a1("2026-07-07");
  auto outsider = b;
  outsider["members"] = json::array({seed.staff_township_a1, gp_a2});  // a member of another team
  attempt(outsider, "members");
  auto not_pool = b;
  not_pool["senior_doctors"] = json::array({seed.staff_b});
  attempt(not_pool, "senior_doctors");
  auto nobody = b;
  nobody["members"] = json::array();
  attempt(nobody, "members");
  auto twice = b;
  twice["senior_doctors"] = json::array({seed.staff_township_a1});
  attempt(twice, "senior_doctors");
  auto not_ids = b;
  not_ids["members"] = "王五";
  attempt(not_ids, "members");
  auto future = b;
  future["day"] = "2099-01-01";
  attempt(future, "day");
  auto before_team = b;
  before_team["day"] = "2025-12-31";
  attempt(before_team, "day");
  auto other_county = b;
  other_county["village_code"] = "370103001001";
  attempt(other_county, "village_code");
  auto half = b;
  half["half"] = "night";
  attempt(half, "half");
  auto negative = b;
  negative["patients"] = -1;
  attempt(negative, "patients");
  auto audience = b;
  audience["education_sessions"] = 0;
  attempt(audience, "education_sessions");
  auto lat = b;
  lat["latitude"] = 36.6;
  attempt(lat, "longitude");
  auto unknown = b;
  unknown["patient_count"] = 3;
  attempt(unknown, "patient_count");
  auto no_team = b;
  no_team["team_id"] = 99999;
  attempt(no_team, "team_id");
  EXPECT_EQ(post("/api/v1/round-visits", "bureau_a", b).status, 403);  // the bureau reads only
  EXPECT_EQ(post("/api/v1/round-visits", "township_a2", b).status, 422); // another township's record is answered as a missing one
  EXPECT_EQ(post("/api/v1/round-visits", "hospital_a", b).status, 403);
  EXPECT_EQ(call("POST", "/api/v1/round-visits", "township_a1", nullptr, "{not json").status, 400);
  EXPECT_EQ(count("round_visit"), 0);
  EXPECT_EQ(count("round_visit_person"), 0);
  EXPECT_EQ(writes(), audit_before);
}

TEST_F(RoundsVisits, RetryWithTheSameClientIdReturnsTheFirstRecord) {
  auto body = visit_a1("2026-07-07");
  body["client_id"] = "phone-7-000123";
  auto first = post("/api/v1/round-visits", "township_a1", body);
  ASSERT_EQ(first.status, 201) << first.raw;
  auto retry = post("/api/v1/round-visits", "township_a1", body);
  EXPECT_EQ(retry.status, 200) << retry.raw;
  EXPECT_EQ(retry.body["id"], first.body["id"]);
  EXPECT_EQ(retry.body["members"], first.body["members"]);
  EXPECT_EQ(count("round_visit"), 1);
  EXPECT_EQ(count("round_visit_person"), 2);
  // Someone else's client_id is refused without revealing the record.
  auto b1 = json{{"team_id", team_b1},   {"village_code", "370103001001"}, {"day", "2026-07-07"},
                 {"half", "am"},         {"client_id", "phone-7-000123"},  {"members", json::array({gp_b1})}};
  auto clash = post("/api/v1/round-visits", "township_b1", b1);
  EXPECT_EQ(clash.status, 409) << clash.raw;
  EXPECT_FALSE(clash.body.contains("id"));
  // Without a client_id, the same team, village and half-day twice is a conflict.
  auto again = visit_a1("2026-07-07");
  EXPECT_EQ(post("/api/v1/round-visits", "township_a1", again).status, 409);
  EXPECT_EQ(count("round_visit"), 1);
}

TEST_F(RoundsVisits, TeamMembersAndPoolDoctorsRecordTheirOwnRecentVisits) {
  auto mine = visit_a1(days_ago(1));
  auto r = post("/api/v1/round-visits", "gp_a1", mine);
  ASSERT_EQ(r.status, 201) << r.raw;
  EXPECT_EQ(r.body["recorder_staff_id"], seed.staff_township_a1);
  auto senior = visit_a1(days_ago(1), "pm");
  senior["senior_doctors"] = json::array({seed.staff_a});
  EXPECT_EQ(post("/api/v1/round-visits", "doctor_a", senior).status, 201);
  EXPECT_EQ(post("/api/v1/round-visits", "villager_a1", visit_a1(days_ago(2))).status, 201);
  EXPECT_EQ(post("/api/v1/round-visits", "gp_a1", visit_a1(days_ago(30))).body["error"]["field"], "day");
  // A village doctor of another team's village may not record for team A1.
  auto b = json{{"team_id", team_b1}, {"village_code", "370103001001"}, {"day", days_ago(1)}, {"half", "am"},
                {"members", json::array({gp_b1})}};
  EXPECT_EQ(post("/api/v1/round-visits", "villager_a1", b).status, 403);

  // Field staff see what they recorded; the centre and the bureau see all of theirs.
  EXPECT_EQ(get("/api/v1/round-visits", "gp_a1").body["total"], 1);
  EXPECT_EQ(get("/api/v1/round-visits", "doctor_a").body["total"], 1);
  EXPECT_EQ(get("/api/v1/round-visits", "township_a1").body["total"], 3);
  EXPECT_EQ(get("/api/v1/round-visits", "bureau_a").body["total"], 3);
  EXPECT_EQ(get("/api/v1/round-visits", "bureau_b").body["total"], 0);
  EXPECT_EQ(get("/api/v1/round-visits", "township_a2").body["total"], 0);
  EXPECT_EQ(get("/api/v1/round-visits", "hospital_a").body["total"], 0);
  std::string path = "/api/v1/round-visits/" + id(r.body["id"]);
  EXPECT_EQ(get(path, "bureau_b").status, 404);
  EXPECT_EQ(get(path + "/people", "township_b1").status, 404);
  EXPECT_EQ(get(path, "doctor_a").status, 404);  // recorded by someone else
  EXPECT_EQ(patch(path, "township_b1", {{"version", 1}, {"patients", 1}}).status, 404);
  EXPECT_EQ(patch(path, "bureau_a", {{"version", 1}, {"patients", 1}}).status, 403);
  EXPECT_EQ(call("DELETE", path, "township_a2").status, 404);
  json people = {{"version", 1}, {"members", json::array({nurse_a1})}};
  EXPECT_EQ(call("PUT", path + "/people", "bureau_a", people).status, 403);
  auto fixed = patch(path, "gp_a1", {{"version", 1}, {"patients", 20}});
  EXPECT_EQ(fixed.status, 200) << fixed.raw;
}

TEST_F(RoundsVisits, PeopleAreCorrectedWholeWithTheVisitsVersion) {
  auto r = post("/api/v1/round-visits", "township_a1", visit_a1("2026-07-07"));
  ASSERT_EQ(r.status, 201);
  std::string path = "/api/v1/round-visits/" + id(r.body["id"]) + "/people";
  EXPECT_EQ(call("PUT", path, "township_a1", {{"version", 7}, {"members", json::array({nurse_a1})}}).status, 409);
  EXPECT_EQ(call("PUT", path, "township_a1", {{"version", 1}, {"members", json::array({gp_b1})}}).status, 422);
  EXPECT_EQ(count("round_visit_person"), 2);  // unchanged after both failures
  auto ok = call("PUT", path, "township_a1",
                 {{"version", 1},
                  {"members", json::array({nurse_a1, seed.staff_clinic_a1})},
                  {"senior_doctors", json::array({city_doctor})}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["version"], 2);
  EXPECT_EQ(ok.body["senior_doctors"], json::array({city_doctor}));
  EXPECT_EQ(count("round_visit_person"), 3);
}

TEST_F(RoundsVisits, RoundDaysCountDistinctDatesPresentForPromotion) {
  auto am = visit_a1("2026-07-07");
  am["senior_doctors"] = json::array({seed.staff_a});
  auto pm = visit_a1("2026-07-07", "pm");
  pm["senior_doctors"] = json::array({seed.staff_a});
  auto next = visit_a1("2026-07-09");
  next["senior_doctors"] = json::array({seed.staff_a});
  next["members"] = json::array({seed.staff_township_a1});
  auto withdrawn = visit_a1("2026-07-10");
  withdrawn["senior_doctors"] = json::array({seed.staff_a});
  for (const auto& b : {am, pm, next}) ASSERT_EQ(post("/api/v1/round-visits", "township_a1", b).status, 201);
  auto w = post("/api/v1/round-visits", "township_a1", withdrawn);
  ASSERT_EQ(call("DELETE", "/api/v1/round-visits/" + id(w.body["id"]), "township_a1").status, 200);

  std::vector<int64_t> people = {seed.staff_a, nurse_a1, seed.staff_township_a1, gp_b1};
  auto days = rounds::round_days(*db, people, "2026-01-01", "2026-12-31");
  EXPECT_EQ(days[seed.staff_a], 2);
  EXPECT_EQ(days[nurse_a1], 1);
  EXPECT_EQ(days[seed.staff_township_a1], 2);
  EXPECT_EQ(days.count(gp_b1), 0u);
  EXPECT_EQ(rounds::round_days(*db, {seed.staff_a}, "2026-07-08", "2026-07-31")[seed.staff_a], 1);
  auto dates = rounds::round_dates(*db, {seed.staff_a}, "", "2026-12-31");
  EXPECT_EQ(dates[seed.staff_a], (std::set<std::string>{"2026-07-07", "2026-07-09"}));
}

}  // namespace yilian::testing

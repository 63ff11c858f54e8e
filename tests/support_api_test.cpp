// Counterpart support records: relationships seen by both parties, agreements and their
// scans, dispatch assignments, two-party presence, activities, alliances, ledgers.
#include "common/clock.h"
#include "fixture/fixture.h"

namespace yilian::testing {

using nlohmann::json;

class SupportApi : public ApiTest {
 protected:
  static std::string days_from_today(int d) { return common::iso_from_unix(common::now_unix() + d * 86400).substr(0, 10); }

  void SetUp() override {
    ApiTest::SetUp();
    auto r = post("/api/v1/support-relationships", "hospital_a",
                  {{"supporting_institution_id", seed.county_a_hospital}, {"recipient_institution_id", seed.township_a1},
                   {"tier", "county_township"}, {"start_date", days_from_today(-60)},
                   {"end_date", days_from_today(3 * 365)}, {"status", "signed"}, {"preset_id", "huang-2013"}});
    ASSERT_EQ(r.status, 201) << r.raw;
    relationship = r.body["id"];
    auto a = post("/api/v1/assignments", "hospital_a",
                  {{"relationship_id", relationship}, {"staff_id", seed.staff_a},
                   {"recipient_institution_id", seed.township_a1}, {"level", "township"}, {"role", "resident"},
                   {"planned_start", days_from_today(-30)}, {"planned_end", days_from_today(150)},
                   {"status", "active"}});
    ASSERT_EQ(a.status, 201) << a.raw;
    assignment = a.body["id"];
  }
  int64_t relationship = 0, assignment = 0;
};

TEST_F(SupportApi, RelationshipIsVisibleToBothPartiesAndTheirBureausOnly) {
  std::string path = "/api/v1/support-relationships/" + std::to_string(relationship);
  for (const char* u : {"hospital_a", "township_a1", "bureau_a", "bureau_city", "doctor_a", "admin"})
    EXPECT_EQ(get(path, u).status, 200) << u;
  for (const char* u : {"hospital_b", "bureau_b"}) EXPECT_EQ(get(path, u).status, 404) << u;
  EXPECT_EQ(get("/api/v1/support-relationships", "hospital_b").body["total"], 0);
  auto r = get(path, "township_a1");
  EXPECT_EQ(r.body["supporting_name"], "历下区人民医院");
  EXPECT_EQ(r.body["recipient_name"], "解放路卫生院");
}

TEST_F(SupportApi, RelationshipRejectsBadInputAndOutOfScopeWrites) {
  int64_t before = count("support_relationship");
  json base = {{"supporting_institution_id", seed.county_a_hospital}, {"recipient_institution_id", seed.township_a2},
               {"tier", "county_township"}, {"start_date", "2026-01-01"}, {"end_date", "2028-12-31"},
               {"status", "draft"}};
  auto same = base;
  same["recipient_institution_id"] = seed.county_a_hospital;
  EXPECT_EQ(post("/api/v1/support-relationships", "admin", same).body["error"]["field"], "recipient_institution_id");
  auto backwards = base;
  backwards["end_date"] = "2025-01-01";
  EXPECT_EQ(post("/api/v1/support-relationships", "admin", backwards).body["error"]["field"], "end_date");
  auto tier = base;
  tier["tier"] = "township_village";
  EXPECT_EQ(post("/api/v1/support-relationships", "admin", tier).body["error"]["field"], "tier");
  auto overrides = base;
  overrides["overrides"] = "[1,2]";
  EXPECT_EQ(post("/api/v1/support-relationships", "admin", overrides).body["error"]["field"], "overrides");
  // County B's bureau cannot set up a relationship between county-A units.
  EXPECT_EQ(post("/api/v1/support-relationships", "bureau_b", base).status, 403);
  EXPECT_EQ(post("/api/v1/support-relationships", "township_a1", base).status, 403);
  EXPECT_EQ(count("support_relationship"), before);
}

TEST_F(SupportApi, AgreementStatusNeedsDatesAndScanIsStoredWithChecksum) {
  json a = {{"relationship_id", relationship}, {"title", "2026年度对口支援协议"}, {"kind", "annual"}, {"status", "filed"},
            {"signed_date", "2026-01-10"}};
  auto missing = post("/api/v1/agreements", "hospital_a", a);
  EXPECT_EQ(missing.body["error"]["field"], "filed_date");
  a["filed_date"] = "2026-01-05";
  EXPECT_EQ(post("/api/v1/agreements", "hospital_a", a).body["error"]["field"], "filed_date");
  a["filed_date"] = "2026-01-20";
  auto ok = post("/api/v1/agreements", "hospital_a", a);
  ASSERT_EQ(ok.status, 201) << ok.raw;
  std::string doc = "/api/v1/agreements/" + std::to_string(ok.body["id"].get<int64_t>()) + "/document";

  auto not_pdf = call("PUT", doc + "?filename=x.txt", "hospital_a", nullptr, "hello");
  EXPECT_EQ(not_pdf.status, 422);
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj<<>>endobj\n%%EOF\n";
  auto up = call("PUT", doc + "?filename=%E5%8D%8F%E8%AE%AE.pdf", "hospital_a", nullptr, pdf);
  ASSERT_EQ(up.status, 200) << up.raw;
  EXPECT_EQ(up.body["document_size"], static_cast<int64_t>(pdf.size()));
  EXPECT_EQ(up.body["document_sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(up.body["document_name"], "协议.pdf");
  EXPECT_EQ(call("PUT", doc, "hospital_b", nullptr, pdf).status, 404);
  EXPECT_EQ(call("PUT", doc, "township_a1", nullptr, pdf).status, 403);

  http::Request req;
  req.method = "GET";
  req.path = doc;
  req.headers["authorization"] = "Bearer " + seed.tokens.at("township_a1");
  auto res = app->handle(*db, req);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, pdf);
  EXPECT_EQ(res.content_type, "application/pdf");
}

TEST_F(SupportApi, AssignmentDerivesHomeAndChecksConsistency) {
  auto got = get("/api/v1/assignments/" + std::to_string(assignment), "hospital_a");
  EXPECT_EQ(got.body["home_institution_id"], seed.county_a_hospital);
  EXPECT_EQ(got.body["staff_name"], "张三");
  json bad = {{"relationship_id", relationship}, {"staff_id", seed.staff_a}, {"recipient_institution_id", seed.township_a2},
              {"level", "township"}, {"role", "resident"}, {"planned_start", "2026-01-01"},
              {"planned_end", "2026-06-30"}, {"status", "planned"}};
  EXPECT_EQ(post("/api/v1/assignments", "hospital_a", bad).body["error"]["field"], "recipient_institution_id");
  bad["recipient_institution_id"] = seed.county_a_hospital;
  bad.erase("relationship_id");
  EXPECT_EQ(post("/api/v1/assignments", "hospital_a", bad).body["error"]["field"], "recipient_institution_id");
  bad["recipient_institution_id"] = seed.township_a1;
  bad["level"] = "village";
  EXPECT_EQ(post("/api/v1/assignments", "hospital_a", bad).body["error"]["field"], "level");
  bad["level"] = "township";
  bad["home_institution_id"] = seed.city_hospital;
  EXPECT_EQ(post("/api/v1/assignments", "hospital_a", bad).body["error"]["field"], "home_institution_id");
  // Another hospital cannot dispatch county A's doctor.
  bad.erase("home_institution_id");
  EXPECT_EQ(post("/api/v1/assignments", "hospital_b", bad).status, 422); // another township's record is answered as a missing one
  EXPECT_EQ(post("/api/v1/assignments", "doctor_a", bad).status, 403);
}

TEST_F(SupportApi, DoctorChecksInIdempotentlyAndRecipientConfirms) {
  json in = {{"assignment_id", assignment}, {"day", days_from_today(0)}, {"half", "am"}, {"status", "present"},
             {"client_id", "phone-1-0001"}, {"latitude", 36.6}, {"longitude", 117.0}};
  auto first = post("/api/v1/presence", "doctor_a", in);
  ASSERT_EQ(first.status, 201) << first.raw;
  EXPECT_EQ(first.body["confirmed"], false);
  EXPECT_FALSE(first.body["checked_in_at"].get<std::string>().empty());
  auto retry = post("/api/v1/presence", "doctor_a", in);  // the phone retries after a lost answer
  EXPECT_EQ(retry.status, 200);
  EXPECT_EQ(retry.body["id"], first.body["id"]);
  EXPECT_EQ(count("presence"), 1);
  std::string id = std::to_string(first.body["id"].get<int64_t>());

  EXPECT_EQ(post("/api/v1/presence/" + id + "/confirm", "doctor_a", json::object()).status, 403);
  EXPECT_EQ(post("/api/v1/presence/" + id + "/confirm", "hospital_a", json::object()).status, 403);
  EXPECT_EQ(post("/api/v1/presence/" + id + "/confirm", "hospital_b", json::object()).status, 404);
  auto ok = post("/api/v1/presence/" + id + "/confirm", "township_a1", json::object());
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["confirmed"], true);
  EXPECT_EQ(ok.body["confirmed_by"], "township_a1");
  // Once confirmed, the doctor can no longer change it.
  auto change = patch("/api/v1/presence/" + id, "doctor_a", {{"version", ok.body["version"]}, {"status", "leave"}, {"reason", "x"}});
  EXPECT_EQ(change.status, 409);
  EXPECT_EQ(count("audit_log WHERE entity = 'presence' AND action = 'confirm'"), 1);
}

TEST_F(SupportApi, RecipientConfirmsASignInSheetAtOnceOrNothing) {
  std::vector<int64_t> ids;
  for (int d : {-2, -1, 0})
    for (const char* half : {"am", "pm"}) {
      auto r = post("/api/v1/presence", "doctor_a",
                    {{"assignment_id", assignment}, {"day", days_from_today(d)}, {"half", half}, {"status", "present"}});
      ASSERT_EQ(r.status, 201) << r.raw;
      ids.push_back(r.body["id"]);
    }
  auto confirmed = [&] { return count("presence WHERE confirmed = 1"); };
  EXPECT_EQ(post("/api/v1/presence/confirm", "doctor_a", {{"ids", ids}}).status, 403);
  EXPECT_EQ(post("/api/v1/presence/confirm", "hospital_a", {{"ids", ids}}).status, 403);  // the sender, not the recipient
  EXPECT_EQ(post("/api/v1/presence/confirm", "hospital_b", {{"ids", ids}}).status, 404);  // out of scope
  auto with_unknown = ids;
  with_unknown.push_back(999999);
  EXPECT_EQ(post("/api/v1/presence/confirm", "township_a1", {{"ids", with_unknown}}).status, 404);
  EXPECT_EQ(post("/api/v1/presence/confirm", "township_a1", {{"ids", json::array()}}).body["error"]["field"], "ids");
  EXPECT_EQ(post("/api/v1/presence/confirm", "township_a1", {{"ids", {"x"}}}).body["error"]["field"], "ids");
  EXPECT_EQ(post("/api/v1/presence/confirm", "township_a1", {{"ids", ids}, {"confirmed", "yes"}}).body["error"]["field"],
            "confirmed");
  EXPECT_EQ(confirmed(), 0);  // every refusal above wrote nothing
  EXPECT_EQ(count("audit_log WHERE entity = 'presence' AND action = 'confirm'"), 0);

  auto ok = post("/api/v1/presence/confirm", "township_a1", {{"ids", ids}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["count"], 6);
  EXPECT_EQ(confirmed(), 6);
  EXPECT_EQ(count("audit_log WHERE entity = 'presence' AND action = 'confirm'"), 6);
  auto undo = post("/api/v1/presence/confirm", "bureau_a", {{"ids", {ids[0]}}, {"confirmed", false}});
  ASSERT_EQ(undo.status, 200) << undo.raw;
  EXPECT_EQ(confirmed(), 5);
}

TEST_F(SupportApi, PresenceListsFilterByDateRange) {
  for (int d : {-3, -2, -1, 0}) {
    auto r = post("/api/v1/presence", "township_a1",
                  {{"assignment_id", assignment}, {"day", days_from_today(d)}, {"half", "am"}, {"status", "present"}});
    ASSERT_EQ(r.status, 201) << r.raw;
  }
  std::string range = "/api/v1/presence?day_from=" + days_from_today(-2) + "&day_to=" + days_from_today(-1);
  auto r = get(range, "township_a1");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["total"], 2);
  EXPECT_EQ(get("/api/v1/presence?day_from=" + days_from_today(-1), "doctor_a").body["total"], 2);
  EXPECT_EQ(get(range, "hospital_b").body["total"], 0);  // the range never widens the scope
  auto bad = get("/api/v1/presence?day_to=2026-02-30", "township_a1");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["error"]["field"], "day_to");
}

TEST_F(SupportApi, PresenceRejectsDaysOutsideTheAssignmentAndOthersRecords) {
  json in = {{"assignment_id", assignment}, {"half", "pm"}, {"status", "present"}};
  in["day"] = days_from_today(1);
  EXPECT_EQ(post("/api/v1/presence", "doctor_a", in).body["error"]["field"], "day");  // future
  in["day"] = days_from_today(-20);
  EXPECT_EQ(post("/api/v1/presence", "doctor_a", in).body["error"]["field"], "day");  // too late for the phone
  EXPECT_EQ(post("/api/v1/presence", "township_a1", in).status, 201);  // the recipient may back-fill
  in["day"] = days_from_today(-40);
  EXPECT_EQ(post("/api/v1/presence", "township_a1", in).body["error"]["field"], "day");  // before the assignment
  in["day"] = days_from_today(0);
  in["status"] = "absent";
  EXPECT_EQ(post("/api/v1/presence", "township_a1", in).body["error"]["field"], "reason");
  in["reason"] = "未到岗";
  EXPECT_EQ(post("/api/v1/presence", "doctor_a", in).body["error"]["field"], "status");
  in["status"] = "present";
  EXPECT_EQ(post("/api/v1/presence", "villager_a1", in).status, 422);  // not their assignment: as if missing
  EXPECT_EQ(post("/api/v1/presence", "hospital_b", in).status, 422);
}

TEST_F(SupportApi, ActivitiesNeedWhatTheirKindNeeds) {
  json base = {{"assignment_id", assignment}, {"day", days_from_today(-1)}};
  auto lecture = base;
  lecture["kind"] = "lecture";
  lecture["quantity"] = 40;
  EXPECT_EQ(post("/api/v1/activities", "doctor_a", lecture).body["error"]["field"], "title");
  lecture["title"] = "高血压基层诊疗规范";
  EXPECT_EQ(post("/api/v1/activities", "doctor_a", lecture).status, 201);
  auto donation = base;
  donation["kind"] = "donation";
  EXPECT_EQ(post("/api/v1/activities", "doctor_a", donation).body["error"]["field"], "amount");
  auto mentoring = base;
  mentoring["kind"] = "mentoring";
  EXPECT_EQ(post("/api/v1/activities", "doctor_a", mentoring).body["error"]["field"], "mentee_staff_id");
  mentoring["mentee_staff_id"] = seed.staff_township_a1;
  EXPECT_EQ(post("/api/v1/activities", "doctor_a", mentoring).status, 201);
  auto bad_kind = base;
  bad_kind["kind"] = "karaoke";
  EXPECT_EQ(post("/api/v1/activities", "doctor_a", bad_kind).body["error"]["field"], "kind");
  EXPECT_EQ(get("/api/v1/activities", "township_a1").body["total"], 2);
  EXPECT_EQ(get("/api/v1/activities", "hospital_b").body["total"], 0);
}

TEST_F(SupportApi, AllianceMembershipKeepsHistoryWithoutOverlaps) {
  auto al = post("/api/v1/alliances", "bureau_a",
                 {{"name", "历下区医共体"}, {"kind", "community"}, {"lead_institution_id", seed.county_a_hospital},
                  {"start_date", "2024-01-01"}, {"review_years", 3}});
  ASSERT_EQ(al.status, 201) << al.raw;
  json m = {{"alliance_id", al.body["id"]}, {"institution_id", seed.township_a1}, {"role", "member"},
            {"start_date", "2024-01-01"}, {"end_date", "2025-12-31"}};
  ASSERT_EQ(post("/api/v1/alliance-members", "bureau_a", m).status, 201);
  m["start_date"] = "2025-06-01";
  m["end_date"] = nullptr;
  auto overlap = post("/api/v1/alliance-members", "bureau_a", m);
  EXPECT_EQ(overlap.status, 409);
  m["start_date"] = "2026-01-01";
  EXPECT_EQ(post("/api/v1/alliance-members", "bureau_a", m).status, 201);
  EXPECT_EQ(get("/api/v1/alliance-members?institution_id=" + std::to_string(seed.township_a1), "township_a1").body["total"], 2);
  EXPECT_EQ(post("/api/v1/alliances", "bureau_b",
                 {{"name", "越界"}, {"kind", "community"}, {"lead_institution_id", seed.county_a_hospital},
                  {"start_date", "2024-01-01"}}).status, 403);
}

TEST_F(SupportApi, TraineesEquipmentAndOperatingStatistics) {
  auto t = post("/api/v1/trainees", "township_a1",
                {{"relationship_id", relationship}, {"staff_id", seed.staff_township_a1},
                 {"host_institution_id", seed.county_a_hospital}, {"programme", "further_study"},
                 {"start_date", "2026-03-01"}, {"end_date", "2026-08-31"}, {"completed", true}});
  EXPECT_EQ(t.body["error"]["field"], "assessment");
  auto ok = post("/api/v1/trainees", "township_a1",
                 {{"relationship_id", relationship}, {"staff_id", seed.staff_township_a1},
                  {"host_institution_id", seed.county_a_hospital}, {"programme", "further_study"},
                  {"start_date", "2026-03-01"}, {"end_date", "2026-08-31"}});
  ASSERT_EQ(ok.status, 201) << ok.raw;
  EXPECT_EQ(ok.body["free_of_charge"], true);
  EXPECT_EQ(get("/api/v1/trainees", "hospital_a").body["total"], 1);  // the host sees its trainees

  auto eq = post("/api/v1/equipment-events", "township_a1",
                 {{"institution_id", seed.township_a1}, {"item", "彩色多普勒超声诊断仪"}, {"action", "donation"},
                  {"day", "2026-05-01"}, {"value", 380000}});
  EXPECT_EQ(eq.body["error"]["field"], "donor_institution_id");

  json stat = {{"institution_id", seed.township_a1}, {"month", "2026-05"}, {"outpatient_visits", 2100}};
  EXPECT_EQ(post("/api/v1/operating-stats", "township_a1", stat).status, 201);
  EXPECT_EQ(post("/api/v1/operating-stats", "township_a1", stat).status, 409);
  stat["month"] = "2026-13";
  EXPECT_EQ(post("/api/v1/operating-stats", "township_a1", stat).body["error"]["field"], "month");
  stat["month"] = "2026-06";
  stat["institution_id"] = seed.township_b1;
  EXPECT_EQ(post("/api/v1/operating-stats", "township_a1", stat).status, 403);
}

}  // namespace yilian::testing

namespace yilian::testing {

// Issue 18: records name what they refer to, so a page never shows a bare id nor asks for
// a row its user may not read (a township may not read the donor hospital, a hospital not
// the township's department list).
TEST_F(SupportApi, RecordsCarryTheNamesOfWhatTheyReferToAndTheRecipientsCoordinates) {
  db->exec("UPDATE institution SET latitude = 36.667, longitude = 117.0615 WHERE id = ?", {seed.township_a1});
  db->exec("UPDATE assignment SET home_department_id = ? WHERE id = ?", {seed.dept_a_internal, assignment});
  auto a = get("/api/v1/assignments/" + std::to_string(assignment), "hospital_a");
  ASSERT_EQ(a.status, 200) << a.raw;
  EXPECT_FALSE(a.body["home_department_name"].get<std::string>().empty()) << a.raw;

  auto p = post("/api/v1/presence", "doctor_a",
                {{"assignment_id", assignment}, {"day", days_from_today(-1)}, {"half", "am"}, {"status", "present"},
                 {"latitude", 36.67}, {"longitude", 117.06}});
  ASSERT_EQ(p.status, 201) << p.raw;
  auto listed = get("/api/v1/presence?assignment_id=" + std::to_string(assignment), "township_a1");
  ASSERT_EQ(listed.body["items"].size(), 1u) << listed.raw;
  const auto& row = listed.body["items"][0];
  EXPECT_DOUBLE_EQ(std::stod(row["recipient_latitude"].get<std::string>()), 36.667);  // decimals kept
  EXPECT_DOUBLE_EQ(std::stod(row["recipient_longitude"].get<std::string>()), 117.0615);

  auto e = post("/api/v1/equipment-events", "township_a1",
                {{"institution_id", seed.township_a1}, {"item", "心电图机"}, {"action", "donation"}, {"day", days_from_today(-3)},
                 {"value", 1000}, {"donor_institution_id", seed.county_a_hospital}});
  ASSERT_EQ(e.status, 201) << e.raw;
  auto equipment = get("/api/v1/equipment-events", "township_a1");
  EXPECT_EQ(equipment.body["items"][0]["donor_name"], "历下区人民医院") << equipment.raw;
  EXPECT_EQ(get("/api/v1/institutions/" + std::to_string(seed.county_a_hospital), "township_a1").status, 404)
      << "the name comes with the record, not from a row the township may read";

  auto m = post("/api/v1/leadership-members", "hospital_a",
                {{"institution_id", seed.county_a_hospital}, {"name", "王建国"}, {"role", "leader"}, {"staff_id", seed.staff_a}});
  ASSERT_EQ(m.status, 201) << m.raw;
  EXPECT_EQ(m.body["institution_name"], "历下区人民医院");
  EXPECT_EQ(m.body["staff_name"], "张三");
}

}  // namespace yilian::testing

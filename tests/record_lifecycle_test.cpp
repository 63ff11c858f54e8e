// Record lifecycles on the shared mechanism (groundwork issue, part 1): state fields change
// only by transitions, each allowed to the roles and side it names; locks hold against
// PATCH and DELETE alike; every refusal writes nothing; every transition is audited.
#include "rounds_fixture.h"

namespace yilian::testing {

using nlohmann::json;

class RecordLifecycle : public RoundsTest {
 protected:
  void SetUp() override {
    RoundsTest::SetUp();
    auto r = post("/api/v1/support-relationships", "hospital_a",
                  {{"supporting_institution_id", seed.county_a_hospital}, {"recipient_institution_id", seed.township_a1},
                   {"tier", "county_township"}, {"start_date", days_ago(90)}, {"end_date", days_ago(-900)},
                   {"status", "signed"}});
    ASSERT_EQ(r.status, 201) << r.raw;
    relationship = r.body["id"];
    auto a = post("/api/v1/assignments", "hospital_a",
                  {{"relationship_id", relationship}, {"staff_id", seed.staff_a},
                   {"recipient_institution_id", seed.township_a1}, {"level", "township"}, {"role", "resident"},
                   {"planned_start", days_ago(60)}, {"planned_end", days_ago(-150)}, {"status", "active"}});
    ASSERT_EQ(a.status, 201) << a.raw;
    assignment = a.body["id"];
  }
  int64_t check_in(int days_back, const std::string& half = "am", const std::string& user = "doctor_a") {
    auto r = post("/api/v1/presence", user,
                  {{"assignment_id", assignment}, {"day", days_ago(days_back)}, {"half", half}, {"status", "present"}});
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.body.value("id", int64_t{0});
  }
  json row(const std::string& path) { return get(path, "admin").body; }
  Reply patch_fresh(const std::string& path, const std::string& user, json body) {
    body["version"] = row(path)["version"];
    return patch(path, user, body);
  }
  Reply remove(const std::string& path, const std::string& user) { return call("DELETE", path, user); }
  int64_t writes() { return count("audit_log"); }

  int64_t relationship = 0, assignment = 0;
};

TEST_F(RecordLifecycle, AConfirmedHalfDayIsLockedAgainstPatchAndDeleteUntilReopened) {
  std::string path = "/api/v1/presence/" + id(check_in(1));
  ASSERT_EQ(post(path + "/confirm", "township_a1", json::object()).status, 200);
  int64_t before = writes();
  for (const char* user : {"doctor_a", "township_a1", "admin"}) {
    auto p = patch_fresh(path, user, {{"status", "leave"}, {"reason", "病假"}});
    EXPECT_EQ(p.status, 409) << user << " " << p.raw;
    EXPECT_EQ(p.body["error"]["code"], "locked");
    EXPECT_NE(p.body["error"]["message"].get<std::string>().find("撤销确认"), std::string::npos) << p.raw;
    auto d = remove(path, user);
    EXPECT_EQ(d.status, 409) << user << " " << d.raw;
    EXPECT_EQ(d.body["error"]["code"], "locked");
  }
  EXPECT_EQ(row(path)["active"], true);
  EXPECT_EQ(writes(), before);
  // The recipient reopens; the doctor may correct again.
  auto reopened = post(path + "/reopen", "township_a1", {{"reason", "时段登记错误"}});
  ASSERT_EQ(reopened.status, 200) << reopened.raw;
  EXPECT_EQ(reopened.body["review_status"], "pending");
  EXPECT_EQ(reopened.body["confirmed"], false);
  EXPECT_EQ(patch_fresh(path, "doctor_a", {{"status", "leave"}, {"reason", "病假"}}).status, 200);
  EXPECT_EQ(count("audit_log WHERE entity = 'presence' AND action = 'reopen' AND after_json LIKE '%时段登记错误%'"), 1);
}

TEST_F(RecordLifecycle, PresenceTransitionsAreTheRecipientsAndFollowTheStates) {
  std::string path = "/api/v1/presence/" + id(check_in(1));
  int64_t before = writes();
  EXPECT_EQ(post(path + "/confirm", "doctor_a", json::object()).status, 403);     // the doctor checks in, not confirms
  auto sender = post(path + "/confirm", "hospital_a", json::object());            // the sender's side
  EXPECT_EQ(sender.status, 403);
  EXPECT_NE(sender.body["error"]["message"].get<std::string>().find("受援单位"), std::string::npos) << sender.raw;
  EXPECT_EQ(post(path + "/confirm", "bureau_b", json::object()).status, 404);     // out of scope
  EXPECT_EQ(post(path + "/reopen", "township_a1", json::object()).status, 409);   // nothing to reopen
  auto no_reason = post(path + "/reject", "township_a1", json::object());
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.body["error"]["field"], "reason");
  EXPECT_EQ(post(path + "/approve", "township_a1", json::object()).status, 404);  // not a presence action
  EXPECT_EQ(writes(), before);
  // The state is the transitions' alone.
  auto direct = patch_fresh(path, "township_a1", {{"review_status", "confirmed"}});
  EXPECT_EQ(direct.status, 422);
  EXPECT_EQ(direct.body["error"]["field"], "review_status");

  auto rejected = post(path + "/reject", "township_a1", {{"reason", "当日未到岗"}});
  ASSERT_EQ(rejected.status, 200) << rejected.raw;
  EXPECT_EQ(rejected.body["review_status"], "rejected");
  EXPECT_EQ(rejected.body["status"], "absent");  // a rejected half-day counts as absent
  EXPECT_EQ(rejected.body["reason"], "当日未到岗");
  EXPECT_EQ(post(path + "/confirm", "township_a1", json::object()).status, 409);  // rejected: reopen first
  EXPECT_EQ(count("audit_log WHERE entity = 'presence' AND action = 'reject'"), 1);
}

TEST_F(RecordLifecycle, OfTwoConcurrentReviewsOneWinsAndTheOtherIsToldTheRecordChanged) {
  std::string path = "/api/v1/presence/" + id(check_in(1));
  int64_t version = row(path)["version"];
  ASSERT_EQ(post(path + "/confirm", "township_a1", {{"version", version}}).status, 200);
  auto late = post(path + "/reject", "bureau_a", {{"version", version}, {"reason", "未到岗"}});
  EXPECT_EQ(late.status, 409) << late.raw;
  EXPECT_EQ(row(path)["review_status"], "confirmed");
}

TEST_F(RecordLifecycle, FieldStaffCannotChangeTheirRecordsPastTheEntryWindow) {
  int64_t old = check_in(12, "am", "township_a1");  // back-filled by the recipient
  std::string path = "/api/v1/presence/" + id(old);
  auto p = patch_fresh(path, "doctor_a", {{"status", "leave"}, {"reason", "病假"}});
  EXPECT_EQ(p.status, 409) << p.raw;
  EXPECT_EQ(p.body["error"]["code"], "locked");
  EXPECT_EQ(remove(path, "doctor_a").status, 409);
  EXPECT_EQ(patch_fresh(path, "township_a1", {{"status", "leave"}, {"reason", "病假"}}).status, 200);
  auto a = post("/api/v1/activities", "township_a1",
                {{"assignment_id", assignment}, {"day", days_ago(12)}, {"kind", "clinic"}, {"quantity", 3}});
  ASSERT_EQ(a.status, 201) << a.raw;
  EXPECT_EQ(remove("/api/v1/activities/" + id(a.body["id"]), "doctor_a").status, 409);
}

TEST_F(RecordLifecycle, AVisitCountedInASubmittedWeeklyReportIsLockedUntilTheReportIsReturned) {
  auto v = post("/api/v1/round-visits", "township_a1", visit_a1("2026-07-07"));
  ASSERT_EQ(v.status, 201) << v.raw;
  std::string path = "/api/v1/round-visits/" + id(v.body["id"]);
  auto submitted = post("/api/v1/rounds/weekly-reports", "bureau_a",
                        {{"county_code", "370102"}, {"week", "2026-W28"}, {"reporter_name", "李填报"},
                         {"reporter_phone", "0531-88886666"}});
  ASSERT_EQ(submitted.status, 201) << submitted.raw;
  auto p = patch_fresh(path, "township_a1", {{"patients", 13}});
  EXPECT_EQ(p.status, 409) << p.raw;
  EXPECT_EQ(p.body["error"]["code"], "locked");
  EXPECT_NE(p.body["error"]["message"].get<std::string>().find("2026-W28"), std::string::npos);
  EXPECT_EQ(remove(path, "township_a1").status, 409);
  EXPECT_EQ(call("PUT", path + "/people", "township_a1",
                 {{"version", row(path)["version"]}, {"members", {seed.staff_township_a1}}})
                .status,
            409);
  EXPECT_EQ(row(path)["active"], true);
  // The city returns the report; the township corrects the visit.
  std::string report = "/api/v1/weekly-reports/" + id(submitted.body["id"]);
  ASSERT_EQ(post(report + "/return", "bureau_city", {{"reason", "患者人次有误"}}).status, 200);
  EXPECT_EQ(patch_fresh(path, "township_a1", {{"patients", 13}}).status, 200);
}

TEST_F(RecordLifecycle, TheWeeklyReportChangesOnlyByItsTransitions) {
  auto submitted = post("/api/v1/rounds/weekly-reports", "bureau_a",
                        {{"county_code", "370102"}, {"week", "2026-W28"}, {"reporter_name", "李填报"},
                         {"reporter_phone", "0531-88886666"}});
  ASSERT_EQ(submitted.status, 201) << submitted.raw;
  std::string report = "/api/v1/weekly-reports/" + id(submitted.body["id"]);
  auto listed = get("/api/v1/weekly-reports?county_code=370102", "bureau_city");
  ASSERT_EQ(listed.status, 200) << listed.raw;
  EXPECT_EQ(listed.body["total"], 1);
  EXPECT_EQ(get(report, "bureau_b").status, 404);
  for (const char* user : {"bureau_a", "bureau_city", "admin"}) {
    EXPECT_EQ(patch_fresh(report, user, {{"reporter_name", "王"}}).status, 403) << user;
    EXPECT_EQ(remove(report, user).status, 403) << user;
  }
  EXPECT_EQ(post(report + "/approve", "bureau_a", json::object()).status, 403);  // not its own
  EXPECT_EQ(post(report + "/return", "bureau_city", json::object()).body["error"]["field"], "reason");
  ASSERT_EQ(post(report + "/approve", "bureau_city", json::object()).status, 200);
  EXPECT_EQ(post(report + "/approve", "bureau_city", json::object()).status, 409);
  EXPECT_EQ(post(report + "/resubmit", "bureau_a", {{"reporter_name", "李"}, {"reporter_phone", "1"}}).status, 409);
  auto reopened = post(report + "/reopen", "bureau_city", {{"reason", "数据需核实"}});
  ASSERT_EQ(reopened.status, 200) << reopened.raw;
  EXPECT_EQ(reopened.body["status"], "returned");
  EXPECT_EQ(reopened.body["review_comment"], "数据需核实");
  EXPECT_EQ(count("audit_log WHERE entity = 'weekly_report' AND action IN ('create','approve','reopen')"), 3);
}

TEST_F(RecordLifecycle, DispatchRelationshipAndAgreementStatesAreTransitionsAndFinishedOnesAreLocked) {
  std::string a = "/api/v1/assignments/" + id(assignment);
  auto direct = patch_fresh(a, "hospital_a", {{"status", "completed"}});
  EXPECT_EQ(direct.status, 422);
  EXPECT_EQ(direct.body["error"]["field"], "status");
  EXPECT_EQ(post(a + "/cancel", "hospital_a", json::object()).body["error"]["field"], "reason");
  EXPECT_EQ(post(a + "/complete", "township_a1", json::object()).status, 403);  // the recipient does not end it
  auto done = post(a + "/complete", "hospital_a", {{"actual_end", days_ago(1)}});
  ASSERT_EQ(done.status, 200) << done.raw;
  EXPECT_EQ(done.body["actual_end"], days_ago(1));
  EXPECT_EQ(patch_fresh(a, "hospital_a", {{"batch", "第二批"}}).body["error"]["code"], "locked");
  EXPECT_EQ(remove(a, "hospital_a").body["error"]["code"], "locked");
  EXPECT_EQ(post(a + "/reopen", "hospital_a", {{"reason", "误操作"}}).status, 403);  // the bureau's
  EXPECT_EQ(post(a + "/reopen", "bureau_a", {{"reason", "误操作"}}).status, 200);
  EXPECT_EQ(patch_fresh(a, "hospital_a", {{"batch", "第二批"}}).status, 200);

  std::string rel = "/api/v1/support-relationships/" + id(relationship);
  auto ag = post("/api/v1/agreements", "hospital_a",
                 {{"relationship_id", relationship}, {"title", "协议"}, {"kind", "annual"}, {"status", "signed"},
                  {"signed_date", days_ago(80)}});
  ASSERT_EQ(ag.status, 201) << ag.raw;
  std::string agreement = "/api/v1/agreements/" + id(ag.body["id"]);
  auto filed = post(agreement + "/file", "hospital_a", {{"filed_date", days_ago(70)}});
  ASSERT_EQ(filed.status, 200) << filed.raw;
  EXPECT_EQ(filed.body["filed_date"], days_ago(70));
  EXPECT_EQ(patch_fresh(agreement, "hospital_a", {{"title", "改"}}).body["error"]["code"], "locked");
  EXPECT_EQ(post(agreement + "/file", "hospital_a", json::object()).status, 409);
  auto early = post(agreement + "/withdraw", "bureau_a", {{"reason", "报备材料不全"}});
  EXPECT_EQ(early.status, 200) << early.raw;
  EXPECT_EQ(post(rel + "/end", "hospital_a", {{"reason", "协议期满"}}).status, 200);
  EXPECT_EQ(patch_fresh(rel, "hospital_a", {{"notes", "x"}}).body["error"]["code"], "locked");
  EXPECT_EQ(remove(rel, "hospital_a").body["error"]["code"], "locked");
  auto bad_create = post("/api/v1/support-relationships", "hospital_a",
                         {{"supporting_institution_id", seed.county_a_hospital},
                          {"recipient_institution_id", seed.township_a2}, {"tier", "county_township"},
                          {"start_date", "2026-01-01"}, {"end_date", "2027-12-31"}, {"status", "ended"}});
  EXPECT_EQ(bad_create.status, 422);
  EXPECT_EQ(bad_create.body["error"]["field"], "status");
}

TEST_F(RecordLifecycle, TheLifecycleIsPublishedForTheConsole) {
  auto doc = get("/api/v1/openapi.json", "");
  const json& presence = doc.body["components"]["schemas"]["presence"];
  ASSERT_TRUE(presence.contains("x-lifecycle")) << presence.dump().substr(0, 300);
  EXPECT_EQ(presence["x-lifecycle"]["field"], "review_status");
  EXPECT_EQ(presence["x-lifecycle"]["transitions"].size(), 3u);
  EXPECT_TRUE(doc.body["paths"].contains("/api/v1/presence/{id}/reject"));
}

}  // namespace yilian::testing

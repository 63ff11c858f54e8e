// Promotion ledger (D5), fee statements (D7) and the annual numbers (E4), through the API.
#include "io/table.h"
#include "fixture/fixture.h"

namespace yilian::testing {

using nlohmann::json;

class SupportReports : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    // County A's hospital supports township A1 under the 医联体 fee schedule preset,
    // which pays 200 元/day (senior) and 500 元/case (senior) and a 600 元 allowance
    // is added by override.
    relationship = db->insert(
        "INSERT INTO support_relationship (supporting_institution_id, recipient_institution_id, tier, start_date, "
        "end_date, status, preset_id, overrides, created_at, updated_at) VALUES (?, ?, 'county_township', "
        "'2025-01-01', '2027-12-31', 'filed', 'huang-2013', NULL, 'x', 'x')",
        {seed.county_a_hospital, seed.township_a1});
    db->exec("UPDATE staff SET title_code = '233', title_level = 'intermediate', promotion_year = 2026 WHERE id = ?",
             {seed.staff_a});
    assignment = db->insert(
        "INSERT INTO assignment (relationship_id, staff_id, home_institution_id, recipient_institution_id, level, role, "
        "planned_start, planned_end, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'township', 'resident', "
        "'2026-03-02', '2026-03-31', 'active', 'x', 'x')",
        {relationship, seed.staff_a, seed.county_a_hospital, seed.township_a1});
    for (const char* day : {"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-09", "2026-03-10"})
      db->exec("INSERT INTO presence (assignment_id, day, half, status, confirmed, created_at, updated_at) VALUES "
               "(?, ?, 'am', 'present', 1, 'x', 'x')", {assignment, day});
    auto act = [&](const char* day, const char* kind, int qty) {
      db->exec("INSERT INTO activity (assignment_id, day, kind, title, quantity, created_at, updated_at) VALUES "
               "(?, ?, ?, 't', ?, 'x', 'x')", {assignment, day, kind, qty});
    };
    act("2026-03-02", "clinic", 25);
    act("2026-03-02", "ward_round", 1);  // same day: one service day
    act("2026-03-03", "lecture", 40);
    act("2026-03-04", "surgery", 2);
    act("2026-03-09", "difficult_case", 1);
  }
  int64_t relationship = 0, assignment = 0;
};

TEST_F(SupportReports, PromotionLedgerCountsGrassrootsDaysAndExplainsIneligibility) {
  auto r = get("/api/v1/promotion-ledger?year=2026&candidates=1", "hospital_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  ASSERT_EQ(r.body["total"], 1);
  const auto& p = r.body["items"][0];
  EXPECT_EQ(p["name"], "张三");
  EXPECT_EQ(p["grassroots_days"], 5);
  EXPECT_EQ(p["candidate"], true);
  EXPECT_EQ(p["eligible"], false);
  std::string reasons = p["reasons"].dump();
  EXPECT_NE(reasons.find("不足6个月"), std::string::npos) << reasons;  // a one-month term under a half-year rule
  EXPECT_NE(reasons.find("黄*区"), std::string::npos) << reasons;     // with its citation
  EXPECT_EQ(get("/api/v1/promotion-ledger?year=2026&candidates=1", "hospital_b").body["total"], 0);
  EXPECT_EQ(get("/api/v1/promotion-ledger?year=1999", "hospital_a").status, 400);
  // A withdrawn half-day (soft delete) is no longer service.
  db->exec("UPDATE presence SET active = 0 WHERE day = '2026-03-10'");
  EXPECT_EQ(get("/api/v1/promotion-ledger?year=2026&candidates=1", "hospital_a").body["items"][0]["grassroots_days"], 4);
  // A refusal this year loses eligibility under this preset.
  db->exec("UPDATE assignment SET refused = 1");
  auto refused = get("/api/v1/promotion-ledger?year=2026&candidates=1", "bureau_a");
  EXPECT_NE(refused.body["items"][0]["reasons"].dump().find("拒绝派驻"), std::string::npos);
}

TEST_F(SupportReports, PromotionLedgerCountsTheTermInCalendarMonthsAsD3Does) {
  // 2026-02-01..2026-07-30 is 180 days, which "months × 30" took for half a year; in
  // calendar months it is 5, and the D3 term rule says so too. From 2026-07-31 it is 6.
  db->exec("UPDATE assignment SET planned_start = '2026-02-01', planned_end = '2026-07-30' WHERE id = ?", {assignment});
  auto reasons = [&] { return get("/api/v1/promotion-ledger?year=2026&candidates=1", "hospital_a").body["items"][0]["reasons"].dump(); };
  EXPECT_NE(reasons().find("不足6个月"), std::string::npos) << reasons();
  db->exec("UPDATE assignment SET planned_end = '2026-07-31' WHERE id = ?", {assignment});
  EXPECT_EQ(reasons().find("不足6个月"), std::string::npos) << reasons();
}

TEST_F(SupportReports, D5PromotionLedgerNamesTheNextTitleOfThePersonsOwnSeries) {
  db->exec("UPDATE support_relationship SET preset_id = 'promotion-grassroots-year'");
  db->exec("UPDATE staff SET title_code = '253', title_level = 'intermediate', profession = 'nursing' WHERE id = ?",
           {seed.staff_a});  // 主管护师
  auto r = get("/api/v1/promotion-ledger?year=2026&candidates=1", "hospital_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  std::string reasons = r.body["items"][0]["reasons"].dump();
  EXPECT_NE(reasons.find("晋升副主任护师前须满365天"), std::string::npos) << reasons;
  EXPECT_EQ(reasons.find("晋升副主任医师前"), std::string::npos) << reasons;  // the citation may quote the document
  db->exec("UPDATE staff SET title_code = '233', profession = 'clinical' WHERE id = ?", {seed.staff_a});  // 主治医师
  reasons = get("/api/v1/promotion-ledger?year=2026&candidates=1", "hospital_a").body["items"][0]["reasons"].dump();
  EXPECT_NE(reasons.find("晋升副主任医师前须满365天"), std::string::npos) << reasons;
}

TEST_F(SupportReports, PromotionLedgerAndAnnualSummaryDownloadAsXlsxWithTheSameRows) {
  auto ledger = call("GET", "/api/v1/promotion-ledger?year=2026&candidates=1&format=xlsx&page_size=1", "hospital_a");
  ASSERT_EQ(ledger.status, 200) << ledger.raw.substr(0, 200);
  auto t = io::read_table(ledger.raw, io::TableFormat::xlsx);
  ASSERT_EQ(t.size(), 2u);  // the header and 张三 (the whole ledger, not one page)
  EXPECT_EQ(t[0][0], "姓名");
  EXPECT_EQ(t[1][0], "张三");
  EXPECT_EQ(t[1][10], "不符合");
  EXPECT_NE(t[1][11].find("不足6个月"), std::string::npos) << t[1][11];
  EXPECT_EQ(get("/api/v1/promotion-ledger?year=2026&format=pdf", "hospital_a").status, 400);

  auto summary = call("GET", "/api/v1/support/annual-summary?year=2026&format=xlsx", "bureau_a");
  ASSERT_EQ(summary.status, 200) << summary.raw.substr(0, 200);
  auto s2 = io::read_table(summary.raw, io::TableFormat::xlsx);
  ASSERT_EQ(s2.size(), 3u);  // header, the relationship, 合计
  EXPECT_EQ(s2[0][2], "派出人员");
  EXPECT_EQ(s2[1][1], "解放路卫生院");
  EXPECT_EQ(s2[2][0], "合计");
  EXPECT_EQ(s2[2][2], "1");
  EXPECT_EQ(get("/api/v1/support/annual-summary?year=2026&format=csv", "bureau_a").status, 400);
}

TEST_F(SupportReports, FeeStatementUsesPolicyRatesByTitleLevel) {
  db->exec("UPDATE support_relationship SET preset_id = 'alliance-fees-2016', overrides = ?",
           {std::string("{\"compensation.monthly_allowance\": 600}")});
  auto r = get("/api/v1/fee-statements?month=2026-03&today=2026-04-01", "hospital_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  ASSERT_EQ(r.body["items"].size(), 1u);
  const auto& s = r.body["items"][0];
  EXPECT_EQ(s["service_days"], 2);  // clinic + ward round on 3-02, lecture on 3-03
  EXPECT_EQ(s["surgery_cases"], 2);
  EXPECT_EQ(s["service_day_rate"], 100);  // 中级: 100 元/天
  EXPECT_EQ(s["surgery_case_rate"], 300);  // 中级: 300 元/例
  EXPECT_EQ(s["service_fee"], 200);
  EXPECT_EQ(s["surgery_fee"], 600);
  EXPECT_EQ(s["fee_payer"], "解放路卫生院");
  EXPECT_TRUE(s["notes"].empty()) << s["notes"].dump();
  EXPECT_EQ(get("/api/v1/fee-statements?month=2026-03", "hospital_b").body["items"].size(), 0u);
  EXPECT_EQ(get("/api/v1/fee-statements?month=2026-3", "hospital_a").status, 400);
}

TEST_F(SupportReports, D7AllowanceCountsDaysOnSiteUpToTodayNotCalendarDaysOfTheAssignment) {
  db->exec("UPDATE support_relationship SET preset_id = 'alliance-fees-2016', overrides = ?",
           {std::string("{\"compensation.monthly_allowance\": 600}")});
  // The whole month: 5 days on site of March 2026's 22 working days (not 30 of 31 days).
  auto month = get("/api/v1/fee-statements?month=2026-03&today=2026-04-01", "hospital_a");
  ASSERT_EQ(month.status, 200) << month.raw;
  EXPECT_EQ(month.body["working_days"], 22);
  const auto& s = month.body["items"][0];
  EXPECT_EQ(s["days_on_site"], 5);
  EXPECT_EQ(s["allowance"], 136);  // 600 × 5 / 22
  EXPECT_NE(s["allowance_rule"].get<std::string>().find("D7"), std::string::npos) << s["allowance_rule"];
  EXPECT_NE(month.body["days_rule"].get<std::string>().find("compensation.monthly_allowance"), std::string::npos);
  // On 4 March the days after today do not count yet.
  auto early = get("/api/v1/fee-statements?month=2026-03&today=2026-03-04", "hospital_a");
  EXPECT_EQ(early.body["items"][0]["days_on_site"], 3);
  EXPECT_EQ(early.body["counted_until"], "2026-03-04");
  // Leave is not a day on site.
  db->exec("UPDATE presence SET status = 'leave', reason = 'x' WHERE day = '2026-03-10'");
  EXPECT_EQ(get("/api/v1/fee-statements?month=2026-03&today=2026-04-01", "hospital_a").body["items"][0]["days_on_site"], 4);
}

TEST_F(SupportReports, D7AnAssignmentThatIsOnlyPlannedAndHasNoDaysOnSiteIsNotOnTheStatement) {
  db->exec("UPDATE assignment SET status = 'planned'");
  db->exec("DELETE FROM presence");
  auto r = get("/api/v1/fee-statements?month=2026-03&today=2026-04-01", "hospital_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["items"].size(), 0u) << r.raw;
}

TEST_F(SupportReports, D7AZeroFeeSaysInChineseThatThePresetHasTheRecipientPayNothing) {
  // huang-2013: "不以营利为目的,不增加受援医院的负担" — no fees, no allowance set.
  auto r = get("/api/v1/fee-statements?month=2026-03&today=2026-04-01", "hospital_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  const auto& s = r.body["items"][0];
  EXPECT_EQ(s["total"], 0);
  EXPECT_EQ(s["preset_id"], "huang-2013");
  std::string notes = s["notes"].dump();
  EXPECT_NE(notes.find("规定受援单位不支付劳务费"), std::string::npos) << notes;
  EXPECT_NE(notes.find("不增加受援医院的负担"), std::string::npos) << notes;
  EXPECT_NE(notes.find("未规定派驻人员月补助"), std::string::npos) << notes;
  // No relationship at all: no standard applies, and the row says so.
  db->exec("UPDATE assignment SET relationship_id = NULL");
  auto none = get("/api/v1/fee-statements?month=2026-03&today=2026-04-01", "hospital_a");
  EXPECT_NE(none.body["items"][0]["notes"].dump().find("不属于任何帮扶关系"), std::string::npos) << none.raw;
}

TEST_F(SupportReports, D7ARecipientThatPaysButSetsNoStandardIsNamedAsSuch) {
  db->exec("UPDATE support_relationship SET overrides = ?", {std::string("{\"compensation.recipient_pays\": true}")});
  auto r = get("/api/v1/fee-statements?month=2026-03&today=2026-04-01", "hospital_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_NE(r.body["items"][0]["notes"].dump().find("未规定劳务费标准"), std::string::npos) << r.raw;
}

TEST_F(SupportReports, FeeStatementExportsTheSameRowsAsXlsx) {
  auto r = call("GET", "/api/v1/fee-statements?month=2026-03&today=2026-04-01&format=xlsx", "hospital_a");
  ASSERT_EQ(r.status, 200) << r.raw.substr(0, 200);
  EXPECT_EQ(r.raw.substr(0, 2), "PK");
  EXPECT_EQ(get("/api/v1/fee-statements?month=2026-03&format=pdf", "hospital_a").status, 400);
}

TEST_F(SupportReports, AnnualSummaryAddsUpTheRecords) {
  auto r = get("/api/v1/support/annual-summary?year=2026", "bureau_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  ASSERT_EQ(r.body["items"].size(), 1u);
  const auto& t = r.body["totals"];
  EXPECT_EQ(t["staff_dispatched"], 1);
  EXPECT_EQ(t["days_on_site"], 5);
  EXPECT_EQ(t["lectures"], 1);
  EXPECT_EQ(t["lecture_attendees"], 40);
  EXPECT_EQ(t["surgeries"], 2);
  EXPECT_EQ(t["patients"], 25);
  EXPECT_EQ(t["case_discussions"], 1);
  EXPECT_EQ(get("/api/v1/support/annual-summary?year=2026", "bureau_b").body["items"].size(), 0u);
  EXPECT_EQ(get("/api/v1/support/annual-summary?year=20x6", "bureau_a").status, 400);
  db->exec("UPDATE presence SET active = 0 WHERE day = '2026-03-10'");  // withdrawn: not a day on site
  EXPECT_EQ(get("/api/v1/support/annual-summary?year=2026", "bureau_a").body["totals"]["days_on_site"], 4);
}

TEST_F(SupportReports, RelationshipPresetAndOverridesAreValidated) {
  json base = {{"supporting_institution_id", seed.county_a_hospital}, {"recipient_institution_id", seed.township_a2},
               {"tier", "county_township"}, {"start_date", "2026-01-01"}, {"end_date", "2028-12-31"},
               {"status", "draft"}};
  base["preset_id"] = "no-such-preset";
  EXPECT_EQ(post("/api/v1/support-relationships", "admin", base).body["error"]["field"], "preset_id");
  base["preset_id"] = "huang-2013";
  base["overrides"] = "{\"dispatch.min_days_per_week\": 9}";
  auto bad = post("/api/v1/support-relationships", "admin", base);
  EXPECT_EQ(bad.body["error"]["field"], "overrides") << bad.raw;
  base["overrides"] = "{\"dispatch.min_days_per_weak\": 4}";
  EXPECT_EQ(post("/api/v1/support-relationships", "admin", base).body["error"]["field"], "overrides");
  base["overrides"] = "{\"dispatch.min_days_per_week\": 4}";
  auto ok = post("/api/v1/support-relationships", "admin", base);
  ASSERT_EQ(ok.status, 201) << ok.raw;
  auto audit = db->query("SELECT after_json FROM audit_log WHERE entity = 'support_relationship' AND action = 'create'");
  EXPECT_NE(audit.scalar().as_text().find("min_days_per_week"), std::string::npos);  // the override is audited
}

}  // namespace yilian::testing

namespace yilian::testing {

TEST_F(SupportReports, RoundsDaysCountAsGrassrootsServiceWhenThePolicySaysSo) {
  // Under the one-year rule preset, rounds count (D5, 002: 巡回医疗和派驻服务计入基层工作经历).
  db->exec("UPDATE support_relationship SET preset_id = 'promotion-grassroots-year'");
  int64_t team = db->insert("INSERT INTO rounds_team (institution_id, name, has_vehicle, kind, start_date, created_at, updated_at) "
                            "VALUES (?, '一组', 1, 'health_management', '2026-01-01', 'x', 'x')",
                            {seed.township_a1});
  auto visit = [&](const char* day) {
    int64_t v = db->insert("INSERT INTO round_visit (team_id, village_code, day, half, created_at, updated_at) VALUES "
                           "(?, '370102001001', ?, 'am', 'x', 'x')",
                           {team, day});
    db->exec("INSERT INTO round_visit_person (visit_id, staff_id, role, created_at) VALUES (?, ?, 'senior', 'x')",
             {v, seed.staff_a});
  };
  visit("2026-04-01");
  visit("2026-04-02");
  visit("2026-03-02");  // the same day as a presence day: counted once
  auto r = get("/api/v1/promotion-ledger?year=2026&candidates=1", "hospital_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["items"][0]["grassroots_days"], 7);  // 5 presence days + 2 other round days
}

}  // namespace yilian::testing

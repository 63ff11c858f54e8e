// The weekly statistics table (V7, 附件2): numbers equal to the visit records, the form's
// layout in CSV and xlsx, the deadline from the preset, submission and review, and
// reporting completeness.
#include "io/table.h"
#include "policy/startup.h"
#include "rounds/rounds_policy.h"
#include "rounds/weekly_period.h"
#include "rounds_fixture.h"

namespace yilian::testing {

class RoundsWeekly : public RoundsTest {
 protected:
  void SetUp() override {
    RoundsTest::SetUp();
    auto v1 = visit_a1("2026-07-07");
    v1["senior_doctors"] = json::array({seed.staff_a});
    record("township_a1", v1);
    auto v2 = visit_a1("2026-07-08", "pm");
    v2.update({{"patients", 8}, {"referrals", 0}, {"education_sessions", 0}, {"education_audience", 0},
               {"guidance_elderly", 0}, {"guidance_hypertension", 0}, {"guidance_maternal", 2},
               {"guidance_diabetes", 3}, {"guidance_mental", 1}, {"guidance_other", 2}});
    record("township_a1", v2);
    record("township_a2", {{"team_id", team_a2}, {"village_code", "370102002001"}, {"day", "2026-07-09"}, {"half", "am"},
                           {"patients", 5}, {"education_sessions", 2}, {"education_audience", 40},
                           {"guidance_elderly", 7}, {"members", json::array({gp_a2})}});
    record("township_b1", {{"team_id", team_b1}, {"village_code", "370103001001"}, {"day", "2026-07-10"}, {"half", "am"},
                           {"patients", 20}, {"referrals", 2}, {"members", json::array({gp_b1})}});
    auto next_week = visit_a1("2026-07-13");
    next_week["patients"] = 100;
    record("township_a1", next_week);
    auto withdrawn = visit_a1("2026-07-11");
    withdrawn["patients"] = 50;
    int64_t w = record("township_a1", withdrawn);
    EXPECT_EQ(call("DELETE", "/api/v1/round-visits/" + id(w), "township_a1").status, 200);
  }
  int64_t record(const std::string& user, const json& body) {
    auto r = post("/api/v1/round-visits", user, body);
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.body.value("id", int64_t{0});
  }
  // The sum of a visit column over the county's active visits of ISO week 2026-W28.
  int64_t visit_sum(const std::string& column, const std::string& county) {
    return db->query("SELECT COALESCE(SUM(" + column + "), 0) FROM round_visit WHERE active = 1 AND day >= "
                     "'2026-07-06' AND day <= '2026-07-12' AND village_code LIKE ?",
                     {county + "%"})
        .scalar()
        .as_int();
  }
  json submit(const std::string& county, const std::string& week = "2026-W28") {
    return {{"county_code", county}, {"week", week}, {"reporter_name", "李填报"}, {"reporter_phone", "0531-88886666"}};
  }
};

TEST_F(RoundsWeekly, TableNumbersEqualTheVisitRecords) {
  auto r = get("/api/v1/rounds/weekly-table?region=370100&week=2026-W28", "bureau_city");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["title"], "设区市“千医巡诊万村行”每周工作开展情况统计表");
  EXPECT_EQ(r.body["period_line"], "工作统计时间: 2026年7月6日至7月12日");
  ASSERT_EQ(r.body["rows"].size(), 2u);
  const auto& a = r.body["rows"][0];
  const auto& b = r.body["rows"][1];
  EXPECT_EQ(a["county_name"], "历下区");
  for (const auto& [row, county] : {std::pair{a, std::string("370102")}, std::pair{b, std::string("370103")}}) {
    for (const char* c : {"patients", "referrals", "education_sessions", "education_audience", "guidance_maternal",
                          "guidance_elderly", "guidance_hypertension", "guidance_diabetes", "guidance_mental",
                          "guidance_other"})
      EXPECT_EQ(row[c], visit_sum(c, county)) << county << " " << c;
    EXPECT_EQ(row["guidance_total"],
              visit_sum("guidance_maternal + guidance_elderly + guidance_hypertension + guidance_diabetes + "
                        "guidance_mental + guidance_other",
                        county));
  }
  EXPECT_EQ(a["patients"], 25);  // 12 + 8 + 5: not next week's, not the withdrawn one
  EXPECT_EQ(a["guidance_total"], 24);
  EXPECT_EQ(a["townships"], 2);
  EXPECT_EQ(a["villages"], 2);
  EXPECT_EQ(a["teams"], 2);
  EXPECT_EQ(a["senior_lead_hospital"], 1);
  EXPECT_EQ(a["senior_external_tertiary"], 1);
  EXPECT_EQ(a["covered_townships"], 2);
  EXPECT_EQ(a["covered_villages"], 2);
  EXPECT_EQ(b["patients"], 20);
  EXPECT_EQ(b["covered_villages"], 1);
  EXPECT_EQ(b["senior_lead_hospital"], 0);
  for (const auto& col : r.body["columns"]) {
    std::string k = col["key"];
    EXPECT_EQ(r.body["total"][k], a[k].get<int64_t>() + b[k].get<int64_t>()) << k;
  }
  EXPECT_EQ(r.body["total"]["county_name"], "合计");
  EXPECT_EQ(r.body["deadline"], "2026-07-13 17:00");
  // A county's own table has one row.
  EXPECT_EQ(get("/api/v1/rounds/weekly-table?week=2026-W28", "bureau_b").body["rows"].size(), 1u);
}

TEST_F(RoundsWeekly, XlsxAndCsvAreLaidOutLikeTheOfficialForm) {
  auto x = call("GET", "/api/v1/rounds/weekly-table?region=370100&week=2026-W28&format=xlsx&phone=0531-1&reporter=%E7%8E%8B%E4%BA%94", "bureau_city");
  ASSERT_EQ(x.status, 200);
  ASSERT_EQ(x.raw.substr(0, 2), "PK");
  auto t = io::read_table(x.raw, io::TableFormat::xlsx);
  ASSERT_GE(t.size(), 10u);
  EXPECT_EQ(t[0][0], "设区市“千医巡诊万村行”每周工作开展情况统计表");
  EXPECT_EQ(t[1][0], "工作统计时间: 2026年7月6日至7月12日");
  EXPECT_EQ(t[2][0], "填报人: 王五");  // as given; without it, the stored reporter or blank
  EXPECT_EQ(t[2][10], "联系电话: 0531-1");
  EXPECT_EQ(t[3][0], "县(市、区)别");
  EXPECT_EQ(t[3][1], "乡镇数(含涉农街道)");
  EXPECT_EQ(t[3][2], "行政村数(含涉农社区)");
  EXPECT_EQ(t[3][3], "建立巡诊团队");
  EXPECT_EQ(t[3][6], "本周巡诊服务开展情况");
  EXPECT_EQ(t[4][3], "巡诊团队数");
  EXPECT_EQ(t[4][4], "二级以上医院医疗骨干参加人数");
  EXPECT_EQ(t[4][6], "巡诊服务覆盖区域");
  EXPECT_EQ(t[4][8], "诊疗服务");
  EXPECT_EQ(t[4][10], "健康宣教");
  EXPECT_EQ(t[4][12], "重点人群健康指导、咨询等人次数");
  std::vector<std::string> leaves = {"医共体牵头医院", "医联体外部协作三级医院", "乡镇数", "行政村数", "诊疗人次",
                                     "转诊人次", "开展场次", "受益人数", "孕产妇", "老年人", "高血压患者",
                                     "糖尿病患者", "严重精神障碍患者", "其他", "合计"};
  for (size_t i = 0; i < leaves.size(); ++i) EXPECT_EQ(t[5][4 + i], leaves[i]) << i;
  EXPECT_EQ(t[6][0], "历下区");
  EXPECT_EQ(t[6][8], "25");
  EXPECT_EQ(t[6][18], "24");
  EXPECT_EQ(t[7][0], "市中区");
  EXPECT_EQ(t[8][0], "合计");
  EXPECT_EQ(t[8][8], "45");
  EXPECT_NE(t[9][0].find("下周一17:00前上报"), std::string::npos) << t[9][0];

  auto c = call("GET", "/api/v1/rounds/weekly-table?region=370102&week=2026-W28&format=csv", "bureau_a");
  ASSERT_EQ(c.status, 200);
  auto csv = io::read_table(c.raw, io::TableFormat::csv);
  EXPECT_EQ(csv[1][0], "工作统计时间: 2026年7月6日至7月12日");
  EXPECT_EQ(csv[3][3], "建立巡诊团队");
  EXPECT_EQ(csv[5][18], "合计");
  EXPECT_EQ(csv[6][0], "历下区");
  EXPECT_EQ(csv[6][8], "25");
  EXPECT_EQ(csv[7][0], "合计");
}

TEST_F(RoundsWeekly, DeadlineComesFromThePreset) {
  calendar::IsoWeek w28;
  ASSERT_TRUE(calendar::parse_iso_week("2026-W28", w28));
  auto d = rounds::deadline_of(w28, 1, "17:00");
  EXPECT_EQ(d.local, "2026-07-13 17:00");
  EXPECT_EQ(d.utc, "2026-07-13T09:00:00Z");
  EXPECT_EQ(rounds::deadline_of(w28, 1, "07:30").utc, "2026-07-12T23:30:00Z");  // before 08:00 Beijing time
  auto preset = rounds::RoundsPolicy(*policy::shipped_presets()->find("rounds-dispatch-2023"));
  EXPECT_EQ(rounds::weekly_deadline(w28, preset)->local, "2026-07-13 17:00");
  calendar::IsoWeek w53;
  ASSERT_TRUE(calendar::parse_iso_week("2026-W53", w53));
  EXPECT_EQ(rounds::period_label(w53), "2026年12月28日至2027年1月3日");
}

TEST_F(RoundsWeekly, CountiesSubmitLateOrOnTimeAndTheCityReviews) {
  int64_t audit_before = count("audit_log");
  EXPECT_EQ(post("/api/v1/rounds/weekly-reports", "bureau_b", submit("370102")).status, 403);
  EXPECT_EQ(post("/api/v1/rounds/weekly-reports", "bureau_city", submit("370102")).status, 403);
  EXPECT_EQ(post("/api/v1/rounds/weekly-reports", "township_a1", submit("370102")).status, 403);
  EXPECT_EQ(post("/api/v1/rounds/weekly-reports", "hospital_a", submit("370102")).status, 403);
  std::string this_week = calendar::iso_week(common::today()).label();
  EXPECT_EQ(post("/api/v1/rounds/weekly-reports", "bureau_a", submit("370102", this_week)).body["error"]["field"],
            "week");
  auto no_phone = submit("370102");
  no_phone.erase("reporter_phone");
  EXPECT_EQ(post("/api/v1/rounds/weekly-reports", "bureau_a", no_phone).body["error"]["field"], "reporter_phone");
  auto bad_phone = submit("370102");
  bad_phone["reporter_phone"] = "call me";
  EXPECT_EQ(post("/api/v1/rounds/weekly-reports", "bureau_a", bad_phone).body["error"]["field"], "reporter_phone");
  EXPECT_EQ(post("/api/v1/rounds/weekly-reports", "bureau_a", submit("370102", "2026-W60")).body["error"]["field"],
            "week");
  EXPECT_EQ(count("weekly_report"), 0);
  EXPECT_EQ(count("audit_log"), audit_before);

  auto first = post("/api/v1/rounds/weekly-reports", "bureau_a", submit("370102"));
  ASSERT_EQ(first.status, 201) << first.raw;
  EXPECT_EQ(first.body["status"], "submitted");
  EXPECT_EQ(first.body["status_label"], "已提交");
  EXPECT_EQ(first.body["on_time"], false);  // submitted months after 2026-07-13 17:00
  EXPECT_EQ(first.body["deadline"], "2026-07-13 17:00");
  EXPECT_EQ(first.body["snapshot"]["patients"], 25);
  std::string report = "/api/v1/rounds/weekly-reports/" + id(first.body["id"]);
  EXPECT_EQ(post("/api/v1/rounds/weekly-reports", "bureau_a", submit("370102")).status, 200);  // resubmitted

  // An on-time first submission stays on time after it is returned and fixed.
  db->exec("UPDATE weekly_report SET first_submitted_at = '2026-07-13T08:59:00Z'");
  EXPECT_EQ(get(report, "bureau_a").body["on_time"], true);
  EXPECT_EQ(post(report + "/review", "bureau_a", {{"approved", true}}).status, 403);  // not its own report
  EXPECT_EQ(post(report + "/review", "bureau_b", {{"approved", true}}).status, 404);
  EXPECT_EQ(post(report + "/review", "bureau_city", {{"approved", false}}).body["error"]["field"], "comment");
  auto returned = post(report + "/review", "bureau_city", {{"approved", false}, {"comment", "转诊人次有误"}});
  ASSERT_EQ(returned.status, 200) << returned.raw;
  EXPECT_EQ(returned.body["status_label"], "已退回");
  EXPECT_EQ(post(report + "/review", "bureau_city", {{"approved", true}}).status, 409);
  ASSERT_EQ(post("/api/v1/rounds/weekly-reports", "bureau_a", submit("370102")).status, 200);
  auto approved = post(report + "/review", "bureau_city", {{"approved", true}});
  EXPECT_EQ(approved.body["status"], "approved");
  EXPECT_EQ(approved.body["on_time"], true);
  EXPECT_EQ(approved.body["reviewed_by_name"], "bureau_city");
  EXPECT_EQ(post("/api/v1/rounds/weekly-reports", "bureau_a", submit("370102")).status, 409);
  EXPECT_EQ(get(report, "bureau_b").status, 404);
  EXPECT_EQ(get(report, "township_a1").status, 403);
}

TEST_F(RoundsWeekly, SnapshotKeepsTheSubmittedNumbers) {
  ASSERT_EQ(post("/api/v1/rounds/weekly-reports", "bureau_a", submit("370102")).status, 201);
  auto table = get("/api/v1/rounds/weekly-table?week=2026-W28", "bureau_a");
  EXPECT_EQ(table.body["rows"][0]["report"]["snapshot_matches"], true);
  EXPECT_EQ(table.body["reporter"], "李填报");
  EXPECT_EQ(table.body["phone"], "0531-88886666");
  auto late = visit_a1("2026-07-12");
  late["patients"] = 3;
  record("township_a1", late);
  table = get("/api/v1/rounds/weekly-table?week=2026-W28", "bureau_a");
  EXPECT_EQ(table.body["rows"][0]["patients"], 28);
  EXPECT_EQ(table.body["rows"][0]["report"]["snapshot_matches"], false);
  auto report = get("/api/v1/rounds/weekly-reports?week=2026-W28", "bureau_a").body["items"][0];
  EXPECT_EQ(get("/api/v1/rounds/weekly-reports/" + id(report["report_id"]), "bureau_a").body["snapshot"]["patients"], 25);
}

TEST_F(RoundsWeekly, TheTableNamesTheStoredReporterOrNobodyNeverTheAccountsOfficeV7) {
  // Nothing submitted: the 填报人 line is left blank, not filled with "历下区卫健局".
  auto blank = get("/api/v1/rounds/weekly-table?week=2026-W28", "bureau_a");
  ASSERT_EQ(blank.status, 200) << blank.raw;
  EXPECT_EQ(blank.body["reporter"], "");
  EXPECT_EQ(blank.body["phone"], "");
  // Once submitted, the downloads carry the submission's reporter and phone.
  ASSERT_EQ(post("/api/v1/rounds/weekly-reports", "bureau_a", submit("370102")).status, 201);
  auto stored = get("/api/v1/rounds/weekly-table?week=2026-W28", "bureau_a");
  EXPECT_EQ(stored.body["reporter"], "李填报");
  EXPECT_EQ(stored.body["phone"], "0531-88886666");
}

TEST_F(RoundsWeekly, CompletenessCountsExpectedSubmittedAndOnTimeCounties) {
  ASSERT_EQ(post("/api/v1/rounds/weekly-reports", "bureau_a", submit("370102")).status, 201);
  auto status = get("/api/v1/rounds/weekly-reports?region=370100&week=2026-W28", "bureau_city");
  ASSERT_EQ(status.status, 200) << status.raw;
  EXPECT_EQ(status.body["summary"]["expected"], 2);
  EXPECT_EQ(status.body["summary"]["submitted"], 1);
  EXPECT_EQ(status.body["summary"]["on_time"], 0);
  EXPECT_EQ(status.body["summary"]["reporting_rate"], 50.0);
  // Past its deadline the unsubmitted week says 逾期 and since when (V7).
  EXPECT_EQ(status.body["items"][1]["status_label"], "逾期未填报(截止2026-07-13 17:00)");
  EXPECT_EQ(status.body["items"][1]["overdue"], true);
  EXPECT_EQ(status.body["items"][1]["overdue_since"], "2026-07-13 17:00");

  db->exec("UPDATE weekly_report SET first_submitted_at = '2026-07-13T08:00:00Z'");
  auto c = get("/api/v1/rounds/weekly-reports/completeness?region=370100&from=2026-W27&to=2026-W28", "bureau_city");
  ASSERT_EQ(c.status, 200) << c.raw;
  ASSERT_EQ(c.body["weeks"].size(), 2u);
  EXPECT_EQ(c.body["weeks"][0]["submitted"], 0);
  EXPECT_EQ(c.body["weeks"][1]["on_time"], 1);
  EXPECT_EQ(c.body["weeks"][1]["on_time_rate"], 50.0);
  EXPECT_EQ(c.body["total"]["expected"], 4);
  EXPECT_EQ(c.body["total"]["submitted"], 1);
  EXPECT_EQ(c.body["total"]["reporting_rate"], 25.0);
  EXPECT_EQ(c.body["counties"][0]["submitted"], 1);
  EXPECT_EQ(get("/api/v1/rounds/weekly-reports/completeness?from=2025-W01&to=2026-W28", "bureau_city").status, 400);
  // The county bureau sees its own county only.
  EXPECT_EQ(get("/api/v1/rounds/weekly-reports?week=2026-W28", "bureau_b").body["summary"]["expected"], 1);
}

TEST_F(RoundsWeekly, OnlyBureausWithinTheirRegionSeeTheTable) {
  EXPECT_EQ(get("/api/v1/rounds/weekly-table?region=370102", "bureau_b").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/weekly-table?region=370100", "bureau_a").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/weekly-table", "township_a1").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/weekly-table", "hospital_a").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/weekly-table", "doctor_a").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/weekly-reports", "township_a1").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/weekly-reports/completeness", "villager_a1").status, 403);
  EXPECT_EQ(get("/api/v1/rounds/weekly-table?region=370102001000", "bureau_a").status, 400);
  EXPECT_EQ(get("/api/v1/rounds/weekly-table?format=pdf", "bureau_a").status, 400);
  auto all = get("/api/v1/rounds/weekly-table?week=2026-W28", "admin");
  ASSERT_EQ(all.status, 200) << all.raw;
  EXPECT_EQ(all.body["rows"].size(), 2u);
}

}  // namespace yilian::testing

// The compliance engine, rule by rule: each test builds records that break one rule and
// checks the finding (rule, period, expected/actual, Chinese message with citation),
// then the same records repaired and checks the finding is gone. Rule cases that are
// records in, findings out live as data in tests/rules/*.test (tests/rules_test.cpp).
#include <filesystem>
#include <fstream>
#include <set>

#include "calendar/date.h"
#include "compliance/checks.h"
#include "compliance/engine.h"
#include "policy/preset.h"
#include "policy/startup.h"
#include "auth/session.h"
#include "fixture/fixture.h"

namespace yilian::testing {

using compliance::Finding;
using compliance::Report;

class Compliance : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    auto dir = std::filesystem::temp_directory_path() / ("yilian-policy-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "test.toml") << R"([preset]
id = "test"
title = "测试方案"
document = "测试用对口支援方案"

[params."dispatch.min_days_per_week"]
value = 3
source = "每周不少于3个工作日"
[params."dispatch.daily_coverage_required"]
value = true
source = "每天有1名人员驻扎"
[params."dispatch.min_term_months"]
value = 6
source = "服务时间为半年"
[params."dispatch.max_gap_days_between_rotations"]
value = 7
source = "轮换衔接"
[params."dispatch.min_title_level"]
value = "intermediate"
source = "中级以上职称"
[params."dispatch.max_age"]
value = 45
source = "年龄45岁以下"
[params."dispatch.min_concurrent_staff_city_to_county"]
value = 2
source = "同时在岗不少于2人"
[params."evaluation.joint_appraisal_required"]
value = true
source = "期满联合考核"
[params."evaluation.pass_score"]
value = 60
source = "60分合格"
[params."support.leadership_visits_per_year"]
value = 2
source = "每年督导2次"
[params."training.free_trainees_per_year"]
value = 3
source = "每年免费进修3人"
[params."training.min_trainee_months"]
value = 6
source = "进修不少于6个月"
[params."relationship.term_years"]
value = 3
source = "三年一周期"
)";
    // The platform's own time limits (D10's confirmation window) come with every deployment.
    std::filesystem::copy_file(std::string(YILIAN_SOURCE_DIR) + "/policies/platform.toml", dir / "platform.toml");
    presets = policy::load_presets(dir);
    std::filesystem::remove_all(dir);
    relationship = db->insert(
        "INSERT INTO support_relationship (supporting_institution_id, recipient_institution_id, tier, start_date, "
        "end_date, status, preset_id, created_at, updated_at) VALUES (?, ?, 'county_township', '2025-01-01', "
        "'2027-12-31', 'filed', 'test', 'x', 'x')",
        {seed.county_a_hospital, seed.township_a1});
  }

  int64_t assign(int64_t staff, const std::string& start, const std::string& end, const std::string& level = "township",
                 int64_t rel = 0) {
    auto home = db->query("SELECT institution_id FROM staff WHERE id = ?", {staff}).scalar().as_int();
    auto recipient = db->query("SELECT recipient_institution_id FROM support_relationship WHERE id = ?",
                               {rel ? rel : relationship}).scalar().as_int();
    return db->insert(
        "INSERT INTO assignment (relationship_id, staff_id, home_institution_id, recipient_institution_id, level, "
        "role, planned_start, planned_end, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'resident', ?, ?, "
        "'active', 'x', 'x')",
        {rel ? rel : relationship, staff, home, recipient, level, start, end});
  }
  void present(int64_t assignment, const std::string& day, bool confirmed = true) {
    for (const char* half : {"am", "pm"})
      db->exec("INSERT INTO presence (assignment_id, day, half, status, confirmed, created_at, updated_at) VALUES "
               "(?, ?, ?, 'present', ?, 'x', 'x')",
               {assignment, day, half, confirmed ? 1 : 0});
  }
  // The first `days` working days of the week starting on `monday`.
  void week(int64_t assignment, const std::string& monday, int days, bool confirmed = true) {
    for (int i = 0; i < days; ++i) present(assignment, calendar::add_days(monday, i), confirmed);
  }
  Report run(const std::string& from, const std::string& to, const std::string& user = "admin",
             const std::string& today = "2026-07-31") {
    compliance::Request rq;
    rq.from = from;
    rq.to = to;
    rq.today = today;
    auto p = auth::authenticate(*db, seed.tokens.at(user));
    return compliance::evaluate(*db, presets, *p, rq);
  }
  static std::vector<Finding> of(const Report& r, const std::string& check) {
    std::vector<Finding> out;
    for (const auto& f : r.findings)
      if (f.check == check) out.push_back(f);
    return out;
  }
  void staff_title(int64_t staff, const std::string& code, const std::string& level) {
    db->exec("UPDATE staff SET title_code = ?, title_level = ? WHERE id = ?", {code, level, staff});
  }

  policy::PresetSet presets;
  int64_t relationship = 0;
};

TEST_F(Compliance, D2TeamMustFillEverySpecialtyPositionWithADifferentPerson) {
  db->exec("UPDATE support_relationship SET overrides = ? WHERE id = ?",
           {std::string(R"({"dispatch.team_specialties": ["内科", "外科", "妇产科/儿科/麻醉科/护理"]})"), relationship});
  auto department = [&](const std::string& name) {
    return db->insert("INSERT INTO department (institution_id, name, created_at, updated_at) VALUES (?, ?, 'x', 'x')",
                      {seed.county_a_hospital, name});
  };
  auto put_in = [&](int64_t staff, int64_t dept) {
    db->exec("UPDATE staff SET department_id = ? WHERE id = ?", {dept, staff});
  };
  put_in(seed.staff_a, department("心血管内科"));
  put_in(seed.staff_b, department("神经内科"));
  assign(seed.staff_a, "2026-03-01", "2026-05-31");
  assign(seed.staff_b, "2026-03-01", "2026-05-31");
  auto team = of(run("2026-03-01", "2026-05-31"), "dispatch.team_specialties");
  ASSERT_EQ(team.size(), 3u);  // March, April, May
  EXPECT_EQ(team[0].rule, "D2");
  EXPECT_EQ(team[0].period, "2026-03");
  // Two internists fill one position only: surgery and the third position are open.
  EXPECT_EQ(team[0].actual, "缺外科、妇产科或儿科或麻醉科或护理");
  EXPECT_NE(team[0].message.find("张三(心血管内科)"), std::string::npos) << team[0].message;

  put_in(seed.staff_b, department("儿科"));
  team = of(run("2026-03-01", "2026-05-31"), "dispatch.team_specialties");
  ASSERT_EQ(team.size(), 3u);
  EXPECT_EQ(team[0].actual, "缺外科");

  put_in(seed.staff_township_a1, department("普通外科"));
  assign(seed.staff_township_a1, "2026-04-01", "2026-05-31");  // the surgeon arrives in April
  team = of(run("2026-03-01", "2026-05-31"), "dispatch.team_specialties");
  ASSERT_EQ(team.size(), 1u);
  EXPECT_EQ(team[0].period, "2026-03");
}

TEST_F(Compliance, D5PromotionCandidatesNotDispatchedAreListed) {
  db->exec("UPDATE support_relationship SET overrides = ? WHERE id = ?",
           {std::string(R"({"dispatch.select_promotion_candidates": true, "dispatch.candidate_target_levels": ["associate"]})"),
            relationship});
  staff_title(seed.staff_a, "233", "intermediate");  // 主治医师 applying for 副主任医师
  staff_title(seed.staff_b, "234", "junior");         // 医师 → 主治: not a level the plan names
  db->exec("UPDATE staff SET promotion_year = 2026 WHERE id IN (?, ?)", {seed.staff_a, seed.staff_b});
  auto listed = of(run("2026-01-01", "2026-12-31", "bureau_a", "2026-07-31"), "dispatch.promotion_candidates");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].subject_name, "张三");
  EXPECT_EQ(listed[0].rule, "D5");
  EXPECT_EQ(listed[0].severity, compliance::Severity::warning);  // the year is still running
  EXPECT_NE(listed[0].message.find("拟于2026年申报晋升副高"), std::string::npos) << listed[0].message;
  auto year_end = of(run("2026-01-01", "2026-12-31", "bureau_a", "2027-01-15"), "dispatch.promotion_candidates");
  ASSERT_EQ(year_end.size(), 1u);
  EXPECT_EQ(year_end[0].severity, compliance::Severity::error);
  EXPECT_TRUE(of(run("2026-01-01", "2026-12-31", "bureau_b"), "dispatch.promotion_candidates").empty());

  assign(seed.staff_a, "2026-09-01", "2027-02-28");
  EXPECT_TRUE(of(run("2026-01-01", "2026-12-31", "bureau_a"), "dispatch.promotion_candidates").empty());
}

TEST_F(Compliance, D3TermShorterThanPolicyIsReported) {
  assign(seed.staff_a, "2026-01-05", "2026-04-30");
  auto term = of(run("2026-01-01", "2026-12-31"), "dispatch.term");
  ASSERT_EQ(term.size(), 1u);
  EXPECT_EQ(term[0].rule, "D3");
  EXPECT_EQ(term[0].expected, "≥6个月");
  db->exec("UPDATE assignment SET planned_end = '2026-07-04'");
  EXPECT_TRUE(of(run("2026-01-01", "2026-12-31"), "dispatch.term").empty());
}

TEST_F(Compliance, D3RotationGapLongerThanAllowedIsReported) {
  assign(seed.staff_a, "2026-01-05", "2026-06-30");
  int64_t second = assign(seed.staff_b, "2026-07-20", "2026-12-31");
  auto gaps = of(run("2026-01-01", "2026-12-31"), "dispatch.rotation_gap");
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].period, "2026-07-01~2026-07-19");
  EXPECT_EQ(gaps[0].actual, "空档19天");
  db->exec("UPDATE assignment SET planned_start = '2026-07-06' WHERE id = ?", {second});
  EXPECT_TRUE(of(run("2026-01-01", "2026-12-31"), "dispatch.rotation_gap").empty());
}

TEST_F(Compliance, D1TitleAndAgeOfTheDispatchedPerson) {
  staff_title(seed.staff_a, "234", "junior");
  assign(seed.staff_a, "2026-01-05", "2026-07-31");
  Report r = run("2026-01-01", "2026-12-31");
  auto title = of(r, "dispatch.title_level");
  ASSERT_EQ(title.size(), 1u);
  EXPECT_EQ(title[0].actual, "初级(师)");
  EXPECT_EQ(of(r, "dispatch.max_age").size(), 1u);  // born 1980: 46 at the start
  staff_title(seed.staff_a, "232", "associate");
  db->exec("UPDATE staff SET birth_date = '1985-06-01' WHERE id = ?", {seed.staff_a});
  Report ok = run("2026-01-01", "2026-12-31");
  EXPECT_TRUE(of(ok, "dispatch.title_level").empty());
  EXPECT_TRUE(of(ok, "dispatch.max_age").empty());
}

TEST_F(Compliance, D1AgeIsWholeYearsOnTheStartDayNotDaysOver365) {
  // Born 1980-07-10, dispatched from 2026-07-09: 45 the day before the birthday (days/365
  // said 46, a false finding); from 2026-07-10 the 46th year has begun.
  db->exec("UPDATE staff SET birth_date = '1980-07-10' WHERE id = ?", {seed.staff_a});
  int64_t a = assign(seed.staff_a, "2026-07-09", "2026-12-31");
  EXPECT_TRUE(of(run("2026-01-01", "2026-12-31"), "dispatch.max_age").empty());
  db->exec("UPDATE assignment SET planned_start = '2026-07-10' WHERE id = ?", {a});
  auto late = of(run("2026-01-01", "2026-12-31"), "dispatch.max_age");
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].actual, "46岁");
}

TEST_F(Compliance, D2ConcurrentStaffCityToCounty) {
  int64_t city = db->insert(
      "INSERT INTO support_relationship (supporting_institution_id, recipient_institution_id, tier, start_date, "
      "end_date, status, preset_id, created_at, updated_at) VALUES (?, ?, 'tertiary_county', '2026-03-01', "
      "'2028-12-31', 'filed', 'test', 'x', 'x')",
      {seed.city_hospital, seed.county_a_hospital});
  int64_t doctor = db->insert("INSERT INTO staff (institution_id, name, sex, birth_date, profession, title_code, "
                              "title_level, created_at, updated_at) VALUES (?, '周八', '1', '1985-01-01', 'clinical', "
                              "'232', 'associate', 'x', 'x')",
                              {seed.city_hospital});
  int64_t a = assign(doctor, "2026-03-02", "2026-08-31", "county", city);
  for (const char* monday : {"2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"}) week(a, monday, 5);
  auto d2 = of(run("2026-03-01", "2026-03-31"), "dispatch.concurrent_staff");
  ASSERT_EQ(d2.size(), 1u);
  EXPECT_EQ(d2[0].period, "2026-03");
  EXPECT_EQ(d2[0].actual, "最多1人");
}

TEST_F(Compliance, D6EndedAssignmentNeedsJointAppraisalThatPasses) {
  int64_t a = assign(seed.staff_a, "2026-01-05", "2026-07-10");
  auto missing = of(run("2026-01-01", "2026-12-31"), "evaluation.joint_appraisal");
  ASSERT_EQ(missing.size(), 1u);
  db->exec("INSERT INTO evaluation (assignment_id, kind, day, score, grade, evaluator, created_at, updated_at) VALUES "
           "(?, 'joint_appraisal', '2026-07-10', 55, 'unqualified', '联合考核组', 'x', 'x')", {a});
  Report r = run("2026-01-01", "2026-12-31");
  EXPECT_TRUE(of(r, "evaluation.joint_appraisal").empty());
  auto score = of(r, "evaluation.score");
  ASSERT_EQ(score.size(), 1u);
  EXPECT_EQ(score[0].actual, "55分");
  db->exec("UPDATE evaluation SET score = 85");
  EXPECT_TRUE(of(run("2026-01-01", "2026-12-31"), "evaluation.score").empty());
}

TEST_F(Compliance, D9LeadershipVisitsPerYearErrorWhenYearEndedWarningWhileRunning) {
  db->exec("INSERT INTO leadership_visit (relationship_id, day, leader, created_at, updated_at) VALUES "
           "(?, '2025-05-01', '院长', 'x', 'x')", {relationship});
  Report r = run("2025-01-01", "2026-12-31");
  auto visits = of(r, "support.leadership_visits");
  ASSERT_EQ(visits.size(), 2u);
  EXPECT_EQ(visits[0].period, "2025");  // the year is over: 1 of 2 is an error
  EXPECT_EQ(visits[0].severity, compliance::Severity::error);
  EXPECT_EQ(visits[0].actual, "1次");
  EXPECT_EQ(visits[1].period, "2026");  // to July 31: 0 of the 1 due so far is a warning
  EXPECT_EQ(visits[1].severity, compliance::Severity::warning);
  EXPECT_EQ(visits[1].expected, "截至目前应≥1次");
  EXPECT_NE(visits[1].message.find("督导0次,截至目前少于应有的1次"), std::string::npos) << visits[1].message;
  db->exec("INSERT INTO leadership_visit (relationship_id, day, leader, created_at, updated_at) VALUES "
           "(?, '2026-04-01', '院长', 'x', 'x')", {relationship});
  EXPECT_EQ(of(run("2025-01-01", "2026-12-31"), "support.leadership_visits").size(), 1u);
}

TEST_F(Compliance, A2FiledRelationshipWithoutFiledAgreement) {
  Report r = run("2025-01-01", "2025-12-31");
  ASSERT_EQ(of(r, "agreement.filed").size(), 1u);
  db->exec("INSERT INTO agreement (relationship_id, title, kind, status, signed_date, filed_date, created_at, "
           "updated_at) VALUES (?, '2025年度协议', 'annual', 'filed', '2025-01-10', '2025-01-20', 'x', 'x')",
           {relationship});
  EXPECT_TRUE(of(run("2025-01-01", "2025-12-31"), "agreement.filed").empty());
}

TEST_F(Compliance, ScopeLimitsWhatIsEvaluatedAndResultsAreReproducible) {
  int64_t a = assign(seed.staff_a, "2026-03-02", "2026-09-30");
  week(a, "2026-03-02", 2);
  Report mine = run("2026-03-01", "2026-03-31", "bureau_a");
  EXPECT_EQ(mine.relationships, 1);
  EXPECT_FALSE(mine.findings.empty());
  Report theirs = run("2026-03-01", "2026-03-31", "bureau_b");
  EXPECT_EQ(theirs.relationships, 0);
  EXPECT_TRUE(theirs.findings.empty());
  EXPECT_EQ(run("2026-03-01", "2026-03-31", "hospital_b").relationships, 0);
  Report again = run("2026-03-01", "2026-03-31", "bureau_a");
  ASSERT_EQ(again.findings.size(), mine.findings.size());
  for (size_t i = 0; i < mine.findings.size(); ++i) EXPECT_EQ(again.findings[i].to_json(), mine.findings[i].to_json());
}

TEST_F(Compliance, ApiAnswersScopedFindingsAndXlsxAndRejectsBadDates) {
  db->exec("UPDATE support_relationship SET preset_id = 'huang-2013'");
  int64_t a = assign(seed.staff_a, "2026-03-02", "2026-09-30");
  week(a, "2026-03-02", 2);
  auto r = get("/api/v1/compliance?from=2026-03-02&to=2026-03-08&today=2026-07-31", "bureau_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["relationships"], 1);
  bool weekly = false;
  for (const auto& f : r.body["findings"])
    if (f["check"] == "dispatch.weekly_days") {
      weekly = true;
      EXPECT_NE(f["citation"].get<std::string>().find("黄*区"), std::string::npos) << f.dump();
    }
  EXPECT_TRUE(weekly) << r.raw;
  auto other = get("/api/v1/compliance?from=2026-03-02&to=2026-03-08&today=2026-07-31", "bureau_b");
  EXPECT_EQ(other.body["relationships"], 0);
  for (const auto& f : other.body["findings"])  // only county B's own units (its uncovered hospital, A3)
    EXPECT_EQ(f["region_code"].get<std::string>().rfind("370103", 0), 0u) << f.dump();
  EXPECT_EQ(get("/api/v1/compliance?from=2026-13-01", "bureau_a").status, 400);
  EXPECT_EQ(get("/api/v1/compliance?from=2026-03-01&to=2026-02-01", "bureau_a").status, 400);
  EXPECT_EQ(get("/api/v1/compliance", "").status, 401);
  http::Request req;
  req.method = "GET";
  req.path = "/api/v1/compliance/export";
  req.query = {{"from", "2026-03-02"}, {"to", "2026-03-08"}, {"today", "2026-07-31"}};
  req.headers["authorization"] = "Bearer " + seed.tokens.at("bureau_a");
  auto x = app->handle(*db, req);
  EXPECT_EQ(x.status, 200);
  EXPECT_EQ(x.body.substr(0, 2), "PK");  // an xlsx file is a zip archive
}

}  // namespace yilian::testing

namespace yilian::testing {

TEST_F(Compliance, A3CountyInstitutionWithoutRelationshipIsReported) {
  // The county hospitals have no relationship as recipient in the fixture; the shipped
  // county preset sets the 100% coverage target.
  presets = *policy::shipped_presets();
  Report r = run("2026-01-01", "2026-12-31", "bureau_a");
  auto cov = of(r, "coverage.county_institutions");
  ASSERT_EQ(cov.size(), 1u);
  EXPECT_EQ(cov[0].subject_name, "历下区人民医院");
  EXPECT_EQ(cov[0].rule, "A3");
  db->exec("INSERT INTO support_relationship (supporting_institution_id, recipient_institution_id, tier, start_date, "
           "end_date, status, preset_id, created_at, updated_at) VALUES (?, ?, 'city_county', '2025-01-01', "
           "'2027-12-31', 'signed', 'county-support-2016', 'x', 'x')",
           {seed.city_hospital, seed.county_a_hospital});
  EXPECT_TRUE(of(run("2026-01-01", "2026-12-31", "bureau_a"), "coverage.county_institutions").empty());
  EXPECT_TRUE(of(run("2026-01-01", "2026-12-31", "bureau_b"), "coverage.county_institutions").size() == 1u);
}

TEST_F(Compliance, A3PoorTownshipCentralHealthCentreWithoutRelationshipIsReported) {
  presets = *policy::shipped_presets();
  auto poor = [&] { return of(run("2026-01-01", "2026-12-31", "bureau_a"), "coverage.poor_township_centers"); };
  EXPECT_TRUE(poor().empty());  // no poor area recorded
  db->exec("UPDATE region SET poverty = 1 WHERE code = '370102'");  // a poor county: its townships count
  EXPECT_TRUE(poor().empty());  // 解放路卫生院 has its relationship (SetUp)
  db->exec("UPDATE support_relationship SET status = 'draft' WHERE id = ?", {relationship});
  auto cov = poor();
  ASSERT_EQ(cov.size(), 1u);
  EXPECT_EQ(cov[0].subject_name, "解放路卫生院");
  EXPECT_EQ(cov[0].rule, "A3");
  EXPECT_NE(cov[0].message.find("贫困乡镇中心卫生院"), std::string::npos) << cov[0].message;
  db->exec("UPDATE region SET poverty = 0 WHERE code = '370102'");
  db->exec("UPDATE region SET poverty = 1 WHERE code = '370102001000'");  // or the township itself
  EXPECT_EQ(poor().size(), 1u);
  EXPECT_TRUE(of(run("2026-01-01", "2026-12-31", "bureau_b"), "coverage.poor_township_centers").empty());
}

TEST_F(Compliance, A7OverdueWorkStepsAreReported) {
  db->exec("INSERT INTO work_step (relationship_id, stage, title, due_date, created_at, updated_at) VALUES "
           "(?, 'staffing', '落实下派人员', '2026-03-31', 'x', 'x')", {relationship});
  Report r = run("2026-01-01", "2026-12-31");
  auto steps = of(r, "relationship.work_steps");
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_NE(steps[0].message.find("落实下派人员"), std::string::npos);
  db->exec("UPDATE work_step SET done_date = '2026-03-20'");
  EXPECT_TRUE(of(run("2026-01-01", "2026-12-31"), "relationship.work_steps").empty());
}

TEST_F(Compliance, A2AndD10FindingsCiteTheClauseOfTheirOwnRuleNotTheNumberTheyAreJudgedBy) {
  int64_t a = assign(seed.staff_a, "2026-03-02", "2026-09-30");
  week(a, "2026-03-02", 5, false);  // D10: never confirmed
  Report r = run("2026-01-01", "2026-12-31");
  auto filed = of(r, "agreement.filed");  // A2, judged where the relationship term (A1) is set
  ASSERT_FALSE(filed.empty());
  EXPECT_EQ(filed[0].citation.rfind("A2,", 0), 0u) << filed[0].citation;
  EXPECT_NE(filed[0].citation.find("报送卫生行政主管部门"), std::string::npos) << filed[0].citation;
  EXPECT_EQ(filed[0].citation.find("三年一周期"), std::string::npos) << "not A1's sentence: " << filed[0].citation;
  auto d10 = of(r, "presence.confirmation");  // D10, judged where D4's weekly days are set
  ASSERT_FALSE(d10.empty());
  EXPECT_EQ(d10[0].citation.rfind("D10,", 0), 0u) << d10[0].citation;
  EXPECT_EQ(d10[0].citation.find("D4"), std::string::npos) << d10[0].citation;
  EXPECT_NE(d10[0].message.find(d10[0].citation), std::string::npos);
  db->exec("INSERT INTO work_step (relationship_id, stage, title, due_date, created_at, updated_at) VALUES "
           "(?, 'staffing', '落实下派人员', '2026-03-31', 'x', 'x')", {relationship});
  auto steps = of(run("2026-01-01", "2026-12-31"), "relationship.work_steps");
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].citation.rfind("A7,", 0), 0u) << steps[0].citation;
  EXPECT_NE(steps[0].citation.find("工作步骤"), std::string::npos) << steps[0].citation;
}

TEST_F(Compliance, EveryFindingOfTheShippedPresetsCitesItsOwnRuleAndHasAChineseCheckLabel) {
  presets = *policy::shipped_presets();
  for (const char* preset : {"huang-2013", "county-support-2016", "rural-support-summary", "xiuning-2011"}) {
    db->exec("UPDATE support_relationship SET preset_id = ?", {std::string(preset)});
    int64_t a = assign(seed.staff_a, "2026-03-02", "2026-04-30");
    week(a, "2026-03-02", 2, false);
    db->exec("INSERT INTO work_step (relationship_id, stage, title, due_date, created_at, updated_at) VALUES "
             "(?, 'survey', '调研', '2026-02-01', 'x', 'x')", {relationship});
    Report r = run("2026-01-01", "2026-12-31", "admin", "2026-07-31");
    ASSERT_FALSE(r.findings.empty()) << preset;
    for (const auto& f : r.findings) {
      EXPECT_EQ(f.citation.rfind(f.rule + ",", 0) == 0 || f.citation.find("/" + f.rule + ",") != std::string::npos ||
                    f.citation.find(f.rule + "/") == 0,
                true)
          << preset << " " << f.check << ": " << f.citation;
      ASSERT_NE(compliance::find_check(f.check), nullptr) << f.check;
      EXPECT_EQ(compliance::find_check(f.check)->rule, f.rule) << f.check;
    }
    for (const auto& [check, count] : r.checks) EXPECT_NE(compliance::find_check(check), nullptr) << check;
  }
}

TEST_F(Compliance, ChartCountsAgreeWithTheFindingsAndTheApiNamesEveryCheckAndRule) {
  int64_t a = assign(seed.staff_a, "2026-03-02", "2026-09-30");
  week(a, "2026-03-02", 2, false);
  week(a, "2026-03-16", 1, false);
  db->exec("UPDATE support_relationship SET preset_id = 'huang-2013'");
  auto r = get("/api/v1/compliance?from=2026-03-01&to=2026-03-31&today=2026-07-31", "bureau_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  int64_t failed = 0;
  for (const auto& [name, c] : r.body["checks"].items()) {
    failed += c["failed"].get<int64_t>();
    EXPECT_FALSE(c["label"].get<std::string>().empty()) << name;
    EXPECT_NE(c["label"].get<std::string>(), name) << "a Chinese label, not the key";
  }
  EXPECT_EQ(failed, r.body["total"].get<int64_t>()) << r.raw;
  for (const auto& f : r.body["findings"]) EXPECT_NE(f["check_label"], f["check"]) << f.dump();
  // The rules and checks the page offers: every rule of the catalog, in order, with labels.
  ASSERT_EQ(r.body["rules"].size(), compliance::rule_catalog().size());
  EXPECT_EQ(r.body["rules"][0]["rule"], "A2");
  std::set<std::string> rules;
  for (const auto& x : r.body["rules"]) rules.insert(x["rule"].get<std::string>());
  for (const char* rule : {"A3", "A7", "D5", "D10"}) EXPECT_TRUE(rules.count(rule)) << rule;
  // A rule filter narrows the counts with the list.
  auto d4 = get("/api/v1/compliance?from=2026-03-01&to=2026-03-31&today=2026-07-31&rule=D4", "bureau_a");
  int64_t d4_failed = 0;
  for (const auto& [name, c] : d4.body["checks"].items()) {
    EXPECT_EQ(c["rule"], "D4") << name;
    d4_failed += c["failed"].get<int64_t>();
  }
  EXPECT_EQ(d4_failed, d4.body["total"].get<int64_t>());
  EXPECT_GT(d4_failed, 0);
}

}  // namespace yilian::testing

// The annual numbers for the work summary (E4) over several relationships: each figure
// counts only its year's active records, a staff member is counted once however many
// assignments, a day once however many half-days, and a week that spans New Year is
// split between the two years.
#include "fixture/fixture.h"

namespace yilian::testing {
namespace {

using nlohmann::json;

class AnnualSummary : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    r1 = relationship(seed.county_a_hospital, seed.township_a1, "county_township");
    r2 = relationship(seed.city_hospital, seed.county_a_hospital, "city_county");
    r3 = relationship(seed.county_b_hospital, seed.township_b1, "county_township");

    // R1: 张三 twice (across New Year, then in March); 孙七's assignment was cancelled.
    int64_t a1 = assignment(r1, seed.staff_a, seed.county_a_hospital, seed.township_a1, "2025-12-01", "2026-01-31");
    int64_t a2 = assignment(r1, seed.staff_a, seed.county_a_hospital, seed.township_a1, "2026-03-01", "2026-03-31");
    int64_t sun = staff(seed.county_a_hospital, "孙七");
    assignment(r1, sun, seed.county_a_hospital, seed.township_a1, "2026-05-01", "2026-05-31", "cancelled");
    presence(a1, "2025-12-31", "am");
    presence(a1, "2026-01-01", "am");
    presence(a1, "2026-01-01", "pm");  // the same day: one day on site
    presence(a1, "2026-01-02", "am", "leave");
    presence(a1, "2026-01-05", "am", "present", 0);  // withdrawn
    presence(a2, "2026-03-02", "am");
    presence(a2, "2026-03-03", "pm");
    activity(a1, "2025-12-31", "lecture", 30);
    activity(a1, "2026-01-02", "teaching_round", 1);
    activity(a1, "2026-01-05", "new_technique", 0);
    activity(a1, "2026-01-06", "donation", 0, 1500.5);
    activity(a1, "2026-01-07", "lecture", 80, 0, 0);  // withdrawn
    activity(a2, "2026-03-02", "clinic", 25);
    activity(a2, "2026-03-02", "free_clinic", 10);
    activity(a2, "2026-03-03", "consultation", 2);
    activity(a2, "2026-03-03", "surgery", 2);
    activity(a2, "2026-03-03", "surgery_demo", 1);
    activity(a2, "2026-03-04", "death_case", 1);
    activity(a2, "2026-03-04", "hospital_lecture", 15);
    trainee(r1, "2026-05-01", 1);
    trainee(r1, "2025-10-01", 1);
    trainee(r1, "2026-06-01", 0);  // withdrawn
    visit(r1, "2026-06-01");
    visit(r1, "2027-01-04");
    // The recipient's volumes: two months in each year, so the growth is comparable.
    stat(seed.township_a1, "2025-01", 100, 3);
    stat(seed.township_a1, "2025-02", 100, 4);
    stat(seed.township_a1, "2026-01", 120, 5);
    stat(seed.township_a1, "2026-02", 130, 6);

    // R2: the city hospital at county A's hospital, one lecture; no volumes reported.
    int64_t zhou = staff(seed.city_hospital, "周八");
    int64_t b1 = assignment(r2, zhou, seed.city_hospital, seed.county_a_hospital, "2026-04-01", "2026-09-30");
    presence(b1, "2026-04-01", "am");
    activity(b1, "2026-04-01", "lecture", 50);

    // R3: county B, outside bureau A's region.
    int64_t c1 = assignment(r3, seed.staff_b, seed.county_b_hospital, seed.township_b1, "2026-04-01", "2026-09-30");
    presence(c1, "2026-04-01", "am");
    activity(c1, "2026-04-01", "surgery", 9);
  }

  int64_t relationship(int64_t supporting, int64_t recipient, const char* tier) {
    return db->insert("INSERT INTO support_relationship (supporting_institution_id, recipient_institution_id, tier, "
                      "start_date, end_date, status, preset_id, created_at, updated_at) VALUES (?, ?, ?, '2025-01-01', "
                      "'2027-12-31', 'filed', 'huang-2013', 'x', 'x')",
                      {supporting, recipient, tier});
  }
  int64_t staff(int64_t institution, const char* name) {
    return db->insert("INSERT INTO staff (institution_id, name, sex, birth_date, profession, title_code, title_level, "
                      "created_at, updated_at) VALUES (?, ?, '1', '1980-01-01', 'clinical', '233', 'intermediate', 'x', "
                      "'x')",
                      {institution, name});
  }
  int64_t assignment(int64_t rel, int64_t person, int64_t home, int64_t recipient, const char* start, const char* end,
                     const char* status = "active") {
    return db->insert("INSERT INTO assignment (relationship_id, staff_id, home_institution_id, recipient_institution_id, "
                      "level, role, planned_start, planned_end, status, created_at, updated_at) VALUES (?, ?, ?, ?, "
                      "'township', 'resident', ?, ?, ?, 'x', 'x')",
                      {rel, person, home, recipient, start, end, status});
  }
  void presence(int64_t a, const char* day, const char* half, const char* status = "present", int active = 1) {
    db->exec("INSERT INTO presence (assignment_id, day, half, status, confirmed, active, created_at, updated_at) "
             "VALUES (?, ?, ?, ?, 1, ?, 'x', 'x')",
             {a, day, half, status, active});
  }
  void activity(int64_t a, const char* day, const char* kind, int quantity, double amount = 0, int active = 1) {
    db->exec("INSERT INTO activity (assignment_id, day, kind, title, quantity, amount, active, created_at, updated_at) "
             "VALUES (?, ?, ?, 't', ?, ?, ?, 'x', 'x')",
             {a, day, kind, quantity, amount, active});
  }
  void trainee(int64_t rel, const char* start, int active) {
    db->exec("INSERT INTO trainee (relationship_id, staff_id, host_institution_id, start_date, end_date, active, "
             "created_at, updated_at) VALUES (?, ?, ?, ?, '2026-12-31', ?, 'x', 'x')",
             {rel, seed.staff_township_a1, seed.county_a_hospital, start, active});
  }
  void visit(int64_t rel, const char* day) {
    db->exec("INSERT INTO leadership_visit (relationship_id, day, leader, created_at, updated_at) VALUES (?, ?, '院长', "
             "'x', 'x')",
             {rel, day});
  }
  void stat(int64_t institution, const char* month, int outpatient, int inpatient) {
    db->exec("INSERT INTO operating_stat (institution_id, month, outpatient_visits, inpatient_admissions, created_at, "
             "updated_at) VALUES (?, ?, ?, ?, 'x', 'x')",
             {institution, month, outpatient, inpatient});
  }
  static const json* item(const json& body, int64_t rel) {
    for (const auto& i : body["items"])
      if (i["relationship_id"] == rel) return &i;
    return nullptr;
  }

  int64_t r1 = 0, r2 = 0, r3 = 0;
};

TEST_F(AnnualSummary, EachFigureCountsItsYearsActiveRecordsPerRelationship) {
  auto r = get("/api/v1/support/annual-summary?year=2026", "bureau_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  ASSERT_EQ(r.body["items"].size(), 2u) << r.raw;
  const json* one = item(r.body, r1);
  ASSERT_NE(one, nullptr) << r.raw;
  const json& a = *one;
  EXPECT_EQ(a["supporting"], "历下区人民医院") << a;
  EXPECT_EQ(a["staff_dispatched"], 1) << "张三 once, the cancelled 孙七 not at all";
  EXPECT_EQ(a["days_on_site"], 3) << "1 Jan (two halves), 2 and 3 Mar; not 31 Dec, the leave or the withdrawn day";
  EXPECT_EQ(a["lectures"], 1);
  EXPECT_EQ(a["lecture_attendees"], 15);
  EXPECT_EQ(a["surgeries"], 3);
  EXPECT_EQ(a["teaching_rounds"], 1);
  EXPECT_EQ(a["patients"], 37);
  EXPECT_EQ(a["case_discussions"], 1);
  EXPECT_EQ(a["new_techniques"], 1);
  EXPECT_EQ(a["donations"], 1);
  EXPECT_DOUBLE_EQ(a["donation_value"].get<double>(), 1500.5);
  EXPECT_EQ(a["trainees"], 1);
  EXPECT_EQ(a["leadership_visits"], 1);
  EXPECT_EQ(a["recipient_outpatient_visits"], 250);
  EXPECT_EQ(a["recipient_inpatient_admissions"], 11);
  EXPECT_DOUBLE_EQ(a["recipient_outpatient_growth_pct"].get<double>(), 25.0);

  const json* two = item(r.body, r2);
  ASSERT_NE(two, nullptr) << r.raw;
  EXPECT_EQ((*two)["staff_dispatched"], 1);
  EXPECT_EQ((*two)["days_on_site"], 1);
  EXPECT_EQ((*two)["lectures"], 1);
  EXPECT_EQ((*two)["lecture_attendees"], 50);
  EXPECT_EQ((*two)["surgeries"], 0);
  EXPECT_EQ((*two)["recipient_outpatient_visits"], 0);
  EXPECT_TRUE((*two)["recipient_outpatient_growth_pct"].is_null()) << "no volumes, no growth";

  const auto& t = r.body["totals"];
  EXPECT_EQ(t["staff_dispatched"], 2);
  EXPECT_EQ(t["days_on_site"], 4);
  EXPECT_EQ(t["lectures"], 2);
  EXPECT_EQ(t["lecture_attendees"], 65);
  EXPECT_EQ(t["surgeries"], 3) << "county B's 9 are not bureau A's";
  EXPECT_DOUBLE_EQ(t["donation_value"].get<double>(), 1500.5);
}

TEST_F(AnnualSummary, TheYearBeforeGetsItsSideOfTheNewYearWeek) {
  auto r = get("/api/v1/support/annual-summary?year=2025&relationship_id=" + std::to_string(r1), "bureau_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  ASSERT_EQ(r.body["items"].size(), 1u) << r.raw;
  const auto& a = r.body["items"][0];
  EXPECT_EQ(a["staff_dispatched"], 1);
  EXPECT_EQ(a["days_on_site"], 1) << "31 Dec only";
  EXPECT_EQ(a["lectures"], 1);
  EXPECT_EQ(a["lecture_attendees"], 30);
  EXPECT_EQ(a["teaching_rounds"], 0);
  EXPECT_EQ(a["trainees"], 1);
  EXPECT_EQ(a["recipient_outpatient_visits"], 200);
  EXPECT_TRUE(a["recipient_outpatient_growth_pct"].is_null()) << "2024 has no volumes";
}

TEST_F(AnnualSummary, FiltersAndScopeNarrowTheRelationships) {
  EXPECT_EQ(get("/api/v1/support/annual-summary?year=2026", "admin").body["items"].size(), 3u);
  auto city = get("/api/v1/support/annual-summary?year=2026&supporting_institution_id=" +
                      std::to_string(seed.city_hospital), "admin");
  ASSERT_EQ(city.body["items"].size(), 1u) << city.raw;
  EXPECT_EQ(city.body["items"][0]["relationship_id"], r2);
  auto b = get("/api/v1/support/annual-summary?year=2026", "bureau_b");
  ASSERT_EQ(b.body["items"].size(), 1u) << b.raw;
  EXPECT_EQ(b.body["totals"]["surgeries"], 9);
  // Bureau B asking for a relationship of county A gets nothing of it.
  auto other = get("/api/v1/support/annual-summary?year=2026&relationship_id=" + std::to_string(r1), "bureau_b");
  EXPECT_EQ(other.body["items"].size(), 0u) << other.raw;
  EXPECT_EQ(other.body["totals"]["days_on_site"], 0);
  EXPECT_EQ(get("/api/v1/support/annual-summary?year=2026&relationship_id=x", "admin").status, 400);
}

}  // namespace
}  // namespace yilian::testing

namespace yilian::testing {

// A report narrowed by an id that is not one answers 400 naming the parameter, never 500.
TEST_F(ApiTest, ReportsRefuseAMalformedIdByName) {
  const std::pair<const char*, const char*> cases[] = {
      {"/api/v1/support/annual-summary?year=2026&relationship_id=x", "relationship_id"},
      {"/api/v1/support/annual-summary?year=2026&supporting_institution_id=0", "supporting_institution_id"},
      {"/api/v1/promotion-ledger?year=2026&institution_id=1x", "institution_id"},
      {"/api/v1/fee-statements?month=2026-03&institution_id=-4", "institution_id"},
      {"/api/v1/rounds/plan-vs-actual?region=370102&week=2026-W28&team_id=abc", "team_id"},
      {"/api/v1/compliance?staff_id=%E5%BC%A0", "staff_id"},
  };
  for (const auto& [target, field] : cases) {
    auto r = get(target, "admin");
    EXPECT_EQ(r.status, 400) << target << " " << r.raw;
    EXPECT_EQ(r.body["error"]["field"], field) << target;
    EXPECT_NE(r.body["error"]["message"].get<std::string>().find("正整数"), std::string::npos) << r.raw;
  }
}

}  // namespace yilian::testing

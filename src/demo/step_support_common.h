// Shared by the counterpart-support steps (step_support_*.cpp): the demo's support
// calendar, lookups over what the earlier steps created, and the tables that say which
// doctor fits which department. Nothing here writes to the database.
#pragma once
#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "demo/generator.h"
#include "demo/random.h"

namespace yilian::demo::support_data {

// The support year the demo shows, the year before it (growth baselines), and the day
// the demo stands on: nothing after it is recorded as having happened.
inline constexpr int kYear = 2026;
inline constexpr int kBaselineYear = 2025;
inline constexpr const char* kToday = "2026-11-20";

// The shipped policy presets (policies/*.toml) each tier is checked against.
inline constexpr const char* kCityCountyPreset = "huang-2013";
inline constexpr const char* kCountyTownshipPreset = "county-support-2016";
inline constexpr const char* kTownshipVillagePreset = "rounds-dispatch-2023";

using Day = std::chrono::sys_days;
Day day(std::string_view iso);  // "YYYY-MM-DD"
std::string iso(Day d);
int weekday(Day d);  // 0 Monday … 6 Sunday
// A working day of the shipped national calendar: Monday to Friday, except the State
// Council's holidays, plus its 调休 weekend days (calendars/, calendar/holidays.h).
bool is_workday(Day d);
Day monday_of(Day d);
Day today();
// "2026-03-01" + n months, clamped to the month's last day.
Day add_months(Day d, int months);

// Rough families of clinical departments, for teams (内、外、妇/儿/麻) and for matching a
// doctor to a department of the recipient.
enum class Family { internal, surgical, women_children, anaesthesia, emergency, tcm, rehabilitation, general, other };
Family family_of(const std::string& department_name);

char title_grade(const DemoStaff& s);  // '1' 正高 … '5' 士, '0' none
bool is_doctor(const DemoStaff& s);    // clinical profession with a physician title
// Whom a supporting institution may dispatch: doctors of its clinical departments, with
// `nurses` their nurses too; with `public_health` (a CDC, V5) the public-health
// physicians of its public-health departments instead.
bool sendable(const DemoStaff& s, const DemoDepartment* dept, bool nurses, bool public_health);

// Lookups over DemoData, built once per step.
class Directory {
 public:
  explicit Directory(const DemoData& d);

  const DemoInstitution& institution(int64_t id) const { return d_.institutions[institution_index_.at(id)]; }
  const std::vector<const DemoStaff*>& staff_of(int64_t institution_id) const;
  const DemoDepartment* department(int64_t id) const;
  const std::string& department_name(int64_t id) const;
  const std::vector<const DemoDepartment*>& departments_of(int64_t institution_id) const;
  const DemoCity* city_of(const DemoCounty& c) const;
  std::vector<const DemoTownship*> townships_of(const DemoCounty& c) const;
  std::vector<const DemoVillage*> villages_of(const DemoTownship& t) const;
  const DemoStaff* staff(int64_t id) const;
  // The head of an institution: its most senior doctor (a township 院长 is a physician).
  const DemoStaff* director_of(int64_t institution_id) const;
  // The recipient's department a doctor of `family` works in; "" when it has no clinical one.
  std::string matching_department(int64_t recipient_id, Family family) const;

 private:
  const DemoData& d_;
  std::unordered_map<int64_t, size_t> institution_index_;
  std::unordered_map<int64_t, std::vector<const DemoStaff*>> staff_by_institution_;
  std::unordered_map<int64_t, const DemoStaff*> staff_by_id_;
  std::unordered_map<int64_t, const DemoDepartment*> department_by_id_;
  std::unordered_map<int64_t, std::vector<const DemoDepartment*>> departments_by_institution_;
  std::map<std::string, std::vector<const DemoTownship*>> townships_by_county_;
  std::map<std::string, std::vector<const DemoVillage*>> villages_by_township_;
};

// Whether a breach is already planted at this recipient: the steps spread theirs over
// different places where they can, so each shows on its own.
bool has_breach(const DemoData& d, int64_t institution_id);

// One month of an institution's operating statistics (R6): a deterministic model with
// seasons and 2026 growth, shared by the ledger step (which stores it) and the
// agreements (whose targets start from the 2025 totals).
struct OperatingMonth {
  int64_t outpatient_visits = 0, inpatient_admissions = 0, surgeries = 0, cases = 0;
  double revenue = 0, cost = 0, bed_occupancy_rate = 0;
};
OperatingMonth operating_month(uint64_t seed, const DemoInstitution& inst, int year, int month);
int64_t yearly_outpatient_visits(uint64_t seed, const DemoInstitution& inst, int year);

template <typename T>
const T& pick(Random& rng, const std::vector<T>& items) {
  return items[rng.below(items.size())];
}

// "2026-03-05T00:41:09Z": a moment on `day` at local (UTC+8) hour and minute.
std::string local_time(Day d, int hour, int minute, int second = 0);

}  // namespace yilian::demo::support_data

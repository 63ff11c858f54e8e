#include "demo/step_support_common.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <unordered_map>

#include "calendar/holidays.h"

namespace yilian::demo::support_data {

using namespace std::chrono;

Day day(std::string_view s) {
  int y = 0;
  unsigned m = 0, dd = 0;
  if (s.size() != 10 || std::sscanf(std::string(s).c_str(), "%d-%u-%u", &y, &m, &dd) != 3)
    throw std::logic_error("support demo: not a date: " + std::string(s));
  return sys_days{year{y} / month{m} / ::std::chrono::day{dd}};
}

std::string iso(Day d) {
  year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

int weekday(Day d) { return static_cast<int>(std::chrono::weekday{d}.iso_encoding()) - 1; }

// The national calendar the database gets (calendar/holidays.h): the demo's people stay
// home on 国庆 and 春节 and work the 调休 Saturdays, as the rules expect.
bool is_workday(Day d) {
  static const std::unordered_map<int64_t, bool> exceptions = [] {
    std::unordered_map<int64_t, bool> m;
    for (const auto& n : calendar::shipped_notices())
      for (const auto& x : n.days) m[day(x.day).time_since_epoch().count()] = x.working;
    return m;
  }();
  auto it = exceptions.find(d.time_since_epoch().count());
  return it != exceptions.end() ? it->second : weekday(d) < 5;
}

Day monday_of(Day d) { return d - days{weekday(d)}; }

Day today() { return day(kToday); }

Day add_months(Day d, int n) {
  year_month_day ymd{d};
  year_month ym = year_month{ymd.year(), ymd.month()} + months{n};
  auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  return sys_days{ym.year() / ym.month() / std::min(ymd.day(), last)};
}

std::string local_time(Day d, int hour, int minute, int second) {
  // Stored in UTC: local 08:41 in China is 00:41Z the same day (hours before 08 fall on the day before).
  auto t = sys_seconds{d} + hours{hour - 8} + minutes{minute} + seconds{second};
  Day date = floor<days>(t);
  auto rest = duration_cast<seconds>(t - date).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lldZ", iso(date).c_str(), static_cast<long long>(rest / 3600),
                static_cast<long long>(rest / 60 % 60), static_cast<long long>(rest % 60));
  return buf;
}

Family family_of(const std::string& name) {
  auto has = [&](const char* part) { return name.find(part) != std::string::npos; };
  if (has("麻醉")) return Family::anaesthesia;
  if (has("急诊") || has("重症")) return Family::emergency;
  if (has("康复") || has("针灸")) return Family::rehabilitation;
  if (has("妇") || has("儿") || has("产")) return Family::women_children;
  if (has("外科") || has("骨") || has("眼科") || has("耳鼻") || has("口腔")) return Family::surgical;
  if (has("内科") || has("感染") || has("肿瘤") || has("皮肤")) return Family::internal;
  if (has("中医") || has("治未病")) return Family::tcm;
  if (has("全科")) return Family::general;
  return Family::other;
}

char title_grade(const DemoStaff& s) { return s.title_code.size() == 3 ? s.title_code[2] : '0'; }

bool is_doctor(const DemoStaff& s) { return s.profession == "clinical" && s.title_code.rfind("23", 0) == 0; }

bool sendable(const DemoStaff& s, const DemoDepartment* dept, bool nurses, bool public_health) {
  if (!dept) return false;
  if (public_health)
    return dept->role == DepartmentRole::public_health && s.profession == "public_health" &&
           s.title_code.rfind("23", 0) == 0;
  return dept->role == DepartmentRole::clinical && (is_doctor(s) || (nurses && s.profession == "nursing"));
}

Directory::Directory(const DemoData& d) : d_(d) {
  for (size_t i = 0; i < d.institutions.size(); ++i) institution_index_[d.institutions[i].id] = i;
  for (const auto& s : d.staff) {
    staff_by_institution_[s.institution_id].push_back(&s);
    staff_by_id_[s.id] = &s;
  }
  for (const auto& dept : d.departments) {
    department_by_id_[dept.id] = &dept;
    departments_by_institution_[dept.institution_id].push_back(&dept);
  }
  for (const auto& t : d.townships) townships_by_county_[t.county_code].push_back(&t);
  for (const auto& v : d.villages) villages_by_township_[v.township_code].push_back(&v);
}

const std::vector<const DemoStaff*>& Directory::staff_of(int64_t institution_id) const {
  static const std::vector<const DemoStaff*> none;
  auto it = staff_by_institution_.find(institution_id);
  return it == staff_by_institution_.end() ? none : it->second;
}

const DemoStaff* Directory::staff(int64_t id) const {
  auto it = staff_by_id_.find(id);
  return it == staff_by_id_.end() ? nullptr : it->second;
}

const DemoDepartment* Directory::department(int64_t id) const {
  auto it = department_by_id_.find(id);
  return it == department_by_id_.end() ? nullptr : it->second;
}

const std::string& Directory::department_name(int64_t id) const {
  static const std::string none;
  const DemoDepartment* dept = department(id);
  return dept ? dept->name : none;
}

const std::vector<const DemoDepartment*>& Directory::departments_of(int64_t institution_id) const {
  static const std::vector<const DemoDepartment*> none;
  auto it = departments_by_institution_.find(institution_id);
  return it == departments_by_institution_.end() ? none : it->second;
}

const DemoCity* Directory::city_of(const DemoCounty& c) const {
  for (const auto& city : d_.cities)
    if (city.code == c.city_code) return &city;
  return nullptr;
}

std::vector<const DemoTownship*> Directory::townships_of(const DemoCounty& c) const {
  auto it = townships_by_county_.find(c.code);
  return it == townships_by_county_.end() ? std::vector<const DemoTownship*>{} : it->second;
}

std::vector<const DemoVillage*> Directory::villages_of(const DemoTownship& t) const {
  auto it = villages_by_township_.find(t.code);
  return it == villages_by_township_.end() ? std::vector<const DemoVillage*>{} : it->second;
}

const DemoStaff* Directory::director_of(int64_t institution_id) const {
  const DemoStaff* best = nullptr;
  for (const DemoStaff* s : staff_of(institution_id)) {
    if (!is_doctor(*s)) continue;
    if (!best || title_grade(*s) < title_grade(*best)) best = s;
  }
  if (!best && !staff_of(institution_id).empty()) best = staff_of(institution_id).front();
  return best;
}

std::string Directory::matching_department(int64_t recipient_id, Family family) const {
  // Where a doctor of one family works when the recipient has no department of it.
  static const std::map<Family, std::vector<Family>> fallbacks = {
      {Family::internal, {Family::general, Family::tcm}},
      {Family::surgical, {Family::general, Family::internal}},
      {Family::women_children, {Family::general, Family::internal}},
      {Family::anaesthesia, {Family::surgical, Family::general}},
      {Family::emergency, {Family::internal, Family::general}},
      {Family::tcm, {Family::internal, Family::general}},
      {Family::rehabilitation, {Family::tcm, Family::general, Family::internal}},
      {Family::general, {Family::internal, Family::tcm}},
      {Family::other, {Family::general, Family::internal}},
  };
  std::vector<Family> wanted = {family};
  for (Family f : fallbacks.at(family)) wanted.push_back(f);
  const DemoDepartment* first_clinical = nullptr;
  for (Family f : wanted) {
    for (const DemoDepartment* dept : departments_of(recipient_id)) {
      if (dept->role != DepartmentRole::clinical) continue;
      if (!first_clinical) first_clinical = dept;
      if (family_of(dept->name) == f) return dept->name;
    }
  }
  return first_clinical ? first_clinical->name : "";
}

bool has_breach(const DemoData& d, int64_t institution_id) {
  for (const auto& b : d.breaches)
    if (b.institution_id == institution_id) return true;
  return false;
}

}  // namespace yilian::demo::support_data

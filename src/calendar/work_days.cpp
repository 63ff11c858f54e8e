#include "calendar/work_days.h"

#include <algorithm>

#include "calendar/date.h"
#include "common/region_code.h"

namespace yilian::calendar {

WorkDays WorkDays::load(store::Db& db, const std::string& from, const std::string& to) {
  WorkDays w;
  w.from_ = from;
  w.to_ = std::max(from, to);
  w.day0_ = day_number(from);
  const int n = day_number(w.to_) - w.day0_ + 1;
  w.national_.resize(n);
  for (int i = 0; i < n; ++i) w.national_[i] = weekday(date_from_day_number(w.day0_ + i)) <= 5;
  for (const auto& row : db.query("SELECT day, working FROM work_calendar WHERE day >= ? AND day <= ?", {from, w.to_}).rows)
    w.national_[w.index_of(row[0].as_text())] = row[1].as_int() != 0;
  for (const auto& row :
       db.query("SELECT region_code, day, working FROM calendar_exception WHERE region_code <> '' AND day >= ? AND day <= ?",
                {from, w.to_})
           .rows)
    w.regional_.push_back({common::region_prefix(row[0].as_text()), w.index_of(row[1].as_text()),
                           static_cast<uint8_t>(row[2].as_int() != 0)});
  std::stable_sort(w.regional_.begin(), w.regional_.end(),
                   [](const Exception& a, const Exception& b) { return a.prefix.size() < b.prefix.size(); });
  return w;
}

int WorkDays::index_of(const std::string& day) const { return day_number(day) - day0_; }

const std::vector<uint8_t>& WorkDays::of(const std::string& region_code) const {
  if (regional_.empty()) return national_;
  std::string key;
  for (const auto& e : regional_)
    if (region_code.rfind(e.prefix, 0) == 0 && key.find("|" + e.prefix + "|") == std::string::npos) key += "|" + e.prefix + "|";
  if (key.empty()) return national_;
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  std::vector<uint8_t> days = national_;
  for (const auto& e : regional_)
    if (region_code.rfind(e.prefix, 0) == 0) days[e.index] = e.working;
  return cache_.emplace(key, std::move(days)).first->second;
}

bool WorkDays::working(const std::string& region_code, const std::string& day) const {
  int i = index_of(day);
  if (i < 0 || i >= size()) return weekday(day) <= 5;
  return of(region_code)[i] != 0;
}

int WorkDays::count(const std::string& region_code, const std::string& from, const std::string& to) const {
  const auto& days = of(region_code);
  int a = std::max(0, index_of(std::max(from, from_))), b = std::min(size() - 1, index_of(std::min(to, to_)));
  int n = 0;
  for (int i = a; i <= b; ++i) n += days[i];
  return n;
}

std::vector<std::string> WorkDays::list(const std::string& region_code, const std::string& from,
                                        const std::string& to) const {
  const auto& days = of(region_code);
  std::vector<std::string> out;
  int a = std::max(0, index_of(std::max(from, from_))), b = std::min(size() - 1, index_of(std::min(to, to_)));
  for (int i = a; i <= b; ++i)
    if (days[i]) out.push_back(date_from_day_number(day0_ + i));
  return out;
}

}  // namespace yilian::calendar

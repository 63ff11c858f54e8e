// The working days every rule counts (D2, D4, D7 allowances, V2, V4, the round planner):
// the national calendar — work_calendar, weekends off and the State Council's notices
// applied (holidays.h) — and each region's own exceptions (calendar_exception rows with
// a region code: an autonomous region's festival, a county's local arrangement). For a
// region the most specific exception wins: a county's over its province's over the
// national calendar. Loaded once per evaluation for a span of days; lookups are vectors.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store/db.h"

namespace yilian::calendar {

class WorkDays {
 public:
  // Days outside 2015–2035 (the work_calendar table) follow the weekday rule.
  static WorkDays load(store::Db& db, const std::string& from, const std::string& to);

  const std::string& from() const { return from_; }
  const std::string& to() const { return to_; }
  int size() const { return static_cast<int>(national_.size()); }
  int index_of(const std::string& day) const;  // may be outside [0, size())

  // 1 for each working day of the region's calendar, index 0 = from(). Regions without
  // exceptions of their own share the national vector.
  const std::vector<uint8_t>& of(const std::string& region_code) const;
  bool working(const std::string& region_code, const std::string& day) const;
  // Working days of the region within [from, to] ∩ the loaded span.
  int count(const std::string& region_code, const std::string& from, const std::string& to) const;
  std::vector<std::string> list(const std::string& region_code, const std::string& from, const std::string& to) const;

 private:
  struct Exception {
    std::string prefix;  // significant digits of the region
    int index = 0;
    uint8_t working = 0;
  };
  std::string from_, to_;
  int day0_ = 0;
  std::vector<uint8_t> national_;
  std::vector<Exception> regional_;  // shorter prefixes first, so later ones override
  mutable std::map<std::string, std::vector<uint8_t>> cache_;  // by the prefixes that apply
};

}  // namespace yilian::calendar

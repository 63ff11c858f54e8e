// The presence the presence rules (D2, D4, D10) judge, read once per evaluation from
// presence_week (support/presence_week.h): one entry per assignment and ISO week with
// the half-days of each weekday packed. The rules work on those weeks directly: at
// province scale (≈14 M half-days) anything per half-day or per day with string keys
// costs seconds.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "compliance/context.h"

namespace yilian::compliance {

struct PresenceWeek {
  int64_t assignment = 0, relationship = 0, staff = 0;
  int week = 0;      // index into PresenceWeeks::mondays
  int64_t days = 0;  // packed as presence_week.days; days outside the period cleared
};

struct PresenceWeeks {
  // Every Monday from the week of e.request.from to the week of e.last_day, ascending:
  // weeks without presence are still here, so a week index names any week of the period.
  std::vector<std::string> mondays;
  std::vector<PresenceWeek> rows;  // active assignments under the evaluated relationships,
                                   // ordered by assignment, then week
  int first_day = 0, last_day = 0;  // calendar::day_number of the period's ends

  int day_number(int week, int weekday) const { return day0 + 7 * week + weekday; }
  std::string date(int week, int weekday) const;  // "YYYY-MM-DD"
  int week_of(const std::string& date) const;    // index; may be outside [0, mondays.size())

 private:
  friend PresenceWeeks load_presence_weeks(Evaluation& e);
  int day0 = 0;  // day number of mondays[0]
};

// Present half-days in [e.request.from, e.last_day] of every active assignment under the
// evaluated relationships (not only a person asked for: daily coverage and headcount
// count everyone on site).
PresenceWeeks load_presence_weeks(Evaluation& e);

}  // namespace yilian::compliance

// Calendar arithmetic on "YYYY-MM-DD" dates: day numbers, weekdays and ISO weeks.
// Weekly rules (D4, V2, the weekly table V7) count Monday–Sunday ISO weeks.
#pragma once
#include <string>

namespace yilian::calendar {

// Days since 1970-01-01 for a valid date (proleptic Gregorian).
int day_number(const std::string& date);
std::string date_from_day_number(int n);
std::string add_days(const std::string& date, int days);
int days_between(const std::string& from, const std::string& to);  // to - from
int weekday(const std::string& date);  // 1 = Monday … 7 = Sunday

struct IsoWeek {
  int year = 0;
  int week = 0;
  std::string label() const;  // "2026-W28"
  std::string monday() const;
  std::string sunday() const;
};
IsoWeek iso_week(const std::string& date);
// Parses "2026-W28"; false when malformed or the week does not exist.
bool parse_iso_week(const std::string& label, IsoWeek& out);

// Whole months between two dates, counting a partial month when at least `min_days` of
// it are covered: 2026-01-01..2026-06-30 is 6.
double months_between(const std::string& from, const std::string& to);

}  // namespace yilian::calendar

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

// Calendar months, the one arithmetic every rule and report uses (D1 age, D3 terms,
// D5 service, T1 stays), so two of them can never disagree about one record.
//
// The same day `months` later (or earlier), clamped to the month's end:
// 2026-01-31 + 1 = 2026-02-28, 2024-02-29 + 12 = 2025-02-28.
std::string add_months(const std::string& date, int months);
// Whole months served from `from` to `to`, both days included: the largest n with
// add_months(from, n) - 1 day <= to. 2026-01-01..2026-06-30 is 6; ..2026-06-29 is 5;
// 0 when `to` is before `from`.
int served_months(const std::string& from, const std::string& to);
// Age in whole years (周岁) on `day`: it goes up on the birthday. Someone born on
// 29 February has their birthday on 1 March in other years. -1 when `day` is before
// the birth date.
int age_on(const std::string& birth_date, const std::string& day);

}  // namespace yilian::calendar

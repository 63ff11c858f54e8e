#include "calendar/date.h"

#include <algorithm>
#include <cstdio>

#include "common/clock.h"

namespace yilian::calendar {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
int days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(int z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

}  // namespace

int day_number(const std::string& date) {
  int y, m, d;
  if (!common::parse_date(date, y, m, d)) return 0;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string date_from_day_number(int n) {
  int y;
  unsigned m, d;
  civil_from_days(n, y, m, d);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

std::string add_days(const std::string& date, int days) { return date_from_day_number(day_number(date) + days); }

int days_between(const std::string& from, const std::string& to) { return day_number(to) - day_number(from); }

int weekday(const std::string& date) {
  int n = day_number(date);  // 1970-01-01 was a Thursday (4)
  int w = ((n % 7) + 7 + 3) % 7;  // 0 = Monday
  return w + 1;
}

std::string IsoWeek::label() const {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
  return buf;
}

std::string IsoWeek::monday() const {
  // Week 1 is the week with the year's first Thursday; its Monday is Jan 4 minus (weekday-1).
  char jan4[48];
  std::snprintf(jan4, sizeof jan4, "%04d-01-04", year);
  std::string first_monday = add_days(jan4, -(weekday(jan4) - 1));
  return add_days(first_monday, (week - 1) * 7);
}

std::string IsoWeek::sunday() const { return add_days(monday(), 6); }

IsoWeek iso_week(const std::string& date) {
  std::string thursday = add_days(date, 4 - weekday(date));
  IsoWeek w;
  w.year = std::stoi(thursday.substr(0, 4));
  char jan1[48];
  std::snprintf(jan1, sizeof jan1, "%04d-01-01", w.year);
  w.week = days_between(jan1, thursday) / 7 + 1;
  return w;
}

bool parse_iso_week(const std::string& label, IsoWeek& out) {
  int y = 0, w = 0;
  char tail = 0;
  if (label.size() != 8 || std::sscanf(label.c_str(), "%4d-W%2d%c", &y, &w, &tail) != 2) return false;
  if (y < 1900 || y > 2200 || w < 1 || w > 53) return false;
  IsoWeek candidate{y, w};
  if (iso_week(candidate.monday()).week != w) return false;  // week 53 exists only in some years
  out = candidate;
  return true;
}

std::string add_months(const std::string& date, int months) {
  int y, m, d;
  if (!common::parse_date(date, y, m, d)) return date;
  int total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  d = std::min(d, days[m - 1] + (m == 2 && leap ? 1 : 0));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int served_months(const std::string& from, const std::string& to) {
  if (to < from) return 0;
  // A first guess from the year and month, then the exact boundary.
  int n = (std::stoi(to.substr(0, 4)) - std::stoi(from.substr(0, 4))) * 12 + std::stoi(to.substr(5, 2)) -
          std::stoi(from.substr(5, 2)) + 1;
  while (n > 0 && add_days(add_months(from, n), -1) > to) --n;
  return n;
}

int age_on(const std::string& birth_date, const std::string& day) {
  if (day < birth_date) return -1;
  int age = std::stoi(day.substr(0, 4)) - std::stoi(birth_date.substr(0, 4));
  std::string birthday = birth_date.substr(5);  // "MM-DD"
  std::string today = day.substr(5);
  int year = std::stoi(day.substr(0, 4));
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (birthday == "02-29" && !leap) birthday = "03-01";
  if (today < birthday) --age;
  return age;
}

}  // namespace yilian::calendar

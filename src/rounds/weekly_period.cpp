#include "rounds/weekly_period.h"

#include <cstdio>

#include "common/clock.h"
#include "common/error.h"

namespace yilian::rounds {

calendar::IsoWeek requested_week(api::Context& ctx, const std::string& key) {
  std::string v = ctx.req.query_or(key);
  if (v.empty()) return calendar::iso_week(calendar::add_days(common::today(), -7));
  if (common::is_valid_date(v)) return calendar::iso_week(v);
  calendar::IsoWeek w;
  if (!calendar::parse_iso_week(v, w)) common::bad_request("bad_query", "周次格式须为2026-W28或该周内的日期", key);
  return w;
}

calendar::IsoWeek parse_week_or_fail(const std::string& label, const std::string& field) {
  calendar::IsoWeek w;
  if (!calendar::parse_iso_week(label, w)) common::invalid(field, "周次格式须为2026-W28");
  return w;
}

std::string period_label(const calendar::IsoWeek& week) {
  int y1, m1, d1, y2, m2, d2;
  common::parse_date(week.monday(), y1, m1, d1);
  common::parse_date(week.sunday(), y2, m2, d2);
  std::string from = std::to_string(y1) + "年" + std::to_string(m1) + "月" + std::to_string(d1) + "日";
  std::string to = (y2 != y1 ? std::to_string(y2) + "年" : "") + std::to_string(m2) + "月" + std::to_string(d2) + "日";
  return from + "至" + to;
}

Deadline deadline_of(const calendar::IsoWeek& week, int due_weekday, const std::string& due_time) {
  std::string day = calendar::add_days(week.sunday(), due_weekday);
  int hh = std::stoi(due_time.substr(0, 2)), mm = std::stoi(due_time.substr(3, 2));
  // China has one time zone, UTC+8, without daylight saving.
  int minutes = hh * 60 + mm - 8 * 60;
  std::string utc_day = day;
  if (minutes < 0) {
    minutes += 24 * 60;
    utc_day = calendar::add_days(day, -1);
  }
  char utc[32];
  std::snprintf(utc, sizeof utc, "%sT%02d:%02d:00Z", utc_day.c_str(), minutes / 60, minutes % 60);
  return {day + " " + due_time, utc};
}

std::optional<Deadline> weekly_deadline(const calendar::IsoWeek& week, const RoundsPolicy& policy) {
  auto weekday = policy.number("weekly_report.due_weekday");
  auto time = policy.text("weekly_report.due_time");
  if (!weekday || !time) return std::nullopt;
  return deadline_of(week, static_cast<int>(*weekday), *time);
}

}  // namespace yilian::rounds

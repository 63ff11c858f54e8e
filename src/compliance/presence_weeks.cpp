#include "compliance/presence_weeks.h"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <unordered_map>

#include "calendar/date.h"
#include "support/presence_week.h"

namespace yilian::compliance {
namespace {

// Clears weekdays [0, from) and (to, 6] of a packed week.
int64_t keep_weekdays(int64_t days, int from, int to) {
  int64_t mask = 0;
  for (int i = from; i <= to; ++i) mask |= int64_t{0xF} << (support::kPresenceWeekdayBits * i);
  return days & mask;
}

}  // namespace

std::string PresenceWeeks::date(int week, int weekday) const {
  return calendar::date_from_day_number(day_number(week, weekday));
}

int PresenceWeeks::week_of(const std::string& d) const {
  int n = calendar::day_number(d) - day0;
  return n >= 0 ? n / 7 : -((6 - n) / 7);
}

PresenceWeeks load_presence_weeks(Evaluation& e) {
  PresenceWeeks out;
  if (e.last_day < e.request.from) return out;
  std::string first_monday = calendar::iso_week(e.request.from).monday();
  std::string last_monday = calendar::iso_week(e.last_day).monday();
  out.day0 = calendar::day_number(first_monday);
  out.first_day = calendar::day_number(e.request.from);
  out.last_day = calendar::day_number(e.last_day);
  for (std::string m = first_monday; m <= last_monday; m = calendar::add_days(m, 7)) out.mondays.push_back(m);
  if (e.relationships.empty()) return out;

  // Keys view out.mondays, which is complete here and not changed again.
  std::unordered_map<std::string_view, int> week_index;
  for (size_t i = 0; i < out.mondays.size(); ++i) week_index[out.mondays[i]] = static_cast<int>(i);
  const int last_week = static_cast<int>(out.mondays.size()) - 1;
  const int first_weekday = out.first_day - out.day0;           // 0 … 6
  const int last_weekday = out.last_day - out.day0 - 7 * last_week;

  store::Params params;
  std::string in = e.relationship_in("a.relationship_id", params);
  params.push_back(first_monday);
  params.push_back(last_monday);
  // One row per assignment with its weeks packed "monday:days,…": fetching a province's
  // ≈1.5 M weeks as rows costs PostgreSQL's client more than reading them.
  const bool sqlite = e.db.backend() == store::Backend::sqlite;
  std::string packed = sqlite ? "GROUP_CONCAT(w.monday || ':' || w.days, ',')"
                              : "STRING_AGG(w.monday || ':' || w.days, ',')";
  auto rows = e.db.query("SELECT a.id, a.relationship_id, a.staff_id, " + packed +
                             " FROM assignment a JOIN presence_week w ON w.assignment_id = a.id WHERE a.active = 1 AND " +
                             in + " AND w.monday >= ? AND w.monday <= ? AND w.days <> 0 GROUP BY a.id, "
                             "a.relationship_id, a.staff_id ORDER BY a.id",
                         params);
  for (const auto& r : rows.rows) {
    const int64_t assignment = r[0].as_int(), relationship = r[1].as_int(), staff = r[2].as_int();
    const std::string text = r[3].as_text();
    const std::string_view list = text;
    std::vector<PresenceWeek> weeks;
    for (size_t at = 0; at < list.size();) {
      size_t end = std::min(list.find(',', at), list.size());
      auto it = end >= at + 12 && list[at + 10] == ':' ? week_index.find(list.substr(at, 10)) : week_index.end();
      int64_t days = 0;
      if (it != week_index.end() &&
          std::from_chars(list.data() + at + 11, list.data() + end, days).ec == std::errc()) {
        int week = it->second;
        if (week == 0) days = keep_weekdays(days, first_weekday, 6);
        if (week == last_week) days = keep_weekdays(days, week == 0 ? first_weekday : 0, last_weekday);
        if (days) weeks.push_back({assignment, relationship, staff, week, days});
      }
      at = end + 1;
    }
    // GROUP_CONCAT's order is not specified: the rules want weeks in order.
    std::sort(weeks.begin(), weeks.end(), [](const auto& a, const auto& b) { return a.week < b.week; });
    out.rows.insert(out.rows.end(), weeks.begin(), weeks.end());
  }
  return out;
}

}  // namespace yilian::compliance

#include "calendar/schema.h"

#include "calendar/date.h"
#include "calendar/holidays.h"

namespace yilian::calendar {

std::vector<store::Migration> migrations() {
  std::string sql =
      "CREATE TABLE work_calendar (day TEXT PRIMARY KEY, iso_week TEXT NOT NULL, weekday BIGINT NOT NULL, "
      "working BIGINT NOT NULL);\nCREATE INDEX work_calendar_week ON work_calendar (iso_week);\n";
  int first = day_number("2015-01-01"), last = day_number("2035-12-31");
  int in_batch = 0;
  for (int n = first; n <= last; ++n) {
    std::string d = date_from_day_number(n);
    int wd = weekday(d);
    sql += in_batch == 0 ? "INSERT INTO work_calendar (day, iso_week, weekday, working) VALUES " : ", ";
    sql += "('" + d + "', '" + iso_week(d).label() + "', " + std::to_string(wd) + ", " + (wd <= 5 ? "1" : "0") + ")";
    if (++in_batch == 500 || n == last) {
      sql += ";\n";
      in_batch = 0;
    }
  }
  std::vector<store::Migration> out = {
      {150, "work calendar 2015-2035", sql},
      // The notices applied (holidays.h) and every exception of the calendar: national ones
      // (region_code '') are also applied to work_calendar.working; a region's own apply
      // to its subtree (work_days.h).
      {151, "holiday notices and calendar exceptions", R"(
CREATE TABLE holiday_notice (
  id {{ID}},
  region_code TEXT NOT NULL,
  year BIGINT NOT NULL,
  title TEXT NOT NULL,
  number TEXT,
  issued TEXT NOT NULL,
  published TEXT,
  url TEXT,
  origin TEXT NOT NULL,
  imported_by TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (region_code, year)
);
CREATE TABLE calendar_exception (
  id {{ID}},
  region_code TEXT NOT NULL,
  day TEXT NOT NULL,
  working BIGINT NOT NULL,
  name TEXT NOT NULL,
  clause TEXT,
  notice_id BIGINT REFERENCES holiday_notice (id),
  created_by TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (region_code, day)
);
CREATE INDEX calendar_exception_day ON calendar_exception (day);
)"}};
  for (auto& m : shipped_notice_migrations()) out.push_back(std::move(m));
  return out;
}

}  // namespace yilian::calendar

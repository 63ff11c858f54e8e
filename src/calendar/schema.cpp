#include "calendar/schema.h"

#include "calendar/date.h"

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
  return {{150, "work calendar 2015-2035", sql}};
}

}  // namespace yilian::calendar

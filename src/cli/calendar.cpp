// yilian calendar import --db URL FILE [--region CODE] [--dry-run]
// yilian calendar show   --db URL [--year YYYY] [--region CODE]
// Imports a State Council holiday notice written in the calendars/ format (national, or
// a region's own arrangement with --region), or lists a region's year: its exceptions and
// working days per month. The import replaces the region's notice for that year.
#include <fstream>
#include <iostream>
#include <sstream>

#include "calendar/date.h"
#include "calendar/exceptions.h"
#include "calendar/work_days.h"
#include "cli/commands.h"
#include "common/clock.h"
#include "common/error.h"
#include "common/region_code.h"

namespace yilian::cli {

int cmd_calendar(const Args& a) {
  std::string what = a.positional.empty() ? "" : a.positional[0];
  std::string region = a.get("region");
  if (what == "import") {
    if (a.positional.size() != 2) {
      std::cerr << "usage: yilian calendar import --db URL FILE.toml [--region CODE] [--dry-run]\n";
      return 2;
    }
    std::ifstream in(a.positional[1]);
    if (!in) {
      std::cerr << "yilian calendar: cannot read " << a.positional[1] << "\n";
      return 1;
    }
    std::stringstream text;
    text << in.rdbuf();
    calendar::HolidayNotice notice;
    try {
      notice = calendar::parse_notice(text.str(), a.positional[1]);
    } catch (const calendar::NoticeError& e) {
      std::cerr << e.what() << "\n";
      return 1;
    }
    auto db = open_migrated(db_url(a), db_options(a));
    try {
      auto r = calendar::import_notice(*db, notice, region, {nullptr, "cli", ""}, a.has("dry-run"));
      std::cout << (a.has("dry-run") ? "检查通过(未写入): " : "已导入: ") << notice.title << " — "
                << (region.empty() ? "全国" : region) << ",放假" << r.rest_days << "天,调休上班" << r.work_days
                << "天,替换原有调整" << r.replaced << "条\n";
    } catch (const common::ApiError& e) {
      std::cerr << "yilian calendar: " << e.what() << "\n";
      return 1;
    }
    return 0;
  }
  if (what == "show") {
    std::string year = a.get("year", common::today().substr(0, 4));
    if (year.size() != 4 || !common::is_valid_date(year + "-01-01")) {
      std::cerr << "yilian calendar: --year must be YYYY\n";
      return 2;
    }
    auto db = open_migrated(db_url(a), db_options(a));
    const std::string first = year + "-01-01", last = year + "-12-31";
    const std::string prefix = common::region_prefix(region);
    for (const auto& row : db->query("SELECT region_code, day, working, name FROM calendar_exception WHERE day >= ? AND "
                                     "day <= ? ORDER BY day, LENGTH(region_code)",
                                     {first, last})
                               .rows) {
      if (prefix.rfind(common::region_prefix(row[0].as_text()), 0) != 0) continue;
      std::cout << row[1].as_text() << "  " << (row[2].as_int() ? "上班" : "放假") << "  " << row[3].as_text() << "  "
                << (row[0].as_text().empty() ? "全国" : row[0].as_text()) << "\n";
    }
    auto days = calendar::WorkDays::load(*db, first, last);
    std::cout << year << "年工作日 " << days.count(region, first, last) << " 天\n";
    return 0;
  }
  std::cerr << "usage: yilian calendar import|show …\n";
  return 2;
}

}  // namespace yilian::cli

#include "planner/model.h"

#include <stdexcept>

#include "calendar/date.h"
#include "common/clock.h"

namespace yilian::planner {

Horizon horizon_from_dates(const std::vector<std::string>& dates) {
  Horizon h;
  std::string previous;
  for (const auto& date : dates) {
    int y, m, d;
    if (!common::parse_date(date, y, m, d)) throw std::invalid_argument("规划期日期格式有误:" + date);
    // Weekly visits of several half-days count consecutive half-days: the order must be the calendar's.
    if (!previous.empty() && date <= previous) throw std::invalid_argument("规划期日期须按先后排列且不重复:" + date);
    auto iso = calendar::iso_week(date);
    h.days.push_back({date, iso.year * 100 + iso.week, y * 12 + m});
    previous = date;
  }
  return h;
}

Horizon horizon_from_day_indexes(const std::vector<int>& day_indexes) {
  Horizon h;
  for (size_t i = 0; i < day_indexes.size(); ++i) {
    if (day_indexes[i] < 0 || (i > 0 && day_indexes[i] <= day_indexes[i - 1]))
      throw std::invalid_argument("规划期日序号须为递增的非负整数");
    h.days.push_back({"", day_indexes[i] / 7, 0});
  }
  return h;
}

}  // namespace yilian::planner

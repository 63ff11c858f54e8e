// The weekly table laid out like the official form (附件2): title, statistics period,
// 填报人 and 联系电话, three header rows with merged group headings, one row per county,
// the 合计 row and the note with the deadline. The same grid is written as CSV (merged
// headings in their first cell) and as xlsx (merged ranges).
#pragma once
#include <string>
#include <vector>

#include "io/table.h"
#include "io/xlsx_writer.h"
#include "rounds/rounds_policy.h"
#include "rounds/weekly_table.h"

namespace yilian::rounds {

inline constexpr const char* kWeeklyTitle = "设区市“千医巡诊万村行”每周工作开展情况统计表";

struct WeeklyForm {
  std::string period_line;  // "工作统计时间: 2026年7月6日至7月12日"
  std::string reporter, phone;
  std::string note;  // "注:…并于下周一17:00前上报。"
  std::vector<WeeklyRow> rows;
  WeeklyRow total;
};

// The header cells, rows counted from the first header row.
const std::vector<io::HeaderCell>& weekly_headers();
inline constexpr int kWeeklyHeaderRows = 3;

// The week's rows, total, period line and the note with the preset's deadline; reporter
// and phone are left to the caller.
WeeklyForm weekly_form(store::Db& db, const ReportRegion& region, const calendar::IsoWeek& week,
                       const RoundsPolicy& policy);

io::Table weekly_grid(const WeeklyForm& form);
std::string weekly_xlsx(const WeeklyForm& form);

}  // namespace yilian::rounds

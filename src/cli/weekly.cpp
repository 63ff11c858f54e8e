// yilian weekly --db URL --week 2026-W28 [--region CODE] [--out FILE.xlsx|FILE.csv]
//               [--reporter 姓名 --phone 电话] [--preset ID]
// The weekly 附件2 table of a region (default: every province in the database) as the
// official form, for the Monday job that sends it on; without --out, the rows as text.
#include <fstream>
#include <iostream>
#include <tuple>

#include "cli/commands.h"
#include "io/table.h"
#include "policy/startup.h"
#include "common/region_code.h"
#include "rounds/weekly_form.h"

namespace yilian::cli {

int cmd_weekly(const Args& a) {
  std::string label = a.get("week");
  calendar::IsoWeek week;
  if (!calendar::parse_iso_week(label, week)) {
    std::cerr << "yilian weekly: --week 须为ISO周,如 2026-W28\n";
    return 2;
  }
  auto presets = policy::shipped_presets(a.get("policies"));
  const policy::Preset* preset = presets->find(a.get("preset", rounds::kDefaultPreset));
  if (!preset) {
    std::cerr << "yilian weekly: 政策方案不存在: " << a.get("preset", rounds::kDefaultPreset) << "\n";
    return 2;
  }
  auto db = open_migrated(db_url(a), db_options(a));
  rounds::ReportRegion region;
  if (a.has("region")) {
    region = rounds::region_of(*db, a.get("region"), "region");
  } else {
    std::tie(region.lo, region.hi) = common::prefix_range("");  // every region in the database
  }
  rounds::WeeklyForm form = rounds::weekly_form(*db, region, week, rounds::RoundsPolicy(*preset));
  form.reporter = a.get("reporter");
  form.phone = a.get("phone");
  std::string out = a.get("out");
  if (out.empty()) {
    std::cout << rounds::kWeeklyTitle << " " << week.label() << " " << form.period_line << "\n";
    for (const auto& row : form.rows) std::cout << rounds::row_json(row).dump() << "\n";
    std::cout << rounds::row_json(form.total).dump() << "\n";
    return 0;
  }
  bool xlsx = out.size() > 5 && out.compare(out.size() - 5, 5, ".xlsx") == 0;
  std::ofstream file(out, std::ios::binary);
  file << (xlsx ? rounds::weekly_xlsx(form) : io::write_table(rounds::weekly_grid(form), io::TableFormat::csv, ""));
  if (!file) {
    std::cerr << "yilian weekly: 无法写入 " << out << "\n";
    return 1;
  }
  std::cout << out << ": " << form.rows.size() << " 个县(市、区), " << week.label() << "\n";
  return 0;
}

}  // namespace yilian::cli

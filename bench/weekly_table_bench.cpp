// Weekly table (附件2, V7) for one ISO week over a whole region, straight from the store:
// the work GET /api/v1/rounds/weekly-table does before serialising. Prints each run's time
// and the 合计 row, so the figure can be checked against the data.
//   cmake --build build --target weekly_table_bench
//   build/weekly_table_bench sqlite:/tmp/province.db [region=37] [week=2026-W28] [runs=5]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "rounds/weekly_table.h"
#include "store/db.h"

using namespace yilian;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DB_URL [region] [week] [runs]\n", argv[0]);
    return 2;
  }
  std::string region_code = argc > 2 ? argv[2] : "37", week_label = argc > 3 ? argv[3] : "2026-W28";
  int runs = argc > 4 ? std::stoi(argv[4]) : 5;
  auto db = store::open(argv[1]);
  calendar::IsoWeek week;
  if (!calendar::parse_iso_week(week_label, week)) {
    std::fprintf(stderr, "bad week %s\n", week_label.c_str());
    return 2;
  }
  auto region = rounds::region_of(*db, region_code, "region");
  std::vector<double> ms;
  rounds::WeeklyRow total;
  size_t counties = 0;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    auto rows = rounds::weekly_rows(*db, region, week);
    total = rounds::total_row(rows);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    counties = rows.size();
  }
  std::printf("%s %s %s: %zu counties\n", store::backend_name(db->backend()), region.name.c_str(), week_label.c_str(),
              counties);
  for (double t : ms) std::printf("  %.1f ms\n", t);
  std::sort(ms.begin(), ms.end());
  std::printf("median %.1f ms, best %.1f ms\n", ms[ms.size() / 2], ms.front());
  std::printf("合计: %s\n", rounds::row_json(total).dump().c_str());
  return 0;
}

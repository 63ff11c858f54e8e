#include "rounds/weekly_form.h"

#include "rounds/weekly_period.h"

namespace yilian::rounds {
namespace {

constexpr int kColumns = 1 + kWeeklyColumnCount;  // 县(市、区)别 and the numbers
constexpr int kHeaderTop = 3;                     // below title, period and reporter lines
constexpr int kPhoneColumn = 10;

std::string reporter_line(const WeeklyForm& f) { return "填报人: " + f.reporter; }
std::string phone_line(const WeeklyForm& f) { return "联系电话: " + f.phone; }

io::Row data_row(const WeeklyRow& r) {
  io::Row row{r.county_name};
  for (auto v : r.values) row.push_back(std::to_string(v));
  return row;
}

}  // namespace

const std::vector<io::HeaderCell>& weekly_headers() {
  static const std::vector<io::HeaderCell> h = [] {
    std::vector<io::HeaderCell> c = {
        {"县(市、区)别", 0, 0, 3, 1},
        {"乡镇数(含涉农街道)", 0, 1, 3, 1},
        {"行政村数(含涉农社区)", 0, 2, 3, 1},
        {"建立巡诊团队", 0, 3, 1, 3},
        {"巡诊团队数", 1, 3, 2, 1},
        {"二级以上医院医疗骨干参加人数", 1, 4, 1, 2},
        {"本周巡诊服务开展情况", 0, 6, 1, 13},
        {"巡诊服务覆盖区域", 1, 6, 1, 2},
        {"诊疗服务", 1, 8, 1, 2},
        {"健康宣教", 1, 10, 1, 2},
        {"重点人群健康指导、咨询等人次数", 1, 12, 1, 7},
    };
    // Leaves on the third header row: every number column except 巡诊团队数, which spans down.
    for (int col = senior_lead_hospital; col < kWeeklyColumnCount; ++col)
      c.push_back({weekly_columns()[col].label, 2, 1 + col, 1, 1});
    return c;
  }();
  return h;
}

WeeklyForm weekly_form(store::Db& db, const ReportRegion& region, const calendar::IsoWeek& week,
                       const RoundsPolicy& policy) {
  static const char* days[] = {"一", "二", "三", "四", "五", "六", "日"};
  WeeklyForm form;
  form.rows = weekly_rows(db, region, week);
  form.total = total_row(form.rows);
  form.period_line = "工作统计时间: " + period_label(week);
  form.note = "注:请统计各县(市、区)周一至周日的巡诊工作开展情况";
  if (weekly_deadline(week, policy)) {
    int weekday = static_cast<int>(*policy.number("weekly_report.due_weekday"));
    form.note += ",并于下周" + std::string(days[weekday - 1]) + *policy.text("weekly_report.due_time") + "前上报。";
  } else {
    form.note += "。";
  }
  return form;
}

io::Table weekly_grid(const WeeklyForm& f) {
  io::Table t;
  t.push_back({kWeeklyTitle});
  t.push_back({f.period_line});
  io::Row people(kPhoneColumn + 1);
  people[0] = reporter_line(f);
  people[kPhoneColumn] = phone_line(f);
  t.push_back(people);
  for (int r = 0; r < kWeeklyHeaderRows; ++r) t.push_back(io::Row(kColumns));
  for (const auto& h : weekly_headers()) t[kHeaderTop + h.row][h.col] = h.text;
  for (const auto& r : f.rows) t.push_back(data_row(r));
  t.push_back(data_row(f.total));
  t.push_back({f.note});
  return t;
}

std::string weekly_xlsx(const WeeklyForm& f) {
  io::XlsxWriter book;
  io::XlsxSheet sheet = book.add_sheet("每周工作开展情况统计表");
  int last = kColumns - 1;
  sheet.merge(0, 0, 0, last, kWeeklyTitle, io::CellStyle::title);
  sheet.merge(1, 0, 1, last, f.period_line, io::CellStyle::note);
  sheet.merge(2, 0, 2, kPhoneColumn - 1, reporter_line(f), io::CellStyle::note);
  sheet.merge(2, kPhoneColumn, 2, last, phone_line(f), io::CellStyle::note);
  int row = kHeaderTop + sheet.headers(kHeaderTop, weekly_headers());
  auto write = [&](const WeeklyRow& r) {
    sheet.text(row, 0, r.county_name);
    for (int c = 0; c < kWeeklyColumnCount; ++c) sheet.number(row, 1 + c, static_cast<double>(r.values[c]));
    ++row;
  };
  for (const auto& r : f.rows) write(r);
  write(f.total);
  sheet.merge(row, 0, row, last, f.note, io::CellStyle::note);
  sheet.column_width(0, 0, 14);
  sheet.column_width(1, last, 9);
  sheet.freeze_rows(kHeaderTop + kWeeklyHeaderRows);
  return book.finish();
}

}  // namespace yilian::rounds

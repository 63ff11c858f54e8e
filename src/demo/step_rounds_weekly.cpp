// The focus county's weekly reports (V7, 附件2) for every finished week of the demo year,
// as rounds/weekly_submission.cpp would have stored them: the county bureau submits on
// the Monday after the week, before the preset's deadline, with a snapshot of the table's
// numbers; the city bureau approves during the week. So the completeness view has
// something to show: about one week in ten submitted late, two weeks never submitted,
// one returned for correction and fixed, one still returned, and the latest week
// awaiting review.
#include "demo/names.h"
#include "demo/step_rounds_common.h"
#include "demo/steps.h"
#include "rounds/weekly_period.h"
#include "rounds/weekly_table.h"

namespace yilian::demo {
namespace {

using namespace support_data;

struct Account {
  int64_t id = 0;
  std::string name;
};

Account account(store::Db& db, const char* username) {
  auto r = db.query("SELECT id, display_name FROM app_user WHERE username = ?", {username});
  if (r.empty()) return {};
  return {r.rows[0][0].as_int(), r.rows[0][1].as_text()};
}

}  // namespace

void create_rounds_weekly_reports(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  if (d.counties.empty()) return;
  const DemoCounty& county = d.counties[d.focus_county];
  auto region = rounds::region_of(db, county.code, "county_code");
  Account bureau = account(db, "bureau"), city = account(db, "bureau_city");
  Random rng(o.seed, "rounds-weekly:" + county.code);
  std::string reporter = chinese_name(rng, "2");
  std::string area = telephone_area_code(county.city_code);
  std::string phone = (area.empty() ? "0531" : area) + "-" + std::to_string(rng.between(7100000, 7299999));

  std::vector<calendar::IsoWeek> weeks;
  for (Day monday = monday_of(day(rounds_data::kYearStart)); monday + std::chrono::days{6} < today();
       monday += std::chrono::days{7})
    weeks.push_back(calendar::iso_week(iso(monday)));
  if (weeks.size() < 12) return;
  // Never submitted: two weeks in the middle of the year (a holiday, a new clerk).
  size_t missing_a = 10 + rng.below(weeks.size() / 2), missing_b = missing_a + 7 + rng.below(6);
  size_t fixed = 5 + rng.below(4), still_returned = weeks.size() - 3, awaiting = weeks.size() - 1;

  int64_t written = 0, late = 0;
  for (size_t i = 0; i < weeks.size(); ++i) {
    if (i == missing_a || i == missing_b) continue;
    const auto& week = weeks[i];
    auto deadline = rounds::weekly_deadline(week, rounds_data::policy());
    // The day the preset's deadline falls on (下周一); on time means that day before 17:00.
    Day due = deadline ? day(deadline->local.substr(0, 10)) : day(week.sunday()) + std::chrono::days{1};
    bool is_late = rng.chance(100);
    late += is_late;
    Day submitted_day = is_late ? due + std::chrono::days{1 + static_cast<int>(rng.below(2))} : due;
    std::string first =
        local_time(submitted_day, is_late ? 10 : 9 + static_cast<int>(rng.below(7)), static_cast<int>(rng.below(60)));
    std::string submitted = first, status = "approved", reviewed, comment;
    int64_t version = 2;  // submitted, then reviewed
    if (i == fixed) {
      submitted = local_time(due + std::chrono::days{2}, 15, 20);  // corrected after the return
      comment = "已核实更正后通过";
      version = 4;
    }
    if (i == still_returned) status = "returned", comment = "诊疗人次与巡诊记录不符,请核实后重新上报";
    if (i == awaiting) status = "submitted", version = 1;
    if (status != "submitted")
      reviewed = local_time(day(submitted.substr(0, 10)) + std::chrono::days{1 + static_cast<int>(rng.below(2))}, 10,
                            static_cast<int>(rng.below(60)));
    auto rows = rounds::weekly_rows(db, region, week);
    if (rows.empty()) continue;
    auto opt = [](const std::string& s) { return s.empty() ? store::Value() : store::Value(s); };
    db.exec(
        "INSERT INTO weekly_report (county_code, week, status, reporter_name, reporter_phone, snapshot, "
        "first_submitted_at, submitted_at, submitted_by, submitted_by_name, reviewed_at, reviewed_by, "
        "reviewed_by_name, review_comment, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?)",
        {county.code, week.label(), status, reporter, phone, rounds::row_json(rows[0]).dump(), first, submitted,
         bureau.id ? store::Value(bureau.id) : store::Value(), bureau.id ? bureau.name : reporter, opt(reviewed),
         !reviewed.empty() && city.id ? store::Value(city.id) : store::Value(),
         reviewed.empty() ? store::Value() : store::Value(city.id ? city.name : "市卫生健康委员会"), opt(comment),
         version, first, reviewed.empty() ? submitted : reviewed});
    ++written;
  }
  progress << written << " weekly reports of " << weeks.size() << " weeks, " << late << " late";
}

}  // namespace yilian::demo

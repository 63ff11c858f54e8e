// GET /api/v1/rounds/weekly-table: the weekly statistics table (V7, 附件2) of a region —
// one row per county and the 合计 row — as JSON, or as CSV and xlsx laid out like the
// official form. The numbers are always the live sums of the visit records; each
// county's submission status is shown beside them, with whether its snapshot still agrees.
#include "common/error.h"
#include "io/table.h"
#include "rounds/report_handlers.h"
#include "rounds/weekly_form.h"
#include "rounds/weekly_period.h"
#include "rounds/weekly_reports_store.h"

namespace yilian::rounds {
namespace {

using nlohmann::json;
using common::RegionLevel;

std::string rfc5987(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

http::Response weekly_table(api::Context& ctx) {
  ReportRegion region = report_region(ctx, RegionLevel::province, RegionLevel::county);
  calendar::IsoWeek week = requested_week(ctx);
  RoundsPolicy policy = RoundsPolicy::of_request(ctx);
  std::string format = ctx.req.query_or("format", "json");
  if (format != "json" && format != "csv" && format != "xlsx")
    common::bad_request("bad_format", "format须为json、csv或xlsx", "format");
  auto deadline = weekly_deadline(week, policy);
  auto reports = reports_of_week(ctx.db, region, week.label());

  WeeklyForm form = weekly_form(ctx.db, region, week, policy);
  // The county's own reporter when the table is one county's stored submission; else left
  // blank (or as given) — never the account's name, which is an office, not a person.
  const WeeklyReport* single =
      form.rows.size() == 1 && reports.count(form.rows[0].county_code) ? &reports[form.rows[0].county_code] : nullptr;
  form.reporter = ctx.req.query_or("reporter", single ? single->reporter_name : "");
  form.phone = ctx.req.query_or("phone", single ? single->reporter_phone : "");

  if (format != "json") {
    bool xlsx = format == "xlsx";
    http::Response res;
    res.content_type = io::content_type(xlsx ? io::TableFormat::xlsx : io::TableFormat::csv);
    res.body = xlsx ? weekly_xlsx(form) : io::write_table(weekly_grid(form), io::TableFormat::csv, "");
    std::string name = "千医巡诊万村行每周工作开展情况统计表_" + week.label() + "." + format;
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"weekly-" + week.label() + "." + format +
                                                        "\"; filename*=UTF-8''" + rfc5987(name));
    return res;
  }
  json rows = json::array();
  for (const auto& r : form.rows) {
    json row = row_json(r);
    auto it = reports.find(r.county_code);
    std::optional<WeeklyReport> report = it == reports.end() ? std::nullopt : std::optional(it->second);
    row["report"] = status_json(r.county_code, r.county_name, report, deadline);
    row["report"]["snapshot_matches"] = report ? json(report->snapshot == row_json(r)) : json(nullptr);
    rows.push_back(row);
  }
  json columns = json::array();
  for (const auto& c : weekly_columns()) columns.push_back({{"key", c.key}, {"label", c.label}});
  return http::Response::json({{"title", kWeeklyTitle},
                               {"region", {{"code", region.code}, {"name", region.name}}},
                               {"week", week.label()},
                               {"from", week.monday()},
                               {"to", week.sunday()},
                               {"period_line", form.period_line},
                               {"reporter", form.reporter},
                               {"phone", form.phone},
                               {"deadline", deadline ? json(deadline->local) : json(nullptr)},
                               {"deadline_citation", policy.cite("weekly_report.due_time")},
                               {"columns", columns},
                               {"rows", rows},
                               {"total", row_json(form.total)},
                               {"note", form.note}});
}

}  // namespace yilian::rounds

// Reading the counties' weekly reports: a week's status per county, one report with its
// snapshot, and reporting completeness over weeks — counties expected, submitted and
// submitted on time, as reporting rates (like DHIS2's reporting-rate summary).
#include <map>

#include "common/error.h"
#include "rounds/report_handlers.h"
#include "rounds/weekly_reports_store.h"
#include "rounds/weekly_table.h"

namespace yilian::rounds {
namespace {

using nlohmann::json;
using common::RegionLevel;

struct Rates {
  int64_t expected = 0, submitted = 0, on_time = 0, approved = 0;

  void add(const std::optional<WeeklyReport>& r, const std::optional<Deadline>& deadline) {
    ++expected;
    // A returned report is back with the county: not complete until it is submitted again.
    if (!r || r->status == "returned") return;
    ++submitted;
    on_time += r->on_time(deadline);
    approved += r->status == "approved";
  }
  json to_json() const {
    auto pct = [&](int64_t n) { return expected ? static_cast<double>(n * 1000 / expected) / 10.0 : 0.0; };
    return {{"expected", expected},           {"submitted", submitted},      {"on_time", on_time},
            {"approved", approved},           {"reporting_rate", pct(submitted)}, {"on_time_rate", pct(on_time)}};
  }
};

std::optional<WeeklyReport> find(const std::map<std::string, WeeklyReport>& reports, const std::string& county) {
  auto it = reports.find(county);
  if (it == reports.end()) return std::nullopt;
  return it->second;
}

}  // namespace

http::Response weekly_report_status(api::Context& ctx) {
  ReportRegion region = report_region(ctx, RegionLevel::province, RegionLevel::county);
  calendar::IsoWeek week = requested_week(ctx);
  auto deadline = weekly_deadline(week, RoundsPolicy::of_request(ctx));
  auto reports = reports_of_week(ctx.db, region, week.label());
  Rates rates;
  json items = json::array();
  for (const auto& [code, name] : expected_counties(ctx.db, region)) {
    auto report = find(reports, code);
    rates.add(report, deadline);
    items.push_back(status_json(code, name, report, deadline));
  }
  return http::Response::json({{"region", {{"code", region.code}, {"name", region.name}}},
                               {"week", week.label()},
                               {"period", period_label(week)},
                               {"deadline", deadline ? json(deadline->local) : json(nullptr)},
                               {"summary", rates.to_json()},
                               {"items", items}});
}

http::Response weekly_report_completeness(api::Context& ctx) {
  ReportRegion region = report_region(ctx, RegionLevel::province, RegionLevel::county);
  RoundsPolicy policy = RoundsPolicy::of_request(ctx);
  calendar::IsoWeek to = requested_week(ctx, "to");
  calendar::IsoWeek from = ctx.req.query_or("from").empty() ? calendar::iso_week(calendar::add_days(to.monday(), -21))
                                                             : requested_week(ctx, "from");
  int weeks = calendar::days_between(from.monday(), to.monday()) / 7 + 1;
  if (weeks < 1 || weeks > 53) common::bad_request("bad_query", "统计周数须在1至53周之间", "from");

  auto counties = expected_counties(ctx.db, region);
  std::map<std::string, Rates> by_county;
  Rates overall;
  json per_week = json::array();
  for (std::string monday = from.monday(); monday <= to.monday(); monday = calendar::add_days(monday, 7)) {
    calendar::IsoWeek week = calendar::iso_week(monday);
    auto deadline = weekly_deadline(week, policy);
    auto reports = reports_of_week(ctx.db, region, week.label());
    Rates rates;
    for (const auto& [code, name] : counties) {
      auto report = find(reports, code);
      rates.add(report, deadline);
      by_county[code].add(report, deadline);
      overall.add(report, deadline);
    }
    json w = rates.to_json();
    w["week"] = week.label();
    w["period"] = period_label(week);
    w["deadline"] = deadline ? json(deadline->local) : json(nullptr);
    per_week.push_back(w);
  }
  json per_county = json::array();
  for (const auto& [code, name] : counties) {
    json c = by_county[code].to_json();
    c["county_code"] = code;
    c["county_name"] = name;
    per_county.push_back(c);
  }
  return http::Response::json({{"region", {{"code", region.code}, {"name", region.name}}},
                               {"from", from.label()},
                               {"to", to.label()},
                               {"weeks", per_week},
                               {"counties", per_county},
                               {"total", overall.to_json()}});
}

http::Response weekly_report_get(api::Context& ctx) {
  const auto& me = ctx.me();
  if (me.role != auth::Role::admin && me.role != auth::Role::bureau) common::forbidden("当前角色无权查看周报");
  auto report = report_by_id(ctx.db, ctx.path_id(0));
  if (!report || common::region_prefix(report->county_code).rfind(me.region_prefix, 0) != 0)
    common::not_found("周报不存在或无权访问");
  calendar::IsoWeek week;
  calendar::parse_iso_week(report->week, week);
  json j = report_json(*report, weekly_deadline(week, RoundsPolicy::of_request(ctx)));
  j["period"] = period_label(week);
  return http::Response::json(j);
}

}  // namespace yilian::rounds

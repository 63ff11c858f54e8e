// The village grid as reports: which villages no team serves (V1), whether each team has
// the people its kind needs (V3), and what each village requires (V2, V4, V6).
#include <map>

#include "common/clock.h"
#include "common/error.h"
#include "rounds/checks.h"
#include "rounds/choices.h"
#include "rounds/needs.h"
#include "rounds/report_handlers.h"

namespace yilian::rounds {
namespace {

using nlohmann::json;
using common::RegionLevel;

std::string requested_day(api::Context& ctx) {
  std::string day = ctx.req.query_or("date", common::today());
  if (!common::is_valid_date(day)) common::bad_request("bad_query", "日期格式须为YYYY-MM-DD", "date");
  return day;
}

json region_json(const ReportRegion& r) { return {{"code", r.code}, {"name", r.name}}; }

double percent(int64_t part, int64_t whole) {
  return whole ? static_cast<double>(part * 1000 / whole) / 10.0 : 0.0;
}

struct TeamCheck {
  json row;
  std::map<std::string, int64_t> roles;
  int64_t villages = 0;
};

// Each team's members by role and villages on `day`, and what is missing for its kind.
json team_checks(api::Context& ctx, const ReportRegion& region, const std::string& day) {
  store::Params p{day, day};
  std::string in = region.contains("i.region_code", p);
  auto teams = ctx.db.query("SELECT t.id, t.name, t.kind, t.has_vehicle, i.name FROM rounds_team t JOIN institution i ON "
                            "i.id = t.institution_id WHERE t.active = 1 AND " + checks::overlaps("t") + " AND " + in +
                                " ORDER BY i.region_code, t.name",
                            p);
  std::map<int64_t, TeamCheck> by_id;
  std::vector<int64_t> order;
  for (const auto& r : teams.rows) {
    int64_t id = r[0].as_int();
    by_id[id].row = {{"id", id},
                     {"name", r[1].as_text()},
                     {"kind", r[2].as_text()},
                     {"kind_label", codes::label_of(team_kinds(), r[2].as_text())},
                     {"has_vehicle", r[3].as_int() != 0},
                     {"institution_name", r[4].as_text()}};
    order.push_back(id);
  }
  p = {day, day};
  in = region.contains("i.region_code", p);
  auto members = ctx.db.query("SELECT m.team_id, m.role, COUNT(*) FROM team_member m JOIN rounds_team t ON t.id = "
                              "m.team_id JOIN institution i ON i.id = t.institution_id WHERE m.active = 1 AND " +
                                  checks::overlaps("m") + " AND " + in + " GROUP BY m.team_id, m.role",
                              p);
  for (const auto& r : members.rows)
    if (auto it = by_id.find(r[0].as_int()); it != by_id.end()) it->second.roles[r[1].as_text()] = r[2].as_int();
  p = {day, day};
  in = region.contains("a.village_code", p);
  auto villages = ctx.db.query("SELECT a.team_id, COUNT(*) FROM village_assignment a WHERE a.active = 1 AND " +
                                   checks::overlaps("a") + " AND " + in + " GROUP BY a.team_id",
                               p);
  for (const auto& r : villages.rows)
    if (auto it = by_id.find(r[0].as_int()); it != by_id.end()) it->second.villages = r[1].as_int();

  json out = json::array();
  for (int64_t id : order) {
    TeamCheck& t = by_id[id];
    json problems = json::array();
    if (t.roles.empty()) problems.push_back("没有在岗成员");
    if (t.villages == 0) problems.push_back("没有包干的行政村");
    if (t.row["kind"] == "general_specialist") {
      if (!t.roles.count("gp")) problems.push_back("全专联合团队缺少乡镇卫生院全科医生(V3)");
      if (!t.roles.count("specialist")) problems.push_back("全专联合团队缺少上级医院专科医生(V3)");
    }
    json roles = json::object();
    for (const auto& [value, label] : member_roles()) roles[value] = t.roles.count(value) ? t.roles[value] : 0;
    t.row["members"] = roles;
    t.row["villages"] = t.villages;
    t.row["problems"] = problems;
    out.push_back(t.row);
  }
  return out;
}

}  // namespace

http::Response coverage(api::Context& ctx) {
  ReportRegion region = report_region(ctx, RegionLevel::county, RegionLevel::township);
  std::string day = requested_day(ctx);
  store::Params p{day, day};
  std::string assigned = "SELECT a.village_code FROM village_assignment a JOIN rounds_team t ON t.id = a.team_id WHERE "
                         "a.active = 1 AND t.active = 1 AND " + checks::overlaps("a");
  std::string in = region.contains("r.code", p);
  auto r = ctx.db.query("SELECT r.code, r.name, tr.code, tr.name, CASE WHEN r.code IN (" + assigned +
                            ") THEN 1 ELSE 0 END FROM region r LEFT JOIN region tr ON tr.code = r.parent_code WHERE " +
                            rural_village_sql("r") + " AND " + in + " ORDER BY r.code",
                        p);
  json uncovered = json::array();
  for (const auto& row : r.rows)
    if (row[4].as_int() == 0)
      uncovered.push_back({{"code", row[0].as_text()},
                           {"name", row[1].as_text()},
                           {"township_code", row[2].as_text()},
                           {"township_name", row[3].as_text()}});
  int64_t total = static_cast<int64_t>(r.size()), open = static_cast<int64_t>(uncovered.size());
  return http::Response::json({{"region", region_json(region)},
                               {"date", day},
                               {"villages", total},
                               {"covered", total - open},
                               {"coverage_pct", percent(total - open, total)},
                               {"uncovered", uncovered},
                               {"teams", team_checks(ctx, region, day)}});
}

http::Response needs(api::Context& ctx) {
  ReportRegion region = report_region(ctx, RegionLevel::county, RegionLevel::township);
  RoundsPolicy policy = RoundsPolicy::of_request(ctx);
  std::string day = requested_day(ctx);
  json items = json::array();
  int64_t rounds = 0, dispatch = 0, missing = 0;
  for (const auto& v : village_needs(ctx.db, policy, region, day)) {
    rounds += !v.rounds_reasons.empty();
    dispatch += !v.dispatch_reason.empty();
    missing += !v.registered;
    items.push_back({{"village_code", v.code},
                     {"village_name", v.name},
                     {"township_code", v.township_code},
                     {"township_name", v.township_name},
                     {"registered", v.registered},
                     {"population", v.registered ? json(v.population) : json(nullptr)},
                     {"village_doctor_count", v.registered ? json(v.village_doctors) : json(nullptr)},
                     {"has_fixed_doctor", v.registered ? json(v.fixed_doctor) : json(nullptr)},
                     {"is_relocation_site", v.registered ? json(v.relocation_site) : json(nullptr)},
                     {"team_id", v.team_id ? json(v.team_id) : json(nullptr)},
                     {"team_name", v.team_id ? json(v.team_name) : json(nullptr)},
                     {"needs", needs_json(v, policy)}});
  }
  return http::Response::json({{"region", region_json(region)},
                               {"date", day},
                               {"preset_id", policy.id()},
                               {"villages", items.size()},
                               {"needing_rounds", rounds},
                               {"needing_dispatch", dispatch},
                               {"unregistered", missing},
                               {"items", items}});
}

}  // namespace yilian::rounds

// A week's plan against what happened (周跟踪, V6): each planned team-village half-day is
// done or missed, each planned senior doctor present or not, and visits made without a
// plan are listed as unplanned.
#include <map>
#include <set>
#include <tuple>

#include "common/error.h"
#include "rounds/report_handlers.h"
#include "rounds/report_region.h"
#include "rounds/weekly_period.h"

namespace yilian::rounds {
namespace {

using nlohmann::json;
using common::RegionLevel;

using VisitKey = std::tuple<int64_t, std::string, std::string, std::string>;  // team, day, half, village

struct Visit {
  int64_t id = 0;
  std::set<int64_t> seniors;
};

// "AND t.team_id = ?" when ?team_id= narrows the view to one team.
std::string team_filter(api::Context& ctx, const std::string& column, store::Params& p) {
  int64_t team = api::query_id(ctx.req, "team_id");
  if (!team) return "";
  p.push_back(team);
  return " AND " + column + " = ?";
}

}  // namespace

http::Response plan_vs_actual(api::Context& ctx) {
  ReportRegion region = report_region(ctx, RegionLevel::county, RegionLevel::township);
  calendar::IsoWeek week = requested_week(ctx);
  std::string from = week.monday(), to = week.sunday();

  store::Params p{from, to};
  std::string where = " WHERE v.active = 1 AND v.day >= ? AND v.day <= ? AND " + region.contains("i.region_code", p);
  where += team_filter(ctx, "v.team_id", p);
  std::string visit_from = " FROM round_visit v JOIN rounds_team rt ON rt.id = v.team_id JOIN institution i ON i.id = "
                           "rt.institution_id JOIN region vr ON vr.code = v.village_code";
  std::map<VisitKey, Visit> visits;
  json unplanned = json::array();
  for (const auto& r : ctx.db.query("SELECT v.id, v.team_id, v.day, v.half, v.village_code, rt.name, vr.name, "
                                    "v.plan_slot_id" + visit_from + where + " ORDER BY v.day, v.half, v.id",
                                    p)
                           .rows) {
    visits[{r[1].as_int(), r[2].as_text(), r[3].as_text(), r[4].as_text()}].id = r[0].as_int();
    if (r[7].is_null())
      unplanned.push_back({{"visit_id", r[0].as_int()}, {"team_id", r[1].as_int()}, {"team_name", r[5].as_text()},
                           {"day", r[2].as_text()}, {"half", r[3].as_text()}, {"village_code", r[4].as_text()},
                           {"village_name", r[6].as_text()}});
  }
  std::map<int64_t, VisitKey> key_of;
  for (const auto& [k, v] : visits) key_of[v.id] = k;
  for (const auto& r : ctx.db.query("SELECT p.visit_id, p.staff_id FROM round_visit_person p JOIN round_visit v ON "
                                    "v.id = p.visit_id JOIN rounds_team rt ON rt.id = v.team_id JOIN institution i ON i.id = "
                                    "rt.institution_id" + where + " AND p.role = 'senior'",
                                    p)
                           .rows)
    if (auto it = key_of.find(r[0].as_int()); it != key_of.end()) visits[it->second].seniors.insert(r[1].as_int());

  p = {from, to};
  std::string slot_where = " WHERE s.active = 1 AND s.day >= ? AND s.day <= ? AND " + region.contains("i.region_code", p);
  slot_where += team_filter(ctx, "s.team_id", p);
  std::string slot_from = " FROM round_plan_slot s JOIN rounds_team rt ON rt.id = s.team_id JOIN institution i ON i.id = "
                          "rt.institution_id";
  std::map<int64_t, std::vector<std::pair<int64_t, std::string>>> doctors;  // slot → (staff, name)
  for (const auto& r : ctx.db.query("SELECT d.slot_id, d.staff_id, st.name" + slot_from +
                                        " JOIN round_plan_doctor d ON d.slot_id = s.id AND d.active = 1 JOIN staff st ON "
                                        "st.id = d.staff_id" + slot_where,
                                    p)
                           .rows)
    doctors[r[0].as_int()].emplace_back(r[1].as_int(), r[2].as_text());

  json slots = json::array();
  int64_t planned = 0, done = 0, doctors_planned = 0, doctors_missed = 0;
  for (const auto& r : ctx.db.query("SELECT s.id, s.team_id, rt.name, s.day, s.half, s.village_code_1, "
                                    "s.village_code_2, s.village_code_3, s.source" + slot_from + slot_where +
                                        " ORDER BY s.day, s.half, s.team_id",
                                    p)
                           .rows) {
    int64_t slot = r[0].as_int();
    json villages = json::array();
    std::set<int64_t> present;
    for (int c = 5; c <= 7; ++c) {
      if (r[c].is_null()) continue;
      auto it = visits.find({r[1].as_int(), r[3].as_text(), r[4].as_text(), r[c].as_text()});
      bool made = it != visits.end();
      if (made) present.insert(it->second.seniors.begin(), it->second.seniors.end());
      ++planned;
      done += made;
      villages.push_back({{"village_code", r[c].as_text()}, {"done", made},
                          {"visit_id", made ? json(it->second.id) : json(nullptr)}});
    }
    json planned_doctors = json::array();
    for (const auto& [staff, name] : doctors[slot]) {
      bool came = present.count(staff) > 0;
      ++doctors_planned;
      doctors_missed += !came;
      planned_doctors.push_back({{"staff_id", staff}, {"name", name}, {"present", came}});
    }
    slots.push_back({{"slot_id", slot}, {"team_id", r[1].as_int()}, {"team_name", r[2].as_text()},
                     {"day", r[3].as_text()}, {"half", r[4].as_text()}, {"source", r[8].as_text()},
                     {"villages", villages}, {"senior_doctors", planned_doctors}});
  }
  return http::Response::json({{"region", {{"code", region.code}, {"name", region.name}}},
                               {"week", week.label()},
                               {"period", period_label(week)},
                               {"summary",
                                {{"planned", planned},
                                 {"done", done},
                                 {"missed", planned - done},
                                 {"unplanned", unplanned.size()},
                                 {"senior_doctors_planned", doctors_planned},
                                 {"senior_doctors_missed", doctors_missed}}},
                               {"slots", slots},
                               {"unplanned", unplanned}});
}

}  // namespace yilian::rounds

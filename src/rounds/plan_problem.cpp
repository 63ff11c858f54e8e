#include "rounds/plan_problem.h"

#include <algorithm>

#include "calendar/date.h"
#include "calendar/work_days.h"
#include "common/clock.h"
#include "common/error.h"
#include "rounds/checks.h"
#include "rounds/needs.h"

namespace yilian::rounds {
namespace {

using auth::Role;
using common::RegionLevel;

std::optional<planner::GeoPoint> point(const store::Value& lat, const store::Value& lon) {
  if (lat.is_null() || lon.is_null()) return std::nullopt;
  return planner::GeoPoint{lat.as_real(), lon.as_real()};
}

// Per half-day of the horizon: inside [start, end] (end empty = open).
void mark_available(std::vector<bool>& avail, const planner::Horizon& h, const std::string& start,
                    const std::string& end) {
  avail.resize(h.half_days(), false);
  for (size_t d = 0; d < h.days.size(); ++d)
    if (h.days[d].date >= start && (end.empty() || h.days[d].date <= end)) avail[2 * d] = avail[2 * d + 1] = true;
}

// A senior doctor already planned with a team outside this problem (another township's
// plan) is not available in that half-day: applying the plan must not book him twice.
void busy_elsewhere(store::Db& db, const PlanPeriod& period, PlanProblem& out) {
  if (out.problem.doctors.empty()) return;
  std::map<std::string, int> day_index;
  const auto& days = out.problem.horizon.days;
  for (size_t d = 0; d < days.size(); ++d) day_index[days[d].date] = static_cast<int>(d);
  std::map<std::string, size_t> doctor_index;
  for (size_t i = 0; i < out.problem.doctors.size(); ++i) doctor_index[out.problem.doctors[i].id] = i;
  std::set<int64_t> own(out.team_ids.begin(), out.team_ids.end());
  auto r = db.query("SELECT d.staff_id, s.team_id, s.day, s.half FROM round_plan_doctor d JOIN round_plan_slot s ON "
                    "s.id = d.slot_id WHERE d.active = 1 AND s.active = 1 AND s.day >= ? AND s.day <= ?",
                    {period.from, period.to});
  for (const auto& row : r.rows) {
    auto doc = doctor_index.find(std::to_string(row[0].as_int()));
    auto day = day_index.find(row[2].as_text());
    if (doc == doctor_index.end() || day == day_index.end() || own.count(row[1].as_int())) continue;
    int half = row[3].as_text() == "pm" ? 1 : 0;
    out.problem.doctors[doc->second].available[2 * day->second + half] = false;
  }
}

}  // namespace

planner::Horizon plan_horizon(store::Db& db, const PlanPeriod& period, const std::string& region_code) {
  std::vector<std::string> days =
      calendar::WorkDays::load(db, period.from, period.to).list(region_code, period.from, period.to);
  if (days.empty()) common::invalid("to", "所选期间没有工作日");
  return planner::horizon_from_dates(days);
}

PlanPeriod parse_plan_period(const std::string& from, const std::string& to) {
  int y, m, d;
  if (!common::parse_date(from, y, m, d)) common::invalid("from", "开始日期格式应为YYYY-MM-DD");
  if (!common::parse_date(to, y, m, d)) common::invalid("to", "结束日期格式应为YYYY-MM-DD");
  if (to < from) common::invalid("to", "结束日期不能早于开始日期");
  if (calendar::day_number(to) - calendar::day_number(from) + 1 > kMaxPlanDays)
    common::invalid("to", "排班期间不能超过" + std::to_string(kMaxPlanDays) + "天");
  return {from, to};
}

ReportRegion plan_region(api::Context& ctx, const std::string& code) {
  const auto& me = ctx.me();
  if (me.role != Role::admin && me.role != Role::bureau && me.role != Role::township)
    common::forbidden("巡诊排班由卫健部门或乡镇卫生院编制");
  std::string c = code.empty() ? me.region_code : code;
  if (c.empty()) common::invalid("region", "请指定地区(region)");
  auto level = common::region_level(c);
  if (level == RegionLevel::invalid || level > RegionLevel::township)
    common::invalid("region", "地区须为乡镇(街道)或更高一级的区划代码: " + c);
  if (common::region_prefix(c).rfind(me.region_prefix, 0) != 0) common::forbidden("无权为该地区排班");
  return region_of(ctx.db, c, "region");
}

PlanProblem build_plan_problem(store::Db& db, const RoundsPolicy& policy, const ReportRegion& region,
                               const PlanPeriod& period, const PlanExtras& extras) {
  PlanProblem out;
  auto& pb = out.problem;
  pb.horizon = plan_horizon(db, period, region.code);
  pb.min_half_days_per_visit = static_cast<int>(policy.number("rounds.min_half_days_per_visit").value_or(1));
  int weekly = static_cast<int>(policy.number("rounds.min_visits_per_week").value_or(0));
  int senior = static_cast<int>(policy.number("rounds.senior_doctor_visits_per_month").value_or(0));
  std::vector<std::string> missing;

  // Villages owing visits (V2, V6), and those a stored plan names.
  std::map<std::string, std::optional<planner::GeoPoint>> coords;
  store::Params p;
  auto vr = db.query("SELECT region_code, latitude, longitude FROM village WHERE active = 1 AND " +
                         region.contains("region_code", p),
                     p);
  for (const auto& row : vr.rows) coords[row[0].as_text()] = point(row[1], row[2]);
  std::map<std::string, size_t> village_index;
  for (const auto& n : village_needs(db, policy, region, period.from)) {
    planner::Village v{n.code, n.name, n.township_code};
    v.team_visits_per_week = n.rounds_reasons.empty() ? 0 : weekly;
    v.senior_visits_per_month = n.senior_visits ? senior : 0;
    if (v.team_visits_per_week == 0 && v.senior_visits_per_month == 0 && !extras.village_codes.count(n.code)) continue;
    v.place.position = coords[n.code];
    if (!v.place.position) missing.push_back("村" + n.name + "(" + n.code + ")");
    village_index[n.code] = pb.villages.size();
    pb.villages.push_back(std::move(v));
  }

  // 包干 (V1): every team that serves the village at some time in the period.
  p = {period.to, period.from};
  auto ar = db.query("SELECT a.village_code, a.team_id FROM village_assignment a JOIN rounds_team rt ON rt.id = "
                     "a.team_id WHERE a.active = 1 AND rt.active = 1 AND " + checks::overlaps("a") + " AND " +
                         region.contains("a.village_code", p) + " ORDER BY a.village_code, a.team_id",
                     p);
  std::set<std::string> wanted = extras.team_ids;
  for (const auto& row : ar.rows)
    if (auto it = village_index.find(row[0].as_text()); it != village_index.end()) {
      std::string team = std::to_string(row[1].as_int());
      auto& teams = pb.villages[it->second].teams;
      if (std::find(teams.begin(), teams.end(), team) == teams.end()) teams.push_back(team);
      wanted.insert(team);
    }

  // Active teams of the region's township centres, starting from their centre.
  p = {period.to, period.from};
  auto tr = db.query("SELECT rt.id, rt.name, rt.has_vehicle, rt.max_trip_km, rt.max_villages_per_trip, rt.start_date, "
                     "rt.end_date, rt.institution_id, i.latitude, i.longitude, i.name, r.name FROM rounds_team rt JOIN "
                     "institution i ON i.id = rt.institution_id LEFT JOIN region r ON r.code = i.region_code WHERE "
                     "rt.active = 1 AND " + checks::overlaps("rt") + " AND " + region.contains("i.region_code", p) +
                         " ORDER BY rt.id",
                     p);
  std::map<int64_t, std::vector<std::string>> institution_teams;
  for (const auto& row : tr.rows) {
    std::string id = std::to_string(row[0].as_int());
    if (!wanted.count(id)) continue;  // a team with no village owing visits has nothing to plan
    planner::Team t;
    t.id = id;
    t.name = row[1].as_text();
    t.township = row[11].as_text();
    t.has_vehicle = row[2].as_int() != 0;
    // Without a recorded limit a team on foot is not limited: V8 is checked only where the
    // township has said how far its team can go.
    if (!t.has_vehicle && row[3].is_null()) t.has_vehicle = true;
    t.max_trip_km = row[3].is_null() ? 0 : row[3].as_real();
    t.max_villages_per_trip = row[4].is_null() ? 3 : std::clamp(static_cast<int>(row[4].as_int()), 1, 3);
    t.home.position = point(row[8], row[9]);
    if (!t.home.position) missing.push_back("团队" + t.name + "所在的" + row[10].as_text());
    mark_available(t.available, pb.horizon, row[5].as_text(), row[6].as_text());
    institution_teams[row[7].as_int()].push_back(id);
    out.team_ids.push_back(row[0].as_int());
    pb.teams.push_back(std::move(t));
  }
  // A village whose only teams are outside the problem keeps no team: the planner reports V1.
  std::set<std::string> known;
  for (const auto& t : pb.teams) known.insert(t.id);
  for (auto& v : pb.villages)
    std::erase_if(v.teams, [&](const std::string& t) { return !known.count(t); });

  // The senior-doctor pool (V6): each doctor joins the teams of the townships he or she serves.
  p = {period.to, period.from};
  auto sr = db.query("SELECT sd.staff_id, st.name, sd.township_institution_id, sd.start_date, sd.end_date FROM "
                     "senior_doctor sd JOIN staff st ON st.id = sd.staff_id JOIN institution i ON i.id = "
                     "sd.township_institution_id WHERE sd.active = 1 AND " + checks::overlaps("sd") + " AND " +
                         region.contains("i.region_code", p) + " ORDER BY sd.staff_id, sd.id",
                     p);
  std::map<std::string, size_t> doctor_index;
  for (const auto& row : sr.rows) {
    std::string id = std::to_string(row[0].as_int());
    auto [it, added] = doctor_index.emplace(id, pb.doctors.size());
    if (added) pb.doctors.push_back({id, row[1].as_text(), std::vector<bool>(pb.horizon.half_days(), false), {}, {}});
    auto& d = pb.doctors[it->second];
    std::vector<bool> here;
    mark_available(here, pb.horizon, row[3].as_text(), row[4].as_text());
    for (size_t s = 0; s < here.size(); ++s) d.available[s] = d.available[s] || here[s];
    for (const auto& t : institution_teams[row[2].as_int()]) d.teams.push_back(t);
    out.doctor_names[id] = d.name;
  }

  busy_elsewhere(db, period, out);

  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : "、") + m;
    throw common::ApiError(422, "missing_coordinates", "以下村或卫生院未登记经纬度,无法计算巡诊路程:" + list,
                           "latitude");
  }
  return out;
}

}  // namespace yilian::rounds

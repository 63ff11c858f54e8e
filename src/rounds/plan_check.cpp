#include "rounds/plan_check.h"

#include <map>

#include "common/error.h"
#include "planner/check.h"
#include "rounds/plan_json.h"
#include "rounds/plan_problem.h"

namespace yilian::rounds {
namespace {

using nlohmann::json;

// The region's active slots in the period as planner trips, with their senior doctors.
planner::Plan stored_plan(store::Db& db, const ReportRegion& region, const PlanPeriod& period,
                          const planner::Horizon& horizon, PlanExtras& extras) {
  std::map<std::string, int> day_index;
  for (size_t d = 0; d < horizon.days.size(); ++d) day_index[horizon.days[d].date] = static_cast<int>(d);
  store::Params p = {period.from, period.to};
  std::string where = "s.active = 1 AND s.day >= ? AND s.day <= ? AND " + region.contains("i.region_code", p);
  const std::string from = " FROM round_plan_slot s JOIN rounds_team rt ON rt.id = s.team_id JOIN institution i ON "
                           "i.id = rt.institution_id WHERE ";
  auto slots = db.query("SELECT s.id, s.team_id, s.day, s.half, s.village_code_1, s.village_code_2, s.village_code_3" +
                            from + where + " ORDER BY s.day, s.half, s.team_id, s.id",
                        p);
  auto doctors = db.query("SELECT d.slot_id, d.staff_id FROM round_plan_doctor d JOIN round_plan_slot s ON s.id = "
                          "d.slot_id JOIN rounds_team rt ON rt.id = s.team_id JOIN institution i ON i.id = "
                          "rt.institution_id WHERE d.active = 1 AND " + where + " ORDER BY d.slot_id, d.staff_id",
                          p);
  std::map<int64_t, std::vector<std::string>> slot_doctors;
  for (const auto& row : doctors.rows) slot_doctors[row[0].as_int()].push_back(std::to_string(row[1].as_int()));
  planner::Plan plan;
  for (const auto& row : slots.rows) {
    planner::Trip t;
    t.team = std::to_string(row[1].as_int());
    // A slot on a day off lies outside the horizon: the re-check reports it as malformed.
    auto it = day_index.find(row[2].as_text());
    t.day = it == day_index.end() ? -1 : it->second;
    t.half = row[3].as_text() == "pm" ? planner::Half::pm : planner::Half::am;
    for (int c = 4; c <= 6; ++c)
      if (!row[c].is_null() && !row[c].as_text().empty()) t.villages.push_back(row[c].as_text());
    t.senior_doctors = slot_doctors[row[0].as_int()];
    extras.team_ids.insert(t.team);
    extras.village_codes.insert(t.villages.begin(), t.villages.end());
    plan.trips.push_back(std::move(t));
  }
  return plan;
}

// The answer of both checks: which plan was checked ("stored" slots or the "proposal"
// sent), and every rule it breaks.
http::Response answer(api::Context& ctx, const ReportRegion& region, const PlanPeriod& period,
                      const RoundsPolicy& policy, const planner::Plan& plan, const PlanExtras& extras,
                      const char* checked) {
  PlanProblem problem = build_plan_problem(ctx.db, policy, region, period, extras);
  try {
    planner::Instance in(problem.problem);
    auto violations = planner::check(in, plan);
    return http::Response::json({{"region", region.code},
                                 {"region_name", region.name},
                                 {"from", period.from},
                                 {"to", period.to},
                                 {"preset", policy.id()},
                                 {"checked", checked},
                                 {"slots", plan.trips.size()},
                                 {"ok", violations.empty()},
                                 {"violations", violations_json(in, plan, violations)}});
  } catch (const std::invalid_argument& e) {
    common::invalid("region", std::string("排班数据有误:") + e.what());
  }
}

std::string text_of(const json& body, const char* key) {
  if (!body.contains(key) || body[key].is_null()) return "";
  if (!body[key].is_string()) common::invalid(key, std::string(key) + "须为字符串");
  return body[key].get<std::string>();
}

// A proposal's trips as planner trips: {team_id, day, half, villages:[{code}|code],
// senior_doctors:[{staff_id}|id]} — the shape of a run's answer, so the screen sends back
// what it shows. A day outside the period's working days is judged as malformed.
planner::Plan proposed_plan(const json& trips, const planner::Horizon& horizon, PlanExtras& extras) {
  if (!trips.is_array()) common::invalid("trips", "trips须为排班数组");
  if (trips.size() > 5000) common::invalid("trips", "一次最多复核5000个排班");
  std::map<std::string, int> day_index;
  for (size_t d = 0; d < horizon.days.size(); ++d) day_index[horizon.days[d].date] = static_cast<int>(d);
  planner::Plan plan;
  for (const auto& t : trips) {
    if (!t.is_object() || !t.contains("team_id") || !t["team_id"].is_number_integer() || !t.contains("day") ||
        !t["day"].is_string())
      common::invalid("trips", "每个排班须有team_id、day、half和villages");
    planner::Trip trip;
    trip.team = std::to_string(t["team_id"].get<int64_t>());
    auto it = day_index.find(t["day"].get<std::string>());
    trip.day = it == day_index.end() ? -1 : it->second;
    std::string half = t.value("half", "am");
    if (half != "am" && half != "pm") common::invalid("trips", "half须为am或pm");
    trip.half = half == "pm" ? planner::Half::pm : planner::Half::am;
    for (const auto& v : t.value("villages", json::array())) {
      std::string code = v.is_string() ? v.get<std::string>() : v.is_object() ? v.value("code", "") : "";
      if (code.empty()) common::invalid("trips", "巡诊村须为行政村代码");
      trip.villages.push_back(code);
    }
    for (const auto& d : t.value("senior_doctors", json::array())) {
      int64_t id = d.is_number_integer() ? d.get<int64_t>() : d.is_object() ? d.value("staff_id", int64_t{0}) : 0;
      if (id <= 0) common::invalid("trips", "医疗骨干须为人员编号");
      trip.senior_doctors.push_back(std::to_string(id));
    }
    extras.team_ids.insert(trip.team);
    extras.village_codes.insert(trip.villages.begin(), trip.villages.end());
    plan.trips.push_back(std::move(trip));
  }
  return plan;
}

}  // namespace

http::Response check_plan(api::Context& ctx) {
  ReportRegion region = plan_region(ctx, ctx.req.query_or("region"));
  PlanPeriod period = parse_plan_period(ctx.req.query_or("from"), ctx.req.query_or("to"));
  RoundsPolicy policy = RoundsPolicy::of_request(ctx);
  // The stored slots first, then the problem with every team and village they name, so
  // nothing stored escapes the re-check.
  PlanExtras extras;
  planner::Plan plan = stored_plan(ctx.db, region, period, plan_horizon(ctx.db, period, region.code), extras);
  return answer(ctx, region, period, policy, plan, extras, "stored");
}

http::Response check_proposal(api::Context& ctx) {
  json body = ctx.json_body();
  std::string preset = text_of(body, "preset");
  if (!preset.empty()) ctx.req.query["preset"] = preset;  // the preset helper reads ?preset=
  ReportRegion region = plan_region(ctx, text_of(body, "region"));
  PlanPeriod period = parse_plan_period(text_of(body, "from"), text_of(body, "to"));
  RoundsPolicy policy = RoundsPolicy::of_request(ctx);
  PlanExtras extras;
  planner::Plan plan = proposed_plan(body.contains("trips") ? body["trips"] : json(), plan_horizon(ctx.db, period, region.code), extras);
  return answer(ctx, region, period, policy, plan, extras, "proposal");
}

}  // namespace yilian::rounds

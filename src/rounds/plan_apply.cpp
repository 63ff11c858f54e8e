#include "rounds/plan_apply.h"

#include "audit/audit.h"
#include "common/clock.h"

namespace yilian::rounds {
namespace {

using nlohmann::json;

// "s.team_id IN (?, …) AND s.day >= ? AND s.day <= ?" with its parameters.
std::string period_slots(const PlanProblem& problem, const PlanPeriod& period, store::Params& p) {
  std::string in;
  for (int64_t id : problem.team_ids) {
    in += in.empty() ? "?" : ", ?";
    p.push_back(id);
  }
  p.push_back(period.from);
  p.push_back(period.to);
  return "s.active = 1 AND s.team_id IN (" + in + ") AND s.day >= ? AND s.day <= ?";
}

json slots_json(const store::Result& r) {
  json out = json::array();
  for (const auto& row : r.rows) {
    json villages = json::array();
    for (int c = 4; c <= 6; ++c)
      if (!row[c].is_null()) villages.push_back(row[c].as_text());
    out.push_back({{"id", row[0].as_int()}, {"team_id", row[1].as_int()}, {"day", row[2].as_text()},
                   {"half", row[3].as_text()}, {"villages", villages}, {"source", row[7].as_text()}});
  }
  return out;
}

}  // namespace

ApplyResult apply_plan(api::Context& ctx, const ReportRegion& region, const PlanPeriod& period,
                       const PlanProblem& problem, const planner::Plan& plan) {
  ApplyResult out;
  store::Transaction tx(ctx.db);
  std::string now = common::now_iso();
  json before = json::array();
  if (!problem.team_ids.empty()) {
    store::Params p;
    std::string where = period_slots(problem, period, p);
    auto old = ctx.db.query("SELECT s.id, s.team_id, s.day, s.half, s.village_code_1, s.village_code_2, "
                            "s.village_code_3, s.source FROM round_plan_slot s WHERE " + where + " ORDER BY s.id",
                            p);
    before = slots_json(old);
    store::Params q = {now};
    q.insert(q.end(), p.begin(), p.end());
    ctx.db.exec("UPDATE round_plan_doctor SET active = 0, version = version + 1, updated_at = ? WHERE active = 1 AND "
                "slot_id IN (SELECT s.id FROM round_plan_slot s WHERE " + where + ")",
                q);
    out.replaced = ctx.db.exec("UPDATE round_plan_slot SET active = 0, version = version + 1, updated_at = ? WHERE id IN "
                               "(SELECT s.id FROM round_plan_slot s WHERE " + where + ")",
                               q);
  }
  const auto& days = problem.problem.horizon.days;
  json after = json::array();
  for (const auto& trip : plan.trips) {
    store::Params p = {std::stoll(trip.team), days[trip.day].date, trip.half == planner::Half::am ? "am" : "pm"};
    for (size_t i = 0; i < 3; ++i) p.push_back(i < trip.villages.size() ? store::Value(trip.villages[i]) : store::Value());
    p.push_back(now);
    p.push_back(now);
    int64_t id = ctx.db.insert("INSERT INTO round_plan_slot (team_id, day, half, village_code_1, village_code_2, "
                               "village_code_3, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'planner', ?, ?)",
                               p);
    for (const auto& d : trip.senior_doctors)
      ctx.db.insert("INSERT INTO round_plan_doctor (slot_id, staff_id, created_at, updated_at) VALUES (?, ?, ?, ?)",
                    {id, std::stoll(d), now, now});
    after.push_back({{"id", id}, {"team_id", std::stoll(trip.team)}, {"day", days[trip.day].date},
                     {"half", trip.half == planner::Half::am ? "am" : "pm"}, {"villages", trip.villages},
                     {"senior_doctors", trip.senior_doctors}, {"source", "planner"}});
    ++out.inserted;
  }
  audit::record(ctx.db, ctx.user, ctx.req.remote_addr,
                {"plan_apply", "round_plan_slot", region.code + ":" + period.from + ".." + period.to, region.code, 0,
                 {{"from", period.from}, {"to", period.to}, {"slots", before}},
                 {{"from", period.from}, {"to", period.to}, {"slots", after}}});
  tx.commit();
  return out;
}

}  // namespace yilian::rounds

#include <algorithm>

#include "planner/capacity.h"
#include "planner/diagnose.h"

namespace yilian::planner {
namespace {

std::string n(int x) { return std::to_string(x); }

bool about(const Explanation& reason, const Violation& unmet) {
  if (std::find(reason.villages.begin(), reason.villages.end(), unmet.village) == reason.villages.end()) return false;
  // A village no team serves or reaches explains every rule of that village.
  if (reason.kind == RuleKind::village_outside_grid || reason.kind == RuleKind::trip_beyond_reach) return true;
  return reason.kind == unmet.kind && reason.week == unmet.week && reason.month == unmet.month;
}

// No single count falls short: the visits compete for the same half-days. Say which.
std::string competing_demand(const Instance& in, const Violation& unmet) {
  int v = in.village_index(unmet.village);
  const auto& serving = in.serving_teams(v);
  std::string text;
  for (int t : serving) {
    if (unmet.kind == RuleKind::weekly_team_visits) {
      int owed = 0;
      for (int u : in.team_villages(t)) owed += in.weekly_visits_required(u, unmet.week);
      text += (text.empty() ? "" : ";") + ("团队" + in.team_name(t) + "本周可用" +
                                           n(in.team_available_slots_in_week(t, unmet.week)) + "个半天,其包干重点村本周需巡诊" +
                                           n(owed) + "次(每次" + n(in.visit_length()) + "个半天)");
    } else {
      int owed = 0;
      for (int u : in.team_villages(t)) owed += in.senior_visits_required(u, unmet.month);
      auto cap = senior_capacity(in, {t}, unmet.month);
      text += (text.empty() ? "" : ";") + ("团队" + in.team_name(t) + "所包干的村须医疗骨干巡诊" + n(owed) +
                                           "次,可加入的医疗骨干与团队同时可用" + n(cap.joint_half_days) + "个半天,每趟最多" +
                                           n(cap.max_villages) + "个村");
    }
  }
  return text + "。各项巡诊(含重点村每周巡诊与医疗骨干巡诊、无车团队里程限制)争用同一批半天,无法同时满足";
}

}  // namespace

std::vector<Explanation> explain(const Instance& in, const std::vector<Violation>& unmet) {
  if (unmet.empty()) return {};
  auto reasons = diagnose(in);
  std::vector<Explanation> out;
  for (const auto& u : unmet) {
    if (u.kind != RuleKind::weekly_team_visits && u.kind != RuleKind::monthly_senior_visits) continue;
    Explanation e;
    e.kind = u.kind;
    e.villages = {u.village};
    e.week = u.week;
    e.month = u.month;
    e.demand = u.required;
    e.capacity = u.actual;
    std::string why;
    for (const auto& r : reasons)
      if (about(r, u)) why += (why.empty() ? "" : ";") + r.message;
    if (why.empty() && in.village_index(u.village) >= 0) why = competing_demand(in, u);
    e.message = u.message + "。原因:" + why;
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<Explanation> explain(const Problem& problem, const std::vector<Violation>& unmet) {
  Instance in(problem);
  return explain(in, unmet);
}

}  // namespace yilian::planner

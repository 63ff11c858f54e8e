#include "planner/diagnose.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "planner/capacity.h"
#include "planner/parts.h"
#include "planner/trips.h"

namespace yilian::planner {
namespace {

std::string n(int x) { return std::to_string(x); }

std::string km(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

std::string join_names(const Instance& in, const std::vector<int>& villages) {
  std::string out;
  for (size_t i = 0; i < villages.size() && i < 8; ++i) out += (i ? "、" : "") + in.village_name(villages[i]);
  if (villages.size() > 8) out += "等" + n(static_cast<int>(villages.size())) + "个村";
  return out;
}

// A set of teams whose capacity is compared with the visits only they can make.
struct Scope {
  int level;  // 0 team, 1 township, 2 independent part: finer scopes are reported first
  std::vector<int> teams;
  std::string team, township;
  std::string label;  // "团队A(X镇)", "X镇3个团队"
};

std::vector<Scope> scopes(const Instance& in) {
  std::vector<Scope> out;
  std::set<std::vector<int>> seen;
  auto add = [&](Scope s) {
    std::sort(s.teams.begin(), s.teams.end());
    if (seen.insert(s.teams).second) out.push_back(std::move(s));
  };
  std::map<std::string, std::vector<int>> by_township;
  for (int t = 0; t < in.teams(); ++t) {
    const auto& township = in.problem().teams[t].township;
    add({0, {t}, in.problem().teams[t].id, township,
         "团队" + in.team_name(t) + (township.empty() ? "" : "(" + township + ")")});
    if (!township.empty()) by_township[township].push_back(t);
  }
  for (auto& [township, teams] : by_township)
    add({1, teams, "", township, township + n(static_cast<int>(teams.size())) + "个团队"});
  for (auto& part : independent_parts(in))
    add({2, part.teams, "", "", "相互关联的" + n(static_cast<int>(part.teams.size())) + "个团队"});
  return out;
}

// Villages owing visits that only teams of the scope can make.
bool only_served_by(const Instance& in, int v, const std::vector<int>& teams) {
  const auto& serving = in.serving_teams(v);
  if (serving.empty()) return false;
  for (int t : serving)
    if (!std::binary_search(teams.begin(), teams.end(), t)) return false;
  return true;
}

class Diagnosis {
 public:
  explicit Diagnosis(const Instance& in) : in_(in) {}

  std::vector<Explanation> run() {
    for (int v = 0; v < in_.villages(); ++v)
      if (needs_visits(in_, v)) village_reasons(v);
    auto all = scopes(in_);
    std::stable_sort(all.begin(), all.end(), [](const Scope& a, const Scope& b) { return a.level < b.level; });
    for (const auto& scope : all) {
      for (int w = 0; w < in_.weeks(); ++w) weekly_capacity(scope, w);
      for (int m = 0; m < in_.months(); ++m) senior_capacity_of(scope, m);
    }
    return std::move(out_);
  }

 private:
  Explanation& add(RuleKind kind, std::vector<int> villages, std::string message) {
    Explanation e;
    e.kind = kind;
    for (int v : villages) e.villages.push_back(in_.problem().villages[v].id);
    e.message = std::move(message);
    return out_.emplace_back(std::move(e));
  }

  void village_reasons(int v) {
    const auto& village = in_.problem().villages[v];
    std::string owed = "村" + in_.village_name(v) + "须" +
                       (village.team_visits_per_week ? "每周巡诊" + n(village.team_visits_per_week) + "次" : "") +
                       (village.team_visits_per_week && village.senior_visits_per_month ? "、" : "") +
                       (village.senior_visits_per_month ? "每月医疗骨干巡诊" + n(village.senior_visits_per_month) + "次" : "");
    if (in_.listed_teams(v).empty()) {
      add(RuleKind::village_outside_grid, {v}, owed + ",但没有任何团队包干该村(V1)");
      reported_.insert(v);
      return;
    }
    if (in_.serving_teams(v).empty()) {
      std::string why;
      for (int t : in_.listed_teams(v)) {
        const Team& team = in_.problem().teams[t];
        why += (why.empty() ? "" : ";") + ("包干团队" + in_.team_name(t) + "无巡诊车,往返" + km(2 * in_.home_km(t, v)) +
                                           "公里,超过单趟上限" + km(team.max_trip_km) + "公里");
      }
      add(RuleKind::trip_beyond_reach, {v}, owed + ",但" + why + "(V8)");
      reported_.insert(v);
      return;
    }
    const auto& serving = in_.serving_teams(v);
    for (int w = 0; w < in_.weeks(); ++w) {
      int need = in_.weekly_visits_required(v, w), can = 0, half_days = 0;
      if (need == 0) continue;
      for (int t : serving) {
        can += weekly_visit_capacity(in_, t, w);
        half_days += in_.team_available_slots_in_week(t, w);
      }
      if (can >= need) continue;
      auto& e = add(RuleKind::weekly_team_visits, {v},
                    "村" + in_.village_name(v) + in_.week_label(w) + "须巡诊" + n(need) + "次(每次至少" +
                        n(in_.visit_length()) + "个半天),包干团队本周只有" + n(half_days) + "个可用半天,至多" + n(can) +
                        "次(V2)");
      e.week = w, e.capacity = can, e.demand = need;
      weekly_reported_.insert({v, w});
    }
    for (int m = 0; m < in_.months(); ++m) {
      int need = in_.senior_visits_required(v, m);
      if (need == 0) continue;
      auto cap = senior_capacity(in_, serving, m);
      if (cap.joint_half_days >= need) continue;
      std::string why = cap.doctors == 0
                            ? "没有医疗骨干可加入其包干团队"
                            : "可加入其包干团队的医疗骨干" + n(cap.doctors) + "人与团队同时可用的半天只有" +
                                  n(cap.joint_half_days) + "个,每个半天至多巡诊该村1次";
      auto& e = add(RuleKind::monthly_senior_visits, {v},
                    "村" + in_.village_name(v) + in_.month_label(m) + "须有医疗骨干巡诊" + n(need) + "次,但" + why + "(V6)");
      e.month = m, e.capacity = cap.joint_half_days, e.demand = need;
      senior_reported_.insert({v, m});
    }
  }

  // A finer scope already short in the same week or month explains a coarser one.
  bool covered(const Scope& scope, RuleKind kind, int period) const {
    for (const auto& [teams, k, p] : short_scopes_)
      if (k == kind && p == period &&
          std::includes(scope.teams.begin(), scope.teams.end(), teams.begin(), teams.end()))
        return true;
    return false;
  }

  void weekly_capacity(const Scope& scope, int w) {
    std::vector<int> villages;
    int demand = 0, capacity = 0, half_days = 0;
    for (int v = 0; v < in_.villages(); ++v) {
      int need = in_.weekly_visits_required(v, w);
      if (need == 0 || reported_.count(v) || weekly_reported_.count({v, w}) || !only_served_by(in_, v, scope.teams))
        continue;
      villages.push_back(v);
      demand += need;
    }
    for (int t : scope.teams) {
      capacity += weekly_visit_capacity(in_, t, w);
      half_days += in_.team_available_slots_in_week(t, w);
    }
    if (demand <= capacity || covered(scope, RuleKind::weekly_team_visits, w)) return;
    short_scopes_.push_back({scope.teams, RuleKind::weekly_team_visits, w});
    std::string supply = scope.teams.size() > 1 && half_days % scope.teams.size() == 0
                             ? scope.label + "×" + n(half_days / static_cast<int>(scope.teams.size())) + "个半天"
                             : scope.label + "共" + n(half_days) + "个可用半天";
    std::string per_visit = in_.visit_length() > 1 ? "(每次" + n(in_.visit_length()) + "个半天)" : "";
    auto& e = add(RuleKind::weekly_team_visits, villages,
                  in_.week_label(w) + ":" + supply + "=" + n(capacity) + "次出诊能力" + per_visit + ",需求" + n(demand) +
                      "次(只能由其巡诊的重点村" + n(static_cast<int>(villages.size())) + "个:" + join_names(in_, villages) +
                      "),缺" + n(demand - capacity) + "次(V2)");
    e.team = scope.team, e.township = scope.township, e.week = w, e.capacity = capacity, e.demand = demand;
  }

  void senior_capacity_of(const Scope& scope, int m) {
    std::vector<int> villages;
    int demand = 0;
    for (int v = 0; v < in_.villages(); ++v) {
      int need = in_.senior_visits_required(v, m);
      if (need == 0 || reported_.count(v) || senior_reported_.count({v, m}) || !only_served_by(in_, v, scope.teams))
        continue;
      villages.push_back(v);
      demand += need;
    }
    auto cap = senior_capacity(in_, scope.teams, m);
    if (demand <= cap.visits() || covered(scope, RuleKind::monthly_senior_visits, m)) return;
    short_scopes_.push_back({scope.teams, RuleKind::monthly_senior_visits, m});
    auto& e = add(RuleKind::monthly_senior_visits, villages,
                  in_.month_label(m) + ":" + scope.label + "所包干的" + n(static_cast<int>(villages.size())) + "个村(" +
                      join_names(in_, villages) + ")须医疗骨干巡诊共" + n(demand) + "次;可加入的医疗骨干" +
                      n(cap.doctors) + "人共" + n(cap.doctor_half_days) + "个可用半天,其中与团队同时可用" +
                      n(cap.joint_half_days) + "个,每趟最多" + n(cap.max_villages) + "个村,至多" + n(cap.visits()) +
                      "次,缺" + n(demand - cap.visits()) + "次(V6)");
    e.team = scope.team, e.township = scope.township, e.month = m, e.capacity = cap.visits(), e.demand = demand;
  }

  const Instance& in_;
  std::vector<Explanation> out_;
  std::set<int> reported_;  // villages no team can serve at all
  std::set<std::pair<int, int>> weekly_reported_, senior_reported_;
  std::vector<std::tuple<std::vector<int>, RuleKind, int>> short_scopes_;
};

}  // namespace

std::vector<Explanation> diagnose(const Instance& in) { return Diagnosis(in).run(); }

std::vector<Explanation> diagnose(const Problem& problem) {
  Instance in(problem);
  return diagnose(in);
}

}  // namespace yilian::planner

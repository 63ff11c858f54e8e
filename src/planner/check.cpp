#include "planner/check.h"

#include <cstdio>
#include <map>
#include <set>

namespace yilian::planner {
namespace {

std::string km_text(double km) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", km);
  return buf;
}

struct Checker {
  const Instance& in;
  const Plan& plan;
  std::vector<Violation> out;

  Violation& add(RuleKind kind, int trip, std::string message) {
    Violation v;
    v.kind = kind;
    v.trip = trip;
    v.message = std::move(message);
    if (trip >= 0) v.team = plan.trips[trip].team;
    return out.emplace_back(std::move(v));
  }

  std::string where(int trip) const {
    const Trip& t = plan.trips[trip];
    return "第" + std::to_string(trip + 1) + "趟(团队" + t.team + "," + in.slot_label(slot_of(t.day, t.half)) + ")";
  }

  // Per trip: what can be judged from the trip alone. Returns false when the trip is too
  // malformed to take part in the counting that follows.
  bool check_trip(int i) {
    const Trip& trip = plan.trips[i];
    int t = in.team_index(trip.team);
    bool day_ok = trip.day >= 0 && trip.day < static_cast<int>(in.problem().horizon.days.size());
    if (t < 0) add(RuleKind::malformed_trip, i, where(i) + ":团队" + trip.team + "不存在");
    if (!day_ok) add(RuleKind::malformed_trip, i, where(i) + ":日期序号" + std::to_string(trip.day) + "超出规划期");
    if (trip.villages.empty()) add(RuleKind::malformed_trip, i, where(i) + ":没有安排村");
    if (t < 0 || !day_ok) return false;
    const int slot = slot_of(trip.day, trip.half);
    if (!in.team_available(t, slot))
      add(RuleKind::team_unavailable, i, where(i) + ":团队" + in.team_name(t) + "该半天不可用");

    std::vector<int> villages;
    std::set<std::string> seen;
    for (const auto& id : trip.villages) {
      int v = in.village_index(id);
      if (v < 0) {
        add(RuleKind::malformed_trip, i, where(i) + ":村" + id + "不存在");
        continue;
      }
      if (!seen.insert(id).second) add(RuleKind::malformed_trip, i, where(i) + ":村" + id + "重复").village = id;
      villages.push_back(v);
      if (!in.may_serve(t, v))
        add(RuleKind::village_outside_grid, i,
            where(i) + ":村" + in.village_name(v) + "不在团队" + in.team_name(t) + "包干的网格内(V1)")
            .village = id;
    }
    const Team& team = in.problem().teams[t];
    if (static_cast<int>(trip.villages.size()) > team.max_villages_per_trip)
      add(RuleKind::too_many_villages, i,
          where(i) + ":安排了" + std::to_string(trip.villages.size()) + "个村,团队每趟最多" +
              std::to_string(team.max_villages_per_trip) + "个");
    double km = in.tour_in_order(t, villages);
    if (!in.trip_within_limit(t, km))
      add(RuleKind::trip_beyond_reach, i,
          where(i) + ":团队" + in.team_name(t) + "无巡诊车,该趟往返" + km_text(km) + "公里,超过单趟上限" +
              km_text(team.max_trip_km) + "公里(V8)");

    for (const auto& id : trip.senior_doctors) {
      int d = in.doctor_index(id);
      if (d < 0) {
        add(RuleKind::malformed_trip, i, where(i) + ":医疗骨干" + id + "不存在").doctor = id;
        continue;
      }
      if (!in.doctor_may_join(d, t))
        add(RuleKind::doctor_not_allowed, i, where(i) + ":医疗骨干" + in.doctor_name(d) + "不能加入团队" + in.team_name(t))
            .doctor = id;
      if (!in.doctor_available(d, slot))
        add(RuleKind::doctor_unavailable, i, where(i) + ":医疗骨干" + in.doctor_name(d) + "该半天不可用").doctor = id;
    }
    return true;
  }

  void check_double_booking(const std::vector<bool>& usable) {
    std::map<std::pair<std::string, int>, int> team_at, doctor_at;
    for (size_t i = 0; i < plan.trips.size(); ++i) {
      if (!usable[i]) continue;
      const Trip& trip = plan.trips[i];
      int slot = slot_of(trip.day, trip.half), me = static_cast<int>(i);
      auto [it, fresh] = team_at.emplace(std::make_pair(trip.team, slot), me);
      if (!fresh)
        add(RuleKind::team_double_booked, me,
            where(me) + "与" + where(it->second) + "冲突:团队" + trip.team + "同一半天只能在一处");
      for (const auto& doc : trip.senior_doctors) {
        auto [dit, dfresh] = doctor_at.emplace(std::make_pair(doc, slot), me);
        if (!dfresh)
          add(RuleKind::doctor_double_booked, me,
              where(me) + "与" + where(dit->second) + "冲突:医疗骨干" + doc + "同一半天只能在一处")
              .doctor = doc;
      }
    }
  }
};

}  // namespace

std::vector<Violation> unmet_visits(const Instance& in, const Plan& plan) {
  const int nv = in.villages();
  std::vector<std::vector<int>> weekly(nv, std::vector<int>(in.weeks(), 0));
  std::vector<std::vector<int>> senior(nv, std::vector<int>(in.months(), 0));
  std::map<std::pair<int, int>, std::set<int>> single_trip_slots;  // (team, village) → half-days
  for (const auto& trip : plan.trips) {
    int t = in.team_index(trip.team);
    if (t < 0 || trip.day < 0 || trip.day >= static_cast<int>(in.problem().horizon.days.size())) continue;
    int slot = slot_of(trip.day, trip.half);
    bool with_senior = false;
    for (const auto& d : trip.senior_doctors) with_senior |= in.doctor_index(d) >= 0;
    std::set<int> villages;
    for (const auto& id : trip.villages)
      if (int v = in.village_index(id); v >= 0) villages.insert(v);
    if (with_senior)
      for (int v : villages) ++senior[v][in.month_of(slot)];
    if (trip.villages.size() == 1 && villages.size() == 1) single_trip_slots[{t, *villages.begin()}].insert(slot);
  }
  // V2 with min_half_days_per_visit = h: each run of consecutive single-village half-days of
  // one team at one village, within one week, makes run / h visits.
  const int h = in.visit_length();
  for (const auto& [key, slots] : single_trip_slots) {
    int run = 0, prev = -2;
    for (int s : slots) {
      if (s == prev + 1 && in.week_of(s) == in.week_of(prev)) ++run;
      else {
        if (prev >= 0) weekly[key.second][in.week_of(prev)] += run / h;
        run = 1;
      }
      prev = s;
    }
    if (prev >= 0) weekly[key.second][in.week_of(prev)] += run / h;
  }

  std::vector<Violation> out;
  for (int v = 0; v < nv; ++v) {
    for (int w = 0; w < in.weeks(); ++w)
      if (int need = in.weekly_visits_required(v, w); weekly[v][w] < need) {
        Violation x{RuleKind::weekly_team_visits, in.problem().villages[v].id};
        x.week = w;
        x.required = need;
        x.actual = weekly[v][w];
        x.message = "村" + in.village_name(v) + in.week_label(w) + "须巡诊" + std::to_string(need) + "次(每次至少" +
                    std::to_string(h) + "个半天),排班只有" + std::to_string(x.actual) + "次(V2)";
        out.push_back(std::move(x));
      }
    for (int m = 0; m < in.months(); ++m)
      if (int need = in.senior_visits_required(v, m); senior[v][m] < need) {
        Violation x{RuleKind::monthly_senior_visits, in.problem().villages[v].id};
        x.month = m;
        x.required = need;
        x.actual = senior[v][m];
        x.message = "村" + in.village_name(v) + in.month_label(m) + "须有医疗骨干巡诊" + std::to_string(need) +
                    "次,排班只有" + std::to_string(x.actual) + "次(V6)";
        out.push_back(std::move(x));
      }
  }
  return out;
}

std::vector<Violation> check(const Instance& in, const Plan& plan) {
  Checker c{in, plan, {}};
  std::vector<bool> usable(plan.trips.size());
  for (size_t i = 0; i < plan.trips.size(); ++i) usable[i] = c.check_trip(static_cast<int>(i));
  c.check_double_booking(usable);
  auto unmet = unmet_visits(in, plan);
  c.out.insert(c.out.end(), unmet.begin(), unmet.end());
  return c.out;
}

std::vector<Violation> check(const Problem& problem, const Plan& plan) {
  Instance in(problem);
  return check(in, plan);
}

}  // namespace yilian::planner

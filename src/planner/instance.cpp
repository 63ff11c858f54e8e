#include "planner/instance.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <stdexcept>

namespace yilian::planner {
namespace {

constexpr double kEarthRadiusKm = 6371.0088;

double great_circle_km(const GeoPoint& a, const GeoPoint& b) {
  const double rad = std::numbers::pi / 180.0;
  double dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

// Road km between two places, or a negative number when neither way of measuring applies.
double place_km(const Travel& travel, const Place& a, const Place& b) {
  int n = static_cast<int>(travel.matrix_km.size());
  if (a.matrix_index >= 0 && b.matrix_index >= 0 && a.matrix_index < n && b.matrix_index < n)
    return travel.matrix_km[a.matrix_index][b.matrix_index];
  if (a.position && b.position) return great_circle_km(*a.position, *b.position) * travel.road_factor;
  return -1;
}

std::vector<bool> availability(const std::vector<bool>& given, int slots) {
  return given.empty() ? std::vector<bool>(slots, true) : given;
}

// Week and month numbers as given may be ISO week numbers or anything ordered; the
// planner wants 0, 1, 2… in order of first appearance.
std::vector<int> renumber(const std::vector<int>& values, int& count) {
  std::map<int, int> seen;
  std::vector<int> out;
  for (int v : values) {
    auto it = seen.find(v);
    if (it == seen.end()) it = seen.emplace(v, static_cast<int>(seen.size())).first;
    out.push_back(it->second);
  }
  count = static_cast<int>(seen.size());
  return out;
}

template <class T>
void index_ids(const std::vector<T>& items, const char* kind, std::unordered_map<std::string, int>& ids,
               std::vector<std::string>& errors) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].id.empty()) errors.push_back(std::string(kind) + "第" + std::to_string(i + 1) + "项缺少编号");
    else if (!ids.emplace(items[i].id, static_cast<int>(i)).second)
      errors.push_back(std::string(kind) + "编号重复:" + items[i].id);
  }
}

}  // namespace

Instance::Instance(const Problem& p) : problem_(&p) {
  std::vector<std::string> errors;
  const int n_slots = p.horizon.half_days();
  if (p.horizon.days.empty()) errors.push_back("规划期没有工作日");
  if (p.horizon.full_week_working_days < 1) errors.push_back("每周工作日数须至少为1");
  if (p.min_half_days_per_visit < 1) errors.push_back("每次巡诊时长须至少为1个半天");
  if (p.balance_weight < 0) errors.push_back("均衡权重不能为负数");
  if (p.travel.road_factor <= 0) errors.push_back("道路系数须大于0");
  for (const auto& row : p.travel.matrix_km)
    if (row.size() != p.travel.matrix_km.size()) {
      errors.push_back("距离矩阵须为方阵");
      break;
    }
  index_ids(p.teams, "团队", team_ids_, errors);
  index_ids(p.villages, "村", village_ids_, errors);
  index_ids(p.doctors, "医疗骨干", doctor_ids_, errors);

  std::vector<int> weeks, months;
  for (const auto& d : p.horizon.days) {
    weeks.push_back(d.week);
    months.push_back(d.month);
  }
  week_of_day_ = renumber(weeks, weeks_);
  month_of_day_ = renumber(months, months_);
  week_days_.assign(weeks_, 0);
  for (int w : week_of_day_) ++week_days_[w];

  for (const auto& t : p.teams) {
    if (t.max_villages_per_trip < 1 || t.max_villages_per_trip > 3)
      errors.push_back("团队" + t.id + "每趟村数须为1–3");
    if (!t.available.empty() && static_cast<int>(t.available.size()) != n_slots)
      errors.push_back("团队" + t.id + "的可用半天数与规划期不符");
    if (!t.has_vehicle && t.max_trip_km < 0) errors.push_back("团队" + t.id + "单趟里程上限不能为负数");
    team_avail_.push_back(availability(t.available, n_slots));
  }
  for (const auto& d : p.doctors) {
    if (!d.available.empty() && static_cast<int>(d.available.size()) != n_slots)
      errors.push_back("医疗骨干" + d.id + "的可用半天数与规划期不符");
    for (const auto& id : d.teams)
      if (!team_ids_.count(id)) errors.push_back("医疗骨干" + d.id + "可加入的团队" + id + "不存在");
    doctor_avail_.push_back(availability(d.available, n_slots));
  }
  listed_teams_.resize(p.villages.size());
  for (size_t v = 0; v < p.villages.size(); ++v) {
    const auto& village = p.villages[v];
    if (village.team_visits_per_week < 0 || village.senior_visits_per_month < 0)
      errors.push_back("村" + village.id + "的巡诊次数不能为负数");
    for (const auto& id : village.teams) {
      auto it = team_ids_.find(id);
      if (it == team_ids_.end()) errors.push_back("村" + village.id + "的包干团队" + id + "不存在");
      else if (std::find(listed_teams_[v].begin(), listed_teams_[v].end(), it->second) == listed_teams_[v].end())
        listed_teams_[v].push_back(it->second);
    }
  }

  const int nt = teams(), nv = villages();
  home_km_.assign(nt, std::vector<double>(nv, 0));
  village_km_.assign(static_cast<size_t>(nv) * nv, 0);
  std::string unmeasurable;
  for (int t = 0; t < nt; ++t)
    for (int v = 0; v < nv; ++v) {
      home_km_[t][v] = place_km(p.travel, p.teams[t].home, p.villages[v].place);
      if (home_km_[t][v] < 0 && unmeasurable.empty()) unmeasurable = "团队" + p.teams[t].id + "与村" + p.villages[v].id;
    }
  for (int a = 0; a < nv; ++a)
    for (int b = 0; b < nv; ++b) {
      double km = a == b ? 0 : place_km(p.travel, p.villages[a].place, p.villages[b].place);
      village_km_[a * nv + b] = km;
      if (km < 0 && unmeasurable.empty()) unmeasurable = "村" + p.villages[a].id + "与村" + p.villages[b].id;
    }
  if (!unmeasurable.empty())
    errors.push_back(unmeasurable + "之间无法计算距离:须都有坐标,或都在距离矩阵中");

  if (!errors.empty()) {
    std::string all = "巡诊排班问题有误:";
    for (size_t i = 0; i < errors.size(); ++i) all += (i ? ";" : "") + errors[i];
    throw std::invalid_argument(all);
  }

  team_villages_.assign(nt, {});
  serving_teams_.assign(nv, {});
  for (int v = 0; v < nv; ++v)
    for (int t : listed_teams_[v])
      if (trip_within_limit(t, 2 * home_km_[t][v])) {
        serving_teams_[v].push_back(t);
        team_villages_[t].push_back(v);
      }
  doctor_team_.assign(doctors(), std::vector<bool>(nt, false));
  team_doctors_.assign(nt, {});
  for (int d = 0; d < doctors(); ++d) {
    const auto& doc = p.doctors[d];
    for (int t = 0; t < nt; ++t) {
      bool by_team = std::find(doc.teams.begin(), doc.teams.end(), p.teams[t].id) != doc.teams.end();
      bool by_township = !p.teams[t].township.empty() &&
                         std::find(doc.townships.begin(), doc.townships.end(), p.teams[t].township) != doc.townships.end();
      if (by_team || by_township) {
        doctor_team_[d][t] = true;
        team_doctors_[t].push_back(d);
      }
    }
  }

  const int full = p.horizon.full_week_working_days;
  weekly_req_.assign(nv, std::vector<int>(weeks_, 0));
  senior_req_.assign(nv, std::vector<int>(months_, 0));
  for (int v = 0; v < nv; ++v) {
    for (int w = 0; w < weeks_; ++w) {
      int days = std::min(week_days_[w], full);
      weekly_req_[v][w] = (p.villages[v].team_visits_per_week * days + full - 1) / full;
    }
    for (int m = 0; m < months_; ++m) senior_req_[v][m] = p.villages[v].senior_visits_per_month;
  }
}

std::string Instance::week_label(int week) const {
  for (size_t d = 0; d < week_of_day_.size(); ++d)
    if (week_of_day_[d] == week) {
      const auto& date = problem_->horizon.days[d].date;
      return "第" + std::to_string(week + 1) + "周" + (date.empty() ? "" : "(" + date + "起)");
    }
  return "第" + std::to_string(week + 1) + "周";
}

std::string Instance::month_label(int month) const {
  if (months_ == 1) return "本期";
  for (size_t d = 0; d < month_of_day_.size(); ++d)
    if (month_of_day_[d] == month && problem_->horizon.days[d].date.size() >= 7)
      return problem_->horizon.days[d].date.substr(0, 7);
  return "第" + std::to_string(month + 1) + "月";
}

std::string Instance::slot_label(int slot) const {
  const auto& date = problem_->horizon.days[slot / 2].date;
  std::string day = date.empty() ? "第" + std::to_string(slot / 2 + 1) + "天" : date;
  return day + (slot % 2 == 0 ? "上午" : "下午");
}

int Instance::team_available_slots_in_week(int team, int week) const {
  int n = 0;
  for (int s = 0; s < slots(); ++s) n += week_of(s) == week && team_avail_[team][s];
  return n;
}

bool Instance::may_serve(int team, int village) const {
  const auto& l = listed_teams_[village];
  return std::find(l.begin(), l.end(), team) != l.end();
}

bool Instance::can_reach(int team, int village) const {
  const auto& l = serving_teams_[village];
  return std::find(l.begin(), l.end(), team) != l.end();
}

bool Instance::doctor_may_join(int doctor, int team) const { return doctor_team_[doctor][team]; }

double Instance::tour_in_order(int team, const std::vector<int>& villages) const {
  if (villages.empty()) return 0;
  double km = home_km_[team][villages.front()] + home_km_[team][villages.back()];
  for (size_t i = 1; i < villages.size(); ++i) km += village_km(villages[i - 1], villages[i]);
  return km;
}

double Instance::best_tour(int team, std::vector<int>& villages) const {
  std::sort(villages.begin(), villages.end());
  std::vector<int> best = villages;
  double best_km = tour_in_order(team, villages);
  while (std::next_permutation(villages.begin(), villages.end())) {
    double km = tour_in_order(team, villages);
    if (km < best_km - 1e-9) {
      best_km = km;
      best = villages;
    }
  }
  villages = best;
  return best_km;
}

bool Instance::trip_within_limit(int team, double km) const {
  const Team& t = problem_->teams[team];
  return t.has_vehicle || km <= t.max_trip_km + 1e-9;
}

int Instance::team_index(const std::string& id) const {
  auto it = team_ids_.find(id);
  return it == team_ids_.end() ? -1 : it->second;
}
int Instance::village_index(const std::string& id) const {
  auto it = village_ids_.find(id);
  return it == village_ids_.end() ? -1 : it->second;
}
int Instance::doctor_index(const std::string& id) const {
  auto it = doctor_ids_.find(id);
  return it == doctor_ids_.end() ? -1 : it->second;
}

std::string Instance::team_name(int team) const {
  const auto& t = problem_->teams[team];
  return t.name.empty() ? t.id : t.name;
}
std::string Instance::village_name(int village) const {
  const auto& v = problem_->villages[village];
  return v.name.empty() ? v.id : v.name;
}
std::string Instance::doctor_name(int doctor) const {
  const auto& d = problem_->doctors[doctor];
  return d.name.empty() ? d.id : d.name;
}

}  // namespace yilian::planner

// The half-day plan (巡诊排班) of every month of the demo year, made by the real planner
// (planner::solve_heuristic) on a Problem built from the rows the earlier rounds steps
// stored: teams with their 包干 villages, the preset's weekly rounds for the villages that
// need them (V2) and its senior visits per month for every village (V6), the pool's
// doctors on their rounds weekdays. Teams lose ~5 % of half-days to meetings and training.
// County scale only: a province's plans would take minutes and the benchmark it serves
// needs visits, not plans (step_rounds_rotation.cpp).
#include <algorithm>
#include <chrono>

#include "demo/step_rounds_common.h"
#include "demo/steps.h"
#include "planner/heuristic.h"

namespace yilian::demo {
namespace {

using namespace support_data;
using rounds_data::World;

// Enough for a county month to meet every rule (planner_bench: all rules met within a few
// thousand iterations at 220 villages), small enough that twelve months take seconds.
constexpr long kIterationsPerMonth = 250000;

planner::Problem month_problem(const Options& o, const DemoData& d, const World& w, const std::set<std::string>& weekly,
                               int month) {
  const auto& policy = rounds_data::policy();
  planner::Problem p;
  Day first =
      day(std::string(rounds_data::kYearStart).substr(0, 5) + (month < 10 ? "0" : "") + std::to_string(month) + "-01");
  std::vector<std::string> dates;
  for (Day dd : rounds_data::working_days(first, add_months(first, 1) - std::chrono::days{1})) dates.push_back(iso(dd));
  p.horizon = planner::horizon_from_dates(dates);
  p.min_half_days_per_visit = static_cast<int>(policy.number("rounds.min_half_days_per_visit").value_or(1));
  int weekly_visits = static_cast<int>(policy.number("rounds.min_visits_per_week").value_or(0));
  int senior_visits = static_cast<int>(policy.number("rounds.senior_doctor_visits_per_month").value_or(0));
  const int slots = p.horizon.half_days();

  std::map<std::string, GeoPoint> township_point, village_point;
  for (const auto& t : d.townships) township_point[t.code] = t.point;
  for (const auto& v : d.villages) village_point[v.code] = v.point;
  for (const auto& team : w.teams) {
    Random rng(o.seed, "rounds-team-days:" + std::to_string(team.id) + ":" + std::to_string(month));
    planner::Team t;
    t.id = std::to_string(team.id);
    t.name = team.name;
    t.township = team.township_code;
    GeoPoint home = township_point.at(team.township_code);
    t.home.position = planner::GeoPoint{home.latitude, home.longitude};
    t.has_vehicle = team.has_vehicle;
    t.max_trip_km = team.max_trip_km;
    t.available.assign(slots, true);
    for (int s = 0; s < slots; ++s) t.available[s] = !rng.chance(50);
    p.teams.push_back(std::move(t));
    for (const auto& code : team.villages) {
      planner::Village v;
      v.id = code;
      v.township = team.township_code;
      GeoPoint at = village_point.at(code);
      v.place.position = planner::GeoPoint{at.latitude, at.longitude};
      v.team_visits_per_week = weekly.count(code) ? weekly_visits : 0;
      v.senior_visits_per_month = senior_visits;
      v.teams = {std::to_string(team.id)};
      p.villages.push_back(std::move(v));
    }
  }
  for (const auto& s : w.seniors) {
    planner::SeniorDoctor doc;
    doc.id = std::to_string(s.staff_id);
    doc.townships = s.townships;
    doc.available.assign(slots, false);
    auto weekdays = rounds_data::senior_weekdays(o.seed, s.staff_id, s.townships.size());
    for (size_t i = 0; i < dates.size(); ++i)
      if (std::find(weekdays.begin(), weekdays.end(), weekday(day(dates[i]))) != weekdays.end())
        doc.available[2 * i] = doc.available[2 * i + 1] = true;
    p.doctors.push_back(std::move(doc));
  }
  return p;
}

}  // namespace

void create_rounds_plans(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  World w = rounds_data::load_world(db, d);
  std::set<std::string> weekly = rounds_data::weekly_round_villages(db, d);
  BatchInsert doctors(db, "round_plan_doctor", {"slot_id", "staff_id", "created_at", "updated_at"});
  int64_t slots = 0;
  std::map<std::string, size_t> unmet;  // by rule id
  std::string why;                      // the planner's own explanation of the first one
  double seconds = 0;
  for (int month = 1; month <= 12; ++month) {
    planner::Problem p = month_problem(o, d, w, weekly, month);
    planner::HeuristicOptions options;
    options.seed = o.seed + static_cast<uint64_t>(month);
    options.max_iterations = kIterationsPerMonth;
    options.time_limit_seconds = 30;  // a safety net only: the iteration budget ends the search
    planner::HeuristicResult r = planner::solve_heuristic(p, options);
    for (const auto& v : r.unmet) ++unmet[planner::rule_id(v.kind)];
    if (why.empty() && !r.explanations.empty()) why = r.explanations.front().message;
    seconds += r.seconds;
    for (const auto& trip : r.plan.trips) {
      store::Params row{std::stoll(trip.team), p.horizon.days[static_cast<size_t>(trip.day)].date,
                        trip.half == planner::Half::am ? "am" : "pm"};
      for (size_t i = 0; i < 3; ++i)
        row.push_back(i < trip.villages.size() ? store::Value(trip.villages[i]) : store::Value());
      row.insert(row.end(), {d.created_at, d.created_at});
      int64_t slot = db.insert(
          "INSERT INTO round_plan_slot (team_id, day, half, village_code_1, village_code_2, "
          "village_code_3, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'planner', ?, ?)",
          row);
      ++slots;
      for (const auto& doc : trip.senior_doctors) doctors.add({slot, std::stoll(doc), d.created_at, d.created_at});
    }
  }
  doctors.flush();
  progress << slots << " plan slots, " << doctors.rows_written() << " senior doctors planned (planner " << seconds
           << " s)";
  for (const auto& [rule, n] : unmet) progress << "; " << rule << " unmet " << n << " times";
  if (!why.empty()) progress << " (" << why << ")";
}

}  // namespace yilian::demo

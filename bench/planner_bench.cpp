// Round planner benchmark: a synthetic county month — 220 villages clustered around 15
// township centres, 40 teams (网格化包干: each village in one team's sector), 12 senior
// doctors each joining one or two townships, ~15% of villages on weekly rounds (2 a week),
// every village owed 2 senior visits a month. Prints the local search's time to a plan
// meeting every rule and its travel against the exact optimum (CBC, per independent part,
// and as one model for comparison).
//   cmake --build build --target planner_bench && build/planner_bench [exact_seconds]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <random>
#include <string>

#include "planner/check.h"
#include "planner/diagnose.h"
#include "planner/exact.h"
#include "planner/heuristic.h"

using namespace yilian::planner;

namespace {

constexpr int kTownships = 15, kTeams = 40, kVillages = 220, kDoctors = 12;

GeoPoint offset_km(GeoPoint origin, double east, double north) {
  constexpr double km_per_degree = 111.195;
  return {origin.lat + north / km_per_degree,
          origin.lon + east / (km_per_degree * std::cos(origin.lat * std::numbers::pi / 180))};
}

std::vector<std::string> working_days(int year, int month) {
  std::vector<std::string> days;
  for (int d = 1; d <= 31; ++d) {
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, d);
    std::tm tm{};
    tm.tm_year = year - 1900, tm.tm_mon = month - 1, tm.tm_mday = d, tm.tm_hour = 12;
    std::mktime(&tm);
    if (tm.tm_mon != month - 1) break;
    if (tm.tm_wday != 0 && tm.tm_wday != 6) days.push_back(date);
  }
  return days;
}

Problem synthetic_county() {
  std::mt19937_64 rng(20260301);
  auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  Problem p;
  p.horizon = horizon_from_dates(working_days(2026, 3));  // 22 working days, 5 ISO weeks
  const int slots = p.horizon.half_days();
  const GeoPoint county{35.2, 118.8};

  // Townships on a 5 × 3 grid ~14 km apart; 2 or 3 teams each (10 townships get a third).
  std::vector<GeoPoint> centre(kTownships);
  std::vector<std::vector<int>> township_teams(kTownships);
  for (int k = 0; k < kTownships; ++k) {
    centre[k] = offset_km(county, (k % 5) * 14 + uniform(-3, 3), (k / 5) * 14 + uniform(-3, 3));
    int teams = k < kTeams - 2 * kTownships ? 3 : 2;
    for (int i = 0; i < teams; ++i) {
      Team t;
      t.id = "T" + std::to_string(p.teams.size() + 1);
      t.township = "镇" + std::to_string(k + 1);
      t.home.position = centre[k];
      t.has_vehicle = rng() % 10 < 7;
      t.max_trip_km = 30;  // on foot or e-bike
      t.max_villages_per_trip = rng() % 4 == 0 ? 2 : 3;
      t.available.assign(slots, true);
      for (int s = 0; s < slots; ++s)
        if (rng() % 10 == 0) t.available[s] = false;  // meetings, training, leave
      township_teams[k].push_back(static_cast<int>(p.teams.size()));
      p.teams.push_back(t);
    }
  }
  // Villages around their centre (1–8 km); a team's grid is a sector of the township.
  for (int i = 0; i < kVillages; ++i) {
    int k = i % kTownships;
    double angle = uniform(0, 2 * std::numbers::pi), radius = uniform(1, 8);
    Village v;
    v.id = "V" + std::to_string(i + 1);
    v.township = "镇" + std::to_string(k + 1);
    v.place.position = offset_km(centre[k], radius * std::cos(angle), radius * std::sin(angle));
    const auto& teams = township_teams[k];
    int sector = std::min(static_cast<int>(angle / (2 * std::numbers::pi) * teams.size()), static_cast<int>(teams.size()) - 1);
    v.teams = {p.teams[teams[sector]].id};
    v.team_visits_per_week = rng() % 100 < 15 ? 2 : 0;  // small, no fixed doctor, relocation sites (V2)
    v.senior_visits_per_month = 2;                      // V6
    p.villages.push_back(v);
  }
  // Doctors 1–9 join one township two days a week; 10–12 join two townships three days a week.
  for (int d = 0; d < kDoctors; ++d) {
    SeniorDoctor doc;
    doc.id = "D" + std::to_string(d + 1);
    bool pair = d >= 9;
    int first = pair ? 9 + 2 * (d - 9) : d;
    doc.townships = {"镇" + std::to_string(first + 1)};
    if (pair) doc.townships.push_back("镇" + std::to_string(first + 2));
    doc.available.assign(slots, false);
    for (int day = 0; day < static_cast<int>(p.horizon.days.size()); ++day) {
      int weekday = day % 5;  // the month starts on a Monday
      bool on = weekday == d % 5 || weekday == (d + 2) % 5 || (pair && weekday == (d + 4) % 5);
      if (on) doc.available[2 * day] = doc.available[2 * day + 1] = true;
    }
    p.doctors.push_back(doc);
  }
  return p;
}

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  double exact_seconds = argc > 1 ? std::atof(argv[1]) : 120;
  Problem p = synthetic_county();
  int weekly = 0;
  for (const auto& v : p.villages) weekly += v.team_visits_per_week > 0;
  std::printf("county: %zu villages (%d on weekly rounds), %d townships, %zu teams, %zu senior doctors, "
              "%zu working days (%d half-days)\n",
              p.villages.size(), weekly, kTownships, p.teams.size(), p.doctors.size(), p.horizon.days.size(),
              p.horizon.half_days());

  auto t = std::chrono::steady_clock::now();
  auto reasons = diagnose(p);
  std::printf("diagnosis: %zu findings (%.3f s)\n\n", reasons.size(), since(t));
  for (const auto& r : reasons) std::printf("  %s\n", r.message.c_str());

  std::printf("%-36s %8s %10s %8s %9s %6s  %s\n", "method", "time s", "travel km", "balance", "vs exact", "unmet", "notes");
  ExactOptions per_part;
  per_part.time_limit_seconds = exact_seconds;
  auto exact = solve_exact(p, per_part);
  auto row = [&](const std::string& method, double seconds, const PlanCost& cost, size_t unmet, const std::string& notes) {
    std::printf("%-36s %8.2f %10.1f %8.1f %+8.2f%% %6zu  %s\n", method.c_str(), seconds, cost.travel_km, cost.balance,
                100 * (cost.travel_km / exact.cost.travel_km - 1), unmet, notes.c_str());
  };
  auto exact_notes = [&](const ExactResult& e) {
    char notes[200];
    std::snprintf(notes, sizeof notes, "%s, %d part(s), %d columns, %d rows, gap %.2f, re-check %zu",
                  e.proven_optimal ? "proven optimal" : e.found_plan ? "time limit" : "no plan", e.parts, e.columns,
                  e.rows, e.gap, check(p, e.plan).size());
    return std::string(notes);
  };
  row("exact CBC, per independent part", exact.seconds, exact.cost, exact.unmet.size(), exact_notes(exact));
  for (long iterations : {0L, 20000L, 200000L, 2000000L, 20000000L}) {
    HeuristicOptions options;
    options.max_iterations = iterations;
    options.time_limit_seconds = 600;
    auto h = solve_heuristic(p, options);
    char at[48];
    std::snprintf(at, sizeof at, "every rule met after %.3f s", h.seconds_to_all_rules);
    std::string met = h.seconds_to_all_rules < 0 ? "rules not all met" : at;
    char notes[120];
    std::snprintf(notes, sizeof notes, "%zu trips, re-check %zu, %s", h.plan.trips.size(),
                  check(p, h.plan).size(), met.c_str());
    row("heuristic, " + std::to_string(iterations) + " iterations", h.seconds, h.cost, h.unmet.size(), notes);
  }
  ExactOptions one_model = per_part;
  one_model.decompose = false;
  auto whole = solve_exact(p, one_model);
  row("exact CBC, one model", whole.seconds, whole.cost, whole.unmet.size(), exact_notes(whole));
  return 0;
}

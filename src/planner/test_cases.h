// Constructed round-planning problems for the planner tests: small enough to reason about
// by hand, each built to be feasible or to break one named rule.
#pragma once
#include <cmath>
#include <string>
#include <vector>

#include "planner/model.h"

namespace yilian::planner::testing {

// A point `east` and `north` km from a township centre at 30°N 110°E.
inline GeoPoint at_km(double east, double north) {
  constexpr double km_per_degree = 111.195;
  return {30.0 + north / km_per_degree, 110.0 + east / (km_per_degree * std::cos(30.0 * 3.14159265358979 / 180))};
}

inline Team team(const std::string& id, double east, double north, const std::string& township = "东镇") {
  Team t;
  t.id = id;
  t.township = township;
  t.home.position = at_km(east, north);
  return t;
}

inline Village village(const std::string& id, double east, double north, const std::vector<std::string>& teams,
                       int weekly, int senior) {
  Village v;
  v.id = id;
  v.name = id + "村";
  v.place.position = at_km(east, north);
  v.teams = teams;
  v.team_visits_per_week = weekly;
  v.senior_visits_per_month = senior;
  return v;
}

inline std::vector<bool> only_half_days(int half_days, const std::vector<int>& open) {
  std::vector<bool> a(half_days, false);
  for (int s : open) a[s] = true;
  return a;
}

// One working week (Mon–Fri), straight-line km (road factor 1) so travel is easy to check.
inline Problem week_problem() {
  Problem p;
  p.horizon = horizon_from_day_indexes({0, 1, 2, 3, 4});
  p.travel.road_factor = 1.0;
  return p;
}

// Feasible: two teams of one township, one without a vehicle, two senior doctors with
// partial availability; a week's visits and the senior visits still owed this month.
inline Problem two_team_township() {
  Problem p = week_problem();
  p.teams = {team("T1", 0, 0), team("T2", 10, 0)};
  p.teams[1].has_vehicle = false;
  p.teams[1].max_trip_km = 18;
  p.teams[1].max_villages_per_trip = 2;
  p.villages = {village("A", 3, 0, {"T1"}, 2, 1),  village("B", 0, 4, {"T1"}, 0, 2),
                village("C", 2, 3, {"T1"}, 0, 2),  village("D", -3, 1, {"T1"}, 0, 1),
                village("E", 12, 2, {"T2"}, 2, 1), village("F", 8, -3, {"T2"}, 0, 2),
                village("G", 16, 0, {"T2"}, 0, 1)};
  SeniorDoctor d1{"D1", "张医生", only_half_days(10, {0, 1, 2, 3, 4, 5}), {}, {"东镇"}};
  SeniorDoctor d2{"D2", "李医生", only_half_days(10, {6, 7, 8, 9}), {"T2"}, {}};
  p.doctors = {d1, d2};
  return p;
}

// Infeasible: one team, ten half-days, six small villages owing two visits each (V2).
inline Problem crowded_team() {
  Problem p = week_problem();
  p.teams = {team("T1", 0, 0)};
  for (int i = 0; i < 6; ++i) p.villages.push_back(village("S" + std::to_string(i), 2 + i, 1, {"T1"}, 2, 0));
  return p;
}

// Infeasible: village Z is in nobody's grid (V1).
inline Problem orphan_village() {
  Problem p = week_problem();
  p.teams = {team("T1", 0, 0)};
  p.villages = {village("A", 3, 0, {"T1"}, 2, 0), village("Z", 5, 5, {}, 2, 1)};
  return p;
}

// Infeasible: six villages owe two senior visits each; the one doctor has two half-days (V6).
inline Problem scarce_senior_doctor() {
  Problem p = week_problem();
  p.teams = {team("T1", 0, 0)};
  for (int i = 0; i < 6; ++i) p.villages.push_back(village("V" + std::to_string(i), 1 + i, 2, {"T1"}, 0, 2));
  p.doctors = {SeniorDoctor{"D1", "王医生", only_half_days(10, {2, 7}), {"T1"}, {}}};
  return p;
}

}  // namespace yilian::planner::testing

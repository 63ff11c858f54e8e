// The round planner's problem and plan (RULES V1, V2, V6, V8), free of the database so it
// can be built from rows by the rounds module, from constructed cases by tests, and from a
// synthetic county by the benchmark. Every number a rule checks comes in here from the
// caller (policy presets), never from a constant in the planner.
//
// Units of work: the horizon's working days × {am, pm}. A team spends a half-day on at most
// one trip of 1–3 villages, out of and back to its township centre; senior doctors join trips.
// V2 asks each visit of a village on weekly rounds to last at least half a day, so only a
// single-village trip counts as a weekly visit, and with min_half_days_per_visit = h a visit
// is h consecutive single-village trips of one team to that village within one week. V6
// senior visits carry no duration: every village on a trip a senior doctor joins gets one.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace yilian::planner {

enum class Half { am = 0, pm = 1 };

// Half-days are numbered 2 × day + half throughout the planner.
inline int slot_of(int day, Half half) { return 2 * day + static_cast<int>(half); }

struct WorkDay {
  std::string date;  // "YYYY-MM-DD"; empty when the horizon was given as day indexes
  int week = 0;      // weekly rules (V2) count visits per week index
  int month = 0;     // monthly rules (V6) count visits per month index
};

struct Horizon {
  std::vector<WorkDay> days;  // working days only, in order
  // A week the horizon covers only partly (a month's first or last week) owes team visits in
  // proportion to its working days, rounded up: 2 a week over 2 of 5 working days is 1.
  int full_week_working_days = 5;
  int half_days() const { return 2 * static_cast<int>(days.size()); }
};

// Weeks are ISO weeks (Monday–Sunday, as the weekly table V7 counts them), months calendar months.
Horizon horizon_from_dates(const std::vector<std::string>& dates);
// Day 0 is a Monday; day d lies in week d / 7; the whole horizon is one month.
Horizon horizon_from_day_indexes(const std::vector<int>& day_indexes);

struct GeoPoint {
  double lat = 0;
  double lon = 0;
};

// Where a team's township centre or a village lies: coordinates, or a row of Travel::matrix_km.
struct Place {
  std::optional<GeoPoint> position;
  int matrix_index = -1;
};

struct Travel {
  double road_factor = 1.3;  // road km per great-circle km, used with coordinates
  // Road km between places, when known; used whenever both places have a matrix_index.
  std::vector<std::vector<double>> matrix_km;
};

struct Team {
  std::string id;
  std::string name;      // shown in explanations; the id when empty
  std::string township;  // shown in explanations and used by SeniorDoctor::townships
  Place home;            // the township health centre the team starts from
  bool has_vehicle = true;
  int max_villages_per_trip = 3;  // 1–3
  double max_trip_km = 0;         // without a vehicle: the longest round trip it can make
  std::vector<bool> available;    // per half-day; empty means every half-day
};

struct Village {
  std::string id;
  std::string name;  // shown in explanations; the id when empty
  std::string township;
  Place place;
  int team_visits_per_week = 0;     // V2, e.g. rounds.min_visits_per_week for small villages
  int senior_visits_per_month = 0;  // V6 rounds.senior_doctor_visits_per_month; for a horizon
                                    // shorter than the month, the visits still owed
  std::vector<std::string> teams;   // teams that may serve it (包干, V1): normally exactly one
};

struct SeniorDoctor {
  std::string id;
  std::string name;
  std::vector<bool> available;         // per half-day; empty means every half-day
  std::vector<std::string> teams;      // teams the doctor may join
  std::vector<std::string> townships;  // or every team of these townships
};

struct Problem {
  Horizon horizon;
  std::vector<Team> teams;
  std::vector<Village> villages;
  std::vector<SeniorDoctor> doctors;
  Travel travel;
  int min_half_days_per_visit = 1;  // rounds.min_half_days_per_visit (V2)
  // Second objective after travel: km charged per unit of Σ over teams of (half-days used)²,
  // which for a given total is least when the load is spread evenly. Keep it small so that
  // travel decides and balance only breaks near-ties.
  double balance_weight = 0.01;
};

struct Trip {
  std::string team;
  int day = 0;  // index into Problem::horizon.days
  Half half = Half::am;
  std::vector<std::string> villages;        // in visiting order, from and back to the team's home
  std::vector<std::string> senior_doctors;  // joining the trip; one suffices for a senior visit
};

struct Plan {
  std::vector<Trip> trips;
};

}  // namespace yilian::planner

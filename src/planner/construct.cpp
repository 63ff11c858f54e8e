#include "planner/construct.h"

#include <algorithm>
#include <map>

namespace yilian::planner {
namespace {

// Edits through the move log when there is one (so the local search can undo them), with
// random tie-breaks when there is a generator.
struct Editor {
  SearchState& st;
  MoveLog* log = nullptr;
  Rng* rng = nullptr;
  double delta = 0;

  void set(int team, int slot, std::vector<int> villages, int doctor) {
    delta += log ? log->set_trip(st, team, slot, std::move(villages), doctor)
                 : st.set_trip(team, slot, std::move(villages), doctor);
  }
  void clear(int team, int slot) { delta += log ? log->clear(st, team, slot) : st.clear(team, slot); }
  int random(int n) { return rng ? rng->below(n) : 0; }
};

// Puts one weekly visit (h consecutive single-village half-days) of the village into the
// week: on a day the village is not yet visited, preferably a half-day no senior doctor
// can join (those are kept for trips of several villages), by the least loaded team.
bool place_weekly_visit(Editor& ed, int v, int week) {
  const SearchState& st = ed.st;
  const Instance& in = st.instance();
  const int h = in.visit_length();
  std::vector<bool> day_used(in.problem().horizon.days.size(), false);
  for (int t : in.serving_teams(v))
    for (int s : st.week_slots(week))
      if (st.cell(t, s).size == 1 && st.cell(t, s).villages[0] == v) day_used[s / 2] = true;
  double best_score = 0;
  int best_team = -1, best_slot = -1;
  for (int t : in.serving_teams(v))
    for (int s : st.week_slots(week)) {
      bool fits = s + h <= in.slots();
      for (int i = 0; i < h && fits; ++i) fits = st.team_free(t, s + i) && in.week_of(s + i) == week;
      if (!fits) continue;
      double score = st.team_load(t) + (day_used[s / 2] ? 1000 : 0) + (st.free_doctor(t, s, 0) >= 0 ? 100 : 0);
      if (best_team < 0 || score < best_score) best_score = score, best_team = t, best_slot = s;
    }
  if (best_team < 0) return false;
  for (int i = 0; i < h; ++i) ed.set(best_team, best_slot + i, {v}, -1);
  return true;
}

void place_weekly_visits(Editor& ed) {
  const Instance& in = ed.st.instance();
  std::vector<int> order;
  for (int v = 0; v < in.villages(); ++v)
    if (!in.serving_teams(v).empty()) order.push_back(v);
  // The most constrained villages first: fewest teams, most visits.
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    auto key = [&](int v) { return std::make_pair(in.serving_teams(v).size(), -in.problem().villages[v].team_visits_per_week); };
    return key(a) < key(b);
  });
  for (int v : order)
    for (int w = 0; w < in.weeks(); ++w)
      while (ed.st.weekly_shortfall(v, w) > 0)
        if (!place_weekly_visit(ed, v, w)) break;
}

// A senior doctor joins one of the team's weekly trips to the village in the month: a
// senior visit at no extra travel.
bool ride_along(Editor& ed, int team, int v, int month) {
  const SearchState& st = ed.st;
  for (int s = 0; s < st.slots(); ++s) {
    const auto& c = st.cell(team, s);
    if (st.instance().month_of(s) != month || c.size != 1 || c.villages[0] != v || c.doctor >= 0) continue;
    if (int d = st.free_doctor(team, s, ed.random(8)); d >= 0) {
      ed.set(team, s, {v}, d);
      return true;
    }
  }
  return false;
}

// The village joins the trip with a senior doctor, among those the team already makes in
// the month, where it adds the least travel.
bool join_senior_trip(Editor& ed, int team, int v, int month) {
  const SearchState& st = ed.st;
  const Instance& in = st.instance();
  int best_slot = -1;
  double best_km = 0;
  std::vector<int> best;
  for (int s = 0; s < in.slots(); ++s) {
    const auto& c = st.cell(team, s);
    if (in.month_of(s) != month || c.doctor < 0 || c.size == 0 || st.weekly_visit(team, s)) continue;
    std::vector<int> villages(c.villages.begin(), c.villages.begin() + c.size);
    if (std::find(villages.begin(), villages.end(), v) != villages.end()) continue;
    villages.push_back(v);
    if (!st.trip_allowed(team, villages)) continue;
    double added = in.best_tour(team, villages) - c.km;
    if (best_slot < 0 || added < best_km) best_slot = s, best_km = added, best = villages;
  }
  if (best_slot < 0) return false;
  ed.set(team, best_slot, best, st.cell(team, best_slot).doctor);
  return true;
}

// Packs the visits owed into trips on the team's free half-days with a free senior doctor.
// Seeds are the most-owed villages; partners the most-owed too when `most_owed_first`
// (every village then gets its visits in the fewest trips, as Havel–Hakimi builds a
// degree sequence), else the nearest. Visits left over ride along or join other trips.
void pack(Editor& ed, int team, int month, std::map<int, int>& owed, bool most_owed_first) {
  const SearchState& st = ed.st;
  const Instance& in = st.instance();
  const int max_size = in.problem().teams[team].max_villages_per_trip;
  int cursor = ed.random(in.slots());
  while (!owed.empty()) {
    int seed = -1;
    for (auto& [v, n] : owed)
      if (seed < 0 || std::make_pair(n, in.home_km(team, v)) > std::make_pair(owed[seed], in.home_km(team, seed))) seed = v;
    std::vector<int> trip{seed};
    while (static_cast<int>(trip.size()) < max_size) {
      int pick = -1;
      std::pair<int, double> pick_key;
      for (auto& [u, n] : owed) {
        if (std::find(trip.begin(), trip.end(), u) != trip.end()) continue;
        auto with = trip;
        with.push_back(u);
        if (!st.trip_allowed(team, with)) continue;
        std::pair<int, double> key{most_owed_first ? -n : 0, in.best_tour(team, with)};
        if (pick < 0 || key < pick_key) pick = u, pick_key = key;
      }
      if (pick < 0) break;
      trip.push_back(pick);
    }
    int slot = -1, doctor = -1;
    for (int i = 0; i < in.slots() && slot < 0; ++i) {
      int s = (cursor + i) % in.slots();
      if (in.month_of(s) == month && st.team_free(team, s) && (doctor = st.free_doctor(team, s, ed.random(8))) >= 0) slot = s;
    }
    if (slot < 0) break;
    cursor = slot + 1;  // spread the trips over the month
    ed.set(team, slot, trip, doctor);
    for (int v : trip)
      if (--owed[v] == 0) owed.erase(v);
  }
  for (auto& [v, n] : owed)
    while (n > 0 && (ride_along(ed, team, v, month) || join_senior_trip(ed, team, v, month))) --n;
}

// Senior visits still owed by villages off (or on) weekly rounds, per serving team — the
// one with the most half-days a doctor can join.
void place_senior_visits(Editor& ed, bool weekly_round_villages) {
  const SearchState& st = ed.st;
  const Instance& in = st.instance();
  for (int m = 0; m < in.months(); ++m) {
    std::map<int, std::map<int, int>> owed;  // team → village → visits
    for (int v = 0; v < in.villages(); ++v) {
      int need = st.senior_shortfall(v, m);
      bool on_weekly_rounds = in.problem().villages[v].team_visits_per_week > 0;
      if (need == 0 || in.serving_teams(v).empty() || on_weekly_rounds != weekly_round_villages) continue;
      int best = in.serving_teams(v)[0], best_free = -1;
      for (int t : in.serving_teams(v)) {
        int free = 0;
        for (int s = 0; s < in.slots(); ++s) free += in.month_of(s) == m && st.team_free(t, s) && st.free_doctor(t, s, 0) >= 0;
        if (free > best_free) best = t, best_free = free;
      }
      owed[best][v] = need;
    }
    for (auto& [team, villages] : owed) {
      if (weekly_round_villages)  // riding along costs no travel; joining a trip made, little
        for (auto& [v, n] : villages)
          while (n > 0 && (ride_along(ed, team, v, m) || join_senior_trip(ed, team, v, m))) --n;
      std::erase_if(villages, [](const auto& entry) { return entry.second == 0; });
      pack(ed, team, m, villages, true);
    }
  }
}

}  // namespace

// Doctors' half-days are the scarce resource: trips of several villages use them best, so
// those come before doctors ride along on weekly single-village trips (free in travel, but
// one visit per doctor half-day).
void construct_plan(SearchState& st) {
  Editor ed{st};
  place_weekly_visits(ed);
  place_senior_visits(ed, false);
  place_senior_visits(ed, true);
}

double repack_senior_trips(SearchState& st, int team, int month, Rng& rng, MoveLog& log) {
  Editor ed{st, &log, &rng};
  const Instance& in = st.instance();
  for (int s = 0; s < in.slots(); ++s) {
    const auto& c = st.cell(team, s);
    if (in.month_of(s) != month || c.doctor < 0) continue;
    if (st.weekly_visit(team, s)) ed.set(team, s, {c.villages[0]}, -1);
    else ed.clear(team, s);
  }
  // Weekly visits step aside from half-days a doctor could join, where the week allows.
  auto doctor_can_join = [&](int s) {
    for (int d : in.team_doctors(team))
      if (st.doctor_free(d, s)) return true;
    return false;
  };
  if (in.visit_length() == 1)
    for (int s = 0; s < in.slots(); ++s) {
      if (in.month_of(s) != month || !st.weekly_visit(team, s) || !doctor_can_join(s)) continue;
      for (int s2 : st.week_slots(in.week_of(s)))
        if (st.team_free(team, s2) && !doctor_can_join(s2)) {
          int v = st.cell(team, s).villages[0];
          ed.clear(team, s);
          ed.set(team, s2, {v}, -1);
          break;
        }
    }
  std::map<int, int> owed;
  for (int v : in.team_villages(team))
    if (int n = st.senior_shortfall(v, month); n > 0) owed[v] = n;
  pack(ed, team, month, owed, rng.below(2) == 0);
  return ed.delta;
}

}  // namespace yilian::planner

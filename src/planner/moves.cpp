#include "planner/moves.h"

#include <algorithm>

#include "planner/construct.h"
#include "planner/repair.h"

namespace yilian::planner {
namespace {

using Cell = SearchState::Cell;

std::vector<int> villages_of(const Cell& c) { return {c.villages.begin(), c.villages.begin() + c.size}; }

bool contains(const std::vector<int>& villages, int v) {
  return std::find(villages.begin(), villages.end(), v) != villages.end();
}

std::pair<int, int> random_occupied(const SearchState& st, Rng& rng) {
  const auto& occupied = st.occupied();
  int index = occupied[rng.below(static_cast<int>(occupied.size()))];
  return {index / st.slots(), index % st.slots()};
}

// The doctor for a trip moved to (team, slot): the one it had when free there, else any
// allowed free one; -1 when none is.
int doctor_for(const SearchState& st, Rng& rng, int old_doctor, int team, int slot) {
  if (old_doctor >= 0 && st.doctor_free(old_doctor, slot) && st.instance().doctor_may_join(old_doctor, team))
    return old_doctor;
  return st.free_doctor(team, slot, rng.below(1 + static_cast<int>(st.instance().team_doctors(team).size())));
}

// Takes one village off a trip and puts it on another trip with a senior doctor, or on a
// new trip of a team serving it. Off a weekly visit with a doctor, it may take only the
// senior visit along, leaving the weekly visit where it is.
bool relocate_village(SearchState& st, Rng& rng, MoveLog& log, double& delta) {
  const Instance& in = st.instance();
  auto [t, s] = random_occupied(st, rng);
  const Cell a = st.cell(t, s);
  int v = a.villages[rng.below(a.size)];
  const auto& serving = in.serving_teams(v);
  int t2 = serving[rng.below(static_cast<int>(serving.size()))], s2 = rng.below(in.slots());
  if ((t2 == t && s2 == s) || !in.team_available(t2, s2)) return false;
  const Cell b = st.cell(t2, s2);
  std::vector<int> target = villages_of(b);
  bool a_doctor_released = false;
  if (b.size > 0) {
    target.push_back(v);
    if (b.doctor < 0 || st.weekly_visit(t2, s2) || contains(villages_of(b), v) || !st.trip_allowed(t2, target))
      return false;
  }
  std::vector<int> rest = villages_of(a);
  rest.erase(std::find(rest.begin(), rest.end(), v));
  if (a.doctor >= 0 && st.weekly_visit(t, s) && rng.below(2) == 0) {
    // Keep the weekly visit, hand only its senior visit over: frees the doctor's half-day.
    rest = villages_of(a);
    a_doctor_released = true;
  }
  delta = rest.empty() ? log.clear(st, t, s) : log.set_trip(st, t, s, rest, a_doctor_released ? -1 : a.doctor);
  int doctor = b.size > 0 ? b.doctor : doctor_for(st, rng, a.doctor, t2, s2);
  delta += log.set_trip(st, t2, s2, b.size > 0 ? target : std::vector<int>{v}, doctor);
  return true;
}

// Moves a whole trip to a free half-day, of the same team or another that can make it.
bool move_trip(SearchState& st, Rng& rng, MoveLog& log, double& delta) {
  const Instance& in = st.instance();
  auto [t, s] = random_occupied(st, rng);
  const Cell a = st.cell(t, s);
  int t2 = t;
  if (rng.below(4) == 0) {
    const auto& serving = in.serving_teams(a.villages[0]);
    t2 = serving[rng.below(static_cast<int>(serving.size()))];
    if (!st.trip_allowed(t2, villages_of(a))) return false;
  }
  int s2 = rng.below(in.slots());
  if (!st.team_free(t2, s2)) return false;
  delta = log.clear(st, t, s);
  int doctor = a.doctor >= 0 ? doctor_for(st, rng, a.doctor, t2, s2) : -1;
  if (a.doctor >= 0 && doctor < 0) {
    log.undo(st);
    return false;
  }
  delta += log.set_trip(st, t2, s2, villages_of(a), doctor);
  return true;
}

// Exchanges the trips of two half-days of one team.
bool swap_half_days(SearchState& st, Rng& rng, MoveLog& log, double& delta) {
  const Instance& in = st.instance();
  auto [t, s] = random_occupied(st, rng);
  int s2 = rng.below(in.slots());
  if (s2 == s || !in.team_available(t, s2) || st.cell(t, s2).size == 0) return false;
  const Cell a = st.cell(t, s), b = st.cell(t, s2);
  delta = log.clear(st, t, s) + log.clear(st, t, s2);
  int da = a.doctor >= 0 ? doctor_for(st, rng, a.doctor, t, s2) : -1;
  if (a.doctor >= 0 && da < 0) {
    log.undo(st);
    return false;
  }
  delta += log.set_trip(st, t, s2, villages_of(a), da);
  int db = b.doctor >= 0 ? doctor_for(st, rng, b.doctor, t, s) : -1;
  if (b.doctor >= 0 && db < 0) {
    log.undo(st);
    return false;
  }
  delta += log.set_trip(st, t, s, villages_of(b), db);
  return true;
}

// Adds, removes or changes the senior doctor of a trip.
bool change_doctor(SearchState& st, Rng& rng, MoveLog& log, double& delta) {
  auto [t, s] = random_occupied(st, rng);
  const Cell a = st.cell(t, s);
  int doctor = -1;
  if (a.doctor < 0 || rng.below(2) == 0) {
    doctor = st.free_doctor(t, s, rng.below(1 + static_cast<int>(st.instance().team_doctors(t).size())));
    if (doctor < 0) return false;
  }
  delta = log.set_trip(st, t, s, villages_of(a), doctor);
  return true;
}

// Drops a village from a trip (a visit beyond what the rules ask).
bool drop_village(SearchState& st, Rng& rng, MoveLog& log, double& delta) {
  auto [t, s] = random_occupied(st, rng);
  const Cell a = st.cell(t, s);
  std::vector<int> rest = villages_of(a);
  rest.erase(rest.begin() + rng.below(a.size));
  delta = rest.empty() ? log.clear(st, t, s) : log.set_trip(st, t, s, rest, a.doctor);
  return true;
}

// Exchanges one village between two trips of a team, or merges the two when they fit in one.
bool exchange_or_merge(SearchState& st, Rng& rng, MoveLog& log, double& delta) {
  auto [t, s] = random_occupied(st, rng);
  int s2 = rng.below(st.slots());
  const Cell a = st.cell(t, s), b = st.cell(t, s2);
  if (s2 == s || b.size == 0 || a.doctor < 0 || b.doctor < 0) return false;
  std::vector<int> va = villages_of(a), vb = villages_of(b);
  if (rng.below(3) == 0) {
    std::vector<int> merged = va;
    for (int v : vb)
      if (!contains(merged, v)) merged.push_back(v);
    if (!st.trip_allowed(t, merged)) return false;
    delta = log.clear(st, t, s2) + log.set_trip(st, t, s, merged, a.doctor);
    return true;
  }
  int i = rng.below(a.size), j = rng.below(b.size);
  if (contains(vb, va[i]) || contains(va, vb[j])) return false;
  std::swap(va[i], vb[j]);
  if (!st.trip_allowed(t, va) || !st.trip_allowed(t, vb)) return false;
  delta = log.set_trip(st, t, s, va, a.doctor) + log.set_trip(st, t, s2, vb, b.doctor);
  return true;
}

// Repacks the senior trips of a team in a month — the one move that can rebuild how a
// team's villages share its doctor half-days, when single moves only lead through plans
// with a missing visit.
bool repack(SearchState& st, Rng& rng, MoveLog& log, double& delta) {
  const Instance& in = st.instance();
  int t = rng.below(in.teams()), m = rng.below(in.months());
  if (in.team_villages(t).empty() || in.team_doctors(t).empty()) return false;
  delta = repack_senior_trips(st, t, m, rng, log);
  return true;
}

}  // namespace

void MoveLog::save(const SearchState& st, int team, int slot) { saved_.emplace_back(team, slot, st.cell(team, slot)); }

double MoveLog::set_trip(SearchState& st, int team, int slot, std::vector<int> villages, int doctor) {
  save(st, team, slot);
  return st.set_trip(team, slot, std::move(villages), doctor);
}

double MoveLog::clear(SearchState& st, int team, int slot) {
  save(st, team, slot);
  return st.clear(team, slot);
}

void MoveLog::undo(SearchState& st) {
  for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) st.restore(std::get<0>(*it), std::get<1>(*it), std::get<2>(*it));
  saved_.clear();
}

bool random_move(SearchState& st, Rng& rng, MoveLog& log, double& delta) {
  if (st.unmet() > 0 && rng.below(10) == 0) return repair_missing_visit(st, rng, log, delta);
  if (rng.below(100) < 2) return repack(st, rng, log, delta);
  if (st.occupied().empty()) return false;
  int pick = rng.below(100);
  if (pick < 30) return relocate_village(st, rng, log, delta);
  if (pick < 50) return exchange_or_merge(st, rng, log, delta);
  if (pick < 65) return move_trip(st, rng, log, delta);
  if (pick < 80) return swap_half_days(st, rng, log, delta);
  if (pick < 90) return change_doctor(st, rng, log, delta);
  return drop_village(st, rng, log, delta);
}

}  // namespace yilian::planner

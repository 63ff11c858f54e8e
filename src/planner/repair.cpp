#include "planner/repair.h"

#include <algorithm>

namespace yilian::planner {
namespace {

using Cell = SearchState::Cell;

std::vector<int> villages_of(const Cell& c) { return {c.villages.begin(), c.villages.begin() + c.size}; }

bool contains(const std::vector<int>& villages, int v) {
  return std::find(villages.begin(), villages.end(), v) != villages.end();
}

int village_short_of_a_visit(const SearchState& st, Rng& rng) {
  const Instance& in = st.instance();
  std::vector<int> short_of;
  for (int v = 0; v < in.villages(); ++v) {
    if (in.serving_teams(v).empty()) continue;
    bool owed = false;
    for (int w = 0; w < in.weeks() && !owed; ++w) owed = st.weekly_shortfall(v, w) > 0;
    for (int m = 0; m < in.months() && !owed; ++m) owed = st.senior_shortfall(v, m) > 0;
    if (owed) short_of.push_back(v);
  }
  return short_of.empty() ? -1 : short_of[rng.below(static_cast<int>(short_of.size()))];
}

// A weekly visit (h single-village half-days) starting at the free half-day s.
bool add_weekly_visit(SearchState& st, MoveLog& log, int v, int t, int s, int offset, double& delta) {
  const Instance& in = st.instance();
  const int h = in.visit_length();
  bool fits = s + h <= in.slots();
  for (int j = 0; j < h && fits; ++j) fits = st.team_free(t, s + j) && in.week_of(s + j) == in.week_of(s);
  if (!fits) return false;
  for (int j = 0; j < h; ++j) delta += log.set_trip(st, t, s + j, {v}, st.free_doctor(t, s + j, offset));
  return true;
}

// A senior visit of v in half-day s of team t: a free doctor joins the team's trip there to
// v, or v joins its trip with a doctor, or a new trip starts — in the half-day of a weekly
// visit, which then moves to a free half-day of its week.
bool add_senior_visit(SearchState& st, MoveLog& log, int v, int t, int s, int offset, double& delta) {
  const Instance& in = st.instance();
  const Cell c = st.cell(t, s);
  std::vector<int> villages = villages_of(c);
  int doctor = c.doctor;
  if (contains(villages, v)) {
    if (c.doctor >= 0 || (doctor = st.free_doctor(t, s, offset)) < 0) return false;
  } else if (st.weekly_visit(t, s)) {
    if (doctor < 0 && (doctor = st.free_doctor(t, s, offset)) < 0) return false;
    int free = -1;
    for (int s2 : st.week_slots(in.week_of(s)))
      if (st.team_free(t, s2) && (free < 0 || st.free_doctor(t, s2, 0) < 0)) free = s2;
    std::vector<int> with_doctor = c.doctor >= 0 ? std::vector<int>{villages[0], v} : std::vector<int>{v};
    if (free < 0 || !st.trip_allowed(t, with_doctor)) return false;
    delta += log.set_trip(st, t, free, villages, -1) + log.set_trip(st, t, s, with_doctor, doctor);
    return true;
  } else {
    villages.push_back(v);
    if (c.size == 0) doctor = st.free_doctor(t, s, offset);
    if (doctor < 0 || !st.trip_allowed(t, villages)) return false;
  }
  delta += log.set_trip(st, t, s, villages, doctor);
  return true;
}

// A half-day of the month in which the team's trip could take the village's senior visit
// without a new doctor: a trip with a doctor and room, off weekly rounds.
int slot_with_room(const SearchState& st, int team, int village, int month, int except) {
  const Instance& in = st.instance();
  for (int s = 0; s < in.slots(); ++s) {
    const Cell& c = st.cell(team, s);
    std::vector<int> with = villages_of(c);
    if (s == except || in.month_of(s) != month || c.doctor < 0 || st.weekly_visit(team, s) || contains(with, village))
      continue;
    with.push_back(village);
    if (st.trip_allowed(team, with)) return s;
  }
  return -1;
}

// Frees a senior doctor in one of the wanted (half-day, doctor) pairs by an augmenting
// path: the trip the doctor is on moves to another half-day of its team in the month with
// another allowed doctor, whose trip moves on in turn, until a doctor is free — or until a
// doctor riding along on a weekly visit can leave it, that village's senior visit joining
// another trip with room. Breadth first, so the fewest trips move. Returns the half-day
// freed, or -1 (the caller undoes any partial change).
int free_a_doctor(SearchState& st, MoveLog& log, const std::vector<std::pair<int, int>>& wanted, int month,
                  double& delta) {
  const Instance& in = st.instance();
  const int doctors = in.doctors();
  std::vector<int> parent(static_cast<size_t>(in.slots()) * doctors, -2);  // -2 unseen, -1 a start
  std::vector<int> queue;
  for (auto [s, d] : wanted)
    if (int node = s * doctors + d; parent[node] == -2 && !st.doctor_free(d, s)) parent[node] = -1, queue.push_back(node);
  // Moves each trip on the path one step on, from the freed end back to the start.
  auto shift = [&](int end) {
    for (int to = end, from = parent[end]; from >= 0; to = from, from = parent[from]) {
      const int s = from / doctors, d = from % doctors, t = st.doctor_team(d, s), target = to / doctors;
      if (!st.team_free(t, target)) return -1;  // the same team twice on the path
      const Cell x = st.cell(t, s);
      delta += log.clear(st, t, s) + log.set_trip(st, t, target, villages_of(x), to % doctors);
    }
    int start = end;
    while (parent[start] >= 0) start = parent[start];
    return start / doctors;
  };
  for (size_t head = 0; head < queue.size(); ++head) {
    const int node = queue[head], s = node / doctors, d = node % doctors, t = st.doctor_team(d, s);
    const Cell x = st.cell(t, s);
    if (st.weekly_visit(t, s)) {
      const int w = x.villages[0];
      const bool still_owed = st.senior_visits(w, month) <= in.senior_visits_required(w, month);
      const int room = still_owed ? slot_with_room(st, t, w, month, s) : -1;
      if (still_owed && room < 0) continue;
      delta += log.set_trip(st, t, s, {w}, -1);
      if (room >= 0) {
        const Cell y = st.cell(t, room);
        std::vector<int> with = villages_of(y);
        with.push_back(w);
        delta += log.set_trip(st, t, room, with, y.doctor);
      }
      return shift(node);
    }
    for (int s2 = 0; s2 < in.slots(); ++s2) {
      if (in.month_of(s2) != month || !st.team_free(t, s2)) continue;
      for (int d2 : in.team_doctors(t)) {
        const int next = s2 * doctors + d2;
        if (!in.doctor_available(d2, s2) || parent[next] != -2) continue;
        parent[next] = node;
        if (st.doctor_free(d2, s2)) return shift(next);
        queue.push_back(next);
      }
    }
  }
  return -1;
}

// Whether team t could take v's senior visit in half-day s once a doctor is free there.
bool could_host(const SearchState& st, int v, int t, int s) {
  const Instance& in = st.instance();
  const Cell& c = st.cell(t, s);
  if (!in.team_available(t, s) || c.doctor >= 0) return false;
  if (c.size == 0 || contains(villages_of(c), v)) return true;
  if (!st.weekly_visit(t, s)) return false;
  for (int s2 : st.week_slots(in.week_of(s)))
    if (st.team_free(t, s2)) return true;
  return false;
}

}  // namespace

bool repair_missing_visit(SearchState& st, Rng& rng, MoveLog& log, double& delta) {
  const Instance& in = st.instance();
  const int v = village_short_of_a_visit(st, rng);
  if (v < 0) return false;
  const auto& serving = in.serving_teams(v);
  const int t = serving[rng.below(static_cast<int>(serving.size()))];
  const int start = rng.below(in.slots()), offset = rng.below(1 + static_cast<int>(in.team_doctors(t).size()));
  delta = 0;
  for (int i = 0; i < in.slots(); ++i) {
    const int s = (start + i) % in.slots();
    if (!in.team_available(t, s)) continue;
    if (st.weekly_shortfall(v, in.week_of(s)) > 0 && st.cell(t, s).size == 0 &&
        add_weekly_visit(st, log, v, t, s, offset, delta))
      return true;
    if (st.senior_shortfall(v, in.month_of(s)) > 0 && add_senior_visit(st, log, v, t, s, offset, delta)) return true;
  }
  // Every half-day with a doctor free is taken: free one, then try again there.
  const int month = in.month_of(start);
  if (st.senior_shortfall(v, month) == 0) return false;
  std::vector<std::pair<int, int>> wanted;
  for (int i = 0; i < in.slots(); ++i) {
    const int s = (start + i) % in.slots();
    if (in.month_of(s) != month || !could_host(st, v, t, s)) continue;
    for (int d : in.team_doctors(t))
      if (in.doctor_available(d, s)) wanted.push_back({s, d});
  }
  const int freed = free_a_doctor(st, log, wanted, month, delta);
  if (freed >= 0 && add_senior_visit(st, log, v, t, freed, offset, delta)) return true;
  log.undo(st);
  return false;
}

}  // namespace yilian::planner

#include "planner/search_state.h"

#include <algorithm>

namespace yilian::planner {

SearchState::SearchState(const Instance& in, double penalty)
    : in_(in), penalty_(penalty), slots_(in.slots()), cells_(static_cast<size_t>(in.teams()) * slots_),
      doctor_team_(static_cast<size_t>(in.doctors()) * slots_, -1),
      weekly_(static_cast<size_t>(in.villages()) * in.weeks(), 0),
      senior_(static_cast<size_t>(in.villages()) * in.months(), 0), load_(in.teams(), 0),
      week_slots_(in.weeks()), occupied_pos_(cells_.size(), -1) {
  for (int s = 0; s < slots_; ++s) week_slots_[in.week_of(s)].push_back(s);
  for (int v = 0; v < in.villages(); ++v) {
    for (int w = 0; w < in.weeks(); ++w) unmet_ += in.weekly_visits_required(v, w);
    for (int m = 0; m < in.months(); ++m) unmet_ += in.senior_visits_required(v, m);
  }
}

bool SearchState::trip_allowed(int team, const std::vector<int>& villages) const {
  if (villages.empty() || static_cast<int>(villages.size()) > in_.problem().teams[team].max_villages_per_trip)
    return false;
  for (size_t i = 0; i < villages.size(); ++i) {
    if (!in_.can_reach(team, villages[i])) return false;
    for (size_t j = 0; j < i; ++j)
      if (villages[i] == villages[j]) return false;
  }
  if (in_.problem().teams[team].has_vehicle) return true;
  std::vector<int> order = villages;
  return in_.trip_within_limit(team, in_.best_tour(team, order));
}

bool SearchState::doctor_free(int doctor, int slot) const {
  return in_.doctor_available(doctor, slot) && doctor_team_[doctor * slots_ + slot] < 0;
}

int SearchState::free_doctor(int team, int slot, int offset) const {
  const auto& doctors = in_.team_doctors(team);
  for (size_t i = 0; i < doctors.size(); ++i) {
    int d = doctors[(i + offset) % doctors.size()];
    if (doctor_free(d, slot)) return d;
  }
  return -1;
}

bool SearchState::weekly_visit(int team, int slot) const {
  const Cell& c = cell(team, slot);
  return c.size == 1 && in_.weekly_visits_required(c.villages[0], in_.week_of(slot)) > 0;
}

int SearchState::weekly_shortfall(int v, int w) const {
  return std::max(0, in_.weekly_visits_required(v, w) - weekly_[v * in_.weeks() + w]);
}

int SearchState::senior_shortfall(int v, int m) const {
  return std::max(0, in_.senior_visits_required(v, m) - senior_[v * in_.months() + m]);
}

// V2 with min_half_days_per_visit = h: runs of consecutive single-village half-days, run / h
// visits each — the same count as check().
int SearchState::weekly_visits_of_team(int team, int village, int week) const {
  const int h = in_.visit_length();
  int visits = 0, run = 0, prev = -2;
  for (int s : week_slots_[week]) {
    const Cell& c = cell(team, s);
    if (c.size == 1 && c.villages[0] == village) {
      run = s == prev + 1 ? run + 1 : 1;
      prev = s;
      if (run == h) {
        ++visits;
        run = 0;
        prev = s;
      }
    } else {
      run = 0;
    }
  }
  return visits;
}

void SearchState::add_weekly(int v, int w, int delta) {
  int before = weekly_shortfall(v, w);
  weekly_[v * in_.weeks() + w] += delta;
  unmet_ += weekly_shortfall(v, w) - before;
}

void SearchState::add_senior(int v, int m, int delta) {
  int before = senior_shortfall(v, m);
  senior_[v * in_.months() + m] += delta;
  unmet_ += senior_shortfall(v, m) - before;
}

double SearchState::set_trip(int team, int slot, std::vector<int> villages, int doctor) {
  Cell c;
  c.km = in_.best_tour(team, villages);
  c.size = static_cast<int>(villages.size());
  std::copy(villages.begin(), villages.end(), c.villages.begin());
  c.doctor = doctor;
  return put(team, slot, c);
}

double SearchState::put(int team, int slot, const Cell& next) {
  const double before = objective();
  const int index = team * slots_ + slot, week = in_.week_of(slot), month = in_.month_of(slot);
  Cell& cur = cells_[index];

  std::array<int, 2> weekly_villages{-1, -1};
  if (cur.size == 1) weekly_villages[0] = cur.villages[0];
  if (next.size == 1 && next.villages[0] != weekly_villages[0]) weekly_villages[1] = next.villages[0];
  std::array<int, 2> weekly_before{};
  for (int i = 0; i < 2; ++i)
    if (weekly_villages[i] >= 0) weekly_before[i] = weekly_visits_of_team(team, weekly_villages[i], week);

  if (cur.doctor >= 0) {
    for (int i = 0; i < cur.size; ++i) add_senior(cur.villages[i], month, -1);
    doctor_team_[cur.doctor * slots_ + slot] = -1;
  }
  const bool was_busy = cur.size > 0, now_busy = next.size > 0;
  travel_ += next.km - cur.km;
  cur = next;
  if (cur.doctor >= 0) {
    for (int i = 0; i < cur.size; ++i) add_senior(cur.villages[i], month, +1);
    doctor_team_[cur.doctor * slots_ + slot] = team;
  }
  for (int i = 0; i < 2; ++i)
    if (weekly_villages[i] >= 0)
      add_weekly(weekly_villages[i], week, weekly_visits_of_team(team, weekly_villages[i], week) - weekly_before[i]);

  if (was_busy != now_busy) {
    const double weight = in_.problem().balance_weight;
    int& load = load_[team];
    balance_ -= weight * load * load;
    load += now_busy ? 1 : -1;
    balance_ += weight * load * load;
    if (now_busy) {
      occupied_pos_[index] = static_cast<int>(occupied_.size());
      occupied_.push_back(index);
    } else {
      int pos = occupied_pos_[index], last = occupied_.back();
      occupied_[pos] = last;
      occupied_pos_[last] = pos;
      occupied_.pop_back();
      occupied_pos_[index] = -1;
    }
  }
  return objective() - before;
}

void SearchState::reset_to(const std::vector<Cell>& cells) {
  for (int t = 0; t < in_.teams(); ++t)
    for (int s = 0; s < slots_; ++s) clear(t, s);
  for (int t = 0; t < in_.teams(); ++t)
    for (int s = 0; s < slots_; ++s)
      if (cells[t * slots_ + s].size > 0) put(t, s, cells[t * slots_ + s]);
}

Plan SearchState::to_plan() const {
  const auto& p = in_.problem();
  Plan plan;
  for (int s = 0; s < slots_; ++s)
    for (int t = 0; t < in_.teams(); ++t) {
      const Cell& c = cell(t, s);
      if (c.size == 0) continue;
      Trip trip{p.teams[t].id, s / 2, s % 2 == 0 ? Half::am : Half::pm};
      for (int i = 0; i < c.size; ++i) trip.villages.push_back(p.villages[c.villages[i]].id);
      if (c.doctor >= 0) trip.senior_doctors.push_back(p.doctors[c.doctor].id);
      plan.trips.push_back(std::move(trip));
    }
  return plan;
}

}  // namespace yilian::planner


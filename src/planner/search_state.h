// The local search's working plan: a grid of team × half-day cells, each empty or one trip
// (1–3 villages, at most one senior doctor), with visit counts, travel, load and unmet
// visits kept up to date on every change, so a move is priced in constant time.
#pragma once
#include <array>
#include <vector>

#include "planner/instance.h"

namespace yilian::planner {

class SearchState {
 public:
  struct Cell {
    int size = 0;  // villages on the trip; 0 when the team stays home
    std::array<int, 3> villages{};  // in the best visiting order
    int doctor = -1;
    double km = 0;
  };

  // `penalty` prices one missing visit against travel km; it must outweigh any trip.
  SearchState(const Instance& instance, double penalty);

  const Instance& instance() const { return in_; }
  const Cell& cell(int team, int slot) const { return cells_[team * slots_ + slot]; }
  double objective() const { return travel_ + balance_ + penalty_ * unmet_; }
  double travel() const { return travel_; }
  int unmet() const { return unmet_; }
  int team_load(int team) const { return load_[team]; }

  // Puts a trip in the cell (villages in any order; the best order is taken), replacing
  // what was there. The caller keeps trips legal: villages the team reaches, within its
  // limit, the doctor free and allowed. Returns the change of objective().
  double set_trip(int team, int slot, std::vector<int> villages, int doctor);
  double clear(int team, int slot) { return put(team, slot, Cell{}); }
  double restore(int team, int slot, const Cell& cell) { return put(team, slot, cell); }

  // A trip of these villages is allowed for the team (size, reach, distance limit).
  bool trip_allowed(int team, const std::vector<int>& villages) const;
  bool team_free(int team, int slot) const { return in_.team_available(team, slot) && cell(team, slot).size == 0; }
  bool doctor_free(int doctor, int slot) const;
  int doctor_team(int doctor, int slot) const { return doctor_team_[doctor * slots_ + slot]; }  // -1 when free
  // An allowed doctor free at the slot, trying them from `offset` on; -1 when none.
  int free_doctor(int team, int slot, int offset) const;

  // The cell is a single-village trip to a village on weekly rounds that week (V2): adding a
  // village to it would undo a weekly visit.
  bool weekly_visit(int team, int slot) const;
  int weekly_shortfall(int village, int week) const;
  int senior_shortfall(int village, int month) const;
  int senior_visits(int village, int month) const { return senior_[village * in_.months() + month]; }

  // Occupied cells as team × slots + slot, for sampling moves.
  const std::vector<int>& occupied() const { return occupied_; }
  int slots() const { return slots_; }
  const std::vector<int>& week_slots(int week) const { return week_slots_[week]; }

  std::vector<Cell> snapshot() const { return cells_; }
  void reset_to(const std::vector<Cell>& cells);  // a snapshot taken earlier
  Plan to_plan() const;

 private:
  double put(int team, int slot, const Cell& cell);
  int weekly_visits_of_team(int team, int village, int week) const;
  void add_weekly(int village, int week, int delta);
  void add_senior(int village, int month, int delta);

  const Instance& in_;
  double penalty_;
  int slots_;
  std::vector<Cell> cells_;
  std::vector<int> doctor_team_;  // doctor × slots → team, or -1
  std::vector<int> weekly_, senior_;  // village × week, village × month
  std::vector<int> load_;
  std::vector<std::vector<int>> week_slots_;
  std::vector<int> occupied_, occupied_pos_;
  double travel_ = 0, balance_ = 0;
  int unmet_ = 0;
};

}  // namespace yilian::planner

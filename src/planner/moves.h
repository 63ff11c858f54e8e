// The local search's moves on a SearchState. Each records the cells it changes so a
// refused move is undone exactly; each keeps trips legal (reach, size, limit, free doctor)
// and leaves the rules' scoring to the state's penalty for unmet visits.
#pragma once
#include <cstdint>
#include <random>
#include <tuple>
#include <vector>

#include "planner/search_state.h"

namespace yilian::planner {

// Deterministic draws on every platform (std distributions are not specified bit for bit).
class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}
  int below(int n) { return static_cast<int>(engine_() % static_cast<uint64_t>(n)); }
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

 private:
  std::mt19937_64 engine_;
};

class MoveLog {
 public:
  double set_trip(SearchState& st, int team, int slot, std::vector<int> villages, int doctor);
  double clear(SearchState& st, int team, int slot);
  void undo(SearchState& st);
  void forget() { saved_.clear(); }

 private:
  void save(const SearchState& st, int team, int slot);
  std::vector<std::tuple<int, int, SearchState::Cell>> saved_;
};

// Draws and applies one move; returns false (nothing changed) when the drawn move does not
// apply. `delta` is the change of the state's objective.
bool random_move(SearchState& st, Rng& rng, MoveLog& log, double& delta);

}  // namespace yilian::planner

#include "planner/slot_classes.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace yilian::planner {

std::vector<SlotClass> slot_classes(const Instance& in, const Part& part) {
  std::map<std::vector<int>, int> class_of;
  std::vector<SlotClass> out;
  for (int s = 0; s < in.slots(); ++s) {
    std::vector<int> signature{in.week_of(s), in.month_of(s), in.visit_length() > 1 ? s : -1};
    for (int t : part.teams) signature.push_back(in.team_available(t, s));
    for (int d : part.doctors) signature.push_back(in.doctor_available(d, s));
    auto [it, fresh] = class_of.emplace(signature, static_cast<int>(out.size()));
    if (fresh) out.push_back({{}, in.week_of(s), in.month_of(s)});
    out[it->second].slots.push_back(s);
  }
  return out;
}

std::vector<int> color_pairs(const std::vector<std::pair<int, int>>& pairs, int colours) {
  int doctors = 0, teams = 0;
  for (auto [d, t] : pairs) doctors = std::max(doctors, d + 1), teams = std::max(teams, t + 1);
  // at[side][vertex][colour] = the pairing holding that colour there, or -1.
  std::vector<std::vector<std::vector<int>>> at{std::vector<std::vector<int>>(doctors, std::vector<int>(colours, -1)),
                                                std::vector<std::vector<int>>(teams, std::vector<int>(colours, -1))};
  std::vector<int> colour(pairs.size(), -1);
  auto end = [&](int e, int side) { return side == 0 ? pairs[e].first : pairs[e].second; };
  auto free_colour = [&](int side, int vertex) {
    for (int c = 0; c < colours; ++c)
      if (at[side][vertex][c] < 0) return c;
    return -1;
  };
  for (int e = 0; e < static_cast<int>(pairs.size()); ++e) {
    auto [d, t] = pairs[e];
    int alpha = free_colour(0, d), beta = free_colour(1, t);
    if (alpha < 0 || beta < 0) throw std::logic_error("color_pairs: a doctor or team is paired more often than there are colours");
    if (at[1][t][alpha] >= 0) {
      // Swap alpha and beta along the path from t that alternates alpha, beta, …: it cannot
      // reach d (bipartite, alpha free at d), and afterwards alpha is free at t.
      std::vector<int> path;
      int side = 1, vertex = t, c = alpha;
      while (at[side][vertex][c] >= 0) {
        int f = at[side][vertex][c];
        path.push_back(f);
        side = 1 - side;
        vertex = end(f, side);
        c = c == alpha ? beta : alpha;
      }
      for (int f : path) at[0][pairs[f].first][colour[f]] = at[1][pairs[f].second][colour[f]] = -1;
      for (int f : path) {
        colour[f] = colour[f] == alpha ? beta : alpha;
        at[0][pairs[f].first][colour[f]] = at[1][pairs[f].second][colour[f]] = f;
      }
    }
    colour[e] = alpha;
    at[0][d][alpha] = at[1][t][alpha] = e;
  }
  return colour;
}

}  // namespace yilian::planner

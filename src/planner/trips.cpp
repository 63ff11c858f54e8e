#include "planner/trips.h"

namespace yilian::planner {

bool needs_visits(const Instance& in, int v) {
  for (int w = 0; w < in.weeks(); ++w)
    if (in.weekly_visits_required(v, w) > 0) return true;
  for (int m = 0; m < in.months(); ++m)
    if (in.senior_visits_required(v, m) > 0) return true;
  return false;
}

std::vector<CandidateTrip> candidate_trips(const Instance& in, int team) {
  std::vector<int> pool;
  for (int v : in.team_villages(team))
    if (needs_visits(in, v)) pool.push_back(v);
  const int max_size = in.problem().teams[team].max_villages_per_trip;
  std::vector<CandidateTrip> out;
  auto consider = [&](std::vector<int> villages) {
    double km = in.best_tour(team, villages);
    if (in.trip_within_limit(team, km)) out.push_back({team, std::move(villages), km});
  };
  const int n = static_cast<int>(pool.size());
  for (int a = 0; a < n; ++a) {
    consider({pool[a]});
    for (int b = a + 1; b < n && max_size >= 2; ++b) {
      consider({pool[a], pool[b]});
      for (int c = b + 1; c < n && max_size >= 3; ++c) consider({pool[a], pool[b], pool[c]});
    }
  }
  return out;
}

}  // namespace yilian::planner

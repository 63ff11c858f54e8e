// Candidate trips: every set of 1–3 villages a team may take in one half-day, with its
// shortest round trip. Shared by the exact solver (its columns) and the diagnosis.
#pragma once
#include <vector>

#include "planner/instance.h"

namespace yilian::planner {

struct CandidateTrip {
  int team = -1;
  std::vector<int> villages;  // in the best visiting order
  double km = 0;
};

// Only villages some rule asks to visit take part: a trip elsewhere serves nothing. Teams
// without a vehicle keep only trips within their limit (V8).
std::vector<CandidateTrip> candidate_trips(const Instance& instance, int team);

bool needs_visits(const Instance& instance, int village);

}  // namespace yilian::planner

// Independent parts of a problem: teams linked by a village they may both serve or by a
// senior doctor who may join both, with those villages and doctors. Travel, load and every
// rule add up part by part, so optimising each part alone optimises the whole — which is
// what lets the exact solver handle a county as a series of township-sized models.
#pragma once
#include <vector>

#include "planner/instance.h"

namespace yilian::planner {

struct Part {
  std::vector<int> teams;
  std::vector<int> villages;  // needing visits and reachable by a team of the part
  std::vector<int> doctors;   // who may join a team of the part
};

std::vector<Part> independent_parts(const Instance& instance);
// The whole problem as one part, for comparison with the decomposition.
Part whole_problem(const Instance& instance);

}  // namespace yilian::planner

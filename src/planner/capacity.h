// Counts of what teams and senior doctors can deliver, shared by the diagnosis and the
// explanations so both quote the same numbers.
#pragma once
#include <vector>

#include "planner/instance.h"

namespace yilian::planner {

// Weekly visits (h consecutive available half-days each) the team can make in the week.
int weekly_visit_capacity(const Instance& in, int team, int week);

struct SeniorCapacity {
  int doctors = 0;          // senior doctors who may join one of the teams
  int doctor_half_days = 0;  // their available half-days in the month
  int joint_half_days = 0;   // Σ over half-days of min(teams available, doctors available)
  int max_villages = 0;      // most villages one trip may take
  int visits() const { return joint_half_days * max_villages; }
};
// What senior doctors can add to the villages of these teams in the month, at most.
SeniorCapacity senior_capacity(const Instance& in, const std::vector<int>& teams, int month);

}  // namespace yilian::planner

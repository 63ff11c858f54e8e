#include "planner/capacity.h"

#include <algorithm>

namespace yilian::planner {

int weekly_visit_capacity(const Instance& in, int team, int week) {
  int visits = 0, run = 0;
  for (int s = 0; s < in.slots(); ++s) {
    bool open = in.week_of(s) == week && in.team_available(team, s);
    run = open ? run + 1 : 0;
    if (run == in.visit_length()) {
      ++visits;
      run = 0;
    }
  }
  return visits;
}

SeniorCapacity senior_capacity(const Instance& in, const std::vector<int>& teams, int month) {
  SeniorCapacity c;
  std::vector<int> doctors;
  for (int d = 0; d < in.doctors(); ++d)
    for (int t : teams)
      if (in.doctor_may_join(d, t)) {
        doctors.push_back(d);
        break;
      }
  c.doctors = static_cast<int>(doctors.size());
  for (int t : teams) c.max_villages = std::max(c.max_villages, in.problem().teams[t].max_villages_per_trip);
  for (int s = 0; s < in.slots(); ++s) {
    if (in.month_of(s) != month) continue;
    int free_teams = 0, free_doctors = 0;
    for (int t : teams) free_teams += in.team_available(t, s);
    for (int d : doctors) free_doctors += in.doctor_available(d, s);
    c.doctor_half_days += free_doctors;
    c.joint_half_days += std::min(free_teams, free_doctors);
  }
  return c;
}

}  // namespace yilian::planner

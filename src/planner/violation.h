// One broken rule of a plan, named the same way by the re-check, by the exact solver's
// leftover slack and by the diagnosis, so the rounds module shows them all alike.
#pragma once
#include <string>

namespace yilian::planner {

enum class RuleKind {
  weekly_team_visits,     // V2: a village on weekly rounds got fewer visits than the week owes
  monthly_senior_visits,  // V6: fewer senior-doctor visits than the month owes
  village_outside_grid,   // V1: a trip to a village the team does not serve (包干)
  trip_beyond_reach,      // V8: a team without a vehicle on a round trip longer than its limit
  too_many_villages,      // more villages on a trip than the team may take
  team_double_booked,     // a team in two places in one half-day
  doctor_double_booked,   // a senior doctor in two places in one half-day
  team_unavailable,       // a trip in a half-day the team is not available
  doctor_unavailable,     // a senior doctor on a trip in a half-day he or she is not available
  doctor_not_allowed,     // a senior doctor on a trip of a team he or she may not join
  malformed_trip,         // unknown team, village or doctor, day out of range, empty or repeated
};

// The RULES.md id a finding quotes ("V2"), or "" for the scheduling basics.
std::string rule_id(RuleKind kind);
std::string rule_label(RuleKind kind);  // 中文: "重点村每周巡诊次数"

struct Violation {
  RuleKind kind = RuleKind::malformed_trip;
  std::string village;  // ids, empty when not about one
  std::string team;
  std::string doctor;
  int week = -1;   // weekly rules: week index
  int month = -1;  // monthly rules: month index
  int trip = -1;   // index into Plan::trips, when one trip is at fault
  int required = 0;  // visit rules: visits owed and made
  int actual = 0;
  std::string message;  // 中文, with the numbers
};

}  // namespace yilian::planner

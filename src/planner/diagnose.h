// Why the rules cannot all be met, in Chinese with the numbers: a village no team serves or
// reaches, a week owing more visits than the teams have half-days, senior doctors with fewer
// half-days than the visits owed. The rounds module shows these next to the unmet rules of a
// plan, so a planner never just fails.
#pragma once
#include <string>
#include <vector>

#include "planner/instance.h"
#include "planner/violation.h"

namespace yilian::planner {

struct Explanation {
  RuleKind kind = RuleKind::weekly_team_visits;  // the rule that cannot be met (V1, V2, V6, V8)
  std::vector<std::string> villages;  // ids of the villages concerned
  std::string team;      // scope, when one team's or one township's capacity is short
  std::string township;
  int week = -1;         // weekly rules
  int month = -1;        // monthly rules
  int capacity = 0;      // visits the scope can make at most
  int demand = 0;        // visits owed
  std::string message;   // 中文, with the numbers
};

// Conditions every plan needs, checked on the problem alone; each failing one is a proof
// that some rule cannot be met. An empty list does not prove the rules can all be met:
// several needs may compete for the same half-days — the exact solver's unmet list decides.
std::vector<Explanation> diagnose(const Instance& instance);
std::vector<Explanation> diagnose(const Problem& problem);

// One explanation per unmet rule of a plan (check() or a solver's `unmet`): the diagnosed
// reasons covering its village and period, or else the competing demand on the half-days
// of the teams and doctors that could have served it.
std::vector<Explanation> explain(const Instance& instance, const std::vector<Violation>& unmet);
std::vector<Explanation> explain(const Problem& problem, const std::vector<Violation>& unmet);

}  // namespace yilian::planner

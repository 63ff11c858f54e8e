// The round planner's results as the rounds API shows them: trips with names, and every
// unmet or broken rule (planner/violation.h) and its explanation (planner/diagnose.h) with
// the RULES id, the village by code and name, the period in words and the numbers.
#pragma once
#include <nlohmann/json.hpp>
#include <vector>

#include "planner/diagnose.h"
#include "planner/instance.h"

namespace yilian::rounds {

// {team_id, team_name, day, half, villages:[{code,name}], senior_doctors:[{staff_id,name}]}
nlohmann::json trip_json(const planner::Instance& in, const planner::Trip& trip);
// {rule, kind, label, village_code, village_name, team, team_id, team_name, staff_id, staff_name,
//  period, slot, expected, actual, message}; `plan` names the slot of a faulty trip.
nlohmann::json violation_json(const planner::Instance& in, const planner::Plan& plan, const planner::Violation& v);
nlohmann::json violations_json(const planner::Instance& in, const planner::Plan& plan,
                               const std::vector<planner::Violation>& vs);
// {rule, kind, villages:[{code,name}], team, township, period, capacity, demand, message}
nlohmann::json explanations_json(const planner::Instance& in, const std::vector<planner::Explanation>& es);

}  // namespace yilian::rounds

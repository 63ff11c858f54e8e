// Re-check of any plan against its problem — made by a planner or edited by hand: every
// broken rule is listed (not only the first), each naming the village, team or doctor.
#pragma once
#include <vector>

#include "planner/instance.h"
#include "planner/violation.h"

namespace yilian::planner {

// Empty when the plan meets every rule. Visits count even on a faulty trip (it did happen);
// the fault is listed on its own.
std::vector<Violation> check(const Instance& instance, const Plan& plan);
// Throws std::invalid_argument when the problem itself is malformed.
std::vector<Violation> check(const Problem& problem, const Plan& plan);

// Villages × weeks short of team visits and villages × months short of senior visits, as
// counted in a plan: the part of check() the planners use to report unmet rules.
std::vector<Violation> unmet_visits(const Instance& instance, const Plan& plan);

}  // namespace yilian::planner

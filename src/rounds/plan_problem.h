// The round planner's problem (planner/model.h) read from the rounds records of a region
// and a period: the township centres' active teams starting from their centre, the
// villages that owe visits under the preset (V2, V6) with their 包干 teams (V1), the
// senior-doctor pool (V6) and the working days of work_calendar. The planner itself never
// touches the database; this is the only translation between the two.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "api/context.h"
#include "planner/model.h"
#include "rounds/report_region.h"
#include "rounds/rounds_policy.h"

namespace yilian::rounds {

struct PlanPeriod {
  std::string from, to;  // inclusive, YYYY-MM-DD
};

// from/to from a request: dates, from ≤ to, at most kMaxPlanDays days; 422 on the field.
inline constexpr int kMaxPlanDays = 62;
PlanPeriod parse_plan_period(const std::string& from, const std::string& to);

// The working days of the period in the region's calendar (calendar/work_days.h:
// holidays off, 调休 days on); 422 on "to" when there are none.
planner::Horizon plan_horizon(store::Db& db, const PlanPeriod& period, const std::string& region_code);

// The region of a plan (?region= or the body's "region"): a township or above, inside the
// user's scope. Bureaus reach their subtree, a township centre its own township, the
// administrator everything; every other role is refused (403), since plans are the
// bureau's and the township centre's work.
ReportRegion plan_region(api::Context& ctx, const std::string& code);

// Teams and villages a stored plan names beyond those the needs bring in, so a re-check
// can judge every stored slot of the region (a village with no needs still costs travel).
struct PlanExtras {
  std::set<std::string> team_ids, village_codes;
};

struct PlanProblem {
  planner::Problem problem;
  std::vector<int64_t> team_ids;  // the teams planned for, as in problem.teams
  std::map<std::string, std::string> doctor_names;  // staff id → name
};

// 422 {field, message} naming every team and village without coordinates.
PlanProblem build_plan_problem(store::Db& db, const RoundsPolicy& policy, const ReportRegion& region,
                               const PlanPeriod& period, const PlanExtras& extras = {});

}  // namespace yilian::rounds

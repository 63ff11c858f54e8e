#include "planner/violation.h"

namespace yilian::planner {

std::string rule_id(RuleKind kind) {
  switch (kind) {
    case RuleKind::weekly_team_visits: return "V2";
    case RuleKind::monthly_senior_visits: return "V6";
    case RuleKind::village_outside_grid: return "V1";
    case RuleKind::trip_beyond_reach: return "V8";
    default: return "";
  }
}

std::string rule_label(RuleKind kind) {
  switch (kind) {
    case RuleKind::weekly_team_visits: return "重点村每周巡诊次数";
    case RuleKind::monthly_senior_visits: return "医疗骨干每月巡诊次数";
    case RuleKind::village_outside_grid: return "网格化包干";
    case RuleKind::trip_beyond_reach: return "无巡诊车团队单趟里程";
    case RuleKind::too_many_villages: return "每趟村数上限";
    case RuleKind::team_double_booked: return "团队同一半天只能在一处";
    case RuleKind::doctor_double_booked: return "医疗骨干同一半天只能在一处";
    case RuleKind::team_unavailable: return "团队可用时间";
    case RuleKind::doctor_unavailable: return "医疗骨干可用时间";
    case RuleKind::doctor_not_allowed: return "医疗骨干可加入的团队";
    case RuleKind::malformed_trip: return "排班记录有误";
  }
  return "";
}

}  // namespace yilian::planner

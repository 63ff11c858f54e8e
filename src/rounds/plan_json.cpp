#include "rounds/plan_json.h"

#include <string>

namespace yilian::rounds {
namespace {

using nlohmann::json;
using planner::RuleKind;

const char* kind_name(RuleKind k) {
  switch (k) {
    case RuleKind::weekly_team_visits: return "weekly_team_visits";
    case RuleKind::monthly_senior_visits: return "monthly_senior_visits";
    case RuleKind::village_outside_grid: return "village_outside_grid";
    case RuleKind::trip_beyond_reach: return "trip_beyond_reach";
    case RuleKind::too_many_villages: return "too_many_villages";
    case RuleKind::team_double_booked: return "team_double_booked";
    case RuleKind::doctor_double_booked: return "doctor_double_booked";
    case RuleKind::team_unavailable: return "team_unavailable";
    case RuleKind::doctor_unavailable: return "doctor_unavailable";
    case RuleKind::doctor_not_allowed: return "doctor_not_allowed";
    case RuleKind::malformed_trip: return "malformed_trip";
  }
  return "unknown";
}

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json team_id_json(const std::string& id) {
  try {
    return id.empty() ? json(nullptr) : json(std::stoll(id));
  } catch (const std::exception&) {
    return id;
  }
}

json village_json(const planner::Instance& in, const std::string& code) {
  int v = in.village_index(code);
  return {{"code", code}, {"name", v >= 0 ? in.village_name(v) : code}};
}

std::string period(const planner::Instance& in, int week, int month) {
  if (week >= 0) return in.week_label(week);
  if (month >= 0) return in.month_label(month);
  return "";
}

}  // namespace

json trip_json(const planner::Instance& in, const planner::Trip& trip) {
  const auto& days = in.problem().horizon.days;
  int t = in.team_index(trip.team);
  json villages = json::array(), doctors = json::array();
  for (const auto& v : trip.villages) villages.push_back(village_json(in, v));
  for (const auto& d : trip.senior_doctors) {
    int i = in.doctor_index(d);
    doctors.push_back({{"staff_id", team_id_json(d)}, {"name", i >= 0 ? in.doctor_name(i) : d}});
  }
  return {{"team_id", team_id_json(trip.team)},
          {"team_name", t >= 0 ? in.team_name(t) : trip.team},
          {"day", trip.day >= 0 && trip.day < static_cast<int>(days.size()) ? days[trip.day].date : ""},
          {"half", trip.half == planner::Half::am ? "am" : "pm"},
          {"villages", villages},
          {"senior_doctors", doctors}};
}

json violation_json(const planner::Instance& in, const planner::Plan& plan, const planner::Violation& v) {
  int vi = v.village.empty() ? -1 : in.village_index(v.village);
  int ti = v.team.empty() ? -1 : in.team_index(v.team);
  int di = v.doctor.empty() ? -1 : in.doctor_index(v.doctor);
  std::string slot;
  if (v.trip >= 0 && v.trip < static_cast<int>(plan.trips.size())) {
    const auto& trip = plan.trips[v.trip];
    if (trip.day >= 0 && trip.day < static_cast<int>(in.problem().horizon.days.size()))
      slot = in.slot_label(planner::slot_of(trip.day, trip.half));
  }
  std::string team_name = ti >= 0 ? in.team_name(ti) : v.team;
  return {{"rule", or_null(planner::rule_id(v.kind))},
          {"kind", kind_name(v.kind)},
          {"label", planner::rule_label(v.kind)},
          {"village_code", or_null(v.village)},
          {"village_name", vi >= 0 ? json(in.village_name(vi)) : or_null(v.village)},
          {"team", or_null(team_name)},
          {"team_id", team_id_json(v.team)},
          {"team_name", or_null(team_name)},
          {"staff_id", team_id_json(v.doctor)},
          {"staff_name", di >= 0 ? json(in.doctor_name(di)) : or_null(v.doctor)},
          {"period", or_null(period(in, v.week, v.month))},
          {"slot", or_null(slot)},
          {"expected", v.required},
          {"actual", v.actual},
          {"message", v.message}};
}

json violations_json(const planner::Instance& in, const planner::Plan& plan, const std::vector<planner::Violation>& vs) {
  json out = json::array();
  for (const auto& v : vs) out.push_back(violation_json(in, plan, v));
  return out;
}

json explanations_json(const planner::Instance& in, const std::vector<planner::Explanation>& es) {
  json out = json::array();
  for (const auto& e : es) {
    json villages = json::array();
    for (const auto& v : e.villages) villages.push_back(village_json(in, v));
    int ti = e.team.empty() ? -1 : in.team_index(e.team);
    out.push_back({{"rule", or_null(planner::rule_id(e.kind))},
                   {"kind", kind_name(e.kind)},
                   {"villages", villages},
                   {"team", ti >= 0 ? json(in.team_name(ti)) : or_null(e.team)},
                   {"township", or_null(e.township)},
                   {"period", or_null(period(in, e.week, e.month))},
                   {"capacity", e.capacity},
                   {"demand", e.demand},
                   {"message", e.message}});
  }
  return out;
}

}  // namespace yilian::rounds

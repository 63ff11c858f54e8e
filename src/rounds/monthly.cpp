// 月调度 (V6 “周跟踪、月调度”): per village, the month's planned and made visits against
// what the preset requires — weekly rounds for the villages that need them (V2),
// village-level dispatch days (V4) and senior-doctor visits (V6) — and per senior doctor
// the month's visits against the monthly minimum.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "calendar/date.h"
#include "common/clock.h"
#include "common/error.h"
#include "rounds/checks.h"
#include "rounds/needs.h"
#include "rounds/report_handlers.h"

namespace yilian::rounds {
namespace {

using nlohmann::json;
using common::RegionLevel;

struct Month {
  std::string label, first, last;
  std::vector<calendar::IsoWeek> weeks;  // the ISO weeks whose Thursday falls in the month
  std::string today;                     // weeks not over by this day are not judged yet
};

Month requested_month(api::Context& ctx) {
  Month m;
  m.label = ctx.req.query_or("month", common::today().substr(0, 7));
  if (m.label.size() != 7 || !common::is_valid_date(m.label + "-01"))
    common::bad_request("bad_query", "月份格式须为YYYY-MM", "month");
  m.today = ctx.req.query_or("today", common::today());  // a month reproduced as of a day
  if (!common::is_valid_date(m.today)) common::bad_request("bad_query", "日期格式须为YYYY-MM-DD", "today");
  m.first = m.label + "-01";
  m.last = calendar::add_days(calendar::add_days(m.first, 40).substr(0, 7) + "-01", -1);
  for (std::string d = m.first; d <= m.last; d = calendar::add_days(d, 1))
    if (calendar::weekday(d) == 4) m.weeks.push_back(calendar::iso_week(d));
  return m;
}

struct Tally {
  int64_t planned = 0, planned_senior = 0, done = 0, done_planned = 0, senior_visits = 0;
  std::map<std::string, int64_t> visits_by_week;  // ISO week → visits
  std::map<std::string, std::set<std::string>> dispatch_days_by_week;
};

// Whether a week is over (its Sunday before today): a week still running, or to come, is
// not judged — on 3 December, W49–W53 owe nothing yet.
bool week_over(const Month& m, const calendar::IsoWeek& w) { return w.sunday() < m.today; }

// The month's finished weeks with fewer than `minimum`, as "2026-W29(0次)、…"; `met`
// counts the rest of the finished weeks.
std::string weeks_below(const Month& m, const std::function<int64_t(const std::string&)>& count_of, int64_t minimum,
                        const std::string& unit, int64_t& met) {
  std::string missed;
  met = 0;
  for (const auto& w : m.weeks) {
    if (!week_over(m, w)) continue;
    int64_t n = count_of(w.label());
    if (n >= minimum)
      ++met;
    else
      missed += (missed.empty() ? "" : "、") + w.label() + "(" + std::to_string(n) + unit + ")";
  }
  return missed;
}

// " (V2,《…》…)" after a shortfall, so each one says which clause it falls short of.
std::string cited(const RoundsPolicy& policy, const std::string& key) {
  auto param = policy.param(key);
  return param ? " (" + param->reference() + ")" : "";
}

}  // namespace

http::Response monthly(api::Context& ctx) {
  ReportRegion region = report_region(ctx, RegionLevel::county, RegionLevel::township);
  RoundsPolicy policy = RoundsPolicy::of_request(ctx);
  Month m = requested_month(ctx);
  // Weeks overlapping the month's edges are counted whole, so the span is wider.
  std::string from = std::min(m.first, m.weeks.front().monday()), to = std::max(m.last, m.weeks.back().sunday());
  auto villages = village_needs(ctx.db, policy, region, m.last);
  std::map<std::string, Tally> tally;

  store::Params p{from, to};
  std::string in = region.contains("v.village_code", p);
  for (const auto& r : ctx.db.query("SELECT v.village_code, v.day, v.planned, (SELECT COUNT(*) FROM round_visit_person x "
                                    "WHERE x.visit_id = v.id AND x.role = 'senior') FROM round_visit v WHERE v.active = "
                                    "1 AND v.day >= ? AND v.day <= ? AND " + in,
                                    p)
                           .rows) {
    Tally& t = tally[r[0].as_text()];
    std::string day = r[1].as_text();
    t.visits_by_week[calendar::iso_week(day).label()]++;
    if (day < m.first || day > m.last) continue;
    ++t.done;
    t.done_planned += r[2].as_int() != 0;
    t.senior_visits += r[3].as_int() > 0;
  }
  p = {m.first, m.last};
  in = region.contains("s.village_code_1", p);  // a slot's villages lie in one township
  for (const auto& r : ctx.db.query("SELECT s.village_code_1, s.village_code_2, s.village_code_3, (SELECT COUNT(*) FROM "
                                    "round_plan_doctor d WHERE d.slot_id = s.id AND d.active = 1) FROM round_plan_slot s "
                                    "WHERE s.active = 1 AND s.day >= ? AND s.day <= ? AND " + in,
                                    p)
                           .rows)
    for (int c = 0; c < 3; ++c) {
      if (r[c].is_null()) continue;
      Tally& t = tally[r[c].as_text()];
      ++t.planned;
      t.planned_senior += r[3].as_int() > 0;
    }
  // V4: days a village-level dispatched person was present at a clinic of the village.
  p = {from, to};
  in = region.contains("ri.region_code", p);
  for (const auto& r : ctx.db.query("SELECT DISTINCT ri.region_code, pr.day FROM presence pr JOIN assignment a ON a.id = "
                                    "pr.assignment_id JOIN institution ri ON ri.id = a.recipient_institution_id WHERE "
                                    "pr.active = 1 AND pr.status = 'present' AND a.active = 1 AND a.level = 'village' AND pr.day >= ? AND "
                                    "pr.day <= ? AND " + in,
                                    p)
                           .rows)
    tally[r[0].as_text()].dispatch_days_by_week[calendar::iso_week(r[1].as_text()).label()].insert(r[1].as_text());

  int64_t per_week = static_cast<int64_t>(policy.number("rounds.min_visits_per_week").value_or(0));
  int64_t dispatch_days = static_cast<int64_t>(policy.number("village_dispatch.min_days_per_week").value_or(0));
  int64_t senior_per_month = static_cast<int64_t>(policy.number("rounds.senior_doctor_visits_per_month").value_or(0));
  json items = json::array();
  int64_t short_villages = 0;
  for (const auto& v : villages) {
    Tally& t = tally[v.code];
    json shortfalls = json::array();
    json required = json::object();
    if (!v.rounds_reasons.empty()) {
      int64_t met = 0;
      auto visits = [&](const std::string& w) { return t.visits_by_week.count(w) ? t.visits_by_week.at(w) : 0; };
      std::string missed = weeks_below(m, visits, per_week, "次", met);
      required["rounds_per_week"] = per_week;
      required["rounds_weeks_met"] = met;
      if (!missed.empty())
        shortfalls.push_back("加密巡诊每周至少" + std::to_string(per_week) + "次,未达标周: " + missed +
                             cited(policy, "rounds.min_visits_per_week"));
    }
    if (!v.dispatch_reason.empty()) {
      int64_t met = 0;
      auto days = [&](const std::string& w) { return static_cast<int64_t>(t.dispatch_days_by_week[w].size()); };
      std::string missed = weeks_below(m, days, dispatch_days, "日", met);
      required["dispatch_days_per_week"] = dispatch_days;
      required["dispatch_weeks_met"] = met;
      if (!missed.empty())
        shortfalls.push_back("村级派驻每周不少于" + std::to_string(dispatch_days) + "日,未达标周: " + missed +
                             cited(policy, "village_dispatch.min_days_per_week"));
    }
    if (v.senior_visits) {
      required["senior_visits"] = senior_per_month;
      if (t.senior_visits < senior_per_month)
        shortfalls.push_back((m.last < m.today ? "" : "截至" + m.today + ",") + "二级以上医院医疗骨干巡诊" +
                             std::to_string(t.senior_visits) + "次,每月至少" + std::to_string(senior_per_month) + "次" +
                             cited(policy, "rounds.senior_doctor_visits_per_month"));
    }
    short_villages += !shortfalls.empty();
    items.push_back({{"village_code", v.code},
                     {"village_name", v.name},
                     {"township_name", v.township_name},
                     {"team_name", v.team_id ? json(v.team_name) : json(nullptr)},
                     {"planned", t.planned},
                     {"planned_with_senior", t.planned_senior},
                     {"done", t.done},
                     {"done_as_planned", t.done_planned},
                     {"done_with_senior", t.senior_visits},
                     {"required", required},
                     {"shortfalls", shortfalls}});
  }

  // Each senior doctor's visits this month (V6 “每月至少2次”), in the region's villages.
  p = {m.first, m.last};
  in = region.contains("v.village_code", p);
  std::map<int64_t, int64_t> senior_counts;
  for (const auto& r : ctx.db.query("SELECT x.staff_id, COUNT(*) FROM round_visit_person x JOIN round_visit v ON v.id = "
                                    "x.visit_id WHERE x.role = 'senior' AND v.active = 1 AND v.day >= ? AND v.day <= ? "
                                    "AND " + in + " GROUP BY x.staff_id",
                                    p)
                           .rows)
    senior_counts[r[0].as_int()] = r[1].as_int();
  p = {m.last, m.first};
  in = region.contains("ti.region_code", p);
  json doctors = json::array();
  std::set<int64_t> listed;
  for (const auto& r : ctx.db.query("SELECT x.staff_id, st.name, hi.name, x.affiliation FROM senior_doctor x JOIN "
                                    "staff st ON st.id = x.staff_id JOIN institution hi ON hi.id = st.institution_id JOIN "
                                    "institution ti ON ti.id = x.township_institution_id WHERE x.active = 1 AND " +
                                        checks::overlaps("x") + " AND " + in + " ORDER BY st.name, x.staff_id",
                                    p)
                           .rows) {
    if (!listed.insert(r[0].as_int()).second) continue;  // in the pools of two townships of the region
    int64_t n = senior_counts[r[0].as_int()];
    doctors.push_back({{"staff_id", r[0].as_int()},
                       {"name", r[1].as_text()},
                       {"hospital_name", r[2].as_text()},
                       {"affiliation", r[3].as_text()},
                       {"visits", n},
                       {"required", senior_per_month},
                       {"met", n >= senior_per_month}});
  }
  json weeks = json::array(), weeks_judged = json::array();
  for (const auto& w : m.weeks) {
    weeks.push_back(w.label());
    if (week_over(m, w)) weeks_judged.push_back(w.label());
  }
  return http::Response::json({{"region", {{"code", region.code}, {"name", region.name}}},
                               {"month", m.label},
                               {"weeks", weeks},
                               {"weeks_judged", weeks_judged},
                               {"month_over", m.last < m.today},
                               {"preset_id", policy.id()},
                               {"villages", items.size()},
                               {"villages_short", short_villages},
                               {"items", items},
                               {"senior_doctors", doctors},
                               {"senior_doctor_citation", policy.cite("rounds.senior_doctor_visits_per_month")}});
}

}  // namespace yilian::rounds

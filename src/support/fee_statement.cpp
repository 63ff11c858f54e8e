// D7: a month's money per dispatched person. The monthly allowance is paid by the home
// hospital, pro rata to the days of the month under assignment; service fees (clinic,
// consultation, ward round, lecture days; surgery guidance cases) are paid by the
// recipient when the policy says the grassroots unit pays, at the rate of the person's
// title level (高级 = 正高/副高, 中级). All amounts come from the relationship's policy.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "auth/scope.h"
#include "calendar/date.h"
#include "common/clock.h"
#include "common/error.h"
#include "registry/catalog.h"
#include "support/policy_of.h"
#include "support/report_routes.h"

namespace yilian::support {

using nlohmann::json;

http::Response fee_statements(api::Context& ctx) {
  const auto& me = ctx.me();
  std::string month = ctx.req.query_or("month", common::today().substr(0, 7));
  if (month.size() != 7 || !common::is_valid_date(month + "-01"))
    common::bad_request("bad_query", "月份格式须为YYYY-MM", "month");
  std::string first = month + "-01";
  std::string last = calendar::add_days(calendar::date_from_day_number(calendar::day_number(first) + 40).substr(0, 7) + "-01", -1);
  int month_days = calendar::days_between(first, last) + 1;

  auto scope = auth::scope_condition(me, {.region = "ri.region_code", .institution = "a.recipient_institution_id",
                                          .kind = "ri.kind", .staff = "a.staff_id", .other_region = "hi.region_code",
                                          .other_institution = "a.home_institution_id", .other_kind = "hi.kind"});
  std::string sql =
      "SELECT a.id, a.staff_id, st.name, st.title_level, a.home_institution_id, hi.name, a.recipient_institution_id, "
      "ri.name, COALESCE(a.actual_start, a.planned_start), COALESCE(a.actual_end, a.planned_end), r.preset_id, "
      "r.overrides FROM assignment a JOIN staff st ON st.id = a.staff_id JOIN institution ri ON ri.id = "
      "a.recipient_institution_id JOIN institution hi ON hi.id = a.home_institution_id LEFT JOIN support_relationship "
      "r ON r.id = a.relationship_id WHERE a.active = 1 AND a.refused = 0 AND a.status <> 'cancelled' AND "
      "COALESCE(a.actual_start, a.planned_start) <= ? AND COALESCE(a.actual_end, a.planned_end) >= ? AND " + scope.sql;
  store::Params params{last, first};
  params.insert(params.end(), scope.params.begin(), scope.params.end());
  if (int64_t inst = api::query_id(ctx.req, "institution_id")) {
    sql += " AND (a.home_institution_id = ? OR a.recipient_institution_id = ?)";
    params.push_back(inst);
    params.push_back(inst);
  }
  auto rows = ctx.db.query(sql + " ORDER BY a.home_institution_id, st.name, a.id", params);

  json items = json::array();
  std::map<std::pair<int64_t, std::string>, double> by_payer;  // (institution, name) → total
  for (const auto& r : rows.rows) {
    int64_t assignment = r[0].as_int();
    auto pol = policy_of(r[10].as_text(), r[11].as_text());
    const policy::EffectivePolicy* p = pol.get();
    bool senior = r[3].as_text() == "senior" || r[3].as_text() == "associate";
    bool intermediate = r[3].as_text() == "intermediate";
    std::string from = std::max(first, r[8].as_text()), to = std::min(last, r[9].as_text());
    int covered = calendar::days_between(from, to) + 1;

    double allowance = 0;
    if (auto a = int_param(p, "compensation.monthly_allowance"))
      allowance = std::round(static_cast<double>(*a) * covered / month_days);

    auto acts = ctx.db.query(
        "SELECT kind, day, quantity FROM activity WHERE assignment_id = ? AND active = 1 AND day >= ? AND day <= ?",
        {assignment, first, last});
    std::set<std::string> service_days;
    int64_t surgery_cases = 0;
    for (const auto& act : acts.rows) {
      std::string kind = act[0].as_text();
      if (kind == "clinic" || kind == "consultation" || kind == "ward_round" || kind == "teaching_round" ||
          kind == "lecture" || kind == "hospital_lecture")
        service_days.insert(act[1].as_text());
      if (kind == "surgery" || kind == "surgery_demo") surgery_cases += act[2].as_int();
    }
    bool recipient_pays = bool_param(p, "compensation.recipient_pays");
    double day_rate = 0, case_rate = 0;
    if (recipient_pays && (senior || intermediate)) {
      day_rate = static_cast<double>(
          int_param(p, senior ? "compensation.service_day_fee_senior" : "compensation.service_day_fee_intermediate").value_or(0));
      case_rate = static_cast<double>(int_param(p, senior ? "compensation.surgery_guidance_fee_senior"
                                                           : "compensation.surgery_guidance_fee_intermediate")
                                          .value_or(0));
    }
    double service_fee = day_rate * static_cast<double>(service_days.size());
    double surgery_fee = case_rate * static_cast<double>(surgery_cases);
    if (allowance > 0) by_payer[{r[4].as_int(), r[5].as_text()}] += allowance;
    if (service_fee + surgery_fee > 0) by_payer[{r[6].as_int(), r[7].as_text()}] += service_fee + surgery_fee;
    items.push_back({{"assignment_id", assignment},
                     {"staff_id", r[1].as_int()},
                     {"name", r[2].as_text()},
                     {"title_level", registry::label_of(registry::title_levels(), r[3].as_text())},
                     {"home_institution", r[5].as_text()},
                     {"recipient_institution", r[7].as_text()},
                     {"days_in_month", covered},
                     {"allowance", allowance},
                     {"allowance_payer", r[5].as_text()},
                     {"service_days", service_days.size()},
                     {"service_day_rate", day_rate},
                     {"service_fee", service_fee},
                     {"surgery_cases", surgery_cases},
                     {"surgery_case_rate", case_rate},
                     {"surgery_fee", surgery_fee},
                     {"fee_payer", recipient_pays ? json(r[7].as_text()) : json(nullptr)},
                     {"total", allowance + service_fee + surgery_fee},
                     {"preset_id", p ? json(p->preset_id()) : json(nullptr)}});
  }
  json payers = json::array();
  for (const auto& [k, v] : by_payer) payers.push_back({{"institution_id", k.first}, {"institution", k.second}, {"amount", v}});
  return http::Response::json({{"month", month}, {"items", items}, {"payers", payers}});
}

}  // namespace yilian::support

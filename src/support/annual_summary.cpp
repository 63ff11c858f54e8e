// E4: the figures a year-end work summary quotes, per relationship and in total:
// experts dispatched, days on site, lectures, surgeries, teaching rounds, patients,
// case discussions, trainees, new techniques, donations, leadership visits, and the
// recipient's outpatient/inpatient volumes against the year before (R6).
#include <cmath>

#include "auth/scope.h"
#include "common/clock.h"
#include "common/error.h"
#include "support/report_routes.h"

namespace yilian::support {

using nlohmann::json;

http::Response annual_summary(api::Context& ctx) {
  const auto& me = ctx.me();
  std::string year = ctx.req.query_or("year", common::today().substr(0, 4));
  if (year.size() != 4 || !common::is_valid_date(year + "-01-01")) common::bad_request("bad_query", "年度无效", "year");
  std::string first = year + "-01-01", last = year + "-12-31";
  std::string prev = std::to_string(std::stoi(year) - 1);

  auto scope = auth::scope_condition(me, {.region = "ri.region_code", .institution = "t.recipient_institution_id",
                                          .kind = "ri.kind", .personal_sees_institution = true,
                                          .other_region = "si.region_code",
                                          .other_institution = "t.supporting_institution_id", .other_kind = "si.kind"});
  std::string sql = "SELECT t.id, si.name, ri.name, t.supporting_institution_id, t.recipient_institution_id FROM "
                    "support_relationship t JOIN institution ri ON ri.id = t.recipient_institution_id JOIN institution "
                    "si ON si.id = t.supporting_institution_id WHERE t.active = 1 AND t.start_date <= ? AND t.end_date >= ? "
                    "AND " + scope.sql;
  store::Params params{last, first};
  params.insert(params.end(), scope.params.begin(), scope.params.end());
  if (auto s = ctx.req.query_or("supporting_institution_id"); !s.empty()) {
    sql += " AND t.supporting_institution_id = ?";
    params.push_back(std::stoll(s));
  }
  if (auto r = ctx.req.query_or("relationship_id"); !r.empty()) {
    sql += " AND t.id = ?";
    params.push_back(std::stoll(r));
  }
  auto rels = ctx.db.query(sql + " ORDER BY si.name, ri.name", params);

  const char* activity_sums =
      "SELECT "
      "COALESCE(SUM(CASE WHEN v.kind IN ('lecture', 'hospital_lecture') THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN v.kind IN ('lecture', 'hospital_lecture') THEN v.quantity ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN v.kind IN ('surgery', 'surgery_demo') THEN v.quantity ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN v.kind = 'teaching_round' THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN v.kind IN ('clinic', 'free_clinic', 'consultation') THEN v.quantity ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN v.kind IN ('difficult_case', 'death_case') THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN v.kind = 'new_technique' THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN v.kind = 'donation' THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN v.kind = 'donation' THEN v.amount ELSE 0 END), 0) "
      "FROM activity v JOIN assignment a ON a.id = v.assignment_id WHERE a.relationship_id = ? AND v.active = 1 "
      "AND v.day >= ? AND v.day <= ?";
  static const char* keys[] = {"lectures", "lecture_attendees", "surgeries", "teaching_rounds", "patients",
                               "case_discussions", "new_techniques", "donations", "donation_value"};
  json items = json::array();
  json totals = json::object();
  for (const auto* k : keys) totals[k] = 0;
  for (const char* k : {"staff_dispatched", "days_on_site", "trainees", "leadership_visits"}) totals[k] = 0;
  auto volume = [&](int64_t institution, const std::string& y) {
    auto r = ctx.db.query("SELECT COALESCE(SUM(outpatient_visits), 0), COALESCE(SUM(inpatient_admissions), 0), COUNT(*) "
                          "FROM operating_stat WHERE institution_id = ? AND active = 1 AND month >= ? AND month <= ?",
                          {institution, y + "-01", y + "-12"});
    return r.rows[0];
  };
  for (const auto& r : rels.rows) {
    int64_t id = r[0].as_int();
    json row = {{"relationship_id", id}, {"supporting", r[1].as_text()}, {"recipient", r[2].as_text()}};
    auto a = ctx.db.query(activity_sums, {id, first, last}).rows[0];
    for (size_t i = 0; i < 9; ++i) row[keys[i]] = i == 8 ? json(a[i].as_real()) : json(a[i].as_int());
    row["staff_dispatched"] = ctx.db.query(
        "SELECT COUNT(DISTINCT staff_id) FROM assignment WHERE relationship_id = ? AND active = 1 AND refused = 0 AND "
        "status <> 'cancelled' AND COALESCE(actual_start, planned_start) <= ? AND COALESCE(actual_end, planned_end) >= ?",
        {id, last, first}).scalar().as_int();
    row["days_on_site"] = ctx.db.query(
        "SELECT COUNT(*) FROM (SELECT DISTINCT a.staff_id, p.day FROM presence p JOIN assignment a ON a.id = "
        "p.assignment_id WHERE a.relationship_id = ? AND p.active = 1 AND p.status = 'present' AND p.day >= ? AND p.day <= ?) x",
        {id, first, last}).scalar().as_int();
    row["trainees"] = ctx.db.query("SELECT COUNT(*) FROM trainee WHERE relationship_id = ? AND active = 1 AND "
                                   "start_date >= ? AND start_date <= ?", {id, first, last}).scalar().as_int();
    row["leadership_visits"] = ctx.db.query("SELECT COUNT(*) FROM leadership_visit WHERE relationship_id = ? AND "
                                            "active = 1 AND day >= ? AND day <= ?", {id, first, last}).scalar().as_int();
    auto now = volume(r[4].as_int(), year), before = volume(r[4].as_int(), prev);
    row["recipient_outpatient_visits"] = now[0].as_int();
    row["recipient_inpatient_admissions"] = now[1].as_int();
    row["recipient_outpatient_growth_pct"] =
        before[0].as_int() > 0 && now[2].as_int() == before[2].as_int()
            ? json(std::round(1000.0 * (now[0].as_real() - before[0].as_real()) / before[0].as_real()) / 10)
            : json(nullptr);
    for (auto it = totals.begin(); it != totals.end(); ++it)
      it.value() = it.value().is_number_float() || row[it.key()].is_number_float()
                       ? json(it.value().get<double>() + row[it.key()].get<double>())
                       : json(it.value().get<int64_t>() + row[it.key()].get<int64_t>());
    items.push_back(row);
  }
  return http::Response::json({{"year", std::stoi(year)}, {"items", items}, {"totals", totals}});
}

}  // namespace yilian::support

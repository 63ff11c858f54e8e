// E4: the figures a year-end work summary quotes, per relationship and in total:
// experts dispatched, days on site, lectures, surgeries, teaching rounds, patients,
// case discussions, trainees, new techniques, donations, leadership visits, and the
// recipient's outpatient/inpatient volumes against the year before (R6).
//
// Each figure is one grouped query over all the relationships in view, so a province's
// bureau costs a handful of queries, not several per relationship. Activity counts come
// from activity_month and days on site from presence_week, the summaries the compliance
// engine reads, kept exact by triggers.
#include <array>
#include <bitset>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "calendar/date.h"
#include "common/clock.h"
#include "common/error.h"
#include "support/presence_week.h"
#include "io/table.h"
#include "support/report_routes.h"

namespace yilian::support {
namespace {

using nlohmann::json;

// A figure summed from activity_month: the records or the quantities of some kinds.
struct ActivityFigure {
  const char* key;
  std::vector<std::string> kinds;
  bool quantity;  // the summed quantity (patients, cases, attendees) rather than the records
};

const std::vector<ActivityFigure>& activity_figures() {
  static const std::vector<ActivityFigure> figures = {
      {"lectures", {"lecture", "hospital_lecture"}, false},
      {"lecture_attendees", {"lecture", "hospital_lecture"}, true},
      {"surgeries", {"surgery", "surgery_demo"}, true},
      {"teaching_rounds", {"teaching_round"}, false},
      {"patients", {"clinic", "free_clinic", "consultation"}, true},
      {"case_discussions", {"difficult_case", "death_case"}, false},
      {"new_techniques", {"new_technique"}, false},
      {"donations", {"donation"}, false},
  };
  return figures;
}

// The relationships in view: active, overlapping the year, in the caller's scope, and
// narrowed by the query's filters. `sql` follows "SELECT t.<column>" as FROM … WHERE ….
struct InView {
  std::string sql;
  store::Params params;

  // Runs `head` ("SELECT … WHERE …", taking `p`) limited to the relationships in view
  // through "<column> IN (SELECT t.<of> …)", followed by `tail` (its GROUP BY).
  store::Result query(store::Db& db, const std::string& head, store::Params p, const std::string& column,
                      const std::string& tail, const char* of = "id") const {
    p.insert(p.end(), params.begin(), params.end());
    return db.query(head + " AND " + column + " IN (SELECT t." + of + sql + ") " + tail, p);
  }
};

InView relationships_in_view(api::Context& ctx, const std::string& first, const std::string& last) {
  auto scope = auth::scope_condition(ctx.me(), {.region = "ri.region_code", .institution = "t.recipient_institution_id",
                                                .kind = "ri.kind", .personal_sees_institution = true,
                                                .other_region = "si.region_code",
                                                .other_institution = "t.supporting_institution_id",
                                                .other_kind = "si.kind"});
  InView v{" FROM support_relationship t JOIN institution ri ON ri.id = t.recipient_institution_id JOIN institution "
           "si ON si.id = t.supporting_institution_id WHERE t.active = 1 AND t.start_date <= ? AND t.end_date >= ? "
           "AND " + scope.sql,
           {last, first}};
  v.params.insert(v.params.end(), scope.params.begin(), scope.params.end());
  if (int64_t s = api::query_id(ctx.req, "supporting_institution_id")) {
    v.sql += " AND t.supporting_institution_id = ?";
    v.params.push_back(s);
  }
  if (int64_t r = api::query_id(ctx.req, "relationship_id")) {
    v.sql += " AND t.id = ?";
    v.params.push_back(r);
  }
  return v;
}

// Distinct days with a present half-day per relationship: a person on two assignments
// of one relationship the same day is there one day. presence_week keys weeks by their
// Monday, so the first week may start in the year before and only its days inside count.
std::map<int64_t, int64_t> days_on_site(api::Context& ctx, const InView& view, const std::string& first,
                                        const std::string& last) {
  int first_day = calendar::day_number(first), last_day = calendar::day_number(last);
  auto rows = view.query(ctx.db,
                         "SELECT a.relationship_id, a.staff_id, w.monday, w.days FROM presence_week w JOIN assignment "
                         "a ON a.id = w.assignment_id WHERE w.monday >= ? AND w.monday <= ? AND w.days <> 0",
                         {calendar::add_days(first, -6), last}, "a.relationship_id", "");
  std::map<std::pair<int64_t, int64_t>, std::bitset<366>> seen;  // (relationship, staff) → days of the year
  for (const auto& r : rows.rows) {
    auto& days = seen[{r[0].as_int(), r[1].as_int()}];
    int monday = calendar::day_number(r[2].as_text());
    int64_t packed = r[3].as_int();
    for (int i = 0; i < 7; ++i)
      if (present_half_days(packed, i) > 0 && monday + i >= first_day && monday + i <= last_day)
        days.set(static_cast<size_t>(monday + i - first_day));
  }
  std::map<int64_t, int64_t> out;
  for (const auto& [key, days] : seen) out[key.first] += static_cast<int64_t>(days.count());
  return out;
}

// "relationship → count" from `select` ("SELECT relationship_id, COUNT(…) FROM … WHERE …",
// taking `p`), limited to the relationships in view and grouped.
std::map<int64_t, int64_t> per_relationship(api::Context& ctx, const InView& view, const std::string& select,
                                            store::Params p) {
  std::map<int64_t, int64_t> out;
  for (const auto& r : view.query(ctx.db, select, std::move(p), "relationship_id", "GROUP BY relationship_id").rows)
    out[r[0].as_int()] = r[1].as_int();
  return out;
}

}  // namespace

namespace {

// ?format=xlsx: the same figures as a sheet, one row per relationship and a 合计 row.
http::Response summary_xlsx(const json& items, const json& totals, const std::string& year) {
  static const std::vector<std::pair<const char*, const char*>> columns = {
      {"staff_dispatched", "派出人员"}, {"days_on_site", "在岗天数"},     {"lectures", "讲座(次)"},
      {"lecture_attendees", "听课人次"}, {"surgeries", "手术/示教(例)"}, {"teaching_rounds", "教学查房(次)"},
      {"patients", "诊疗人次"},          {"case_discussions", "病例讨论(次)"}, {"trainees", "接收进修(人)"},
      {"new_techniques", "新技术新项目(项)"}, {"donations", "捐赠(次)"},   {"donation_value", "捐赠金额(元)"},
      {"leadership_visits", "领导督导(次)"}};
  io::Table table = {{"支援单位", "受援单位"}};
  for (const auto& [key, label] : columns) table[0].push_back(label);
  table[0].push_back("受援门诊人次");
  table[0].push_back("门诊同比(%)");
  auto cell = [](const json& v) {
    if (v.is_null()) return std::string();
    if (v.is_number_float()) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f", v.get<double>());
      std::string s = buf;
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
      return s;
    }
    return v.is_number() ? std::to_string(v.get<int64_t>()) : v.get<std::string>();
  };
  for (const auto& r : items) {
    io::Row row = {r["supporting"].get<std::string>(), r["recipient"].get<std::string>()};
    for (const auto& [key, label] : columns) row.push_back(cell(r[key]));
    row.push_back(cell(r["recipient_outpatient_visits"]));
    row.push_back(cell(r["recipient_outpatient_growth_pct"]));
    table.push_back(row);
  }
  io::Row sum = {"合计", ""};
  for (const auto& [key, label] : columns) sum.push_back(cell(totals[key]));
  table.push_back(sum);
  http::Response res;
  res.body = io::write_table(table, io::TableFormat::xlsx, year + "年度对口支援工作");
  res.content_type = io::content_type(io::TableFormat::xlsx);
  // 年度工作总结数据_YYYY.xlsx
  res.headers.emplace_back("Content-Disposition",
                           "attachment; filename*=UTF-8''%E5%B9%B4%E5%BA%A6%E5%B7%A5%E4%BD%9C%E6%80%BB%E7%BB%93%E6%95%B0%E6%8D%AE_" +
                               year + ".xlsx");
  return res;
}

}  // namespace

http::Response annual_summary(api::Context& ctx) {
  std::string year = ctx.req.query_or("year", common::today().substr(0, 4));
  std::string format = ctx.req.query_or("format", "json");
  if (format != "json" && format != "xlsx") common::bad_request("bad_format", "format须为json或xlsx", "format");
  if (year.size() != 4 || !common::is_valid_date(year + "-01-01")) common::bad_request("bad_query", "年度无效", "year");
  std::string first = year + "-01-01", last = year + "-12-31";
  std::string prev = std::to_string(std::stoi(year) - 1);
  InView view = relationships_in_view(ctx, first, last);

  auto rels = ctx.db.query("SELECT t.id, si.name, ri.name, t.recipient_institution_id" + view.sql +
                               " ORDER BY si.name, ri.name, t.id",
                           view.params);

  // (relationship, kind) → records, quantity
  std::map<std::pair<int64_t, std::string>, std::pair<int64_t, int64_t>> by_kind;
  int64_t yyyy = std::stoll(year);
  for (const auto& r : view.query(ctx.db,
                                  "SELECT a.relationship_id, m.kind, SUM(m.records), SUM(m.quantity) FROM "
                                  "activity_month m JOIN assignment a ON a.id = m.assignment_id WHERE m.month >= ? AND "
                                  "m.month <= ? AND m.records > 0",
                                  {yyyy * 100 + 1, yyyy * 100 + 12}, "a.relationship_id",
                                  "GROUP BY a.relationship_id, m.kind")
                          .rows)
    by_kind[{r[0].as_int(), r[1].as_text()}] = {r[2].as_int(), r[3].as_int()};

  std::map<int64_t, double> donation_value;
  for (const auto& r : view.query(ctx.db,
                                  "SELECT a.relationship_id, SUM(v.amount) FROM activity v JOIN assignment a ON a.id = "
                                  "v.assignment_id WHERE v.kind = 'donation' AND v.day >= ? AND v.day <= ? AND "
                                  "v.active = 1",
                                  {first, last}, "a.relationship_id", "GROUP BY a.relationship_id")
                          .rows)
    donation_value[r[0].as_int()] = r[1].as_real();

  auto staff = per_relationship(ctx, view,
                                "SELECT relationship_id, COUNT(DISTINCT staff_id) FROM assignment WHERE active = 1 AND "
                                "refused = 0 AND status <> 'cancelled' AND COALESCE(actual_start, planned_start) <= ? "
                                "AND COALESCE(actual_end, planned_end) >= ?",
                                {last, first});
  auto days = days_on_site(ctx, view, first, last);
  auto trainees = per_relationship(
      ctx, view, "SELECT relationship_id, COUNT(*) FROM trainee WHERE active = 1 AND start_date >= ? AND start_date <= ?",
      {first, last});
  auto visits = per_relationship(
      ctx, view, "SELECT relationship_id, COUNT(*) FROM leadership_visit WHERE active = 1 AND day >= ? AND day <= ?",
      {first, last});

  // (recipient, year) → outpatient visits, inpatient admissions, months reported
  std::map<std::pair<int64_t, std::string>, std::array<int64_t, 3>> volume;
  for (const auto& r : view.query(ctx.db,
                                  "SELECT institution_id, SUBSTR(month, 1, 4), SUM(outpatient_visits), "
                                  "SUM(inpatient_admissions), COUNT(*) FROM operating_stat WHERE active = 1 AND month "
                                  ">= ? AND month <= ?",
                                  {prev + "-01", year + "-12"}, "institution_id",
                                  "GROUP BY institution_id, SUBSTR(month, 1, 4)", "recipient_institution_id")
                          .rows)
    volume[{r[0].as_int(), r[1].as_text()}] = {r[2].as_int(), r[3].as_int(), r[4].as_int()};

  json items = json::array();
  json totals = json::object();
  for (const auto& f : activity_figures()) totals[f.key] = 0;
  totals["donation_value"] = 0.0;
  for (const char* k : {"staff_dispatched", "days_on_site", "trainees", "leadership_visits"}) totals[k] = 0;
  auto of = [](const std::map<int64_t, int64_t>& m, int64_t id) {
    auto it = m.find(id);
    return it == m.end() ? int64_t{0} : it->second;
  };
  for (const auto& r : rels.rows) {
    int64_t id = r[0].as_int();
    json row = {{"relationship_id", id}, {"supporting", r[1].as_text()}, {"recipient", r[2].as_text()}};
    for (const auto& f : activity_figures()) {
      int64_t n = 0;
      for (const auto& kind : f.kinds)
        if (auto it = by_kind.find({id, kind}); it != by_kind.end()) n += f.quantity ? it->second.second : it->second.first;
      row[f.key] = n;
    }
    row["donation_value"] = donation_value.count(id) ? donation_value[id] : 0.0;
    row["staff_dispatched"] = of(staff, id);
    row["days_on_site"] = of(days, id);
    row["trainees"] = of(trainees, id);
    row["leadership_visits"] = of(visits, id);
    int64_t recipient = r[3].as_int();
    auto now = volume[{recipient, year}], before = volume[{recipient, prev}];
    row["recipient_outpatient_visits"] = now[0];
    row["recipient_inpatient_admissions"] = now[1];
    // A growth only when both years report the same number of months, or it compares unlike periods.
    row["recipient_outpatient_growth_pct"] =
        before[0] > 0 && now[2] == before[2]
            ? json(std::round(1000.0 * static_cast<double>(now[0] - before[0]) / static_cast<double>(before[0])) / 10)
            : json(nullptr);
    for (auto it = totals.begin(); it != totals.end(); ++it)
      it.value() = it.value().is_number_float() ? json(it.value().get<double>() + row[it.key()].get<double>())
                                                : json(it.value().get<int64_t>() + row[it.key()].get<int64_t>());
    items.push_back(row);
  }
  if (ctx.req.query_or("format", "json") == "xlsx") return summary_xlsx(items, totals, year);
  return http::Response::json({{"year", std::stoi(year)}, {"items", items}, {"totals", totals}});
}

}  // namespace yilian::support

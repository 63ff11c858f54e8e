#include "rounds/weekly_reports_store.h"

#include "common/clock.h"
#include "rounds/choices.h"

namespace yilian::rounds {
namespace {

using nlohmann::json;

const char* kSelect =
    "SELECT w.id, w.version, w.county_code, c.name, w.week, w.status, w.reporter_name, w.reporter_phone, "
    "w.first_submitted_at, w.submitted_at, w.submitted_by_name, w.reviewed_at, w.reviewed_by_name, w.review_comment, "
    "w.snapshot FROM weekly_report w JOIN region c ON c.code = w.county_code";

WeeklyReport from_row(const std::vector<store::Value>& r) {
  WeeklyReport w;
  w.id = r[0].as_int();
  w.version = r[1].as_int();
  w.county_code = r[2].as_text();
  w.county_name = r[3].as_text();
  w.week = r[4].as_text();
  w.status = r[5].as_text();
  w.reporter_name = r[6].as_text();
  w.reporter_phone = r[7].as_text();
  w.first_submitted_at = r[8].as_text();
  w.submitted_at = r[9].as_text();
  w.submitted_by_name = r[10].as_text();
  w.reviewed_at = r[11].as_text();
  w.reviewed_by_name = r[12].as_text();
  w.review_comment = r[13].as_text();
  w.snapshot = json::parse(r[14].as_text(), nullptr, false);
  return w;
}

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

}  // namespace

std::map<std::string, WeeklyReport> reports_of_week(store::Db& db, const ReportRegion& region, const std::string& week) {
  store::Params p{week};
  std::string in = region.contains("w.county_code", p);
  std::map<std::string, WeeklyReport> out;
  for (const auto& r : db.query(std::string(kSelect) + " WHERE w.week = ? AND " + in, p).rows) {
    WeeklyReport w = from_row(r);
    out[w.county_code] = w;
  }
  return out;
}

std::optional<WeeklyReport> report_by_id(store::Db& db, int64_t id) {
  auto r = db.query(std::string(kSelect) + " WHERE w.id = ?", {id});
  if (r.empty()) return std::nullopt;
  return from_row(r.rows[0]);
}

json status_json(const std::string& county_code, const std::string& county_name,
                 const std::optional<WeeklyReport>& report, const std::optional<Deadline>& deadline) {
  std::string status = report ? report->status : "not_submitted";
  bool overdue = !report && deadline && common::now_iso() > deadline->utc;
  // An unsubmitted week past its deadline says so, and since when: "逾期未填报(截止…)".
  std::string label = overdue ? "逾期未填报(截止" + deadline->local + ")" : codes::label_of(report_statuses(), status);
  return {{"county_code", county_code},
          {"county_name", county_name},
          {"report_id", report ? json(report->id) : json(nullptr)},
          {"status", status},
          {"status_label", label},
          {"overdue_since", overdue ? json(deadline->local) : json(nullptr)},
          {"first_submitted_at", report ? or_null(report->first_submitted_at) : json(nullptr)},
          {"submitted_at", report ? or_null(report->submitted_at) : json(nullptr)},
          {"on_time", report ? json(report->on_time(deadline)) : json(nullptr)},
          {"late", report ? json(!report->on_time(deadline)) : json(overdue)},
          {"overdue", overdue},
          {"reporter_name", report ? or_null(report->reporter_name) : json(nullptr)},
          {"reviewed_at", report ? or_null(report->reviewed_at) : json(nullptr)}};
}

json report_json(const WeeklyReport& w, const std::optional<Deadline>& deadline) {
  json j = status_json(w.county_code, w.county_name, w, deadline);
  j.update({{"id", w.id},
            {"version", w.version},
            {"week", w.week},
            {"deadline", deadline ? json(deadline->local) : json(nullptr)},
            {"reporter_phone", w.reporter_phone},
            {"submitted_by_name", w.submitted_by_name},
            {"reviewed_by_name", or_null(w.reviewed_by_name)},
            {"review_comment", or_null(w.review_comment)},
            {"snapshot", w.snapshot}});
  return j;
}

}  // namespace yilian::rounds

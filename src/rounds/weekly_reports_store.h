// The counties' weekly reports (附件2) as stored: one row per county and week, holding
// who submitted and reviewed it and a snapshot of the numbers at submission.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "rounds/report_region.h"
#include "rounds/weekly_period.h"
#include "store/db.h"

namespace yilian::rounds {

struct WeeklyReport {
  int64_t id = 0, version = 0;
  std::string county_code, county_name, week, status;
  std::string reporter_name, reporter_phone;
  std::string first_submitted_at, submitted_at, submitted_by_name;
  std::string reviewed_at, reviewed_by_name, review_comment;
  nlohmann::json snapshot;

  // Timeliness follows the first submission, so a report returned for correction and
  // fixed after the deadline still counts as on time (as reporting rates do in DHIS2).
  bool on_time(const std::optional<Deadline>& d) const { return !d || first_submitted_at <= d->utc; }
};

// The reports of the week for the counties of the region, by county code.
std::map<std::string, WeeklyReport> reports_of_week(store::Db& db, const ReportRegion& region, const std::string& week);
std::optional<WeeklyReport> report_by_id(store::Db& db, int64_t id);

// A county's status for the week: the report's, or 未填报 (with overdue once the
// deadline has passed).
nlohmann::json status_json(const std::string& county_code, const std::string& county_name,
                           const std::optional<WeeklyReport>& report, const std::optional<Deadline>& deadline);
// The report itself, with its snapshot.
nlohmann::json report_json(const WeeklyReport& report, const std::optional<Deadline>& deadline);

}  // namespace yilian::rounds

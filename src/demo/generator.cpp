#include "demo/generator.h"

#include <chrono>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "audit/audit.h"
#include "common/clock.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

const char* const kCountedTables[] = {
    "region",          "village",         "institution", "department", "staff",    "app_user",   "support_relationship",
    "agreement",       "alliance_member", "assignment",  "presence",   "activity", "evaluation", "trainee",
    "equipment_event", "operating_stat", "rounds_team", "team_member", "village_assignment", "senior_doctor",
    "round_plan_slot", "round_plan_doctor", "round_visit", "round_visit_person", "weekly_report"};

}  // namespace

std::string city_label(const DemoData& d, const DemoCity& c) {
  bool placeholder = c.name == "市辖区" || c.name == "县" || c.name.find("直辖") != std::string::npos;
  return placeholder ? d.province_name : c.name;
}

Generator::Generator(Options options) : options_(std::move(options)) {
  steps_ = {{"regions", create_regions},
            {"institutions", create_institutions},
            {"departments", create_departments},
            {"staff", create_staff},
            {"accounts", create_accounts}};
  // Counterpart-support data: always for a county; for a province only on request, as
  // its presence table runs to millions of rows.
  if (options_.scale == Scale::county || options_.with_support) {
    steps_.insert(steps_.end(), {{"support relationships", create_support_relationships},
                                 {"alliances", create_support_alliances},
                                 {"assignments", create_support_assignments},
                                 {"presence", create_support_presence},
                                 {"activities", create_support_activities},
                                 {"evaluations", create_support_evaluations},
                                 {"trainees", create_support_trainees},
                                 {"ledgers", create_support_ledgers}});
  }
  // Mobile rounds: a county gets the planner's plans and visits that follow them; a
  // province, on request, a visit rotation without plans (the planner would take minutes).
  if (options_.scale == Scale::county || options_.with_rounds) {
    steps_.insert(steps_.end(), {{"rounds teams", create_rounds_teams},
                                 {"rounds grid", create_rounds_grid},
                                 {"senior doctors", create_rounds_seniors}});
    if (options_.scale == Scale::county)
      steps_.insert(steps_.end(), {{"round plans", create_rounds_plans}, {"round visits", create_rounds_visits}});
    else
      steps_.push_back({"round visits", create_rounds_rotation});
    steps_.push_back({"weekly reports", create_rounds_weekly_reports});
  }
}

DemoData Generator::run(store::Db& db, std::ostream& progress) {
  auto start = Clock::now();
  if (db.query("SELECT COUNT(*) FROM institution").scalar().as_int() > 0)
    throw std::runtime_error("the database already holds institutions; the demo loads only into an empty database");

  DemoData data;
  data.created_at = common::now_iso();
  store::Transaction tx(db);
  progress << std::fixed << std::setprecision(1);
  for (const auto& step : steps_) {
    auto t = Clock::now();
    progress << "[" << step.name << "] " << std::flush;
    step.run(db, options_, data, progress);
    progress << " (" << seconds_since(t) << " s)\n";
  }

  nlohmann::json summary = {{"scale", options_.scale == Scale::county ? "county" : "province"},
                            {"seed", options_.seed},
                            {"county", data.counties.empty() ? "" : data.counties[data.focus_county].code}};
  for (const char* table : kCountedTables) {
    data.row_counts[table] = db.query(std::string("SELECT COUNT(*) FROM ") + table).scalar().as_int();
    summary["rows"][table] = data.row_counts[table];
  }
  // One entry for the whole load; the region is the loaded province, so its bureau sees it.
  audit::record(db, nullptr, "cli", {"import", "demo", "", data.province_code, 0, nullptr, summary}, "demo");
  tx.commit();
  // Planner statistics for the freshly loaded tables: without them PostgreSQL plans the
  // first queries on a bulk-loaded database as if the tables were empty.
  if (options_.scale == Scale::province) {
    auto t = Clock::now();
    progress << "[statistics] " << std::flush;
    db.exec_script("ANALYZE");
    progress << " (" << seconds_since(t) << " s)\n";
  }

  data.seconds = seconds_since(start);
  progress << "loaded in " << data.seconds << " s:";
  for (const auto& [table, n] : data.row_counts) progress << " " << table << " " << n;
  progress << "\n";
  return data;
}

}  // namespace yilian::demo

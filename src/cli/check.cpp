// yilian check --db URL [--from D] [--to D] [--today D] [--region CODE] [--json]
// Runs the compliance engine as the administrator over a period and prints a summary
// per check (or every finding as JSON), with the time it took — for scheduled reports
// and for the compliance benchmark.
#include <chrono>
#include <iostream>

#include "auth/principal.h"
#include "cli/commands.h"
#include "common/clock.h"
#include "compliance/engine.h"
#include "policy/startup.h"

namespace yilian::cli {

int cmd_check(const Args& a) {
  auto presets = policy::shipped_presets(a.get("policies"));
  auto db = open_migrated(db_url(a), db_options(a));
  std::string year = common::today().substr(0, 4);
  compliance::Request rq;
  rq.from = a.get("from", year + "-01-01");
  rq.to = a.get("to", year + "-12-31");
  rq.today = a.get("today", common::today());
  rq.region_code = a.get("region");
  auth::Principal admin;
  admin.role = auth::Role::admin;
  admin.username = "cli";
  auto start = std::chrono::steady_clock::now();
  compliance::Report report = compliance::evaluate(*db, *presets, admin, rq);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (a.has("json")) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& f : report.findings) items.push_back(f.to_json());
    std::cout << items.dump(1) << "\n";
    return 0;
  }
  std::cout << "compliance " << rq.from << " … " << rq.to << " (as of " << rq.today << "): " << report.relationships
            << " relationships, " << report.assignments << " assignments, " << report.findings.size()
            << " findings in " << static_cast<int64_t>(ms) << " ms\n";
  for (const auto& [family, t] : report.timings_ms)
    std::cout << "  time " << family << ": " << static_cast<int64_t>(t) << " ms\n";
  for (const auto& [check, c] : report.checks)
    std::cout << "  " << check << ": " << c.failed << " of " << c.checked << " failed\n";
  return 0;
}

}  // namespace yilian::cli

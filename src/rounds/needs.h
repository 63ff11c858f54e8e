// What the preset requires of each village (V2, V4, V6): more frequent rounds where there
// is no fixed village doctor, few residents or a relocation site; village-level dispatch
// where village doctors fall below the per-mille ratio; senior-doctor visits everywhere.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rounds/report_region.h"
#include "rounds/rounds_policy.h"
#include "store/db.h"

namespace yilian::rounds {

struct VillageNeeds {
  std::string code, name, township_code, township_name;
  bool registered = false;  // the registry holds the village's population and doctors
  int64_t population = 0, village_doctors = 0;
  bool fixed_doctor = true, relocation_site = false;
  int64_t team_id = 0;  // the team responsible on the day asked for (包干), 0 when none
  std::string team_name;

  std::vector<std::string> rounds_reasons;  // non-empty: rounds at least N times a week (V2)
  std::vector<std::string> rounds_keys;     // the optional parameters behind those reasons
  std::string dispatch_reason;              // non-empty: village-level dispatch needed (V4)
  bool senior_visits = false;               // senior-doctor visits each month (V6)
};

// The rural villages of the region, in code order, with their needs on `day`.
std::vector<VillageNeeds> village_needs(store::Db& db, const RoundsPolicy& policy, const ReportRegion& region,
                                        const std::string& day);

// [{kind, label, requirement, reasons, citations:[{key,label,value,unit,reference}]}]
nlohmann::json needs_json(const VillageNeeds& v, const RoundsPolicy& policy);

}  // namespace yilian::rounds

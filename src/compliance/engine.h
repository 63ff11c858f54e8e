// The compliance engine: for a scope (person, relationship, institution or region) and a
// period, evaluates every applicable rule against the numbers of each relationship's
// policy (its preset plus agreed overrides) and returns the findings. Pure reads: the
// same data gives the same findings.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "auth/principal.h"
#include "compliance/finding.h"
#include "policy/preset.h"
#include "store/db.h"

namespace yilian::compliance {

struct Request {
  std::string from, to;     // inclusive dates; rules look no later than `today`
  std::string today;        // the evaluation date (defaults to the real today)
  int64_t staff_id = 0;     // at most one of these four narrows the scope
  int64_t relationship_id = 0;
  int64_t institution_id = 0;
  std::string region_code;
};

struct CheckCount {
  int64_t checked = 0;  // subjects × periods evaluated
  int64_t failed = 0;
};

struct Report {
  std::vector<Finding> findings;
  std::map<std::string, CheckCount> checks;  // by check name, e.g. "dispatch.weekly_days"
  int64_t relationships = 0;
  int64_t assignments = 0;
  std::map<std::string, double> timings_ms;  // per rule family, for benchmarks
};

// Only what `user` may see is evaluated (the relationship scope of both parties).
Report evaluate(store::Db& db, const policy::PresetSet& presets, const auth::Principal& user, const Request& request);

}  // namespace yilian::compliance

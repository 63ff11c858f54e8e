// The presence rows the presence rules (D2, D4, D10) judge, read once per evaluation and
// folded to one entry per assignment and day: four rules aggregating the same rows in SQL
// each scanned presence again, which at province scale (1.3 M half-days) cost seconds.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "compliance/context.h"

namespace yilian::compliance {

struct PresenceDay {
  int64_t assignment = 0, relationship = 0, staff = 0;
  std::string day;              // "YYYY-MM-DD"
  int64_t half_days = 0;        // half-days marked present
  int64_t unconfirmed = 0;      // of those, never confirmed by the recipient
};

// Present half-days in [e.request.from, e.last_day] of every active assignment under the
// evaluated relationships (not only the assignments of a person asked for: daily coverage
// and headcount count everyone on site). Ordered by assignment, then day.
std::vector<PresenceDay> load_presence_days(Evaluation& e);

}  // namespace yilian::compliance

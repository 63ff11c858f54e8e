#pragma once
#include <vector>

#include "store/migrations.h"

namespace yilian::calendar {
// The work_calendar table: one row per day 2015–2035 with its ISO week and whether it
// is a working day of the national calendar — weekends off, with the State Council's
// holiday notices applied (holidays.h: the shipped ones by migration, later ones by
// import) — and the notices and exceptions themselves (holiday_notice,
// calendar_exception; a region's own exceptions apply to its subtree, work_days.h).
std::vector<store::Migration> migrations();
}

#pragma once
#include <vector>

#include "store/migrations.h"

namespace yilian::calendar {
// The work_calendar table: one row per day 2015–2035 with its ISO week and whether it
// is a working day, so weekly and daily rules can be computed in SQL on both backends.
// Weekends are non-working; public holidays and make-up working days (调休) are data
// an administrator can update in this table.
std::vector<store::Migration> migrations();
}

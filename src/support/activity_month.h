// activity_month: one row per assignment, month (yyyymm, an integer) and kind of activity holding how many
// active records there are and their summed quantity (patients, cases, attendees).
// Triggers on activity keep it exact on every write, whatever the path (API, offline
// sync, import, demo). The monthly teaching check (D10) reads it instead of activity:
// a dense province has ≈7 M activities but ≈2 M assignment-month-kinds, and the year's
// figures for the work summary (E4) are sums of whole months.
//
// A row may hold records = 0 once its last record is withdrawn; readers filter on
// records > 0 rather than the triggers deleting rows (a delete races with a concurrent
// insert of the same key on PostgreSQL; an UPSERT does not).
#pragma once

#include "store/migrations.h"

namespace yilian::support {

store::Migration activity_month_migration();

// The kinds that count as teaching (D10: a month on site with none of them is reported),
// as an SQL list. A partial index of activity_month covers exactly these rows, so the
// monthly check reads ≈0.6 M index entries of a dense province instead of scanning ≈1.8 M
// rows; a query must repeat this list verbatim for the planner to use that index.
inline constexpr const char* kTeachingKindsSql =
    "('lecture', 'hospital_lecture', 'teaching_round', 'mentoring', 'surgery_demo')";

}  // namespace yilian::support

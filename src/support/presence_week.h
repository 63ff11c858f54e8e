// presence_week: one row per assignment and ISO week (keyed by its Monday) holding the
// week's present half-days, packed per weekday. Triggers on presence keep it exact on
// every write, whatever the path (API, offline sync, import, demo). The compliance
// engine reads it instead of presence: a province has ≈30,000 staff-years, ≈14 M
// half-days, but only ≈1.5 M assignment-weeks.
#pragma once
#include <cstdint>

#include "store/migrations.h"

namespace yilian::support {

store::Migration presence_week_migration();

// Layout of presence_week.days. Weekday i (0 = Monday … 6 = Sunday) owns four bits:
// bits 4i..4i+1 count the half-days marked present (active rows only; at most 2, as
// presence is unique per assignment, day and half), bits 4i+2..4i+3 how many of those
// the recipient has not confirmed. Triggers add and subtract whole rows' shares, so the
// fields never carry into each other.
constexpr int kPresenceWeekdayBits = 4;
inline int present_half_days(int64_t days, int weekday) { return static_cast<int>((days >> (4 * weekday)) & 3); }
inline int unconfirmed_half_days(int64_t days, int weekday) {
  return static_cast<int>((days >> (4 * weekday + 2)) & 3);
}
// The 7-bit mask of weekdays with at least one present half-day (bit i = weekday i).
inline unsigned present_weekdays(int64_t days) {
  unsigned mask = 0;
  for (int i = 0; i < 7; ++i)
    if (present_half_days(days, i)) mask |= 1u << i;
  return mask;
}

}  // namespace yilian::support

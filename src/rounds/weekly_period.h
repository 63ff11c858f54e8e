// The week of the weekly table (V7, 附件2): Monday–Sunday ISO weeks, the statistics-period
// line of the form, and the reporting deadline the preset sets (下周一下午5时前).
#pragma once
#include <optional>
#include <string>

#include "api/context.h"
#include "calendar/date.h"
#include "rounds/rounds_policy.h"

namespace yilian::rounds {

// ?<key>= as "2026-W28" or any date in the week; by default the last complete week.
// 400 when malformed.
calendar::IsoWeek requested_week(api::Context& ctx, const std::string& key = "week");
// 422 on `field` unless `label` is an existing ISO week ("2026-W28").
calendar::IsoWeek parse_week_or_fail(const std::string& label, const std::string& field);

// "2026年7月6日至7月12日"; the year is repeated when the week spans New Year.
std::string period_label(const calendar::IsoWeek& week);

struct Deadline {
  std::string local;  // "2026-07-13 17:00", China Standard Time as the document means it
  std::string utc;    // "2026-07-13T09:00:00Z", comparable with stored timestamps
};
// `due_weekday` (1 = Monday) of the following week at `due_time` ("HH:MM", UTC+8).
Deadline deadline_of(const calendar::IsoWeek& week, int due_weekday, const std::string& due_time);
// From weekly_report.due_weekday and weekly_report.due_time; nullopt when the preset
// leaves either unset (no deadline, so nothing is late).
std::optional<Deadline> weekly_deadline(const calendar::IsoWeek& week, const RoundsPolicy& policy);

}  // namespace yilian::rounds

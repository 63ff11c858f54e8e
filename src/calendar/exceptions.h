// Changing a calendar: importing a holiday notice for a region (or the whole country),
// adding and removing a region's single exceptions. Every change is one transaction with
// its audit entry; a national change keeps work_calendar.working equal to the weekday
// rule with the national exceptions applied (the invariant work_days.h relies on).
// Region "" is the national calendar. Errors are common::ApiError with a Chinese
// message and the field (422 invalid, 409 duplicate, 404 unknown id).
#pragma once
#include <cstdint>
#include <string>

#include "auth/principal.h"
#include "calendar/holidays.h"
#include "store/db.h"

namespace yilian::calendar {

// Who acts, for the audit trail: the signed-in user, or the command line (user null).
struct Actor {
  const auth::Principal* user = nullptr;
  std::string name;  // "cli" for the command line
  std::string remote_addr;
};

struct ImportResult {
  int64_t notice_id = 0;
  int rest_days = 0, work_days = 0;
  int replaced = 0;  // exceptions of the region on those days (or of its earlier notice) removed
};

// Replaces the region's notice for the notice's year and its days with these.
// `dry_run` checks and counts without writing.
ImportResult import_notice(store::Db& db, const HolidayNotice& notice, const std::string& region_code,
                           const Actor& actor, bool dry_run = false);

// One day of a region made a working day or a day off; 409 when the region already has
// an exception that day (remove it first).
int64_t add_exception(store::Db& db, const std::string& region_code, const std::string& day, bool working,
                      const std::string& name, const Actor& actor);
// The caller checks the exception's region against the user's scope first.
void remove_exception(store::Db& db, int64_t id, const Actor& actor);

// 422 on region_code unless it is "" or an existing region's code.
void check_region(store::Db& db, const std::string& region_code);

}  // namespace yilian::calendar

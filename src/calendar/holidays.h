// The State Council's holiday notices (国务院办公厅关于…部分节假日安排的通知) as data: the
// format of calendars/holidays-YYYY.toml (calendars/README.md), read and checked here,
// the files shipped in the binary, and the migrations that apply them to the national
// calendar. Invariant: a notice that parsed has every day once, each a valid date of
// its year (or the neighbouring December/January), rest ranges matching the notice's
// “共N天”, and 调休 working days on Saturdays or Sundays only.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "store/migrations.h"

namespace yilian::calendar {

struct NoticeDay {
  std::string day;    // YYYY-MM-DD
  bool working = false;  // true: a weekend day worked (调休上班); false: a day off
  std::string name;   // the holiday: "国庆节"
  std::string clause;  // the notice's item, quoted
};

struct HolidayNotice {
  int year = 0;
  std::string title, number, issued, published, url;
  std::vector<NoticeDay> days;  // in date order
};

// Every problem of a notice file, one per line as "file:line: message" (Chinese).
struct NoticeError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// Reads a notice in the calendars/ TOML format; `file` names it in messages.
HolidayNotice parse_notice(const std::string& toml_text, const std::string& file);

// The notices of calendars/*.toml compiled into the binary, in year order (parsed once;
// a broken shipped file throws NoticeError, which the tests catch first).
const std::vector<HolidayNotice>& shipped_notices();

// Whether `day` is a working day of the shipped national calendar alone (weekday rule
// plus the shipped notices), for code that has no database: the demo generator.
bool shipped_working_day(const std::string& day);

// The migration version that applies the shipped notice of `year`: 152 + (year − 2025).
int notice_migration_version(int year);
// One migration per shipped notice; each applies its notice to the national calendar
// unless the database already holds a national notice for that year (an import wins).
std::vector<store::Migration> shipped_notice_migrations();

}  // namespace yilian::calendar

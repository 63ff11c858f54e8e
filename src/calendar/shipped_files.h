// The text of every calendars/*.toml, compiled into the binary by CMake (the generated
// shipped_holidays.cpp in the build folder), so a database gets the notices without the
// source tree. Read through calendar/holidays.h, never directly.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace yilian::calendar {

// (file name, contents), in file-name order.
const std::vector<std::pair<std::string, std::string>>& shipped_holiday_files();

}  // namespace yilian::calendar

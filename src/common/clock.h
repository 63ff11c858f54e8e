// Wall-clock helpers. Timestamps are stored as ISO-8601 text in UTC ("2026-11-23T03:21:58Z")
// and dates as "YYYY-MM-DD" in both backends, so they compare and sort as strings.
#pragma once
#include <cstdint>
#include <string>

namespace yilian::common {

int64_t now_unix();
std::string now_iso();
std::string iso_from_unix(int64_t t);
std::string today();  // local calendar date, YYYY-MM-DD

// Parses "YYYY-MM-DD" strictly (real calendar date); false when malformed.
bool parse_date(const std::string& s, int& y, int& m, int& d);
bool is_valid_date(const std::string& s);

}  // namespace yilian::common

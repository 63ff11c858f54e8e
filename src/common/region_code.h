// Administrative division codes (R1). Province, city and county carry the six-digit
// GB/T 2260 code ("370000", "370100", "370102"); township and village carry the
// twelve-digit 统计用区划代码 ("370102001000", "370102001001"). A region's subtree is every
// code that starts with its significant prefix ("37", "3701", "370102", "370102001",
// full code), which is what makes scope checks a single range comparison.
#pragma once
#include <string>
#include <utility>

namespace yilian::common {

enum class RegionLevel { invalid = 0, province = 1, city = 2, county = 3, township = 4, village = 5 };

RegionLevel region_level(const std::string& code);  // invalid for malformed codes
const char* region_level_label(RegionLevel l);      // "省" "市" "县(区)" "乡镇(街道)" "村(社区)"
std::string region_prefix(const std::string& code);  // significant digits
std::string parent_region_code(const std::string& code);  // "" for a province
// [lo, hi) such that a code c is in the subtree iff lo <= c < hi (digit strings).
std::pair<std::string, std::string> prefix_range(const std::string& prefix);
// Normalises a 2/4/9-digit code (as some sources write them) to the official form.
std::string normalise_region_code(const std::string& code);

}  // namespace yilian::common

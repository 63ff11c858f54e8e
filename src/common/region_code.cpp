#include "common/region_code.h"

#include <algorithm>

namespace yilian::common {
namespace {

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

RegionLevel region_level(const std::string& code) {
  if (!all_digits(code)) return RegionLevel::invalid;
  if (code.size() == 6) {
    if (code.substr(0, 2) == "00") return RegionLevel::invalid;
    if (ends_with(code, "0000")) return RegionLevel::province;
    if (ends_with(code, "00")) return RegionLevel::city;
    return RegionLevel::county;
  }
  if (code.size() == 12) {
    if (ends_with(code.substr(0, 6), "00")) return RegionLevel::invalid;  // must hang under a county
    if (code.substr(6, 3) == "000") return RegionLevel::invalid;
    return ends_with(code, "000") ? RegionLevel::township : RegionLevel::village;
  }
  return RegionLevel::invalid;
}

const char* region_level_label(RegionLevel l) {
  switch (l) {
    case RegionLevel::province: return "省";
    case RegionLevel::city: return "市";
    case RegionLevel::county: return "县(区)";
    case RegionLevel::township: return "乡镇(街道)";
    case RegionLevel::village: return "村(社区)";
    default: return "无效";
  }
}

std::string region_prefix(const std::string& code) {
  switch (region_level(code)) {
    case RegionLevel::province: return code.substr(0, 2);
    case RegionLevel::city: return code.substr(0, 4);
    case RegionLevel::county: return code;
    case RegionLevel::township: return code.substr(0, 9);
    case RegionLevel::village: return code;
    default: return code;
  }
}

std::string parent_region_code(const std::string& code) {
  switch (region_level(code)) {
    case RegionLevel::city: return code.substr(0, 2) + "0000";
    case RegionLevel::county: return code.substr(0, 4) + "00";
    case RegionLevel::township: return code.substr(0, 6);
    case RegionLevel::village: return code.substr(0, 9) + "000";
    default: return "";
  }
}

std::pair<std::string, std::string> prefix_range(const std::string& prefix) {
  if (prefix.empty()) return {"", "~"};
  std::string hi = prefix;
  int i = static_cast<int>(hi.size()) - 1;
  while (i >= 0 && hi[i] == '9') hi[i--] = '0';
  if (i < 0)
    hi = "~";  // "99…" has no digit successor; '~' sorts after every digit
  else
    ++hi[i];
  return {prefix, hi};
}

std::string normalise_region_code(const std::string& code) {
  if (!all_digits(code)) return code;
  switch (code.size()) {
    case 2: return code + "0000";
    case 4: return code + "00";
    case 9: return code + "000";
    default: return code;
  }
}

}  // namespace yilian::common

// The closed list of policy parameters: every number (or switch, or code) a rule in
// RULES.md checks against. Presets may only set parameters listed here, with the type
// and range given here, so a typo in a preset file or an override is refused instead of
// silently leaving a rule unchecked.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yilian::policy {

enum class ParamType { integer, number, boolean, string, string_list };

struct ParamSpec {
  std::string key;          // dotted: "dispatch.min_days_per_week"
  ParamType type = ParamType::integer;
  std::string unit;         // 中文 unit ("天/周", "元/月"); empty for switches and codes
  std::optional<double> min, max;  // integer and number only, inclusive
  // string and string_list: the allowed values (value → 中文); empty means free text.
  std::vector<std::pair<std::string, std::string>> choices;
  std::string pattern;        // string only: an ECMAScript regex the whole value must match
  std::string pattern_label;  // how the pattern reads to people: "HH:MM(24小时制)"
  std::vector<std::string> rules;  // RULES.md ids the parameter feeds: {"D4"}
  std::string label;        // short 中文 name
  std::string description;  // 中文: what the number means and how a rule uses it
  // True when no source document gives a value, so no shipped preset sets it; a
  // relationship may still set it by override.
  bool optional = false;
};

const std::vector<ParamSpec>& parameter_catalog();
const ParamSpec* find_param(std::string_view key);

std::string type_name(ParamType t);   // "integer", as in the API
std::string type_label(ParamType t);  // "整数", as in messages
// "0–7", "≥0" or "" — the range as people read it in messages and docs.
std::string range_label(const ParamSpec& spec);

}  // namespace yilian::policy

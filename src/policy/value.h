// A parameter's value and the checks every value passes, wherever it comes from (a
// preset file or a relationship's overrides), so both are held to the same catalog.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "policy/catalog.h"

namespace yilian::policy {

// The alternative matches ParamSpec::type: integer → int64_t, number → double,
// boolean → bool, string → std::string, string_list → std::vector<std::string>.
using ParamValue = std::variant<int64_t, double, bool, std::string, std::vector<std::string>>;

// The reason (中文) the value breaks the spec's type, range, choices or pattern; empty
// when it is valid. The value's alternative must already match the spec's type.
std::string check_value(const ParamSpec& spec, const ParamValue& value);

// A JSON value (an override) as the spec's type; on a wrong type `problem` is set and
// the result is meaningless. An integer is accepted for a number parameter.
ParamValue value_from_json(const ParamSpec& spec, const nlohmann::json& j, std::string& problem);

nlohmann::json to_json(const ParamValue& value);
// As people read it in messages and citations: 3, 0.5, 是, "17:00", [内科, 外科].
std::string format_value(const ParamValue& value);
// "字符串" for a JSON value's kind, to say what was given instead.
std::string json_kind_label(const nlohmann::json& j);

}  // namespace yilian::policy

#include "policy/value.h"

#include <cmath>
#include <regex>
#include <sstream>

namespace yilian::policy {
namespace {

std::string number_text(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string choices_text(const ParamSpec& spec) {
  std::string text;
  for (const auto& [value, label] : spec.choices) {
    if (!text.empty()) text += "、";
    text += value + " " + label;
  }
  return text;
}

std::string check_range(const ParamSpec& spec, double v, const std::string& shown) {
  if (!std::isfinite(v)) return shown + " 不是有限数值";
  if ((spec.min && v < *spec.min) || (spec.max && v > *spec.max)) return shown + " 超出范围 " + range_label(spec);
  return "";
}

// One string (a string parameter or one item of a list) against the choices and pattern.
std::string check_text(const ParamSpec& spec, const std::string& s, const std::string& position) {
  if (s.empty()) return position + "不能为空";
  if (!spec.choices.empty()) {
    for (const auto& choice : spec.choices)
      if (choice.first == s) return "";
    return position + "“" + s + "”不是可选值(可选:" + choices_text(spec) + ")";
  }
  if (!spec.pattern.empty() && !std::regex_match(s, std::regex(spec.pattern)))
    return position + "“" + s + "”格式应为 " + spec.pattern_label;
  return "";
}

}  // namespace

std::string check_value(const ParamSpec& spec, const ParamValue& value) {
  switch (spec.type) {
    case ParamType::integer: {
      auto v = std::get<int64_t>(value);
      return check_range(spec, static_cast<double>(v), std::to_string(v));
    }
    case ParamType::number: {
      auto v = std::get<double>(value);
      return check_range(spec, v, number_text(v));
    }
    case ParamType::boolean:
      return "";
    case ParamType::string:
      return check_text(spec, std::get<std::string>(value), "");
    case ParamType::string_list: {
      const auto& items = std::get<std::vector<std::string>>(value);
      if (items.empty()) return "列表不能为空";
      for (size_t i = 0; i < items.size(); ++i) {
        auto problem = check_text(spec, items[i], "第" + std::to_string(i + 1) + "项");
        if (!problem.empty()) return problem;
      }
      return "";
    }
  }
  return "";
}

std::string json_kind_label(const nlohmann::json& j) {
  if (j.is_number_integer()) return "整数";
  if (j.is_number()) return "小数";
  if (j.is_boolean()) return "布尔值";
  if (j.is_string()) return "字符串";
  if (j.is_array()) return "数组";
  if (j.is_object()) return "对象";
  return "空值";
}

ParamValue value_from_json(const ParamSpec& spec, const nlohmann::json& j, std::string& problem) {
  auto wrong_type = [&]() -> ParamValue {
    problem = "应为" + type_label(spec.type) + ",实际为" + json_kind_label(j);
    return ParamValue{};
  };
  switch (spec.type) {
    case ParamType::integer:
      if (!j.is_number_integer()) return wrong_type();
      return j.get<int64_t>();
    case ParamType::number:
      if (!j.is_number()) return wrong_type();
      return j.get<double>();
    case ParamType::boolean:
      if (!j.is_boolean()) return wrong_type();
      return j.get<bool>();
    case ParamType::string:
      if (!j.is_string()) return wrong_type();
      return j.get<std::string>();
    case ParamType::string_list: {
      if (!j.is_array()) return wrong_type();
      std::vector<std::string> items;
      for (const auto& item : j) {
        if (!item.is_string()) return wrong_type();
        items.push_back(item.get<std::string>());
      }
      return items;
    }
  }
  return wrong_type();
}

nlohmann::json to_json(const ParamValue& value) {
  return std::visit([](const auto& v) { return nlohmann::json(v); }, value);
}

std::string format_value(const ParamValue& value) {
  struct Formatter {
    std::string operator()(int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const { return number_text(v); }
    std::string operator()(bool v) const { return v ? "是" : "否"; }
    std::string operator()(const std::string& v) const { return "“" + v + "”"; }
    std::string operator()(const std::vector<std::string>& v) const {
      std::string text = "[";
      for (size_t i = 0; i < v.size(); ++i) text += (i ? ", " : "") + v[i];
      return text + "]";
    }
  };
  return std::visit(Formatter{}, value);
}

}  // namespace yilian::policy

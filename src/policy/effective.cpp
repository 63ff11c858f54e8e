#include "policy/effective.h"

#include "common/error.h"

namespace yilian::policy {

std::optional<Param> EffectivePolicy::get(std::string_view key) const {
  auto it = params_.find(std::string(key));
  if (it == params_.end()) return std::nullopt;
  return it->second;
}

EffectivePolicy merge(const Preset& preset, const nlohmann::json& overrides) {
  std::map<std::string, Param> params = preset.params;
  if (overrides.is_null()) return {preset.id, std::move(params)};
  if (!overrides.is_object()) common::invalid("overrides", "政策参数覆盖应为对象 {参数名: 值}");
  for (const auto& [key, value] : overrides.items()) {
    const ParamSpec* spec = find_param(key);
    if (!spec) common::invalid(key, "未知的政策参数 " + key);
    std::string problem;
    ParamValue parsed = value_from_json(*spec, value, problem);
    if (problem.empty()) problem = check_value(*spec, parsed);
    if (!problem.empty()) common::invalid(key, "政策参数 " + key + "(" + spec->label + "):" + problem);

    auto before = params.find(key);
    std::string replaced = before == params.end()
                               ? "《" + preset.document + "》未规定此项"
                               : "覆盖《" + preset.document + "》规定的 " + format_value(before->second.value);
    Citation citation{.document = "", .clause = "关系协议约定(" + replaced + ")", .seed = "", .overridden = true};
    params[key] = Param{spec, std::move(parsed), std::move(citation)};
  }
  return {preset.id, std::move(params)};
}

}  // namespace yilian::policy

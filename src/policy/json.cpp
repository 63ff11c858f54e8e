#include "policy/json.h"

namespace yilian::policy {

using nlohmann::json;

json param_json(const std::string& key, const Param& param) {
  const ParamSpec& spec = *param.spec;
  return {{"key", key},
          {"label", spec.label},
          {"type", type_name(spec.type)},
          {"value", to_json(param.value)},
          {"unit", spec.unit},
          {"rules", spec.rules},
          {"description", spec.description},
          {"citation",
           {{"document", param.citation.document},
            {"clause", param.citation.clause},
            {"seed", param.citation.seed},
            {"overridden", param.citation.overridden},
            {"text", param.citation.text()}}}};
}

json preset_summary_json(const Preset& preset) {
  return {{"id", preset.id},
          {"title", preset.title},
          {"document", preset.document},
          {"seed", preset.seed},
          {"year", preset.year ? json(*preset.year) : json()},
          {"note", preset.note},
          {"parameter_count", preset.params.size()}};
}

json preset_detail_json(const Preset& preset) {
  json detail = preset_summary_json(preset);
  json parameters = json::array();
  json not_specified = json::array();
  for (const auto& spec : parameter_catalog()) {
    auto it = preset.params.find(spec.key);
    if (it == preset.params.end()) not_specified.push_back(spec.key);
    else parameters.push_back(param_json(spec.key, it->second));
  }
  detail["parameters"] = std::move(parameters);
  detail["not_specified"] = std::move(not_specified);
  return detail;
}

json effective_json(const EffectivePolicy& policy) {
  json parameters = json::array();
  for (const auto& spec : parameter_catalog())
    if (auto param = policy.get(spec.key)) parameters.push_back(param_json(spec.key, *param));
  return {{"preset_id", policy.preset_id()}, {"parameters", std::move(parameters)}};
}

json catalog_entry_json(const ParamSpec& spec, const PresetSet& set) {
  json choices = json::array();
  for (const auto& [value, label] : spec.choices) choices.push_back({{"value", value}, {"label", label}});
  json presets = json::array();
  for (const auto& preset : set.all())
    if (preset.params.count(spec.key)) presets.push_back(preset.id);
  return {{"key", spec.key},
          {"label", spec.label},
          {"type", type_name(spec.type)},
          {"unit", spec.unit},
          {"min", spec.min ? json(*spec.min) : json()},
          {"max", spec.max ? json(*spec.max) : json()},
          {"range", range_label(spec)},
          {"choices", std::move(choices)},
          {"pattern", spec.pattern_label},
          {"rules", spec.rules},
          {"description", spec.description},
          {"optional", spec.optional},
          {"presets", std::move(presets)}};
}

}  // namespace yilian::policy

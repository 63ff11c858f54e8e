// How presets, parameters and catalog entries look in the API. Kept apart from the
// routes so a module showing a relationship's effective policy renders it the same way.
#pragma once
#include <nlohmann/json.hpp>

#include "policy/catalog.h"
#include "policy/effective.h"
#include "policy/preset.h"

namespace yilian::policy {

// {key, label, type, value, unit, rules, description, citation{document, clause, seed, overridden, text}}
nlohmann::json param_json(const std::string& key, const Param& param);
// {id, title, document, seed, year, note, parameter_count}
nlohmann::json preset_summary_json(const Preset& preset);
// The summary plus parameters (catalog order) and not_specified (catalog keys it leaves unset).
nlohmann::json preset_detail_json(const Preset& preset);
// The effective policy of a relationship: {preset_id, parameters}.
nlohmann::json effective_json(const EffectivePolicy& policy);
// {key, label, type, unit, min, max, range, choices, pattern, rules, description, optional, presets}
// `presets` lists the ids of the presets in `set` that give the parameter a value.
nlohmann::json catalog_entry_json(const ParamSpec& spec, const PresetSet& set);

}  // namespace yilian::policy

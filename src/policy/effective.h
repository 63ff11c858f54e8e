// The policy a support relationship is checked against: the preset it picked, with
// the parameters its agreement sets differently. Overridden values keep saying so in
// their citation, so a finding never attributes an agreed number to the document.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "policy/preset.h"

namespace yilian::policy {

class EffectivePolicy {
 public:
  EffectivePolicy(std::string preset_id, std::map<std::string, Param> params)
      : preset_id_(std::move(preset_id)), params_(std::move(params)) {}

  const std::string& preset_id() const { return preset_id_; }
  std::optional<Param> get(std::string_view key) const;
  const std::map<std::string, Param>& params() const { return params_; }

 private:
  std::string preset_id_;
  std::map<std::string, Param> params_;
};

// `overrides` is the relationship's {key: value} object (null or {} for none). Each key
// must be in the catalog and each value pass the catalog's checks, else 422
// (common::ApiError, field = the key, Chinese message). Keys the preset leaves unset
// may be set too: the agreement then supplies a number the document lacks.
EffectivePolicy merge(const Preset& preset, const nlohmann::json& overrides);

}  // namespace yilian::policy

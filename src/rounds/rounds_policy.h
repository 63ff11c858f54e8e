// The numbers the rounds reports apply, from one policy preset (default
// rounds-dispatch-2023, the 县域巡回医疗和派驻服务 plan): never constants in code, and
// each one quotable with its clause (Param::reference()).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "api/context.h"
#include "policy/preset.h"

namespace yilian::rounds {

inline constexpr const char* kDefaultPreset = "rounds-dispatch-2023";

class RoundsPolicy {
 public:
  // ?preset= of the request, else kDefaultPreset; 422 on preset when it does not exist.
  static RoundsPolicy of_request(api::Context& ctx);
  explicit RoundsPolicy(const policy::Preset& preset) : preset_(&preset) {}

  const std::string& id() const { return preset_->id; }
  std::optional<policy::Param> param(const std::string& key) const { return preset_->get(key); }
  // Integer and number parameters as a double; nullopt when the preset leaves it unset.
  std::optional<double> number(const std::string& key) const;
  bool flag(const std::string& key) const;  // false when unset
  std::optional<std::string> text(const std::string& key) const;
  // {key, label, value, unit, reference} for citing the parameter next to a result.
  nlohmann::json cite(const std::string& key) const;

 private:
  const policy::Preset* preset_;
};

}  // namespace yilian::rounds

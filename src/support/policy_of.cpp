#include "support/policy_of.h"

#include "common/error.h"
#include "policy/startup.h"

namespace yilian::support {

std::shared_ptr<const policy::EffectivePolicy> policy_of(const std::string& preset_id, const std::string& overrides) {
  const policy::Preset* preset = policy::shipped_presets()->find(preset_id);
  if (!preset) return nullptr;
  nlohmann::json o = nlohmann::json::parse(overrides.empty() ? "{}" : overrides, nullptr, false);
  try {
    return std::make_shared<policy::EffectivePolicy>(policy::merge(*preset, o.is_object() ? o : nlohmann::json::object()));
  } catch (const common::ApiError&) {
    return std::make_shared<policy::EffectivePolicy>(policy::merge(*preset, nlohmann::json::object()));
  }
}

std::optional<int64_t> int_param(const policy::EffectivePolicy* p, const std::string& key) {
  if (!p) return std::nullopt;
  auto v = p->get(key);
  if (!v) return std::nullopt;
  if (auto* i = std::get_if<int64_t>(&v->value)) return *i;
  if (auto* d = std::get_if<double>(&v->value)) return static_cast<int64_t>(*d);
  return std::nullopt;
}

bool bool_param(const policy::EffectivePolicy* p, const std::string& key) {
  if (!p) return false;
  auto v = p->get(key);
  auto* b = v ? std::get_if<bool>(&v->value) : nullptr;
  return b && *b;
}

}  // namespace yilian::support

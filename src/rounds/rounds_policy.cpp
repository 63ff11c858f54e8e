#include "rounds/rounds_policy.h"

#include "common/error.h"
#include "policy/startup.h"
#include "policy/value.h"

namespace yilian::rounds {

RoundsPolicy RoundsPolicy::of_request(api::Context& ctx) {
  std::string id = ctx.req.query_or("preset", kDefaultPreset);
  const policy::Preset* preset = policy::shipped_presets()->find(id);
  if (!preset) common::invalid("preset", "政策方案不存在: " + id);
  return RoundsPolicy(*preset);
}

std::optional<double> RoundsPolicy::number(const std::string& key) const {
  auto p = param(key);
  if (!p) return std::nullopt;
  if (auto* i = std::get_if<int64_t>(&p->value)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&p->value)) return *d;
  return std::nullopt;
}

bool RoundsPolicy::flag(const std::string& key) const {
  auto p = param(key);
  auto* b = p ? std::get_if<bool>(&p->value) : nullptr;
  return b && *b;
}

std::optional<std::string> RoundsPolicy::text(const std::string& key) const {
  auto p = param(key);
  auto* s = p ? std::get_if<std::string>(&p->value) : nullptr;
  if (!s) return std::nullopt;
  return *s;
}

nlohmann::json RoundsPolicy::cite(const std::string& key) const {
  auto p = param(key);
  if (!p) return nullptr;
  return {{"key", key},
          {"label", p->spec->label},
          {"value", policy::to_json(p->value)},
          {"unit", p->spec->unit},
          {"reference", p->reference()}};
}

}  // namespace yilian::rounds

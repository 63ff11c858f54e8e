#include "policy/platform.h"

#include <stdexcept>

#include "calendar/date.h"
#include "common/clock.h"
#include "policy/startup.h"

namespace yilian::policy {

Param platform_param(const std::string& key) {
  auto presets = shipped_presets();
  const Preset* platform = presets->find(kPlatformPreset);
  std::optional<Param> p = platform ? platform->get(key) : std::nullopt;
  if (!p) throw std::logic_error("policies/platform.toml does not set " + key);
  return *p;
}

int64_t platform_integer(const std::string& key) { return std::get<int64_t>(platform_param(key).value); }

std::string field_entry_window_start() {
  return calendar::add_days(common::today(), -static_cast<int>(platform_integer("records.field_entry_window_days")));
}

}  // namespace yilian::policy

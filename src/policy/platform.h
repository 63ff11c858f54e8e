// The platform preset (policies/platform.toml, id "platform"): time limits of the
// platform's own records that the documents require in spirit but give no number for.
// Read from the shipped presets like every other number; there is no constant to fall
// back to, so a deployment whose presets lack one fails loudly.
#pragma once
#include <cstdint>
#include <string>

#include "policy/preset.h"

namespace yilian::policy {

inline constexpr const char* kPlatformPreset = "platform";

// The parameter, with its citation; throws std::logic_error when the presets lack it.
Param platform_param(const std::string& key);
int64_t platform_integer(const std::string& key);

// The first day field staff may still record or change on their own: today minus
// records.field_entry_window_days.
std::string field_entry_window_start();

}  // namespace yilian::policy

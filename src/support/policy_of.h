// The effective policy of a support relationship: its preset with agreed overrides.
#pragma once
#include <memory>
#include <string>

#include "policy/effective.h"

namespace yilian::support {

// Null when the preset id is empty or unknown. Overrides that no longer validate are
// ignored here (they were validated when written).
std::shared_ptr<const policy::EffectivePolicy> policy_of(const std::string& preset_id, const std::string& overrides);
// Integer/boolean value of a key, with the param for its citation.
std::optional<int64_t> int_param(const policy::EffectivePolicy* p, const std::string& key);
bool bool_param(const policy::EffectivePolicy* p, const std::string& key);

}  // namespace yilian::support

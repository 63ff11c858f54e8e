// Finding and loading the shipped presets once per process. The server loads them
// while it installs its routes, before it listens, so a broken preset file stops it
// with the file, line and key printed instead of leaving rules without numbers.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "policy/preset.h"

namespace yilian::policy {

// The presets directory: `option` (--policies DIR), else $YILIAN_POLICIES, else
// ./policies, else $YILIAN_SOURCE_DIR/policies, else policies/ in the parent of the
// executable's directory (the source tree when run as build/yilian). Throws
// std::runtime_error when `option` or the variable names a missing directory, or none is found.
std::filesystem::path locate_policies_dir(const std::string& option = "");

// The presets of locate_policies_dir(option), loaded on the first call and kept. A later
// call with a different non-empty `option` loads that directory instead. Throws
// PresetLoadError (every problem listed) when a file is broken.
std::shared_ptr<const PresetSet> shipped_presets(const std::string& option = "");

}  // namespace yilian::policy

// Realistic Chinese personal names: a surname drawn by its national frequency and a
// one- or two-character given name from pools typical for each sex.
#pragma once
#include <string>

#include "demo/random.h"

namespace yilian::demo {

// sex: "1" male, "2" female (GB/T 2261.1).
std::string chinese_name(Random& rng, const std::string& sex);

}  // namespace yilian::demo

// (e) The policy preset loader: TOML text → policy::parse_preset (toml++ parsing, then
// every parameter against the catalog: types, ranges, units, citations). A broken preset
// must end in PresetLoadError listing its problems, never in anything else.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <typeinfo>

#include "policy/preset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    (void)yilian::policy::parse_preset(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.toml");
  } catch (const yilian::policy::PresetLoadError& e) {
    if (e.issues().empty()) {
      std::fprintf(stderr, "preset_fuzz: a load error without issues\n");
      std::abort();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "preset_fuzz: %s escaped the loader: %s\n", typeid(e).name(), e.what());
    std::abort();
  }
  return 0;
}

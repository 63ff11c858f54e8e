#include "demo/random.h"

namespace yilian::demo {
namespace {

// SplitMix64 finaliser: spreads a seed and a purpose hash over all 64 bits.
uint64_t mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// FNV-1a: a stable hash of the purpose text (std::hash is not specified across libraries).
uint64_t fnv1a(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001B3ULL;
  }
  return h;
}

}  // namespace

Random::Random(uint64_t seed, std::string_view purpose) : engine_(mix(seed ^ mix(fnv1a(purpose)))) {}

size_t Random::weighted(const std::vector<int>& weights) {
  uint64_t total = 0;
  for (int w : weights) total += static_cast<uint64_t>(w);
  uint64_t pick = below(total);
  for (size_t i = 0; i < weights.size(); ++i) {
    if (pick < static_cast<uint64_t>(weights[i])) return i;
    pick -= static_cast<uint64_t>(weights[i]);
  }
  return weights.size() - 1;
}

}  // namespace yilian::demo

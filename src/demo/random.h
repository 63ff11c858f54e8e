// Deterministic randomness for the demo data. std::mt19937_64 is fully specified by
// the standard, but the std:: distributions are not (libstdc++ and libc++ differ), so
// every mapping from raw 64-bit draws to values is done here with plain integer maths.
#pragma once
#include <cstdint>
#include <random>
#include <string_view>
#include <vector>

namespace yilian::demo {

class Random {
 public:
  // A stream of its own per purpose ("staff", "villages" …), so a step added later or
  // drawing more numbers does not change what the other steps generate.
  Random(uint64_t seed, std::string_view purpose);

  uint64_t next() { return engine_(); }
  // Uniform in [0, n); n > 0. The modulo bias is below 2^-40 for every n used here.
  uint64_t below(uint64_t n) { return engine_() % n; }
  // Uniform in [lo, hi], both inclusive.
  int64_t between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo + 1)));
  }
  // True with probability per_mille / 1000.
  bool chance(int per_mille) { return below(1000) < static_cast<uint64_t>(per_mille); }
  // An index into `weights`, drawn in proportion to them (all ≥ 0, sum > 0).
  size_t weighted(const std::vector<int>& weights);

 private:
  std::mt19937_64 engine_;
};

}  // namespace yilian::demo

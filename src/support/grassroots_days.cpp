#include "support/grassroots_days.h"

#include <mutex>

namespace yilian::support {
namespace {

std::mutex mu;
std::vector<GrassrootsSource>& sources() {
  static std::vector<GrassrootsSource> all;
  return all;
}

}  // namespace

void register_grassroots_source(GrassrootsSource source) {
  std::lock_guard lock(mu);
  for (auto& s : sources())
    if (s.name == source.name) {
      s = std::move(source);
      return;
    }
  sources().push_back(std::move(source));
}

std::vector<GrassrootsSource> grassroots_sources() {
  std::lock_guard lock(mu);
  return sources();
}

}  // namespace yilian::support

#include "api/router.h"

#include <stdexcept>

namespace yilian::api {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void Router::add(RouteInfo info, Handler handler) {
  for (const auto& r : routes_)
    if (r.info.method == info.method && r.info.pattern == info.pattern)
      throw std::logic_error("duplicate route " + info.method + " " + info.pattern);
  Route r{std::move(info), {}, std::move(handler)};
  r.segments = split_path(r.info.pattern);
  routes_.push_back(std::move(r));
}

const Route* Router::match(const std::string& method, const std::string& path, std::vector<std::string>& params,
                           bool& path_known) const {
  auto segs = split_path(path);
  path_known = false;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::vector<std::string> found;
    bool ok = true;
    for (size_t i = 0; i < segs.size() && ok; ++i) {
      const auto& want = r.segments[i];
      if (want.size() > 2 && want.front() == '{' && want.back() == '}')
        found.push_back(segs[i]);
      else
        ok = want == segs[i];
    }
    if (!ok) continue;
    path_known = true;
    if (r.info.method == method) {
      params = std::move(found);
      return &r;
    }
  }
  return nullptr;
}

}  // namespace yilian::api

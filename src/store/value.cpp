#include "store/value.h"

#include <charconv>
#include <cstdlib>

namespace yilian::store {

int64_t Value::as_int(int64_t if_null) const {
  if (auto* i = std::get_if<int64_t>(&v_)) return *i;
  if (auto* d = std::get_if<double>(&v_)) return static_cast<int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v_)) {
    int64_t out = 0;
    auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec == std::errc() && p == s->data() + s->size()) return out;
    return static_cast<int64_t>(std::strtod(s->c_str(), nullptr));
  }
  return if_null;
}

double Value::as_real(double if_null) const {
  if (auto* i = std::get_if<int64_t>(&v_)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&v_)) return *d;
  if (auto* s = std::get_if<std::string>(&v_)) return std::strtod(s->c_str(), nullptr);
  return if_null;
}

std::string Value::as_text(const std::string& if_null) const {
  if (auto* i = std::get_if<int64_t>(&v_)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v_)) {
    char buf[64];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, *d);
    return ec == std::errc() ? std::string(buf, p) : std::to_string(*d);
  }
  if (auto* s = std::get_if<std::string>(&v_)) return *s;
  return if_null;
}

}  // namespace yilian::store

#include "http/framing.h"

namespace yilian::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Optional whitespace around a field value (RFC 9110 §5.5).
std::string_view trim_ows(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

bool is_length(std::string_view v) {
  // 19 digits always fit in 64 bits; a body that long is refused by the body limit anyway.
  if (v.empty() || v.size() > 19) return false;
  for (char c : v)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::optional<FramingProblem> framing_problem(const std::vector<HeaderField>& fields, unsigned version) {
  int lengths = 0, codings = 0;
  std::string_view length, coding;
  for (const auto& f : fields) {
    if (iequals(f.name, "content-length")) {
      ++lengths;
      length = trim_ows(f.value);
    } else if (iequals(f.name, "transfer-encoding")) {
      ++codings;
      coding = trim_ows(f.value);
    }
  }
  const std::string te = "transfer-encoding", cl = "content-length";
  if (codings > 1) return FramingProblem{te, "请求头 Transfer-Encoding 重复,无法确定请求体长度"};
  if (codings && lengths)
    return FramingProblem{te, "请求头不能同时带有 Content-Length 和 Transfer-Encoding"};
  if (codings && version < 11) return FramingProblem{te, "HTTP/1.0 请求不能使用 Transfer-Encoding"};
  if (codings && !iequals(coding, "chunked"))
    return FramingProblem{te, "仅支持 Transfer-Encoding: chunked,收到: " + std::string(coding.substr(0, 64))};
  if (lengths > 1) return FramingProblem{cl, "请求头 Content-Length 重复,无法确定请求体长度"};
  if (lengths && !is_length(length)) return FramingProblem{cl, "请求头 Content-Length 不是有效的长度"};
  return std::nullopt;
}

}  // namespace yilian::http

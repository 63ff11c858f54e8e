// (a) The bytes a client sends on one connection → the requests the app is asked to
// answer: Beast's parser with the server's limits, the framing judgement (http/framing.h)
// and the conversion to http::Request, through http::parse_wire (the same helpers as a
// server session). Besides sanitizer reports, it stops on a request that passed with
// ambiguous framing or a body over the limit.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "http/wire.h"

namespace {

constexpr std::size_t kBodyLimit = 64 * 1024;

[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "http_request_fuzz: %s\n", what);
  std::abort();
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto out = yilian::http::parse_wire(bytes, kBodyLimit);
  for (auto& req : out.requests) {
    if (req.method.empty()) broken("a request without a method");
    if (req.body.size() > kBodyLimit) broken("a body over the limit was accepted");
    auto te = req.headers.find("transfer-encoding");
    auto cl = req.headers.find("content-length");
    if (te != req.headers.end() && cl != req.headers.end()) broken("Content-Length with Transfer-Encoding accepted");
    if (te != req.headers.end()) {
      std::string_view v = te->second;
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
      if (!iequals(v, "chunked")) broken("a Transfer-Encoding other than chunked accepted");
    }
    if (cl != req.headers.end() && cl->second.find(',') != std::string::npos) broken("a Content-Length list accepted");
    (void)req.query_or("page");
  }
  if (out.error_status && out.error_status != 400 && out.error_status != 413) broken("an unexpected error status");
  return 0;
}

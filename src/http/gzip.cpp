#include "http/gzip.h"

#include <zlib.h>

#include <stdexcept>

namespace yilian::http {

bool accepts_gzip(const std::string& accept_encoding) {
  auto at = accept_encoding.find("gzip");
  if (at == std::string::npos) return false;
  auto comma = accept_encoding.find(',', at);
  auto q = accept_encoding.find("q=", at);
  if (q == std::string::npos || (comma != std::string::npos && q > comma)) return true;
  return std::strtod(accept_encoding.c_str() + q + 2, nullptr) > 0;
}

std::string gzip(const std::string& data) {
  z_stream z{};
  // windowBits 15 + 16 writes the gzip header and trailer; level 5 keeps a list page
  // well under a millisecond.
  if (deflateInit2(&z, 5, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}

void maybe_gzip(Response& res, const std::string& accept_encoding) {
  constexpr size_t kMinBytes = 1024;
  if (res.body.size() < kMinBytes || !accepts_gzip(accept_encoding)) return;
  const std::string& type = res.content_type;
  bool text = type.rfind("application/json", 0) == 0 || type.rfind("text/", 0) == 0;
  if (!text) return;
  for (const auto& [name, value] : res.headers)
    if (name == "Content-Encoding") return;
  res.body = gzip(res.body);
  res.headers.emplace_back("Content-Encoding", "gzip");
  res.headers.emplace_back("Vary", "Accept-Encoding");
}

}  // namespace yilian::http

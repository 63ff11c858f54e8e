// How long a request's body is, judged from its header alone, before any body byte is read.
// A request whose length two parties could read differently (a proxy and this server,
// RFC 9112 §6.3, "request smuggling") is refused: 400 and the connection closed, so the
// bytes that follow are never answered as a next request. Beast-free, so it is unit tested
// and fuzzed apart from the socket code.
//
// Accepted: no Content-Length and no Transfer-Encoding (no body); exactly one Content-Length
// holding one decimal number; or exactly one Transfer-Encoding whose value is `chunked`
// (any case, surrounding spaces allowed) on HTTP/1.1, without Content-Length. Everything else
// is refused: any other coding or list of codings (`gzip`, `identity`, `chunked, gzip`,
// `gzip, chunked`), Transfer-Encoding repeated, Content-Length together with
// Transfer-Encoding, Content-Length repeated (even with the same value) or as a list
// (`5, 5`), and Transfer-Encoding on HTTP/1.0.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yilian::http {

struct HeaderField {
  std::string_view name;  // as received, any case
  std::string_view value;
};

struct FramingProblem {
  std::string header;   // "content-length" or "transfer-encoding": the answer's `field`
  std::string message;  // Chinese, for the answer's `message`
};

// `version` is 10 for HTTP/1.0 and 11 for HTTP/1.1, as Beast reports it.
std::optional<FramingProblem> framing_problem(const std::vector<HeaderField>& fields, unsigned version);

// The error code of every refused framing.
inline constexpr const char* kBadFramingCode = "bad_framing";

}  // namespace yilian::http

// gzip for API answers on slow connections: a county's mobile network carries a list page
// or the OpenAPI document in a third of the time. Static files are compressed at build
// time instead (web/scripts/precompress.mjs).
#pragma once
#include <string>

#include "http/request.h"

namespace yilian::http {

// The request's Accept-Encoding allows gzip ("gzip, br"; not "gzip;q=0").
bool accepts_gzip(const std::string& accept_encoding);

// gzip-compressed bytes of `data` (RFC 1952).
std::string gzip(const std::string& data);

// Compresses the body in place when the client accepts gzip and it is worth it (text of
// 1 KB or more that is not compressed already); adds Content-Encoding and Vary.
void maybe_gzip(Response& res, const std::string& accept_encoding);

}  // namespace yilian::http

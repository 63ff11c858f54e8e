// What the server makes of the bytes a client sends on one connection, without a socket:
// the same Beast parser, limits, framing judgement (http/framing.h) and conversion to a
// Request as a server session, run over a buffer. For the fuzz target and tests; the
// server itself reads from the socket (beast_server.cpp).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"

namespace yilian::http {

struct WireResult {
  std::vector<Request> requests;  // what the app would be asked to answer, in order
  // Set when the connection ends with an error answer (400 bad_framing / bad_request,
  // 413): nothing after it is read as a request.
  int error_status = 0;
  std::string error_code;
  bool closed = false;      // the last request asked to close (Connection: close, HTTP/1.0)
  bool incomplete = false;  // bytes left over that do not make a whole request yet
};

WireResult parse_wire(std::string_view bytes, std::size_t body_limit);

}  // namespace yilian::http

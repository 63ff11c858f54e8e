// Plain request/response types. Nothing here includes Boost.Beast: only
// beast_server.cpp does, so the rest of the code compiles fast.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace yilian::http {

struct Request {
  std::string method;  // upper case: GET, POST, PUT, PATCH, DELETE
  std::string path;    // percent-decoded, without the query string
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote_addr;
  std::vector<std::string> path_params;  // values of {placeholders}, in order

  const std::string& header(const std::string& lower_name) const;
  // The query parameter or `fallback` when absent.
  std::string query_or(const std::string& key, const std::string& fallback = "") const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response json(const nlohmann::json& j, int status = 200);
  static Response error(int status, const std::string& code, const std::string& message,
                        const std::string& field = "");
};

// Splits "a=1&b=%E4%B8%AD" into a map, decoding '+' and percent escapes.
std::map<std::string, std::string> parse_query(const std::string& qs);
std::string percent_decode(const std::string& s, bool plus_is_space);

}  // namespace yilian::http

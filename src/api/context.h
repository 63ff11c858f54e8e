// What a handler gets: the worker's database connection, the request, and the
// authenticated user (absent only on public routes such as login and health).
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "auth/principal.h"
#include "http/request.h"
#include "store/db.h"

namespace yilian::api {

struct Context {
  store::Db& db;
  http::Request& req;
  const auth::Principal* user = nullptr;

  const auth::Principal& me() const;
  // The body as a JSON object; 400 when it is not valid JSON or not an object.
  nlohmann::json json_body() const;
  // The i-th {placeholder} of the path as a positive integer id; 404 otherwise.
  int64_t path_id(size_t i = 0) const;
  const std::string& path_param(size_t i = 0) const;
};

// Paging parameters shared by every list: ?page=1&page_size=50 (max 500).
struct Page {
  int64_t page = 1;
  int64_t size = 50;
  int64_t offset() const { return (page - 1) * size; }
};
Page parse_page(const http::Request& req);

// An optional id in the query string (?relationship_id=12): 0 when absent, 400 naming
// the parameter when it is not a positive integer.
int64_t query_id(const http::Request& req, const std::string& key);
// An optional integer in the query string within [min, max]: `fallback` when absent or
// empty, 400 bad_query naming the parameter for anything else ("8abc", "1e3", " 8").
int64_t query_int(const http::Request& req, const std::string& key, int64_t fallback, int64_t min, int64_t max);
// The whole text as a decimal integer (optional leading '-'), nothing before or after.
std::optional<int64_t> parse_integer(const std::string& text);
nlohmann::json page_json(const Page& p, int64_t total, nlohmann::json items);

}  // namespace yilian::api

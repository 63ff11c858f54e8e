#include "api/context.h"

#include <charconv>
#include <limits>

#include "common/error.h"
#include "common/json_text.h"

namespace yilian::api {

const auth::Principal& Context::me() const {
  if (!user) common::unauthorized();
  return *user;
}

nlohmann::json Context::json_body() const {
  if (req.body.empty()) common::bad_request("empty_body", "请求体不能为空");
  bool too_deep = false;
  nlohmann::json j = common::parse_untrusted_json(req.body, &too_deep);
  if (too_deep)
    common::bad_request("malformed_json",
                        "请求体JSON嵌套超过" + std::to_string(common::kMaxJsonDepth) + "层,系统不予处理");
  if (j.is_discarded()) common::bad_request("malformed_json", "请求体不是合法的JSON");
  if (!j.is_object()) common::bad_request("malformed_json", "请求体须为JSON对象");
  return j;
}

const std::string& Context::path_param(size_t i) const {
  if (i >= req.path_params.size()) common::not_found();
  return req.path_params[i];
}

int64_t Context::path_id(size_t i) const {
  const std::string& s = path_param(i);
  int64_t id = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || p != s.data() + s.size() || id <= 0) common::not_found();
  return id;
}

static constexpr int64_t kNoMax = std::numeric_limits<int64_t>::max();

static int64_t parse_positive(const http::Request& req, const std::string& key, int64_t fallback, int64_t max) {
  auto it = req.query.find(key);
  if (it == req.query.end() || it->second.empty()) return fallback;
  int64_t v = 0;
  auto [p, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
  if (ec != std::errc() || p != it->second.data() + it->second.size() || v < 1 || v > max)
    common::bad_request("bad_query",
                        "参数 " + key + (max == kNoMax ? " 须为正整数" : " 须为1到" + std::to_string(max) + "之间的整数"),
                        key);
  return v;
}

int64_t query_id(const http::Request& req, const std::string& key) {
  return parse_positive(req, key, 0, kNoMax);
}

std::optional<int64_t> parse_integer(const std::string& text) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || p != text.data() + text.size()) return std::nullopt;
  return v;
}

int64_t query_int(const http::Request& req, const std::string& key, int64_t fallback, int64_t min, int64_t max) {
  auto it = req.query.find(key);
  if (it == req.query.end() || it->second.empty()) return fallback;
  auto v = parse_integer(it->second);
  if (!v || *v < min || *v > max)
    common::bad_request("bad_query",
                        "参数 " + key + " 须为" + std::to_string(min) + "到" + std::to_string(max) + "之间的整数", key);
  return *v;
}

Page parse_page(const http::Request& req) {
  Page p;
  p.page = parse_positive(req, "page", 1, 1000000);
  p.size = parse_positive(req, "page_size", 50, 500);
  return p;
}

nlohmann::json page_json(const Page& p, int64_t total, nlohmann::json items) {
  return {{"items", std::move(items)}, {"total", total}, {"page", p.page}, {"page_size", p.size}};
}

}  // namespace yilian::api

// The error every handler throws for a client mistake. The HTTP layer renders it as
// {"error":{"code","message","field"}} with `status`; `message` is Chinese, for people.
#pragma once
#include <stdexcept>
#include <string>

namespace yilian::common {

struct ApiError : std::runtime_error {
  int status;
  std::string code;
  std::string field;
  ApiError(int status, std::string code, const std::string& message, std::string field = "")
      : std::runtime_error(message), status(status), code(std::move(code)), field(std::move(field)) {}
};

// Shorthands for the common cases, so handlers read as the rule they enforce.
[[noreturn]] void bad_request(const std::string& code, const std::string& message, const std::string& field = "");
[[noreturn]] void invalid(const std::string& field, const std::string& message);  // 422 validation_failed
[[noreturn]] void not_found(const std::string& message = "记录不存在或无权访问");
[[noreturn]] void forbidden(const std::string& message = "无权执行此操作");
[[noreturn]] void conflict(const std::string& code, const std::string& message, const std::string& field = "");
[[noreturn]] void unauthorized(const std::string& message = "请先登录");

}  // namespace yilian::common

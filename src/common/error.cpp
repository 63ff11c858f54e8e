#include "common/error.h"

namespace yilian::common {

void bad_request(const std::string& code, const std::string& message, const std::string& field) {
  throw ApiError(400, code, message, field);
}
void invalid(const std::string& field, const std::string& message) {
  throw ApiError(422, "validation_failed", message, field);
}
void not_found(const std::string& message) { throw ApiError(404, "not_found", message); }
void forbidden(const std::string& message) { throw ApiError(403, "forbidden", message); }
void conflict(const std::string& code, const std::string& message, const std::string& field) {
  throw ApiError(409, code, message, field);
}
void unauthorized(const std::string& message) { throw ApiError(401, "unauthorized", message); }

}  // namespace yilian::common

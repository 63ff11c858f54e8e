#include "common/mask.h"

namespace yilian::common {

std::string mask_id_number(const std::string& id) {
  if (id.size() <= 10) {
    size_t keep = id.size() < 4 ? 0 : 4;
    return std::string(id.size() - keep, '*') + id.substr(id.size() - keep);
  }
  return id.substr(0, 6) + std::string(id.size() - 10, '*') + id.substr(id.size() - 4);
}

std::string mask_phone(const std::string& phone) {
  if (phone.size() < 7) return std::string(phone.size(), '*');
  return phone.substr(0, 3) + std::string(phone.size() - 7, '*') + phone.substr(phone.size() - 4);
}

std::string mask_birth_date(const std::string& date) { return date.empty() ? date : "****-**-**"; }

}  // namespace yilian::common

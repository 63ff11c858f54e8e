// Masking of personal data for lists, exports meant for display, and logs.
#pragma once
#include <string>

namespace yilian::common {

// "370102199001011234" → "370102********1234": keeps the region and the last four.
std::string mask_id_number(const std::string& id);
// "13812345678" → "138****5678".
std::string mask_phone(const std::string& phone);

}  // namespace yilian::common

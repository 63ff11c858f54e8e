// Masking of personal data for lists, exports meant for display, and logs.
#pragma once
#include <string>

namespace yilian::common {

// "370102199001011234" → "370102********1234": keeps the region and the last four.
std::string mask_id_number(const std::string& id);
// "13812345678" → "138****5678".
std::string mask_phone(const std::string& phone);
// "1990-01-01" → "****-**-**". The masked ID number keeps every digit but the eight of
// the birth date, so whoever sees it masked must not see the birth date either: with
// both hidden, ≈2,300 valid numbers fit what remains visible (docs/SECURITY.md).
std::string mask_birth_date(const std::string& date);

}  // namespace yilian::common

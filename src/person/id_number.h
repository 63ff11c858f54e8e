// 居民身份证号码 (GB 11643-1999): 17 digits + check character, with the birth date and
// sex encoded inside. Also the phone number format used for staff and residents.
#pragma once
#include <string>

namespace yilian::person {

struct IdNumberInfo {
  bool valid = false;
  std::string problem;     // Chinese reason when invalid
  std::string birth_date;  // YYYY-MM-DD
  std::string sex;         // "1" male, "2" female (GB/T 2261.1)
};

IdNumberInfo check_id_number(const std::string& id);
char id_number_check_char(const std::string& first17);

// Mainland mobile (1[3-9] + 9 digits) or landline with area code (0xxx-xxxxxxx).
bool is_valid_phone(const std::string& phone);

}  // namespace yilian::person

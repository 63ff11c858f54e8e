#include "person/id_number.h"

#include <regex>

#include "common/clock.h"

namespace yilian::person {

char id_number_check_char(const std::string& first17) {
  static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char map[] = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * weights[i];
  return map[sum % 11];
}

IdNumberInfo check_id_number(const std::string& id) {
  IdNumberInfo info;
  if (id.size() != 18) {
    info.problem = "身份证号须为18位";
    return info;
  }
  for (int i = 0; i < 17; ++i)
    if (id[i] < '0' || id[i] > '9') {
      info.problem = "身份证号前17位须为数字";
      return info;
    }
  char last = id[17];
  if (!((last >= '0' && last <= '9') || last == 'X')) {
    info.problem = "身份证号末位须为数字或大写X";
    return info;
  }
  int province = (id[0] - '0') * 10 + (id[1] - '0');
  if (province < 11 || province > 82) {
    info.problem = "身份证号地址码无效";
    return info;
  }
  std::string date = id.substr(6, 4) + "-" + id.substr(10, 2) + "-" + id.substr(12, 2);
  if (!common::is_valid_date(date) || date > common::today()) {
    info.problem = "身份证号中的出生日期无效";
    return info;
  }
  if (id_number_check_char(id.substr(0, 17)) != last) {
    info.problem = "身份证号校验位错误";
    return info;
  }
  info.valid = true;
  info.birth_date = date;
  info.sex = ((id[16] - '0') % 2 == 1) ? "1" : "2";
  return info;
}

bool is_valid_phone(const std::string& phone) {
  static const std::regex mobile("^1[3-9][0-9]{9}$");
  static const std::regex landline("^0[0-9]{2,3}-?[0-9]{7,8}$");
  return std::regex_match(phone, mobile) || std::regex_match(phone, landline);
}

}  // namespace yilian::person

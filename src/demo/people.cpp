#include "demo/people.h"

#include <cstdio>
#include <vector>

#include "demo/names.h"
#include "person/id_number.h"

namespace yilian::demo {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

// Mobile network prefixes in use (China Mobile, Unicom, Telecom), so numbers look real.
const std::vector<const char*>& mobile_prefixes() {
  static const std::vector<const char*> p = {"134", "135", "136", "137", "138", "139", "147", "150", "151", "152",
                                             "157", "158", "159", "178", "182", "183", "184", "187", "188", "198",
                                             "130", "131", "132", "155", "156", "166", "175", "176", "185", "186",
                                             "133", "153", "173", "177", "180", "181", "189", "191", "199"};
  return p;
}

}  // namespace

std::string PersonFactory::birth_date(int age) {
  int year = kReferenceYear - 1 - age;
  int day_of_year = static_cast<int>(rng_.below(leap(year) ? 366 : 365));
  int month = 1;
  while (day_of_year >= days_in_month(year, month)) day_of_year -= days_in_month(year, month++);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day_of_year + 1);
  return buf;
}

std::string PersonFactory::mobile_phone() {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%08llu", mobile_prefixes()[rng_.below(mobile_prefixes().size())],
                static_cast<unsigned long long>(rng_.below(100000000)));
  return buf;
}

Person PersonFactory::make(const std::string& address_code, const std::string& sex, int age) {
  Person p;
  p.sex = sex;
  p.name = chinese_name(rng_, sex);
  p.phone = mobile_phone();
  // GB 11643: address(6) + birth date(8) + sequence(3, odd for men, even for women) + check.
  for (;;) {
    p.birth_date = birth_date(age);
    int sequence = static_cast<int>(rng_.below(500)) * 2 + (sex == "1" ? 1 : 0);
    char seq[16];
    std::snprintf(seq, sizeof seq, "%03d", sequence);
    std::string first17 =
        address_code + p.birth_date.substr(0, 4) + p.birth_date.substr(5, 2) + p.birth_date.substr(8, 2) + seq;
    p.id_number = first17 + person::id_number_check_char(first17);
    if (used_ids_.insert(p.id_number).second) return p;
  }
}

}  // namespace yilian::demo

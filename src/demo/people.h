// Synthetic people with internally consistent identity data: the 18-digit 居民身份证号码
// carries the birth-place county, the birth date and the sex, and its check character
// is computed, so every record passes person::check_id_number.
#pragma once
#include <string>
#include <unordered_set>

#include "demo/random.h"

namespace yilian::demo {

// Ages are counted at this date, not at today's, so a seed gives the same data every year.
inline constexpr int kReferenceYear = 2026;

struct Person {
  std::string name;
  std::string sex;         // "1" male, "2" female
  std::string birth_date;  // YYYY-MM-DD
  std::string id_number;
  std::string phone;  // mainland mobile number
};

class PersonFactory {
 public:
  explicit PersonFactory(Random& rng) : rng_(rng) {}
  // A person born in the county `address_code` (six digits) during the year that makes
  // them `age` at the end of kReferenceYear - 1. ID numbers never repeat within one factory.
  Person make(const std::string& address_code, const std::string& sex, int age);

 private:
  std::string birth_date(int age);
  std::string mobile_phone();

  Random& rng_;
  std::unordered_set<std::string> used_ids_;
};

}  // namespace yilian::demo

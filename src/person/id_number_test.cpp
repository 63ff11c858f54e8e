#include "person/id_number.h"

#include <gtest/gtest.h>

namespace yilian::person {

// Builds a valid number from 17 digits by appending the computed check character.
static std::string with_check(const std::string& first17) { return first17 + id_number_check_char(first17); }

TEST(IdNumber, AcceptsValidNumberAndDecodesBirthAndSex) {
  std::string id = with_check("11010519491231002");
  auto info = check_id_number(id);
  ASSERT_TRUE(info.valid) << info.problem;
  EXPECT_EQ(info.birth_date, "1949-12-31");
  EXPECT_EQ(info.sex, "2");  // 17th digit 2 is even: female
  auto male = check_id_number(with_check("37010219800101001"));
  ASSERT_TRUE(male.valid);
  EXPECT_EQ(male.sex, "1");
}

TEST(IdNumber, KnownPublishedExampleHasCheckX) {
  // GB 11643-1999 appendix example.
  EXPECT_EQ(id_number_check_char("11010519491231002"), 'X');
  EXPECT_TRUE(check_id_number("11010519491231002X").valid);
}

TEST(IdNumber, RejectsWrongChecksum) {
  auto info = check_id_number("110105194912310021");
  EXPECT_FALSE(info.valid);
  EXPECT_EQ(info.problem, "身份证号校验位错误");
}

TEST(IdNumber, RejectsImpossibleDatesLengthAndCharacters) {
  EXPECT_FALSE(check_id_number(with_check("11010519490230002")).valid);  // 30 February
  EXPECT_FALSE(check_id_number(with_check("11010521000101002")).valid);  // in the future
  EXPECT_FALSE(check_id_number("1101051949123100").valid);
  EXPECT_FALSE(check_id_number("11010519491231002x").valid);  // lower-case x
  EXPECT_FALSE(check_id_number("A1010519491231002X").valid);
  EXPECT_FALSE(check_id_number(with_check("99010519491231002")).valid);  // no such province
}

TEST(Phone, AcceptsMobileAndLandline) {
  EXPECT_TRUE(is_valid_phone("13812345678"));
  EXPECT_TRUE(is_valid_phone("0531-88776655"));
  EXPECT_FALSE(is_valid_phone("12812345678"));
  EXPECT_FALSE(is_valid_phone("1381234567"));
  EXPECT_FALSE(is_valid_phone("phone"));
}

}  // namespace yilian::person

// Identity documents (src/person/identity.h) as a table of cases: each row is a document
// type, what a person typed, and what the module must make of it.
#include "person/identity.h"

#include <gtest/gtest.h>

namespace yilian::person {
namespace {

struct Case {
  const char* name;  // the case, as a sentence in identifier form
  IdType type;
  std::string input;
  bool valid;
  std::string number;   // normalised, when valid
  std::string key;      // identity key, when valid
  std::string problem;  // a part of the Chinese message, when invalid
  std::string birth_date = "";
  std::string sex = "";
};

const Case kCases[] = {
    // 居民身份证 (GB 11643), checked by person::check_id_number.
    {"ResidentIdIsValidAndImpliesBirthAndMaleSex", IdType::resident_id, "370102198001011237", true,
     "370102198001011237", "370102198001011237", "", "1980-01-01", "1"},
    {"ResidentIdPublishedExampleWithCheckXImpliesFemale", IdType::resident_id, "11010519491231002X", true,
     "11010519491231002X", "11010519491231002X", "", "1949-12-31", "2"},
    {"ResidentIdLowerCaseXAndSpacesAreNormalised", IdType::resident_id, " 370102 19900228 002x ", true,
     "37010219900228002X", "37010219900228002X", "", "1990-02-28", "2"},
    {"ResidentIdInFullWidthDigitsIsFolded", IdType::resident_id, "３７１３２７２０００02290046", true,
     "371327200002290046", "371327200002290046", "", "2000-02-29", "2"},
    {"ResidentIdWithIdeographicSpaceIsFolded", IdType::resident_id, "440304\u3000199912315676", true,
     "440304199912315676", "440304199912315676", "", "1999-12-31", "1"},
    {"ResidentIdWithWrongCheckIsRefused", IdType::resident_id, "370102198001011234", false, "", "", "校验位错误"},
    {"ResidentIdOfSeventeenDigitsIsRefused", IdType::resident_id, "37010219800101123", false, "", "", "须为18位"},
    {"ResidentIdWithImpossibleDateIsRefused", IdType::resident_id, "370102198002300000", false, "", "",
     "出生日期无效"},
    {"ResidentIdWithLetterInsideIsRefused", IdType::resident_id, "3701021980A101123X", false, "", "", "前17位须为数字"},
    {"EmptyNumberIsRefused", IdType::resident_id, "  ", false, "", "", "请填写证件号码"},
    {"OverlongInputIsRefused", IdType::passport, std::string(80, '1'), false, "", "", "过长"},
    // 护照: letters and digits, as printed.
    {"ChinesePassportIsValid", IdType::passport, "E12345678", true, "E12345678", "E12345678", ""},
    {"PassportLowerCaseIsUpperCased", IdType::passport, "ea1234567", true, "EA1234567", "EA1234567", ""},
    {"ForeignPassportWithLettersAndDigitsIsValid", IdType::passport, "X1234567890AB", true, "X1234567890AB",
     "X1234567890AB", ""},
    {"PassportTooShortIsRefused", IdType::passport, "E123", false, "", "", "5至20位"},
    {"PassportWithPunctuationIsRefused", IdType::passport, "E1234-5678", false, "", "", "字母或数字"},
    {"PassportWithoutDigitIsRefused", IdType::passport, "ABCDEFG", false, "", "", "须含数字"},
    // 港澳居民来往内地通行证: H/M + 8 digits, or the 1999 card's H/M + 10 digits.
    {"HongKongPermitIsValid", IdType::hk_macao_permit, "H12345678", true, "H12345678", "H12345678", ""},
    {"MacaoPermitLowerCaseIsValid", IdType::hk_macao_permit, "m87654321", true, "M87654321", "M87654321", ""},
    {"OldPermitKeysOnTheLifelongNumberSoARenewalFindsThePerson", IdType::hk_macao_permit, "H1234567801", true,
     "H1234567801", "H12345678", ""},
    {"PermitWithOtherLetterIsRefused", IdType::hk_macao_permit, "A12345678", false, "", "", "H或M"},
    {"PermitWithNineDigitsIsRefused", IdType::hk_macao_permit, "H123456789", false, "", "", "H或M"},
    // 台湾居民来往大陆通行证: 8 digits.
    {"TaiwanPermitIsValid", IdType::taiwan_permit, "12345678", true, "12345678", "12345678", ""},
    {"TaiwanPermitOfTenDigitsIsRefused", IdType::taiwan_permit, "1234567890", false, "", "", "8位数字"},
    {"TaiwanPermitWithLetterIsRefused", IdType::taiwan_permit, "T1234567", false, "", "", "8位数字"},
    // 外国人永久居留身份证: 2023 card (9 + 16 digits + MOD 11-2), older 3 letters + 12 digits.
    {"NewForeignPermanentIdIsValid", IdType::foreign_permanent_id, "911015619901010011", true,
     "911015619901010011", "911015619901010011", ""},
    {"NewForeignPermanentIdWithCheckXIsValid", IdType::foreign_permanent_id, "91101561990101002x", true,
     "91101561990101002X", "91101561990101002X", ""},
    {"NewForeignPermanentIdWithWrongCheckIsRefused", IdType::foreign_permanent_id, "911015619901010012", false, "",
     "", "校验位错误"},
    {"CitizenNumberIsNoForeignPermanentId", IdType::foreign_permanent_id, "370102198001011237", false, "", "",
     "须以9开头"},
    {"OldForeignPermanentIdIsValid", IdType::foreign_permanent_id, "usa110619900101", true, "USA110619900101",
     "USA110619900101", ""},
    {"OldForeignPermanentIdWithDigitsFirstIsRefused", IdType::foreign_permanent_id, "1SA110619900101", false, "", "",
     "3位字母加12位数字"},
    {"ForeignPermanentIdOfOtherLengthIsRefused", IdType::foreign_permanent_id, "USA1106199001", false, "", "",
     "18位(新版)或15位(旧版)"},
};

class IdentityDocument : public ::testing::TestWithParam<Case> {};

TEST_P(IdentityDocument, IsJudgedAsTheTableSays) {
  const Case& c = GetParam();
  IdDocument d = check_id_document(c.type, c.input);
  ASSERT_EQ(d.valid, c.valid) << c.input << ": " << d.problem;
  if (c.valid) {
    EXPECT_EQ(d.number, c.number);
    EXPECT_EQ(d.identity_key, c.key);
    EXPECT_EQ(d.problem, "");
  } else {
    EXPECT_NE(d.problem.find(c.problem), std::string::npos) << d.problem;
  }
  EXPECT_EQ(d.birth_date, c.birth_date);
  EXPECT_EQ(d.sex, c.sex);
}

INSTANTIATE_TEST_SUITE_P(Cases, IdentityDocument, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(IdentityDocumentTypes, EveryTypeHasACodeAndAChineseLabelAndParsesBack) {
  ASSERT_EQ(id_type_choices().size(), 5u);
  for (const auto& [code, label] : id_type_choices()) {
    auto t = parse_id_type(code);
    ASSERT_TRUE(t) << code;
    EXPECT_EQ(id_type_label(*t), label);
  }
  EXPECT_EQ(parse_id_type("身份证"), std::nullopt);
  EXPECT_EQ(parse_id_type(""), std::nullopt);
}

}  // namespace
}  // namespace yilian::person

// How a person is shown (src/person/mask.h): in full to those who may, otherwise masked so
// that nothing in the answer undoes the mask (hardening issue, item 5).
#include "person/mask.h"

#include <gtest/gtest.h>

#include "calendar/date.h"
#include "person/id_number.h"

namespace yilian::person {
namespace {

Person zhang() {
  Person p;
  p.id = 7;
  p.version = 3;
  p.id_type = "resident_id";
  p.id_number = "370102198001011237";
  p.name = "张明";
  p.sex = "1";
  p.birth_date = "1980-01-01";
  p.phone = "13812345678";
  p.address_region = "370102001001";
  p.address = "甲村幸福路12号";
  p.notes = "左耳听力差";
  return p;
}

// Valid 身份证 numbers, born 1940–2009, that fit what a masked view still shows.
int candidates(const nlohmann::json& shown) {
  std::string masked = shown["id_number"];
  int n = 0;
  for (int day = calendar::day_number("1940-01-01"); day <= calendar::day_number("2009-12-31"); ++day) {
    std::string d = calendar::date_from_day_number(day);
    std::string first17 = masked.substr(0, 6) + d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2) + masked.substr(14, 3);
    bool sex_fits = ((first17[16] - '0') % 2 == 1 ? "1" : "2") == shown["sex"];
    if (person::id_number_check_char(first17) == masked[17] && sex_fits) ++n;
  }
  return n;
}

}  // namespace

TEST(PersonMask, TheFullViewShowsEverything) {
  auto j = render(zhang(), View::full);
  EXPECT_EQ(j["id_number"], "370102198001011237");
  EXPECT_EQ(j["birth_date"], "1980-01-01");
  EXPECT_EQ(j["phone"], "13812345678");
  EXPECT_EQ(j["address"], "甲村幸福路12号");
  EXPECT_EQ(j["notes"], "左耳听力差");
  EXPECT_EQ(j["id_type_label"], "居民身份证");
  EXPECT_EQ(j["masked"], false);
}

TEST(PersonMask, TheMaskedViewHidesTheBirthDateWithTheIdNumberAndReducesTheAddressToItsRegion) {
  auto j = render(zhang(), View::masked);
  EXPECT_EQ(j["id_number"], "370102********1237");
  EXPECT_EQ(j["birth_date"], "****-**-**");
  EXPECT_EQ(j["phone"], "138****5678");
  EXPECT_TRUE(j["address"].is_null());
  EXPECT_EQ(j["address_region"], "370102001001");
  EXPECT_TRUE(j["notes"].is_null());
  EXPECT_EQ(j["name"], "张明");
  EXPECT_EQ(j["masked"], true);
  std::string all = j.dump();
  for (const char* hidden : {"19800101", "1980-01-01", "12345678", "幸福路", "听力"})
    EXPECT_EQ(all.find(hidden), std::string::npos) << hidden;
}

TEST(PersonMask, WhatTheMaskedViewShowsFitsThousandsOfIdNumbers) {
  EXPECT_GT(candidates(render(zhang(), View::masked)), 1000);
}

TEST(PersonMask, OtherDocumentsKeepOnlyTheirLastFourCharacters) {
  Person p = zhang();
  p.id_type = "passport";
  p.id_number = "E12345678";
  EXPECT_EQ(render(p, View::masked)["id_number"], "*****5678");
  EXPECT_EQ(render(p, View::masked)["birth_date"], "****-**-**");
  p.id_type = "hk_macao_permit";
  p.id_number = "H1234567801";
  EXPECT_EQ(render(p, View::masked)["id_number"], "*******7801");
  p.id_type = "foreign_permanent_id";
  p.id_number = "USA110619900101";
  EXPECT_EQ(render(p, View::masked)["id_number"], "***********0101");
  EXPECT_EQ(mask_document_number("taiwan_permit", "1234"), "****");
}

TEST(PersonMask, WithoutADocumentThereIsNothingToUnmaskAndTheBirthDateShows) {
  Person p = zhang();
  p.id_type = p.id_number = p.phone = "";
  auto j = render(p, View::masked);
  EXPECT_TRUE(j["id_number"].is_null());
  EXPECT_TRUE(j["phone"].is_null());
  EXPECT_EQ(j["birth_date"], "1980-01-01");
}

TEST(PersonMask, OnlyTheAdministratorSeesPersonsInFullForNow) {
  for (auto role : {auth::Role::bureau, auth::Role::hospital, auth::Role::township, auth::Role::doctor,
                    auth::Role::village_doctor}) {
    auth::Principal p;
    p.role = role;
    EXPECT_EQ(view_for(p), View::masked) << auth::role_name(role);
  }
  auth::Principal admin;
  admin.role = auth::Role::admin;
  EXPECT_EQ(view_for(admin), View::full);
}

}  // namespace yilian::person

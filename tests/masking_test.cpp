// A masked ID number must not be undone from what the same answer shows beside it
// (hardening issue, item 5). The mask keeps the region (6 digits) and the last four; the
// hidden eight are the birth date, so whoever sees the number masked sees the birth date
// masked too — in lists, CSV and xlsx exports, the registry export and the audit trail.
#include <set>

#include "calendar/date.h"
#include "io/table.h"
#include "person/id_number.h"
#include "fixture/fixture.h"

namespace yilian::testing {

using nlohmann::json;

class Masking : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    const char* births[] = {"19760312", "19810101", "19850229", "19880630", "19901115", "19930708", "19960229",
                            "19991231", "20000101", "19790909"};
    int seq = 11;
    for (const char* birth : births) {
      if (std::string(birth) == "19850229") birth = "19840229";  // 1985 is no leap year
      std::string first17 = std::string("370102") + birth + std::to_string(100 + seq++).substr(0, 3);
      std::string id = first17 + person::id_number_check_char(first17);
      auto r = post("/api/v1/staff", "township_a1",
                    {{"institution_id", seed.township_a1}, {"name", "职工" + std::to_string(seq)}, {"id_number", id},
                     {"profession", "clinical"}, {"phone", "13812345678"}});
      ASSERT_EQ(r.status, 201) << r.raw;
      full[r.body["id"].get<int64_t>()] = id;
    }
  }

  // The attack that worked: put the row's birth date into the eight stars.
  static std::string rebuilt(const std::string& masked, const std::string& birth_date) {
    if (masked.size() != 18 || birth_date.size() != 10) return "";
    std::string digits = birth_date.substr(0, 4) + birth_date.substr(5, 2) + birth_date.substr(8, 2);
    return masked.substr(0, 6) + digits + masked.substr(14);
  }

  // How many valid numbers fit what a masked row still shows, over 1940–2009.
  static int candidates(const std::string& masked) {
    int n = 0;
    for (int day = calendar::day_number("1940-01-01"); day <= calendar::day_number("2009-12-31"); ++day) {
      std::string date = calendar::date_from_day_number(day);
      std::string first17 = masked.substr(0, 6) + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) +
                            masked.substr(14, 3);
      if (person::id_number_check_char(first17) == masked[17]) ++n;
    }
    return n;
  }

  void expect_not_rebuildable(const std::string& where, const std::string& masked, const std::string& birth) {
    ++rows_checked;
    EXPECT_NE(masked.find('*'), std::string::npos) << where << ": " << masked;
    EXPECT_EQ(birth.find_first_of("0123456789"), std::string::npos) << where << ": the birth date is shown as " << birth;
    std::string guess = rebuilt(masked, birth);
    for (const auto& [id, number] : full) EXPECT_NE(guess, number) << where;
  }

  std::map<int64_t, std::string> full;
  int rows_checked = 0;
};

TEST_F(Masking, ListsAndExportsNeverShowTheBirthDateBesideAMaskedIdNumber) {
  auto list = get("/api/v1/staff?institution_id=" + std::to_string(seed.township_a1) + "&page_size=100", "township_a1");
  ASSERT_EQ(list.status, 200) << list.raw;
  for (const auto& row : list.body["items"]) {
    if (row["id_number"].is_null()) continue;
    expect_not_rebuildable("list", row["id_number"], row["birth_date"]);
  }
  for (const char* format : {"csv", "xlsx"}) {
    for (const std::string& path : {std::string("/api/v1/staff?format=") + format, std::string("/api/v1/export/staff?format=") + format}) {
      auto r = call("GET", path, "township_a1");
      ASSERT_EQ(r.status, 200) << path << " " << r.raw.substr(0, 200);
      io::Table t = io::read_table(r.raw, std::string(format) == "csv" ? io::TableFormat::csv : io::TableFormat::xlsx);
      ASSERT_FALSE(t.empty());
      auto col = [&](const char* name) { return std::find(t[0].begin(), t[0].end(), name) - t[0].begin(); };
      size_t id_col = col("身份证号"), birth_col = col("出生日期");
      ASSERT_LT(id_col, t[0].size()) << path;
      ASSERT_LT(birth_col, t[0].size()) << path;
      for (size_t i = 1; i < t.size(); ++i)
        if (!t[i][id_col].empty()) expect_not_rebuildable(path, t[i][id_col], t[i][birth_col]);
    }
  }
  EXPECT_GE(rows_checked, 50);
}

TEST_F(Masking, TheAuditTrailMasksTheBirthDateWithTheIdNumber) {
  auto r = get("/api/v1/audit?entity=staff&page_size=100", "bureau_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  int seen = 0;
  for (const auto& e : r.body["items"]) {
    const json& after = e["after"];
    if (!after.is_object() || !after["id_number"].is_string()) continue;
    expect_not_rebuildable("audit", after["id_number"], after["birth_date"]);
    ++seen;
  }
  EXPECT_EQ(seen, static_cast<int>(full.size()));
}

TEST_F(Masking, WhatAMaskedRowStillShowsFitsThousandsOfNumbers) {
  auto list = get("/api/v1/staff?institution_id=" + std::to_string(seed.township_a1) + "&page_size=100", "township_a1");
  for (const auto& row : list.body["items"]) {
    if (row["id_number"].is_null()) continue;
    EXPECT_GT(candidates(row["id_number"]), 1000) << row["id_number"];
  }
}

TEST_F(Masking, TheFullRecordStillShowsEverythingToThoseWhoMayEditIt) {
  int64_t id = full.begin()->first;
  auto r = get("/api/v1/staff/" + std::to_string(id), "township_a1");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["id_number"], full.begin()->second);
  EXPECT_EQ(r.body["birth_date"].get<std::string>().size(), 10u);
  EXPECT_NE(r.body["birth_date"].get<std::string>().find('-'), std::string::npos);
  // Sorting by a masked field would give its order back.
  EXPECT_EQ(get("/api/v1/staff?sort=birth_date", "township_a1").status, 400);
}

}  // namespace yilian::testing

// R6: the recipients' monthly operating statistics imported from a sheet (CSV or xlsx),
// the way hospitals and health centres keep them in Excel.
#include "io/table.h"
#include "fixture/fixture.h"
#include "support/operating_import.h"

namespace yilian::testing {

using nlohmann::json;

class OperatingImport : public ApiTest {
 protected:
  Reply import(const std::string& user, const std::string& body, const std::string& query = "") {
    return call("POST", "/api/v1/operating-stats/import" + query, user, nullptr, body);
  }
  // One stored figure, "" when the row or the figure is missing.
  std::string figure(const std::string& code, const std::string& month, const std::string& column) {
    auto r = db->query("SELECT CAST(s." + column + " AS TEXT) FROM operating_stat s JOIN institution i ON i.id = "
                       "s.institution_id WHERE i.code = ? AND s.month = ?",
                       {code, month});
    return r.empty() || r.rows[0][0].is_null() ? "" : r.rows[0][0].as_text();
  }
  int64_t writes() { return count("audit_log WHERE entity = 'operating_stat'"); }

  static constexpr const char* kSheet =
      "机构代码,机构名称,月份,门诊人次,住院人次,手术台次,医疗收入(元),床位使用率(%)\r\n"
      "T0001,解放路卫生院,2026-01,3200,85,12,450000,71.5\r\n"
      "T0001,解放路卫生院,2026/2,2900,80,,,\r\n"
      "H0002,历下区人民医院,2026年3月,\"41,230\",1320,410,,85.5%\r\n";
};

TEST_F(OperatingImport, MonthsAsSpreadsheetsWriteThem) {
  EXPECT_EQ(support::normalise_month("2026-03"), "2026-03");
  EXPECT_EQ(support::normalise_month("2026-3"), "2026-03");
  EXPECT_EQ(support::normalise_month("2026/3"), "2026-03");
  EXPECT_EQ(support::normalise_month("2026.11"), "2026-11");
  EXPECT_EQ(support::normalise_month("202611"), "2026-11");
  EXPECT_EQ(support::normalise_month("2026年3月"), "2026-03");
  for (const char* bad : {"2026-13", "2026-00", "26-3", "2026-03-01", "三月", ""})
    EXPECT_EQ(support::normalise_month(bad), bad) << bad;  // left for the entity to reject
}

TEST_F(OperatingImport, CreatesUpdatesAndLeavesUnchangedRowsWithAudit) {
  auto r = import("bureau_a", kSheet);
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["created"], 3);
  EXPECT_EQ(r.body["written"], true);
  EXPECT_EQ(figure("T0001", "2026-01", "outpatient_visits"), "3200");
  EXPECT_EQ(figure("T0001", "2026-02", "inpatient_admissions"), "80");
  EXPECT_EQ(figure("T0001", "2026-02", "surgeries"), "0");  // empty cell: the column default
  EXPECT_EQ(figure("H0002", "2026-03", "outpatient_visits"), "41230");
  EXPECT_EQ(std::stod(figure("H0002", "2026-03", "bed_occupancy_rate")), 85.5);
  EXPECT_EQ(writes(), 3 + 1);  // a create per row and the import itself
  EXPECT_EQ(count("audit_log WHERE entity = 'operating_stat' AND action = 'import'"), 1);

  // The same sheet again changes nothing.
  auto again = import("bureau_a", kSheet);
  ASSERT_EQ(again.status, 200) << again.raw;
  EXPECT_EQ(again.body["unchanged"], 3);
  EXPECT_EQ(count("audit_log WHERE entity = 'operating_stat' AND action = 'update'"), 0);

  // A corrected figure updates its row; an empty cell keeps what is stored.
  auto fix = import("bureau_a", "机构代码,月份,门诊人次,住院人次\r\nT0001,2026-01,3300,\r\n");
  ASSERT_EQ(fix.status, 200) << fix.raw;
  EXPECT_EQ(fix.body["updated"], 1);
  EXPECT_EQ(figure("T0001", "2026-01", "outpatient_visits"), "3300");
  EXPECT_EQ(figure("T0001", "2026-01", "inpatient_admissions"), "85");
  EXPECT_EQ(count("audit_log WHERE entity = 'operating_stat' AND action = 'update'"), 1);
  EXPECT_EQ(count("operating_stat"), 3);
}

TEST_F(OperatingImport, OneBadRowWritesNothingAndEachProblemNamesRowAndColumn) {
  std::string sheet =
      "机构代码,月份,门诊人次,床位使用率(%)\r\n"
      "T0001,2026-01,3200,70\r\n"      // good
      "T9999,2026-01,100,\r\n"         // unknown institution
      "T0001,2026-13,100,\r\n"         // no such month
      "T0001,2026-04,很多,\r\n"        // not a number
      "T0001,2026/1,1,\r\n"            // the same institution and month as row 2
      "T0001,2026-05,-5,\r\n"          // below the minimum
      ",2026-06,1,\r\n"                // no institution
      "T0001,2026-07,1,250\r\n";       // above the maximum
  int64_t audits = writes();
  auto r = import("bureau_a", sheet);
  ASSERT_EQ(r.status, 422) << r.raw;
  EXPECT_EQ(r.body["written"], false);
  std::vector<std::pair<int, std::string>> got;
  for (const auto& e : r.body["errors"]) {
    got.emplace_back(e["row"].get<int>(), e["field"].get<std::string>());
    EXPECT_FALSE(e["message"].get<std::string>().empty());
  }
  std::vector<std::pair<int, std::string>> want = {{3, "机构代码"},  {4, "月份"},     {5, "门诊人次"},
                                                   {6, "月份"},      {7, "门诊人次"}, {8, "机构代码"},
                                                   {9, "床位使用率(%)"}};
  EXPECT_EQ(got, want) << r.raw;
  EXPECT_NE(r.body["errors"][0]["message"].get<std::string>().find("T9999"), std::string::npos);
  EXPECT_NE(r.body["errors"][3]["message"].get<std::string>().find("第2行"), std::string::npos);
  EXPECT_EQ(count("operating_stat"), 0);
  EXPECT_EQ(writes(), audits);
}

TEST_F(OperatingImport, UnknownOrMissingColumnsAreNamedOnTheHeaderRow) {
  auto unknown = import("bureau_a", "机构代码,月份,门诊量\r\nT0001,2026-01,1\r\n");
  ASSERT_EQ(unknown.status, 422) << unknown.raw;
  EXPECT_EQ(unknown.body["errors"][0]["row"], 1);
  EXPECT_EQ(unknown.body["errors"][0]["field"], "门诊量");
  EXPECT_NE(unknown.body["errors"][0]["message"].get<std::string>().find("门诊人次"), std::string::npos);
  auto missing = import("bureau_a", "机构代码,门诊人次\r\nT0001,1\r\n");
  ASSERT_EQ(missing.status, 422) << missing.raw;
  EXPECT_EQ(missing.body["errors"][0]["field"], "月份");
  EXPECT_EQ(import("bureau_a", "").status, 422);
  EXPECT_EQ(count("operating_stat"), 0);
}

TEST_F(OperatingImport, EachRowIsWithinTheCallersScope) {
  // A township centre imports its own figures, not the county hospital's.
  auto own = import("township_a1", "机构代码,月份,门诊人次\r\nT0001,2026-01,3200\r\n");
  ASSERT_EQ(own.status, 200) << own.raw;
  auto other = import("township_a1", "机构代码,月份,门诊人次\r\nT0001,2026-02,3000\r\nH0002,2026-02,40000\r\n");
  ASSERT_EQ(other.status, 422) << other.raw;
  ASSERT_EQ(other.body["errors"].size(), 1u);
  EXPECT_EQ(other.body["errors"][0]["row"], 3);
  // Another county's bureau can neither add to nor change county A's figures.
  EXPECT_EQ(import("bureau_b", "机构代码,月份,门诊人次\r\nT0001,2026-03,1\r\n").status, 422);
  auto change = import("bureau_b", "机构代码,月份,门诊人次\r\nT0001,2026-01,1\r\n");
  ASSERT_EQ(change.status, 422) << change.raw;
  EXPECT_EQ(change.body["errors"][0]["field"], "机构代码");
  EXPECT_EQ(figure("T0001", "2026-01", "outpatient_visits"), "3200");
  EXPECT_EQ(count("operating_stat"), 1);
  // Field staff do not keep the statistics; nobody imports without signing in.
  EXPECT_EQ(import("doctor_a", kSheet).status, 403);
  EXPECT_EQ(import("", kSheet).status, 401);
  EXPECT_EQ(count("operating_stat"), 1);
}

TEST_F(OperatingImport, DryRunChecksEverythingAndWritesNothing) {
  int64_t audits = writes();
  auto r = import("bureau_a", kSheet, "?dry_run=1");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["created"], 3);
  EXPECT_EQ(r.body["dry_run"], true);
  EXPECT_EQ(r.body["written"], false);
  EXPECT_EQ(count("operating_stat"), 0);
  EXPECT_EQ(writes(), audits);
}

TEST_F(OperatingImport, ReadsXlsxAsWritten) {
  io::Table sheet = {{"机构代码", "月份", "门诊人次", "医疗收入(元)"}, {"T0001", "2026-01", "3200", "450000.5"}};
  auto r = import("bureau_a", io::write_table(sheet, io::TableFormat::xlsx, "月度业务统计"));
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["created"], 1);
  EXPECT_EQ(std::stod(figure("T0001", "2026-01", "revenue")), 450000.5);
}

}  // namespace yilian::testing

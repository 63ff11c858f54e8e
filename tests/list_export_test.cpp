// Every entity list as a spreadsheet (?format=xlsx|csv): the same rows as the JSON list
// (filters, scope), Chinese headers and labels, personal data masked.
#include "io/table.h"
#include "io/zip_reader.h"
#include "fixture/fixture.h"

namespace yilian::testing {

class ListExport : public ApiTest {};

TEST_F(ListExport, CsvHasTheListsRowsWithChineseHeadersAndMaskedIdNumbers) {
  db->exec("UPDATE staff SET id_number = '370102198001010012' WHERE id = ?", {seed.staff_a});
  auto list = get("/api/v1/staff?page_size=100", "bureau_a");
  ASSERT_EQ(list.status, 200) << list.raw;
  auto csv = call("GET", "/api/v1/staff?format=csv", "bureau_a");
  ASSERT_EQ(csv.status, 200) << csv.raw;
  io::Table table = io::read_table(csv.raw, io::TableFormat::csv);
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(table[0][0], "编号");
  EXPECT_NE(std::find(table[0].begin(), table[0].end(), "姓名"), table[0].end());
  EXPECT_EQ(static_cast<int64_t>(table.size()) - 1, list.body["total"].get<int64_t>());
  auto id_col = std::find(table[0].begin(), table[0].end(), "身份证号") - table[0].begin();
  ASSERT_LT(id_col, static_cast<long>(table[0].size()));
  bool any_id = false;
  for (size_t i = 1; i < table.size(); ++i) {
    const std::string& id = table[i][id_col];
    if (id.empty()) continue;
    any_id = true;
    EXPECT_NE(id.find('*'), std::string::npos) << id;  // never in full in an export
    EXPECT_EQ(id.find("19800101"), std::string::npos) << id;
  }
  EXPECT_TRUE(any_id);
}

TEST_F(ListExport, FiltersAndScopeApplyAndBadFormatIsRefused) {
  auto mine = call("GET", "/api/v1/institutions?format=csv", "bureau_a");
  auto theirs = call("GET", "/api/v1/institutions?format=csv", "bureau_b");
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(theirs.status, 200);
  auto rows_of = [](const std::string& body) { return io::read_table(body, io::TableFormat::csv).size() - 1; };
  EXPECT_EQ(static_cast<int64_t>(rows_of(mine.raw)), get("/api/v1/institutions", "bureau_a").body["total"].get<int64_t>());
  EXPECT_EQ(static_cast<int64_t>(rows_of(theirs.raw)), get("/api/v1/institutions", "bureau_b").body["total"].get<int64_t>());
  EXPECT_EQ(mine.raw.find("大观园卫生院"), std::string::npos);  // bureau_b's township, not in bureau_a's export
  auto filtered = call("GET", "/api/v1/institutions?format=csv&kind=C210", "bureau_a");
  EXPECT_EQ(static_cast<int64_t>(rows_of(filtered.raw)),
            get("/api/v1/institutions?kind=C210", "bureau_a").body["total"].get<int64_t>());
  EXPECT_NE(filtered.raw.find("中心卫生院"), std::string::npos);  // the kind's label, not its code
  auto xlsx = call("GET", "/api/v1/institutions?format=xlsx", "bureau_a");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.raw.substr(0, 2), "PK");
  auto bad = call("GET", "/api/v1/institutions?format=pdf", "bureau_a");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["error"]["field"], "format");
  EXPECT_EQ(call("GET", "/api/v1/institutions?format=csv", "").status, 401);
}

// Issue 13, item 9 (OWASP CSV injection): a stored name that a spreadsheet would run as a
// formula leaves the server as text, in list exports and registry exports, CSV and xlsx.
TEST_F(ListExport, AFormulaInANameIsExportedAsQuotedTextInCsvAndXlsx) {
  const std::string link = "=HYPERLINK(\"http://e.cn\",\"点\")";
  db->exec("UPDATE staff SET name = ? WHERE id = ?", {link, seed.staff_a});
  db->exec("UPDATE institution SET name = ? WHERE id = ?", {"@" + link, seed.county_a_hospital});
  auto cells_of = [](const io::Table& t) {
    std::vector<std::string> all;
    for (const auto& row : t) all.insert(all.end(), row.begin(), row.end());
    return all;
  };
  for (const std::string target : {"/api/v1/staff?format=", "/api/v1/institutions?format=", "/api/v1/export/staff?format=",
                                   "/api/v1/export/institutions?format="}) {
    for (const std::string format : {"csv", "xlsx"}) {
      auto res = call("GET", target + format, "bureau_a");
      ASSERT_EQ(res.status, 200) << target << format << res.raw;
      auto kind = format == "csv" ? io::TableFormat::csv : io::TableFormat::xlsx;
      auto cells = cells_of(io::read_table(res.raw, kind));
      bool staff = target.find("staff") != std::string::npos;
      const std::string expected = staff ? "'" + link : "'@" + link;
      EXPECT_NE(std::find(cells.begin(), cells.end(), expected), cells.end()) << target << format;
      for (const auto& c : cells) EXPECT_FALSE(c.starts_with("=") || c.starts_with("@")) << target << format << c;
      if (kind == io::TableFormat::xlsx) {
        auto xml = io::ZipReader(res.raw).read("xl/worksheets/sheet1.xml");
        ASSERT_TRUE(xml);
        EXPECT_EQ(xml->find("<f>"), std::string::npos) << target;
      }
    }
  }
}

}  // namespace yilian::testing

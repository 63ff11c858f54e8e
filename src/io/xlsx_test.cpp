#include <gtest/gtest.h>
#include <unistd.h>
#include <minizip/zip.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/error.h"
#include "io/table.h"
#include "io/xlsx_reader.h"
#include "io/xlsx_writer.h"
#include "io/zip_reader.h"

namespace yilian::io {

TEST(XlsxTest, TableRoundTripKeepsTextCodesAndChinese) {
  Table t = {{"区划代码", "名称", "备注"},
             {"370102001001", "甲村", "含,逗号\n换行"},
             {"0531", "前导零", ""},
             {"370103", "市中区", "  "}};
  Table back = read_table(write_table(t, TableFormat::xlsx, "行政区划"), TableFormat::xlsx);
  ASSERT_EQ(back.size(), 4u);
  EXPECT_EQ(back[0], t[0]);
  EXPECT_EQ(back[1], t[1]);
  EXPECT_EQ(back[2][0], "0531");
  EXPECT_EQ(back[2][1], "前导零");
  EXPECT_EQ(back[3][1], "市中区");
}

// The sheet's XML, to see how each cell was stored.
static std::string sheet_xml(const std::string& workbook) {
  ZipReader zip(workbook);
  auto xml = zip.read("xl/worksheets/sheet1.xml");
  EXPECT_TRUE(xml);
  return xml.value_or("");
}

// Issue 13, item 9: a cell that reads like a formula is stored as a string (never a
// <f> formula element) and, as in CSV, with a leading quote, so it stays text when a
// user edits the cell or saves the sheet as CSV.
TEST(XlsxTest, FormulaLikeTextIsAQuotedStringCellNeverAFormula) {
  const std::string link = "=HYPERLINK(\"http://e.cn\",\"点\")";
  Table t = {{"名称", "电话"}, {link, "+86 531 1234"}, {"@SUM(A1)", "-2+3"}, {"-3", "历下区"}};
  std::string bytes = write_table(t, TableFormat::xlsx, "机构");
  std::string xml = sheet_xml(bytes);
  EXPECT_EQ(xml.find("<f>"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("<f "), std::string::npos) << xml;
  Table back = read_table(bytes, TableFormat::xlsx);
  ASSERT_EQ(back.size(), 4u);
  EXPECT_EQ(back[1], (Row{"'" + link, "'+86 531 1234"}));
  EXPECT_EQ(back[2], (Row{"'@SUM(A1)", "'-2+3"}));
  EXPECT_EQ(back[3], (Row{"-3", "历下区"}));  // a negative number is not text to guard
}

TEST(XlsxTest, FormulaLikeTextInMergedAndHeaderCellsIsQuotedAndNumbersStayNumbers) {
  XlsxWriter book;
  XlsxSheet sheet = book.add_sheet("周报");
  sheet.merge(0, 0, 0, 2, "=1+1", CellStyle::title);
  sheet.headers(1, {{"-标题", 0, 0, 1, 2}, {"@列", 0, 2}});
  sheet.number(2, 0, -4.5);
  sheet.text(2, 1, "\t=cmd");
  std::string bytes = book.finish();
  EXPECT_EQ(sheet_xml(bytes).find("<f>"), std::string::npos);
  Table back = read_xlsx(bytes);
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back[0][0], "'=1+1");
  EXPECT_EQ(back[1][0], "'-标题");
  EXPECT_EQ(back[1][2], "'@列");
  EXPECT_EQ(back[2][0], "-4.5");
  EXPECT_EQ(back[2][1], "'\t=cmd");
}

TEST(XlsxTest, MergedHeaderRowsAroundTheData) {
  XlsxWriter book;
  XlsxSheet sheet = book.add_sheet("巡诊周报");
  sheet.merge(0, 0, 0, 4, "乡镇卫生院巡诊周报", CellStyle::title);
  sheet.text(1, 0, "填报单位: 历下区卫健局", CellStyle::note);
  int used = sheet.headers(2, {{"乡镇", 0, 0, 2, 1},
                               {"巡诊次数", 0, 1, 2, 1},
                               {"参与人员", 0, 2, 1, 3},
                               {"乡镇医生", 1, 2},
                               {"村医", 1, 3},
                               {"二级以上医院骨干", 1, 4}});
  EXPECT_EQ(used, 2);
  int next = sheet.rows(4, {{"解放路街道", "3", "5", "2", "1"}, {"千佛山街道", "1", "2", "0", "0"}});
  sheet.number(next, 1, 4, CellStyle::body);
  sheet.number(next, 2, 3.5, CellStyle::body);
  sheet.merge(next + 1, 0, next + 1, 4, "填报人: 王五    联系电话: 0531-12345678", CellStyle::note);
  Table t = read_xlsx(book.finish());

  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[0][0], "乡镇卫生院巡诊周报");
  EXPECT_EQ(t[0].size(), 1u);  // the merged rest of the title row is empty
  EXPECT_EQ(t[2][2], "参与人员");
  EXPECT_EQ(t[3][0], "");  // covered by the two-row "乡镇" cell
  EXPECT_EQ(t[3][4], "二级以上医院骨干");
  EXPECT_EQ(t[4], (Row{"解放路街道", "3", "5", "2", "1"}));
  EXPECT_EQ(t[5], (Row{"千佛山街道", "1", "2", "0", "0"}));
  EXPECT_EQ(t[6][1], "4");
  EXPECT_EQ(t[6][2], "3.5");
  EXPECT_EQ(t[7][0], "填报人: 王五    联系电话: 0531-12345678");
}

TEST(XlsxTest, PlacesCellsByReferenceAcrossGaps) {
  XlsxWriter book;
  XlsxSheet sheet = book.add_sheet("gaps");
  sheet.text(0, 0, "A1");
  sheet.text(2, 27, "AB3");
  sheet.text(4, 1, "B5");
  Table t = read_xlsx(book.finish());
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0], (Row{"A1"}));
  EXPECT_TRUE(t[1].empty());
  ASSERT_EQ(t[2].size(), 28u);
  EXPECT_EQ(t[2][27], "AB3");
  EXPECT_EQ(t[4], (Row{"", "B5"}));
}

TEST(XlsxTest, ReadsANamedSheetAndRefusesAMissingOne) {
  XlsxWriter book;
  book.add_sheet("说明").text(0, 0, "first");
  book.add_sheet("数据").text(0, 0, "second");
  std::string bytes = book.finish();
  EXPECT_EQ(read_xlsx(bytes)[0][0], "first");
  EXPECT_EQ(read_xlsx(bytes, "数据")[0][0], "second");
  EXPECT_THROW(read_xlsx(bytes, "没有"), common::ApiError);
}

TEST(XlsxTest, ReadsDateFormattedNumbersAsDates) {
  auto path = std::filesystem::temp_directory_path() / "yilian-xlsx-date-test.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy/m/d");
  worksheet_write_number(ws, 0, 0, 29221, date);  // 1980-01-01
  worksheet_write_number(ws, 0, 1, 45658, date);  // 2025-01-01
  worksheet_write_number(ws, 0, 2, 370102001001.0, nullptr);
  worksheet_write_boolean(ws, 0, 3, 1, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  Table t = read_xlsx(bytes.str());
  EXPECT_EQ(t[0], (Row{"1980-01-01", "2025-01-01", "370102001001", "TRUE"}));
}

// A workbook as other tools write it: no shared strings, inline and rich-text strings,
// a phonetic guide, cells without references, an absolute sheet path, a number in
// exponent form and a 年月日 date in the 1904 date system.
TEST(XlsxTest, ReadsWorkbooksFromOtherProducers) {
  auto path = std::filesystem::temp_directory_path() / "yilian-xlsx-handmade-test.xlsx";
  std::vector<std::pair<const char*, std::string>> members = {
      {"xl/workbook.xml",
       R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
       R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
       R"(<workbookPr date1904="1"/><sheets><sheet name="名单" sheetId="1" r:id="rId7"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>)"},
      {"xl/styles.xml",
       R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
       R"(<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="31"/></cellXfs></styleSheet>)"},
      {"xl/worksheets/data.xml",
       R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
       R"(<x:row><x:c t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>代码</x:t></x:is></x:c>)"
       R"(<x:c t="inlineStr"><x:is><x:t>出生日期</x:t></x:is></x:c></x:row>)"
       R"(<x:row><x:c t="inlineStr"><x:is><x:r><x:t>张</x:t></x:r><x:r><x:t xml:space="preserve">三 </x:t></x:r>)"
       R"(<x:rPh sb="0" eb="1"><x:t>zhang</x:t></x:rPh></x:is></x:c>)"
       R"(<x:c><x:v>3.70102001001E+11</x:v></x:c><x:c s="1"><x:v>27759</x:v></x:c></x:row>)"
       R"(</x:sheetData></x:worksheet>)"},
  };
  zipFile zf = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  ASSERT_NE(zf, nullptr);
  for (const auto& [name, text] : members) {
    ASSERT_EQ(zipOpenNewFileInZip64(zf, name, nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                    Z_DEFAULT_COMPRESSION, 0),
              ZIP_OK);
    zipWriteInFileInZip(zf, text.data(), static_cast<unsigned>(text.size()));
    zipCloseFileInZip(zf);
  }
  zipClose(zf, nullptr);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);

  Table t = read_xlsx(bytes.str());
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], (Row{"姓名", "代码", "出生日期"}));
  EXPECT_EQ(t[1], (Row{"张三 ", "370102001001", "1980-01-01"}));  // 27759 days after 1904-01-01
}

// A workbook with one sheet whose XML is `sheet_data` inside <sheetData>, and `styles` as
// xl/styles.xml when given.
static std::string workbook_with_rows(const std::string& sheet_data, const std::string& styles = "") {
  auto path = std::filesystem::temp_directory_path() / ("yilian-xlsx-rows-" + std::to_string(getpid()) + ".xlsx");
  std::vector<std::pair<const char*, std::string>> members = {
      {"xl/workbook.xml",
       R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
       R"(<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)"},
      {"xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + sheet_data + "</sheetData></worksheet>"},
  };
  if (!styles.empty()) members.push_back({"xl/styles.xml", styles});
  zipFile zf = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  for (const auto& [name, text] : members) {
    zipOpenNewFileInZip64(zf, name, nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0);
    zipWriteInFileInZip(zf, text.data(), static_cast<unsigned>(text.size()));
    zipCloseFileInZip(zf);
  }
  zipClose(zf, nullptr);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

// Found by fuzz/xlsx_import_fuzz: a row numbered 0 (or not a number, read as 0) wrote before
// the table's first row; a row number past Excel's 1,048,576 made the table that long.
TEST(XlsxTest, RowNumbersOutsideTheSheetAreRefusedAsABadFile) {
  const std::string cell = R"(<c t="inlineStr"><is><t>x</t></is></c>)";
  for (const std::string r : {"0", ":4", "-1", "1048577", "4294967295", "99999999999999999999"})
    EXPECT_THROW(read_xlsx(workbook_with_rows("<row r=\"" + r + "\">" + cell + "</row>")), common::ApiError) << r;
  Table last = read_xlsx(workbook_with_rows("<row r=\"1048576\">" + cell + "</row>"));
  EXPECT_EQ(last.size(), 1048576u);
  EXPECT_EQ(last.back(), (Row{"x"}));
}

// Found by fuzz/xlsx_import_fuzz: a date-formatted cell holding 3.2e36 was converted to a
// day count (a float-to-integer conversion out of range: undefined behaviour). Excel shows
// serials 0 – 2,958,465 (9999-12-31) as dates and anything else as ####: such a cell is read
// as the number it holds, which the importer's date check then refuses with the row and field.
TEST(XlsxTest, ADateFormattedNumberOutsideExcelsDateRangeIsReadAsTheNumber) {
  const std::string styles = R"(<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)";
  std::string cells;
  for (const char* v : {"2958465", "0", "2958466", "-1", "3.2e36", "-1e308", "9.3e18", "nan", "inf", "-inf"})
    cells += std::string("<c s=\"1\"><v>") + v + "</v></c>";
  Table t = read_xlsx(workbook_with_rows("<row>" + cells + "</row>", styles));
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0], (Row{"9999-12-31", "1899-12-30", "2958466", "-1", "3.2e+36", "-1e+308", "9.3e+18", "nan", "inf",
                       "-inf"}));
}

// An 8 MB upload can hold ≈100,000 cells; one in the last column (XFD) of each row would make
// as many rows of 16,384 cells (≈50 GB): refused before the table grows past 4 million cells.
TEST(XlsxTest, ASheetSpreadOverMoreThanFourMillionCellsIsRefused) {
  auto rows = [](int n) {
    std::string xml;
    for (int r = 1; r <= n; ++r)
      xml += "<row r=\"" + std::to_string(r) + "\"><c r=\"XFD" + std::to_string(r) + "\" t=\"inlineStr\"><is><t>x</t></is></c></row>";
    return xml;
  };
  try {
    read_xlsx(workbook_with_rows(rows(300)));
    ADD_FAILURE() << "accepted";
  } catch (const common::ApiError& e) {
    EXPECT_EQ(e.status, 400);
    EXPECT_EQ(e.code, "bad_file");
  }
  EXPECT_EQ(read_xlsx(workbook_with_rows(rows(150))).size(), 150u);  // 2.5 million cells
}

TEST(XlsxTest, RejectsBytesThatAreNotAWorkbook) {
  EXPECT_THROW(read_xlsx("code,name\n"), common::ApiError);
  EXPECT_THROW(read_xlsx(std::string("PK\x03\x04garbage", 11)), common::ApiError);
}

}  // namespace yilian::io

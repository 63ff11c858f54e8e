#include "io/csv.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace yilian::io {

TEST(CsvTest, RoundTripsQuotesCommasNewlinesAndChinese) {
  Table t = {{"区划代码", "名称", "备注"},
             {"370102", "历下区", "含,逗号"},
             {"370103", "市中\"区\"", "第一行\r\n第二行\n第三行"},
             {"", " 前后空格 ", ""}};
  std::string text = write_csv(t);
  EXPECT_EQ(read_csv(text), t);
  EXPECT_NE(text.find("\"市中\"\"区\"\"\""), std::string::npos) << text;
}

// OWASP "CSV injection": a spreadsheet opening the file would run these as formulas
// (=HYPERLINK sends a click, with the row's data, to any address). Issue 13, item 9.
TEST(CsvTest, TextThatASpreadsheetWouldReadAsAFormulaIsWrittenWithALeadingQuote) {
  Table t = {{"=HYPERLINK(\"http://e.cn\",\"点\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\r=1", "=", "-"}};
  Table back = read_csv(write_csv(t));
  ASSERT_EQ(back.size(), 1u);
  ASSERT_EQ(back[0].size(), t[0].size());
  for (size_t i = 0; i < t[0].size(); ++i) EXPECT_EQ(back[0][i], "'" + t[0][i]) << i;
}

TEST(CsvTest, NumbersAndOtherTextAreWrittenAsTheyAre) {
  Table t = {{"-3", "-1.5", "+7", "-0.25e3", "370102", "历下区", "a=b", " =1", "'已加引号", ""}};
  EXPECT_EQ(read_csv(write_csv(t)), t);
}

TEST(CsvTest, AcceptsByteOrderMarkAndBareLineFeeds) {
  Table t = read_csv("\xEF\xBB\xBF" "code,name\n11,\"北京市\"\n12,天津市");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0][0], "code");
  EXPECT_EQ(t[1][1], "北京市");
  EXPECT_EQ(t[2][1], "天津市");
  EXPECT_EQ(read_csv(write_csv(t, true)), t);
}

TEST(CsvTest, ReadsGbkFromExcelOnChineseWindows) {
  // "区划代码,名称\r\n370102,历下区\r\n" in GBK
  std::string gbk = "\xC7\xF8\xBB\xAE\xB4\xFA\xC2\xEB,\xC3\xFB\xB3\xC6\r\n370102,\xC0\xFA\xCF\xC2\xC7\xF8\r\n";
  Table t = read_csv(gbk);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], (Row{"区划代码", "名称"}));
  EXPECT_EQ(t[1], (Row{"370102", "历下区"}));
}

TEST(CsvTest, KeepsEmptyCellsAtTheEndOfARecord) {
  Table t = read_csv("a,b,\r\n,,\r\n");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], (Row{"a", "b", ""}));
  EXPECT_EQ(t[1], (Row{"", "", ""}));
}

TEST(CsvTest, RejectsAnUnclosedQuoteNamingTheRecord) {
  try {
    read_csv("a,b\r\n1,\"never closed\r\n");
    FAIL() << "expected an error";
  } catch (const common::ApiError& e) {
    EXPECT_EQ(e.status, 400);
    EXPECT_NE(std::string(e.what()).find("第2行"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_csv("\"a\"b,c\n"), common::ApiError);
}

}  // namespace yilian::io

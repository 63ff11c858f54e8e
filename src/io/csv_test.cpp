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

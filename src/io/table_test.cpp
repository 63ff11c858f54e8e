#include "io/table.h"

#include <gtest/gtest.h>

namespace yilian::io {

TEST(TableTest, TrimCellDropsSpacesAndLineBreaksAroundOnly) {
  EXPECT_EQ(trim_cell("  3200 \r\n"), "3200");
  EXPECT_EQ(trim_cell("\t历下 区\t"), "历下 区");
  EXPECT_EQ(trim_cell(" \r\n "), "");
}

TEST(TableTest, HeaderTextDropsTheRequiredMarker) {
  EXPECT_EQ(header_text(" *机构代码 "), "机构代码");
  EXPECT_EQ(header_text("**月份"), "月份");
  EXPECT_EQ(header_text("门诊*人次"), "门诊*人次");  // only a leading marker
  EXPECT_EQ(header_text("*"), "");
}

}  // namespace yilian::io

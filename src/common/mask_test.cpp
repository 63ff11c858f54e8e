#include "common/mask.h"

#include <gtest/gtest.h>

namespace yilian::common {

TEST(Mask, IdNumberKeepsRegionAndLastFour) {
  EXPECT_EQ(mask_id_number("11010519491231002X"), "110105********002X");
  EXPECT_EQ(mask_id_number("1234"), "1234");
  EXPECT_EQ(mask_id_number("123456789"), "*****6789");
}

TEST(Mask, PhoneKeepsPrefixAndLastFour) {
  EXPECT_EQ(mask_phone("13812345678"), "138****5678");
  EXPECT_EQ(mask_phone("123"), "***");
}

}  // namespace yilian::common

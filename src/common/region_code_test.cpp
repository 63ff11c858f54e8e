#include "common/region_code.h"

#include <gtest/gtest.h>

namespace yilian::common {

TEST(RegionCode, LevelsFromOfficialCodes) {
  EXPECT_EQ(region_level("370000"), RegionLevel::province);
  EXPECT_EQ(region_level("370100"), RegionLevel::city);
  EXPECT_EQ(region_level("370102"), RegionLevel::county);
  EXPECT_EQ(region_level("370102001000"), RegionLevel::township);
  EXPECT_EQ(region_level("370102001001"), RegionLevel::village);
}

TEST(RegionCode, RejectsMalformedCodes) {
  for (const char* bad : {"", "37", "3701020", "37010200100", "37a102", "000000", "370100001000", "370102000001"})
    EXPECT_EQ(region_level(bad), RegionLevel::invalid) << bad;
}

TEST(RegionCode, ParentChainWalksUpToTheProvince) {
  std::string code = "370102001001";
  std::vector<std::string> chain;
  while (!code.empty()) {
    chain.push_back(code);
    code = parent_region_code(code);
  }
  EXPECT_EQ(chain, (std::vector<std::string>{"370102001001", "370102001000", "370102", "370100", "370000"}));
}

TEST(RegionCode, PrefixRangeContainsExactlyTheSubtree) {
  auto [lo, hi] = prefix_range(region_prefix("370100"));
  auto inside = [&](const std::string& c) { return lo <= c && c < hi; };
  EXPECT_TRUE(inside("370100"));
  EXPECT_TRUE(inside("370102"));
  EXPECT_TRUE(inside("370102001001"));
  EXPECT_FALSE(inside("370200"));
  EXPECT_FALSE(inside("370000"));
  auto [lo9, hi9] = prefix_range("3799");
  EXPECT_EQ(lo9, "3799");
  EXPECT_EQ(hi9, "3800");
}

TEST(RegionCode, NormalisesShortSourceCodes) {
  EXPECT_EQ(normalise_region_code("37"), "370000");
  EXPECT_EQ(normalise_region_code("3701"), "370100");
  EXPECT_EQ(normalise_region_code("370102001"), "370102001000");
  EXPECT_EQ(normalise_region_code("370102001001"), "370102001001");
}

}  // namespace yilian::common

#include "common/json_text.h"

#include <gtest/gtest.h>

#include <string>

namespace yilian::common {

TEST(JsonText, DepthCountsBracketsOutsideStringsOnly) {
  EXPECT_EQ(json_depth("{}"), 1);
  EXPECT_EQ(json_depth(R"({"a":[1,{"b":[]}]})"), 4);
  EXPECT_EQ(json_depth(R"({"a":"[[[[[[[[\"[[["})"), 1);
  EXPECT_EQ(json_depth(R"(["\\",[]])"), 2);  // an escaped backslash ends before the quote
  EXPECT_EQ(json_depth("42"), 0);
}

TEST(JsonText, DepthStopsCountingPastTheLimit) {
  std::string deep(1'000'000, '[');
  EXPECT_EQ(json_depth(deep, 64), 65);
}

TEST(JsonText, ValuesAtTheLimitParseAndDeeperOnesAreRefused) {
  std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  bool deep = true;
  EXPECT_FALSE(parse_untrusted_json(ok, &deep).is_discarded());
  EXPECT_FALSE(deep);
  std::string bad = std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  EXPECT_TRUE(parse_untrusted_json(bad, &deep).is_discarded());
  EXPECT_TRUE(deep);
  EXPECT_TRUE(parse_untrusted_json("{\"a\":", &deep).is_discarded());
  EXPECT_FALSE(deep);
}

}  // namespace yilian::common

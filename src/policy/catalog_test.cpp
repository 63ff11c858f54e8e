// The parameter catalog is closed and complete: keys are unique and well formed, each
// feeds a rule of RULES.md, and every parameter a document gives a value for is set by
// at least one shipped preset (the "optional" ones, which no document quantifies, by none).
#include "policy/catalog.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "policy/preset.h"
#include "policy/test_files.h"

namespace yilian::policy {
namespace {

TEST(PolicyCatalog, KeysAreUniqueDottedAndDescribed) {
  std::set<std::string> keys;
  for (const auto& spec : parameter_catalog()) {
    EXPECT_TRUE(keys.insert(spec.key).second) << "duplicate " << spec.key;
    EXPECT_TRUE(std::regex_match(spec.key, std::regex("[a-z_0-9]+\\.[a-z_0-9]+"))) << spec.key;
    EXPECT_FALSE(spec.label.empty()) << spec.key;
    EXPECT_FALSE(spec.description.empty()) << spec.key;
    EXPECT_FALSE(spec.rules.empty()) << spec.key;
    for (const auto& rule : spec.rules) EXPECT_TRUE(std::regex_match(rule, std::regex("[A-Z][0-9]+"))) << spec.key;
    if (spec.type == ParamType::integer || spec.type == ParamType::number) {
      EXPECT_TRUE(spec.min && spec.max && *spec.min <= *spec.max) << spec.key;
      EXPECT_FALSE(spec.unit.empty()) << spec.key;
    }
    if (spec.type == ParamType::string) {
      EXPECT_TRUE(!spec.choices.empty() || !spec.pattern.empty()) << spec.key;
    }
    EXPECT_EQ(find_param(spec.key), &spec);
  }
  EXPECT_EQ(find_param("dispatch.no_such_key"), nullptr);
  EXPECT_GE(keys.size(), 50u);
}

TEST(PolicyCatalog, CoversTheRulesWithNumbers) {
  std::set<std::string> covered;
  for (const auto& spec : parameter_catalog()) covered.insert(spec.rules.begin(), spec.rules.end());
  for (const char* rule : {"D1", "D2", "D3", "D4", "D5", "D6", "D7", "D9", "T1", "V2", "V4", "V5", "V6", "V7", "A1",
                           "A3"})
    EXPECT_TRUE(covered.count(rule)) << rule;
}

TEST(PolicyCatalog, EveryParameterIsSetByAPresetUnlessOptional) {
  PresetSet set = load_presets(testing::shipped_policies_dir());
  for (const auto& spec : parameter_catalog()) {
    size_t setters = 0;
    for (const auto& preset : set.all()) setters += preset.params.count(spec.key);
    if (spec.optional)
      EXPECT_EQ(setters, 0u) << spec.key << " is marked optional (no document gives it) but a preset sets it";
    else
      EXPECT_GT(setters, 0u) << spec.key << " is set by no shipped preset";
  }
}

TEST(PolicyCatalog, TitleLevelsUseTheRegistryCodes) {
  const ParamSpec* spec = find_param("dispatch.min_title_level");
  ASSERT_NE(spec, nullptr);
  std::set<std::string> codes;
  for (const auto& [code, label] : spec->choices) codes.insert(code);
  EXPECT_TRUE(codes.count("intermediate"));
  EXPECT_TRUE(codes.count("associate"));
  EXPECT_FALSE(codes.count("none"));
  EXPECT_EQ(range_label(*find_param("dispatch.min_days_per_week")), "0–7");
}

}  // namespace
}  // namespace yilian::policy

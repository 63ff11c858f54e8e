// A relationship's overrides: checked like preset values, refused with 422 naming the
// key, and marked in the citation so findings quote the agreement, not the document.
#include "policy/effective.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "policy/test_files.h"

namespace yilian::policy {
namespace {

using nlohmann::json;

const Preset& huang() {
  static const PresetSet set = load_presets(testing::shipped_policies_dir());
  return *set.find("huang-2013");
}

void expect_refused(const json& overrides, const std::string& field, const std::string& message_part) {
  try {
    merge(huang(), overrides);
    ADD_FAILURE() << "accepted " << overrides.dump();
  } catch (const common::ApiError& e) {
    EXPECT_EQ(e.status, 422);
    EXPECT_EQ(e.field, field);
    EXPECT_NE(std::string(e.what()).find(message_part), std::string::npos) << e.what();
  }
}

TEST(PolicyOverrides, NoOverridesKeepThePreset) {
  for (const json& none : {json(), json::object()}) {
    auto policy = merge(huang(), none);
    EXPECT_EQ(policy.preset_id(), "huang-2013");
    EXPECT_EQ(policy.params().size(), huang().params.size());
    auto days = policy.get("dispatch.min_days_per_week");
    ASSERT_TRUE(days);
    EXPECT_EQ(std::get<int64_t>(days->value), 3);
    EXPECT_FALSE(days->citation.overridden);
  }
}

TEST(PolicyOverrides, OverrideChangesValueAndCitation) {
  auto policy = merge(huang(), {{"dispatch.min_days_per_week", 4}, {"compensation.monthly_allowance", 800}});
  auto days = policy.get("dispatch.min_days_per_week");
  ASSERT_TRUE(days);
  EXPECT_EQ(std::get<int64_t>(days->value), 4);
  EXPECT_TRUE(days->citation.overridden);
  EXPECT_EQ(days->citation.text(), "关系协议约定(覆盖《黄*区人民医院2013年度与基层医疗机构对口协作工作方案》规定的 3)");
  EXPECT_EQ(days->reference().rfind("D4,关系协议约定(覆盖", 0), 0u) << days->reference();
  // A number the document does not give may be agreed; an integer is fine for a number.
  auto allowance = policy.get("compensation.monthly_allowance");
  ASSERT_TRUE(allowance);
  EXPECT_EQ(std::get<double>(allowance->value), 800.0);
  EXPECT_NE(allowance->citation.text().find("未规定此项"), std::string::npos);
  // Untouched parameters keep the document's citation.
  EXPECT_FALSE(policy.get("dispatch.min_term_months")->citation.overridden);
  // The preset itself is unchanged.
  EXPECT_EQ(std::get<int64_t>(huang().get("dispatch.min_days_per_week")->value), 3);
}

TEST(PolicyOverrides, OverridesAreValidatedLikePresets) {
  expect_refused({{"dispatch.min_days_per_week", 8}}, "dispatch.min_days_per_week", "8 超出范围 0–7");
  expect_refused({{"dispatch.min_days_per_week", "3"}}, "dispatch.min_days_per_week", "应为整数,实际为字符串");
  expect_refused({{"dispatch.min_days_per_week", 3.5}}, "dispatch.min_days_per_week", "应为整数,实际为小数");
  expect_refused({{"dispatch.daily_coverage_required", 1}}, "dispatch.daily_coverage_required", "应为布尔值");
  expect_refused({{"dispatch.min_title_level", "chief"}}, "dispatch.min_title_level", "不是可选值");
  expect_refused({{"dispatch.team_specialties", json::array()}}, "dispatch.team_specialties", "列表不能为空");
  expect_refused({{"no.such_key", 1}}, "no.such_key", "未知的政策参数 no.such_key");
  expect_refused(json::array({1}), "overrides", "应为对象");
}

}  // namespace
}  // namespace yilian::policy

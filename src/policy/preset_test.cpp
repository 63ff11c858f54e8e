// Loading preset files: the shipped ones load with the values their documents state,
// and every kind of mistake is reported with file, line and key — all of them at once.
#include "policy/preset.h"

#include <gtest/gtest.h>

#include <functional>
#include <iterator>

#include "policy/startup.h"
#include "policy/test_files.h"

namespace yilian::policy {
namespace {

using testing::fresh_dir;
using testing::header;
using testing::shipped_policies_dir;
using testing::write_file;

std::vector<std::string> issue_texts(const std::function<void()>& load) {
  try {
    load();
  } catch (const PresetLoadError& e) {
    std::vector<std::string> texts;
    for (const auto& issue : e.issues()) texts.push_back(issue.text());
    return texts;
  }
  ADD_FAILURE() << "expected PresetLoadError";
  return {};
}

template <typename T>
T value_of(const PresetSet& set, const std::string& preset, const std::string& key) {
  const Preset* p = set.find(preset);
  EXPECT_NE(p, nullptr) << preset;
  if (!p) return T{};
  auto param = p->get(key);
  EXPECT_TRUE(param.has_value()) << preset << " " << key;
  if (!param) return T{};
  return std::get<T>(param->value);
}

TEST(PresetShipped, EveryPresetLoads) {
  PresetSet set = load_presets(shipped_policies_dir());
  EXPECT_GE(set.all().size(), 7u);
  for (const auto& preset : set.all()) {
    EXPECT_FALSE(preset.title.empty()) << preset.id;
    EXPECT_FALSE(preset.document.empty()) << preset.id;
    // Every preset comes from a seed document, but the platform's own time limits.
    if (preset.id != "platform") {
      EXPECT_EQ(preset.seed.size() > 4 && preset.seed.substr(preset.seed.size() - 4) == ".txt", true) << preset.id;
    }
    EXPECT_FALSE(preset.params.empty()) << preset.id;
    for (const auto& [key, param] : preset.params) {
      EXPECT_FALSE(param.citation.clause.empty()) << preset.id << " " << key;
      EXPECT_NE(param.citation.clause.find("“"), std::string::npos) << "cite the words: " << preset.id << " " << key;
    }
  }
}

TEST(PresetShipped, ValuesMatchTheirDocuments) {
  PresetSet set = load_presets(shipped_policies_dir());
  // D3/D4/D5: 黄*区 2013 — half a year, three working days a week, someone on site daily.
  EXPECT_EQ(value_of<int64_t>(set, "huang-2013", "dispatch.min_term_months"), 6);
  EXPECT_EQ(value_of<int64_t>(set, "huang-2013", "dispatch.min_days_per_week"), 3);
  EXPECT_TRUE(value_of<bool>(set, "huang-2013", "dispatch.daily_coverage_required"));
  EXPECT_EQ(value_of<int64_t>(set, "huang-2013", "dispatch.team_size"), 3);
  EXPECT_TRUE(value_of<bool>(set, "huang-2013", "promotion.refusal_loses_eligibility"));
  // D2/T1/D3/D5: the county plans.
  EXPECT_EQ(value_of<int64_t>(set, "county-support-2016", "dispatch.min_concurrent_staff_city_to_county"), 5);
  EXPECT_EQ(value_of<int64_t>(set, "county-support-2016", "dispatch.min_staff_per_year_to_township_center"), 1);
  EXPECT_EQ(value_of<int64_t>(set, "county-support-2016", "training.free_trainees_per_year"), 3);
  EXPECT_EQ(value_of<int64_t>(set, "county-support-2016", "training.min_trainee_months"), 6);
  EXPECT_EQ(value_of<int64_t>(set, "county-support-2016", "dispatch.rotation_months"), 6);
  EXPECT_EQ(value_of<int64_t>(set, "county-support-2016", "promotion.grassroots_days_before_associate"), 365);
  // D3/D5: 宜君 2017 — ten months.
  EXPECT_EQ(value_of<int64_t>(set, "yijun-2017", "promotion.eligibility_min_term_months"), 10);
  EXPECT_FALSE(value_of<bool>(set, "yijun-2017", "compensation.recipient_pays"));
  // D7: the alliance fee schedule.
  EXPECT_EQ(value_of<double>(set, "alliance-fees-2016", "compensation.surgery_guidance_fee_senior"), 500);
  EXPECT_EQ(value_of<double>(set, "alliance-fees-2016", "compensation.surgery_guidance_fee_intermediate"), 300);
  EXPECT_EQ(value_of<double>(set, "alliance-fees-2016", "compensation.service_day_fee_senior"), 200);
  EXPECT_EQ(value_of<double>(set, "alliance-fees-2016", "compensation.service_day_fee_intermediate"), 100);
  EXPECT_TRUE(value_of<bool>(set, "alliance-fees-2016", "compensation.recipient_pays"));
  // V2/V4/V5/V6/V7: rounds and dispatched service.
  EXPECT_EQ(value_of<int64_t>(set, "rounds-dispatch-2023", "rounds.min_visits_per_week"), 2);
  EXPECT_EQ(value_of<double>(set, "rounds-dispatch-2023", "village_dispatch.doctor_ratio_per_mille"), 1.0);
  EXPECT_EQ(value_of<int64_t>(set, "rounds-dispatch-2023", "village_dispatch.min_days_per_week"), 5);
  EXPECT_EQ(value_of<std::string>(set, "rounds-dispatch-2023", "township_dispatch.min_title_level"), "intermediate");
  EXPECT_EQ(value_of<int64_t>(set, "rounds-dispatch-2023", "rounds.senior_doctor_visits_per_month"), 2);
  EXPECT_EQ(value_of<int64_t>(set, "rounds-dispatch-2023", "weekly_report.due_weekday"), 1);
  EXPECT_EQ(value_of<std::string>(set, "rounds-dispatch-2023", "weekly_report.due_time"), "17:00");
  // D1/D7: the work summary's scheme.
  EXPECT_EQ(value_of<double>(set, "rural-support-summary", "compensation.monthly_allowance"), 600);
  EXPECT_EQ(value_of<int64_t>(set, "rural-support-summary", "compensation.travel_reimbursement_interval_months"), 2);
  EXPECT_EQ(value_of<int64_t>(set, "rural-support-summary", "dispatch.min_term_months"), 12);
  EXPECT_EQ(value_of<int64_t>(set, "rural-support-summary", "dispatch.max_age"), 45);
  // D5: the one-year grassroots rule.
  EXPECT_EQ(value_of<int64_t>(set, "promotion-grassroots-year", "promotion.grassroots_days_before_associate"), 365);
}

TEST(PresetShipped, CitationNamesDocumentAndClause) {
  PresetSet set = load_presets(shipped_policies_dir());
  auto param = set.find("huang-2013")->get("dispatch.min_days_per_week");
  ASSERT_TRUE(param);
  EXPECT_EQ(param->citation.document, "黄*区人民医院2013年度与基层医疗机构对口协作工作方案");
  EXPECT_NE(param->reference().find("D4,《黄*区人民医院2013年度与基层医疗机构对口协作工作方案》五、保障措施"),
            std::string::npos)
      << param->reference();
  // A parameter taken from a companion document names that document, not the preset's.
  auto trainees = set.find("county-support-2016")->get("training.min_trainee_months");
  ASSERT_TRUE(trainees);
  EXPECT_EQ(trainees->citation.document, "盐山县人民医院2013年对口支援实施方案");
  EXPECT_FALSE(set.find("huang-2013")->get("compensation.monthly_allowance").has_value());
  EXPECT_EQ(set.find("no-such-preset"), nullptr);
}

TEST(PresetLoader, ReportsEveryProblemWithFileLineAndKey) {
  auto dir = fresh_dir();
  auto file = write_file(dir, "bad.toml",
                         header("bad") +                                        // lines 1–6
                             "\n"                                               // 7
                             "[params.\"dispatch.min_days_per_week\"]\n"        // 8
                             "value = 8\n"                                      // 9
                             "source = \"测试\"\n"                              // 10
                             "\n"                                               // 11
                             "[params.\"dispatch.no_such_key\"]\n"              // 12
                             "value = 1\n"                                      // 13
                             "source = \"测试\"\n"                              // 14
                             "\n"                                               // 15
                             "[params.\"dispatch.min_term_months\"]\n"          // 16
                             "value = \"六个月\"\n"                             // 17
                             "source = \"测试\"\n");                            // 18
  auto texts = issue_texts([&] { load_preset(file); });
  std::string f = file.string();
  ASSERT_EQ(texts.size(), 3u);
  EXPECT_EQ(texts[0], f + ":9: dispatch.min_days_per_week: 8 超出范围 0–7");
  EXPECT_EQ(texts[1].rfind(f + ":12: dispatch.no_such_key: 未知的政策参数", 0), 0u) << texts[1];
  EXPECT_EQ(texts[2], f + ":17: dispatch.min_term_months: 应为整数,实际为字符串");
}

TEST(PresetLoader, RejectsWrongTypesOfEveryKind) {
  auto dir = fresh_dir();
  auto file = write_file(dir, "types.toml",
                         header("types") +
                             "[params.\"dispatch.daily_coverage_required\"]\n"  // 7
                             "value = \"是\"\n"                                 // 8
                             "source = \"测试\"\n"                              // 9
                             "[params.\"dispatch.team_specialties\"]\n"         // 10
                             "value = [\"内科\", 2]\n"                          // 11
                             "source = \"测试\"\n"                              // 12
                             "[params.\"dispatch.min_title_level\"]\n"          // 13
                             "value = \"chief\"\n"                              // 14
                             "source = \"测试\"\n"                              // 15
                             "[params.\"weekly_report.due_time\"]\n"            // 16
                             "value = \"25:00\"\n"                              // 17
                             "source = \"测试\"\n"                              // 18
                             "[params.\"dispatch.max_age\"]\n"                  // 19
                             "value = 45.5\n"                                   // 20
                             "source = \"测试\"\n");                            // 21
  auto texts = issue_texts([&] { load_preset(file); });
  std::string f = file.string();
  ASSERT_EQ(texts.size(), 5u);
  EXPECT_EQ(texts[0], f + ":8: dispatch.daily_coverage_required: 应为布尔值,实际为字符串");
  EXPECT_EQ(texts[1], f + ":11: dispatch.team_specialties: 应为字符串列表,实际为数组");
  EXPECT_EQ(texts[2].rfind(f + ":14: dispatch.min_title_level: “chief”不是可选值", 0), 0u) << texts[2];
  EXPECT_EQ(texts[3], f + ":17: weekly_report.due_time: “25:00”格式应为 HH:MM(24小时制)");
  EXPECT_EQ(texts[4], f + ":20: dispatch.max_age: 应为整数,实际为小数");
}

TEST(PresetLoader, RequiresHeaderSourceAndKnownFields) {
  auto dir = fresh_dir();
  auto file = write_file(dir, "fields.toml",
                         "[preset]\n"                                     // 1
                         "id = \"Bad Id\"\n"                              // 2
                         "title = \"测试\"\n"                             // 3
                         "seed = \"000_test.txt\"\n"                      // 4
                         "author = \"某人\"\n"                            // 5
                         "[params.\"dispatch.min_days_per_week\"]\n"      // 6
                         "value = 3\n"                                    // 7
                         "[params.\"dispatch.team_size\"]\n"              // 8
                         "value = 3\n"                                    // 9
                         "source = \"测试\"\n"                            // 10
                         "clause = \"多余\"\n"                            // 11
                         "[extra]\n"                                      // 12
                         "x = 1\n");                                      // 13
  auto texts = issue_texts([&] { load_preset(file); });
  std::string f = file.string();
  std::string all;
  for (const auto& t : texts) all += t + "\n";
  EXPECT_NE(all.find(f + ":5: preset.author: "), std::string::npos) << all;
  EXPECT_NE(all.find(f + ":2: preset.id: “Bad Id”只能由小写字母、数字和连字符组成"), std::string::npos) << all;
  EXPECT_NE(all.find(f + ":1: preset.document: 缺少必填项"), std::string::npos) << all;
  EXPECT_NE(all.find(f + ":6: dispatch.min_days_per_week.source: 缺少必填项"), std::string::npos) << all;
  EXPECT_NE(all.find(f + ":11: dispatch.team_size: 未知的字段 clause"), std::string::npos) << all;
  EXPECT_NE(all.find(f + ":12: extra: 未知的顶层键"), std::string::npos) << all;
}

TEST(PresetLoader, ReportsSyntaxErrorsWithTheirLine) {
  auto dir = fresh_dir();
  auto file = write_file(dir, "syntax.toml", header("syntax") + "[params.\"dispatch.team_size\"\nvalue = 3\n");
  auto texts = issue_texts([&] { load_preset(file); });
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0].rfind(file.string() + ":7: TOML 语法错误:", 0), 0u) << texts[0];
}

// The text form is what the fuzz target (fuzz/preset_fuzz.cpp) drives: same checks, same issues.
TEST(PresetLoader, TextInMemoryIsCheckedLikeTheFile) {
  for (const auto& entry : std::filesystem::directory_iterator(shipped_policies_dir())) {
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Preset a = load_preset(entry.path()), b = parse_preset(text, entry.path().string());
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.params.size(), b.params.size());
  }
  auto texts = issue_texts([&] { parse_preset(header("syntax") + "[params.\"dispatch.team_size\"\nvalue = 3\n", "mem.toml"); });
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0].rfind("mem.toml:7: TOML 语法错误:", 0), 0u) << texts[0];
}

TEST(PresetLoader, NestedTablesMeanTheSameKey) {
  auto dir = fresh_dir();
  auto file = write_file(dir, "nested.toml",
                         header("nested") + "[params.dispatch.min_days_per_week]\nvalue = 4\nsource = \"“测试”\"\n");
  Preset preset = load_preset(file);
  ASSERT_TRUE(preset.get("dispatch.min_days_per_week"));
  EXPECT_EQ(std::get<int64_t>(preset.get("dispatch.min_days_per_week")->value), 4);
}

TEST(PresetLoader, DuplicateIdsAcrossFilesAreErrors) {
  auto dir = fresh_dir();
  std::string body = "[params.\"dispatch.team_size\"]\nvalue = 3\nsource = \"测试\"\n";
  write_file(dir, "a.toml", header("same") + body);
  auto second = write_file(dir, "b.toml", header("same") + body);
  auto texts = issue_texts([&] { load_presets(dir); });
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0], second.string() + ":2: preset.id: 方案编号 same 与 " + (dir / "a.toml").string() + ":2 重复");
}

TEST(PresetLoader, CollectsProblemsOfAllFilesInADirectory) {
  auto dir = fresh_dir();
  write_file(dir, "one.toml", header("one") + "[params.\"dispatch.team_size\"]\nvalue = 0\nsource = \"测试\"\n");
  write_file(dir, "two.toml", header("two") + "[params.\"dispatch.max_age\"]\nvalue = 99\nsource = \"测试\"\n");
  write_file(dir, "readme.txt", "not a preset");
  auto texts = issue_texts([&] { load_presets(dir); });
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0], (dir / "one.toml").string() + ":8: dispatch.team_size: 0 超出范围 1–50");
  EXPECT_EQ(texts[1], (dir / "two.toml").string() + ":8: dispatch.max_age: 99 超出范围 18–70");
}

TEST(PresetLoader, MissingOrEmptyDirectoryIsAnError) {
  auto dir = fresh_dir();
  EXPECT_THROW(load_presets(dir), PresetLoadError);
  EXPECT_THROW(load_presets(dir / "absent"), PresetLoadError);
}

// The server loads presets while installing routes; a broken directory must stop it and
// must not replace the presets already in use.
TEST(PresetStartup, BrokenDirectoryRefusesToLoad) {
  auto good = shipped_presets();
  auto dir = fresh_dir();
  write_file(dir, "broken.toml",
             header("broken") + "[params.\"dispatch.min_days_per_week\"]\nvalue = 9\nsource = \"x\"\n");
  try {
    shipped_presets(dir.string());
    ADD_FAILURE() << "a broken preset must stop the start";
  } catch (const PresetLoadError& e) {
    EXPECT_NE(std::string(e.what()).find("broken.toml:8: dispatch.min_days_per_week: 9 超出范围 0–7"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(shipped_presets().get(), good.get());
}

TEST(PresetStartup, LocatesTheDirectory) {
  EXPECT_EQ(locate_policies_dir(shipped_policies_dir().string()), shipped_policies_dir());
  EXPECT_THROW(locate_policies_dir("/nonexistent/policies"), std::runtime_error);
  EXPECT_TRUE(std::filesystem::is_directory(locate_policies_dir()));
}

}  // namespace
}  // namespace yilian::policy

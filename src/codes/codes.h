// Code lists the registry validates against. They are national standards, not policy
// parameters: WS 218 institution kinds, GB/T 8561 professional titles, GB/T 2261.1 sex.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace yilian::codes {

using Choices = std::vector<std::pair<std::string, std::string>>;

const Choices& institution_kinds();  // WS 218-2002 卫生机构(组织)分类代码
// The WS 218 kind of a 村卫生室, which scope and several rules single out.
inline constexpr const char* kVillageClinicKind = "D600";
const Choices& hospital_levels();    // 1 一级, 2 二级, 3 三级, 9 未定级
const Choices& hospital_grades();    // 甲 乙 丙 特 未评
const Choices& ownerships();
const Choices& titles();             // GB/T 8561 专业技术职务代码, health series
const Choices& title_levels();       // senior, associate, intermediate, junior, assistant, none
const Choices& professions();
const Choices& sexes();

// The level of a GB/T 8561 title: 231 → "senior" (正高), 232 → "associate" (副高),
// 233 → "intermediate" (中级), 234 → "junior" (初级/师), 235 → "assistant" (初级/士).
std::string title_level_of(const std::string& title_code);
// The order of title_levels(), the one ranking of title levels: none 0 … senior 5;
// 0 for an unknown level. next_title_level is the level above ("" above senior).
int title_rank(const std::string& level);
std::string next_title_level(const std::string& level);
std::string label_of(const Choices& c, const std::string& value);

}  // namespace yilian::codes

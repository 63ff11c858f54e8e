#include "codes/codes.h"

namespace yilian::codes {

const Choices& institution_kinds() {
  static const Choices c = {
      {"A100", "综合医院"},         {"A210", "中医医院"},           {"A220", "中西医结合医院"},
      {"A230", "民族医院"},         {"A300", "专科医院"},           {"A400", "疗养院"},
      {"B100", "社区卫生服务中心"}, {"B200", "社区卫生服务站"},     {"C100", "街道卫生院"},
      {"C210", "中心卫生院"},       {"C220", "乡卫生院"},           {"D100", "门诊部"},
      {"D200", "诊所"},             {"D600", "村卫生室"},           {"E100", "急救中心"},
      {"F100", "专科疾病防治院"},   {"G100", "妇幼保健院"},         {"H100", "卫生监督所"},
      {"J100", "疾病预防控制中心"}, {"K100", "卫生健康行政部门"},   {"L100", "医学科研机构"},
      {"M100", "医学在职培训机构"}, {"Z100", "其他卫生机构"},
  };
  return c;
}

const Choices& hospital_levels() {
  static const Choices c = {{"1", "一级"}, {"2", "二级"}, {"3", "三级"}, {"9", "未定级"}};
  return c;
}

const Choices& hospital_grades() {
  static const Choices c = {{"A", "甲等"}, {"B", "乙等"}, {"C", "丙等"}, {"S", "特等"}, {"N", "未评"}};
  return c;
}

const Choices& ownerships() {
  static const Choices c = {{"public", "公立"}, {"private", "民营"}, {"enterprise", "企业"}};
  return c;
}

const Choices& titles() {
  static const Choices c = {
      {"231", "主任医师"}, {"232", "副主任医师"}, {"233", "主治医师"}, {"234", "医师"}, {"235", "医士"},
      {"241", "主任药师"}, {"242", "副主任药师"}, {"243", "主管药师"}, {"244", "药师"}, {"245", "药士"},
      {"251", "主任护师"}, {"252", "副主任护师"}, {"253", "主管护师"}, {"254", "护师"}, {"255", "护士"},
      {"261", "主任技师"}, {"262", "副主任技师"}, {"263", "主管技师"}, {"264", "技师"}, {"265", "技士"},
  };
  return c;
}

const Choices& title_levels() {
  static const Choices c = {{"senior", "正高"},   {"associate", "副高"}, {"intermediate", "中级"},
                            {"junior", "初级(师)"}, {"assistant", "初级(士)"}, {"none", "无职称"}};
  return c;
}

const Choices& professions() {
  static const Choices c = {{"clinical", "医师"},         {"nursing", "护理"},       {"pharmacy", "药学"},
                            {"technician", "医技"},       {"public_health", "公共卫生"}, {"management", "管理"},
                            {"village_doctor", "乡村医生"}, {"other", "其他"}};
  return c;
}

const Choices& sexes() {
  static const Choices c = {{"1", "男"}, {"2", "女"}};
  return c;
}

std::string title_level_of(const std::string& code) {
  if (code.size() != 3 || code[0] != '2' || code[1] < '3' || code[1] > '6') return "none";
  switch (code[2]) {
    case '1': return "senior";
    case '2': return "associate";
    case '3': return "intermediate";
    case '4': return "junior";
    case '5': return "assistant";
    default: return "none";
  }
}

std::string label_of(const Choices& c, const std::string& value) {
  for (const auto& [v, l] : c)
    if (v == value) return l;
  return value;
}

int title_rank(const std::string& level) {
  const Choices& levels = title_levels();  // highest first
  for (size_t i = 0; i < levels.size(); ++i)
    if (levels[i].first == level) return static_cast<int>(levels.size() - 1 - i);
  return 0;
}

std::string next_title_level(const std::string& level) {
  const Choices& levels = title_levels();
  int rank = title_rank(level);
  return rank + 1 < static_cast<int>(levels.size()) ? levels[levels.size() - 2 - rank].first : "";
}

}  // namespace yilian::codes

#include "policy/catalog.h"

#include <sstream>

#include "codes/codes.h"

namespace yilian::policy {
namespace {

using Choices = std::vector<std::pair<std::string, std::string>>;

// Title levels use the registry's codes (staff.title_level), so a rule compares a
// staff row with a parameter without translating. "none" is no level to require.
Choices title_level_choices() {
  Choices c;
  for (const auto& choice : codes::title_levels())
    if (choice.first != "none") c.push_back(choice);
  return c;
}

ParamSpec integer(std::string key, std::string unit, double min, double max, std::vector<std::string> rules,
                  std::string label, std::string description) {
  return {.key = std::move(key), .type = ParamType::integer, .unit = std::move(unit), .min = min, .max = max,
          .rules = std::move(rules), .label = std::move(label), .description = std::move(description)};
}

ParamSpec number(std::string key, std::string unit, double min, double max, std::vector<std::string> rules,
                 std::string label, std::string description) {
  return {.key = std::move(key), .type = ParamType::number, .unit = std::move(unit), .min = min, .max = max,
          .rules = std::move(rules), .label = std::move(label), .description = std::move(description)};
}

ParamSpec boolean(std::string key, std::vector<std::string> rules, std::string label, std::string description) {
  return {.key = std::move(key), .type = ParamType::boolean, .rules = std::move(rules), .label = std::move(label),
          .description = std::move(description)};
}

ParamSpec code(std::string key, Choices choices, std::vector<std::string> rules, std::string label,
               std::string description) {
  return {.key = std::move(key), .type = ParamType::string, .choices = std::move(choices), .rules = std::move(rules),
          .label = std::move(label), .description = std::move(description)};
}

ParamSpec code_list(std::string key, Choices choices, std::vector<std::string> rules, std::string label,
               std::string description) {
  return {.key = std::move(key), .type = ParamType::string_list, .choices = std::move(choices),
          .rules = std::move(rules), .label = std::move(label), .description = std::move(description)};
}

// No seed document gives a value for it: the catalog keeps it so a relationship can agree one.
ParamSpec unsourced(ParamSpec spec) {
  spec.optional = true;
  return spec;
}

std::vector<ParamSpec> build_catalog() {
  const Choices titles = title_level_choices();
  std::vector<ParamSpec> c;

  // D1 — who may be dispatched.
  c.push_back(code("dispatch.min_title_level", titles, {"D1"}, "派驻人员最低职称级别",
                   "派驻(下派)人员须达到的最低职称级别,取人员档案的职称级别代码比较。"));
  c.push_back(integer("dispatch.max_age", "岁", 18, 70, {"D1"}, "派驻人员年龄上限",
                      "派驻人员在派驻开始时的年龄上限(含本数)。"));
  c.push_back(boolean("dispatch.select_promotion_candidates", {"D1", "D5"}, "从本年度拟晋升人员中选派",
                      "是否以本年度拟晋升职称的人员为选派对象;为真时,拟晋升而未派驻者列为问题。"));
  c.push_back(code_list("dispatch.candidate_target_levels", titles, {"D1", "D5"}, "选派对象拟晋升的职称级别",
                   "拟晋升到这些职称级别的人员属于选派对象(与 dispatch.select_promotion_candidates 配合)。"));

  // D2 — how many.
  c.push_back(integer("dispatch.min_concurrent_staff_city_to_county", "人", 0, 100, {"D2"},
                      "城市医院对县医院同时在岗派驻人数下限",
                      "城市医院支援县级医院时,每年须同时在受援医院工作的派驻人数下限。"));
  c.push_back(integer("dispatch.min_staff_per_year_to_township_center", "人/年", 0, 100, {"D2"},
                      "二级以上医院向中心卫生院年派驻人数下限",
                      "二级以上医院每年向受援中心卫生院派驻的人数下限。"));
  c.push_back(integer("dispatch.team_size", "人", 1, 50, {"D2"}, "每家受援单位工作团队人数",
                      "每家受援单位驻点工作团队的人数。"));
  c.push_back(code_list("dispatch.team_specialties", {}, {"D2"}, "工作团队专业构成",
                   "团队中每个岗位的专业,一项一个岗位;一个岗位可由几个专业之一担任时用“/”分隔,如“妇产科/儿科”。"));

  // D3 — how long.
  c.push_back(integer("dispatch.min_term_months", "月", 1, 60, {"D3"}, "每名派驻人员服务期限",
                      "每名派驻人员在受援单位的服务期限下限。"));
  c.push_back(integer("dispatch.rotation_months", "月", 1, 60, {"D3"}, "轮换周期",
                      "派驻人员按期轮换的周期,每到期轮换一批。"));
  c.push_back(integer("dispatch.max_gap_days_between_rotations", "天", 0, 365, {"D3"}, "轮换交接最长空档",
                      "前后两批派驻人员交接之间,受援单位无派驻人员的最长天数;0 表示须无缝衔接,保证受援单位长期有派驻人员。"));

  // D4 — presence at the recipient.
  c.push_back(integer("dispatch.min_days_per_week", "天/周", 0, 7, {"D4"}, "每周在受援单位工作天数",
                      "派驻人员每周在受援单位工作的最少工作日数,按半天在岗记录折算。"));
  c.push_back(boolean("dispatch.daily_coverage_required", {"D4"}, "每天须有派驻人员在岗",
                      "是否要求受援单位每个工作日至少有1名派驻人员驻扎在岗。"));
  c.push_back(boolean("dispatch.reside_at_recipient_required", {"D4", "D10"}, "须在受援单位驻地居住",
                      "派驻期间是否要求住在受援单位驻地;未驻地居住列为问题。"));

  // D5 — promotion.
  c.push_back(integer("promotion.grassroots_days_before_associate", "天", 0, 1825, {"D5"},
                      "晋升副主任医师前基层服务累计天数",
                      "晋升副主任医师(副高)前须在乡镇卫生院、社区卫生服务中心等基层累计服务的天数。"));
  c.push_back(integer("promotion.eligibility_min_term_months", "月", 0, 60, {"D5"}, "本年度晋升资格要求的服务月数",
                      "派驻服务时间不足此月数的,本年度不得参加职称晋升。"));
  c.push_back(integer("promotion.eligibility_min_days_per_week", "天/周", 0, 7, {"D5"},
                      "本年度晋升资格要求的每周工作天数",
                      "派驻期间每周在受援单位工作日不足此数的,本年度不得参加职称晋升。"));
  c.push_back(boolean("promotion.refusal_loses_eligibility", {"D5"}, "拒绝派驻取消本年度晋升资格",
                      "不服从安排、拒绝下派的人员是否取消本年度晋升资格。"));
  c.push_back(boolean("promotion.failed_evaluation_loses_eligibility", {"D5", "D6"}, "考核不合格不予晋升",
                      "派驻考核不合格的人员是否不予本年度职称晋升评定。"));
  c.push_back(boolean("promotion.rounds_count_as_grassroots", {"D5"}, "巡诊与派驻计入基层工作经历",
                      "参加巡回医疗、巡诊和派驻服务的时间是否累计计入晋升所需的基层工作经历。"));

  // D6 — evaluation.
  c.push_back(boolean("evaluation.joint_appraisal_required", {"D6"}, "派驻结束须双方共同鉴定",
                      "派驻结束时是否须由支援单位与受援单位共同对派驻人员进行工作鉴定。"));
  c.push_back(boolean("evaluation.recipient_feedback_required", {"D6"}, "受援单位须如实反馈",
                      "受援单位是否须对每名派驻人员的工作情况如实反馈,作为考核依据。"));
  c.push_back(boolean("evaluation.record_in_physician_archive", {"D6"}, "考核结果记入医师定期考核技术档案",
                      "派驻考核结果是否记入医师定期考核技术档案。"));
  c.push_back(unsourced(number("evaluation.pass_score", "分", 0, 100, {"D6", "D5"}, "派驻考核合格分数线",
                              "派驻考核得分低于此分数为不合格。来源文件均未给出分数线,由关系协议约定。")));

  // D7 — money.
  c.push_back(number("compensation.monthly_allowance", "元/月", 0, 100000, {"D7"}, "派驻人员每月补助",
                     "支援单位每月发给派驻人员的补助(奖励)金额。"));
  c.push_back(integer("compensation.travel_reimbursement_interval_months", "月", 1, 12, {"D7"}, "往返车船费报销间隔",
                      "派驻人员每隔几个月可报销一次往返车船费。"));
  c.push_back(integer("compensation.leave_after_return_months", "月", 0, 12, {"D7"}, "任务完成回院后休假",
                      "派驻任务完成回院后的休假月数。"));
  c.push_back(number("compensation.surgery_guidance_fee_senior", "元/例", 0, 100000, {"D7"},
                     "手术指导费(高级职称)", "高级职称人员每例手术指导的费用标准。"));
  c.push_back(number("compensation.surgery_guidance_fee_intermediate", "元/例", 0, 100000, {"D7"},
                     "手术指导费(中级职称)", "中级职称人员每例手术指导的费用标准。"));
  c.push_back(number("compensation.service_day_fee_senior", "元/天", 0, 100000, {"D7"},
                     "坐诊、会诊、查房、讲课费(高级职称)", "高级职称人员坐诊、会诊、查房、讲课每天的费用标准。"));
  c.push_back(number("compensation.service_day_fee_intermediate", "元/天", 0, 100000, {"D7"},
                     "坐诊、会诊、查房、讲课费(中级职称)", "中级职称人员坐诊、会诊、查房、讲课每天的费用标准。"));
  c.push_back(boolean("compensation.recipient_pays", {"D7"}, "费用由受援(基层)单位承担",
                      "派驻人员的指导费、补贴是否由受援(基层)单位承担;为假时受援单位不得发放任何补贴及奖金。"));
  c.push_back(boolean("compensation.salary_unchanged", {"D7"}, "派驻期间工资福利待遇不变",
                      "派驻期间派驻人员在原单位的工资福利待遇是否保持不变。"));

  // D9 — visits and lectures by the supporting hospital.
  c.push_back(integer("support.leadership_visits_per_year", "次/年", 0, 52, {"D9"}, "院领导每年到受援单位次数",
                      "支援医院领导班子成员每年到每家受援单位了解情况的最少次数。"));
  c.push_back(integer("support.lectures_per_year", "期/年", 0, 365, {"D9"}, "每年举办讲座期数",
                      "支援医院每年为受援单位举办医疗理论知识和适宜技术讲座的最少期数。"));
  c.push_back(integer("support.guidance_visits_per_month", "次/月", 0, 31, {"D9"}, "每月业务指导次数",
                      "支援医院每月到受援单位进行业务指导的最少次数。"));
  c.push_back(integer("support.hospital_wide_lectures_per_year", "次/年", 0, 52, {"D9"}, "每年全院培训大课次数",
                      "派驻专家每年在受援医院开展全院培训大课的最少次数。"));

  // T1 — free training of recipient staff.
  c.push_back(integer("training.free_trainees_per_year", "人/年", 0, 1000, {"T1"}, "每年免费进修人数",
                      "支援医院每年免费接收受援单位进修(规范化培训)人员的最少人数。"));
  c.push_back(integer("training.min_trainee_months", "月", 1, 36, {"T1"}, "进修时间下限",
                      "每名进修人员进修时间的下限。"));
  c.push_back(integer("training.max_trainee_months", "月", 1, 36, {"T1"}, "进修时间上限",
                      "每名进修人员进修时间的上限。"));

  // V2 and V6 — village rounds.
  c.push_back(integer("rounds.min_visits_per_week", "次/周", 0, 14, {"V2"}, "重点行政村每周巡诊次数",
                      "服务人口少、不宜配置固定村医的行政村及未设基层医疗卫生机构的搬迁安置点,健康管理团队每周巡诊的最少次数。"));
  c.push_back(integer("rounds.min_half_days_per_visit", "半天", 1, 14, {"V2"}, "每次巡诊时长",
                      "每次巡诊的最少时长,以半天计。"));
  c.push_back(boolean("rounds.include_relocation_sites", {"V2", "R3"}, "搬迁安置点纳入巡诊",
                      "尚未设置基层医疗卫生机构的搬迁安置点是否按重点行政村安排巡诊。"));
  c.push_back(unsourced(integer("rounds.small_village_max_population", "人", 0, 100000, {"V2", "R3"},
                               "“服务人口少”的人口上限",
                               "常住人口不超过此数的行政村视为服务人口少、须加密巡诊。来源文件未给出具体人数,由关系协议或县级方案约定。")));
  c.push_back(integer("rounds.senior_doctor_visits_per_month", "次/月", 0, 31, {"V6"},
                      "二级以上医院医疗骨干每月巡诊次数",
                      "参加乡镇健康管理巡诊团队的二级以上医院医疗骨干每月下村巡诊的最少次数。"));
  c.push_back(integer("rounds.senior_doctors_assigned", "人", 0, 10000, {"V6"}, "参加巡诊的二级以上医院医疗骨干人数",
                      "本区(县)安排参加乡镇健康管理巡诊团队的二级以上医院医疗骨干人数下限。"));
  c.push_back(boolean("rounds.cover_all_villages", {"V6", "V1"}, "巡诊覆盖所有行政村",
                      "巡诊服务是否须覆盖到所有行政村。"));

  // V4 — village-level dispatch.
  c.push_back(number("village_dispatch.doctor_ratio_per_mille", "‰", 0, 10, {"V4", "R3"}, "村医配备比例下限",
                     "村医人数低于服务人口的此千分比时,须由乡镇卫生院开展村级派驻服务。"));
  c.push_back(integer("village_dispatch.min_days_per_week", "天/周", 0, 7, {"V4"}, "村级派驻每周工作天数",
                      "村级派驻人员每周在村卫生室工作的最少天数。"));
  c.push_back(integer("village_dispatch.min_half_days_per_day", "半天/日", 1, 2, {"V4"}, "村级派驻每日工作时长",
                      "村级派驻人员每个工作日在村卫生室的最少时长,以半天计。"));
  c.push_back(integer("village_dispatch.min_continuous_months", "月", 1, 60, {"V4"}, "村级派驻连续服务时间",
                      "村级派驻人员连续服务的最短月数。"));

  // V5 — township-level dispatch.
  c.push_back(code("township_dispatch.min_title_level", titles, {"V5", "D1"}, "乡级派驻人员最低职称级别",
                   "由医共体牵头医院、疾控中心派到乡镇卫生院的人员须达到的最低职称级别。"));
  c.push_back(integer("township_dispatch.min_continuous_months", "月", 1, 60, {"V5"}, "乡级派驻连续驻点时间",
                      "乡级派驻人员在乡镇卫生院连续驻点工作的最短月数。"));

  // V7 — the weekly statistics table.
  c.push_back(integer("weekly_report.due_weekday", "周几", 1, 7, {"V7"}, "周报上报截止日",
                      "上一周(周一至周日)巡诊统计表在下一周的第几天截止上报,1 为周一,7 为周日。"));
  {
    ParamSpec due_time = code("weekly_report.due_time", {}, {"V7"}, "周报上报截止时刻",
                              "周报在截止日的截止时刻(24小时制)。");
    due_time.pattern = "([01][0-9]|2[0-3]):[0-5][0-9]";
    due_time.pattern_label = "HH:MM(24小时制)";
    c.push_back(std::move(due_time));
  }

  // A1 and A3 — relationships and coverage.
  c.push_back(integer("relationship.term_years", "年", 1, 10, {"A1"}, "对口支援关系期限",
                      "支援单位与受援单位结成对口支援关系的期限。"));
  c.push_back(number("coverage.county_institutions_pct", "%", 0, 100, {"A3"}, "县级医疗卫生机构对口支援覆盖率",
                     "有对口支援关系的县级医疗卫生机构占全部县级医疗卫生机构的目标比例。"));
  c.push_back(number("coverage.poor_township_centers_pct", "%", 0, 100, {"A3"}, "贫困乡镇中心卫生院对口支援覆盖率",
                     "有对口支援关系的贫困乡镇中心卫生院所占的目标比例。"));
  c.push_back(number("coverage.grade_2b_hospitals_pct", "%", 0, 100, {"A3"}, "二级乙等医院对口支援覆盖率",
                     "有对口支援关系的二级乙等医院所占的目标比例。"));
  c.push_back(code_list("coverage.county_institution_kinds", codes::institution_kinds(), {"A3"},
                        "县级医疗卫生机构包含的机构类别",
                        "A3“县级医疗卫生机构”覆盖率所统计的机构类别(WS 218卫生机构分类代码),取县级区划内的这些机构。"));
  c.push_back(number("coverage.county_hospital_remote_medicine_pct", "%", 0, 100, {"A3", "M1"},
                     "县级综合医院远程医疗系统覆盖率", "建有远程医疗系统的县级综合医院所占的目标比例。"));

  // Time limits of the records themselves, which no document states: the platform preset
  // (policies/platform.toml) sets them, and a deployment may change them there.
  c.push_back(integer("records.field_entry_window_days", "天", 0, 60, {"D4", "D8", "V7"},
                      "现场人员补登期限",
                      "派驻人员和村医在手机上可登记、更正或撤销最近几天的在岗、工作和巡诊记录;更早的由受援单位(乡镇卫生院)更正。"));
  c.push_back(integer("presence.confirmation_window_days", "天", 0, 60, {"D10"}, "受援单位确认在岗期限",
                      "签到后超过该天数仍未经受援单位确认的半天记为“未确认”(D10:派驻人员未真正驻点的迹象)。"));

  // A5, F4, F7, E2 — alliance organisation and targets.
  c.push_back(integer("alliance.council_term_years", "年", 1, 10, {"A5"}, "医联体理事会每届任期",
                      "医联体理事会(及秘书处)每届的任期年数。"));
  c.push_back(integer("alliance.member_review_max_years", "年", 1, 10, {"A5"}, "成员单位调整间隔上限",
                      "医联体成员单位至迟每隔几年调整一次。"));
  c.push_back(number("targets.in_county_treatment_rate_pct", "%", 0, 100, {"F7", "E2"}, "县域内就诊率目标",
                     "县域内就诊人次占县域居民全部就诊人次的目标下限。"));
  c.push_back(number("targets.down_referral_follow_up_pct", "%", 0, 100, {"F4", "E2"}, "下转患者随访率",
                     "下转患者中接受随访的目标比例。"));
  c.push_back(number("targets.bed_occupancy_pct", "%", 0, 100, {"E2"}, "牵头医院住院床位使用率目标",
                     "牵头医院住院床位使用率的目标下限。"));
  c.push_back(number("targets.member_standardisation_pct", "%", 0, 100, {"E2"}, "成员单位规范化达标率目标",
                     "医联体内乡镇卫生院、社区卫生服务中心规范化达标率的目标下限。"));
  return c;
}

}  // namespace

const std::vector<ParamSpec>& parameter_catalog() {
  static const std::vector<ParamSpec> catalog = build_catalog();
  return catalog;
}

const ParamSpec* find_param(std::string_view key) {
  for (const auto& spec : parameter_catalog())
    if (spec.key == key) return &spec;
  return nullptr;
}

std::string type_name(ParamType t) {
  switch (t) {
    case ParamType::integer: return "integer";
    case ParamType::number: return "number";
    case ParamType::boolean: return "boolean";
    case ParamType::string: return "string";
    case ParamType::string_list: return "string_list";
  }
  return "";
}

std::string type_label(ParamType t) {
  switch (t) {
    case ParamType::integer: return "整数";
    case ParamType::number: return "数值";
    case ParamType::boolean: return "布尔值";
    case ParamType::string: return "字符串";
    case ParamType::string_list: return "字符串列表";
  }
  return "";
}

namespace {
std::string plain(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}
}  // namespace

std::string range_label(const ParamSpec& spec) {
  if (spec.min && spec.max) return plain(*spec.min) + "–" + plain(*spec.max);
  if (spec.min) return "≥" + plain(*spec.min);
  if (spec.max) return "≤" + plain(*spec.max);
  return "";
}

}  // namespace yilian::policy

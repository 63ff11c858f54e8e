#include "compliance/checks.h"

namespace yilian::compliance {
namespace {

// The clauses quoted for rules judged against another rule's number (seed documents in
// ../shared/seeds: 000 county plans, 001 alliance plans, 004 the work summaries).
const char* const kCountyPlan = "县城乡医疗卫生对口支援工作实施方案";
const char* const kAgreementClause =
    "“签订对口支援协议书(同时报送卫生行政主管部门)并切实履行”";
const char* const kAlliancePlan = "医联体实施方案 篇四(全面推进市镇医疗联合体管理工作实施方案)";
const char* const kStepsClause =
    "四、工作步骤:“(一)开展对接调研(7月10日前)……(二)签订合作协议(7月31日前)……(三)落实下派人员(7月31日前)”";
const char* const kSummary2 = "医院对口支援工作总结2(卫生支农“双千工程”、对口支援乡镇卫生院)";
const char* const kResideClause = "四、存在不足:“部分支援医师未按照要求,完全在受援医院居住”";
const char* const kRecordsClause = "四、存在不足:“带教、讲座等记录不规范和完整”";

}  // namespace

const std::vector<CheckInfo>& check_catalog() {
  static const std::vector<CheckInfo> checks = {
      {"policy.preset", "A2", "选择政策方案", kCountyPlan,
       "“明确年度和中长期目标、任务内容、支援方式、双方的权利和义务等,制订工作计划和方案”"},
      {"agreement.filed", "A2", "协议签订并报备", kCountyPlan, kAgreementClause},
      {"coverage.county_institutions", "A3", "县级医疗卫生机构覆盖", "", ""},
      {"coverage.poor_township_centers", "A3", "贫困乡镇中心卫生院覆盖", "", ""},
      {"coverage.grade_2b_hospitals", "A3", "二级乙等医院覆盖", "", ""},
      {"relationship.work_steps", "A7", "工作步骤按期完成", kAlliancePlan, kStepsClause},
      {"dispatch.title_level", "D1", "派驻人员职称", "", ""},
      {"dispatch.max_age", "D1", "派驻人员年龄", "", ""},
      {"dispatch.concurrent_staff", "D2", "同时在岗人数", "", ""},
      {"dispatch.staff_per_year", "D2", "每年派驻中心卫生院人数", "", ""},
      {"dispatch.team_specialties", "D2", "派驻团队专业构成", "", ""},
      {"dispatch.term", "D3", "派驻服务期限", "", ""},
      {"dispatch.rotation_gap", "D3", "轮换交接空档", "", ""},
      {"dispatch.weekly_days", "D4", "每周在岗天数", "", ""},
      {"dispatch.daily_coverage", "D4", "每个工作日有人在岗", "", ""},
      {"dispatch.promotion_candidates", "D5", "拟晋升人员派驻基层", "", ""},
      {"evaluation.joint_appraisal", "D6", "期满联合考核", "", ""},
      {"evaluation.recipient_feedback", "D6", "受援单位评价", "", ""},
      {"evaluation.score", "D6", "考核得分", "", ""},
      {"support.leadership_visits", "D9", "领导班子督导次数", "", ""},
      {"support.lectures", "D9", "讲座次数", "", ""},
      {"support.hospital_wide_lectures", "D9", "全院培训大课次数", "", ""},
      {"presence.confirmation", "D10", "签到经受援单位确认", kSummary2, kResideClause},
      {"support.teaching_records", "D10", "每月带教讲座记录", kSummary2, kRecordsClause},
      {"training.free_trainees", "T1", "免费接收进修人数", "", ""},
      {"training.trainee_term", "T1", "进修时间", "", ""},
  };
  return checks;
}

const std::vector<RuleInfo>& rule_catalog() {
  static const std::vector<RuleInfo> rules = {
      {"A2", "协议与方案"},     {"A3", "对口支援覆盖"}, {"A7", "工作步骤"},     {"D1", "派驻人员条件"},
      {"D2", "派驻人数与团队"}, {"D3", "派驻期限与轮换"}, {"D4", "在岗时间"},   {"D5", "晋升前基层服务"},
      {"D6", "考核"},           {"D9", "督导与讲座"},   {"D10", "确认与带教记录"}, {"T1", "进修"},
  };
  return rules;
}

const CheckInfo* find_check(std::string_view key) {
  for (const auto& c : check_catalog())
    if (c.key == key) return &c;
  return nullptr;
}

std::string check_label(const std::string& key) {
  const CheckInfo* c = find_check(key);
  return c ? c->label : key;
}

std::string rule_label(const std::string& rule) {
  for (const auto& r : rule_catalog())
    if (r.rule == rule) return r.label;
  return rule;
}

}  // namespace yilian::compliance

#include "support/choices.h"

namespace yilian::support {

#define CHOICES(fn, ...)          \
  const Choices& fn() {           \
    static const Choices c = {__VA_ARGS__}; \
    return c;                     \
  }

CHOICES(tiers, {"tertiary_county", "三级医院→县级医院"}, {"city_county", "城市医院→县级医院"},
        {"county_township", "县级医院→乡镇卫生院"}, {"township_village", "乡镇卫生院→村卫生室"}, {"other", "其他"})
CHOICES(relationship_statuses, {"draft", "草拟"}, {"signed", "已签订"}, {"filed", "已报备"}, {"ended", "已终止"})
CHOICES(agreement_kinds, {"annual", "年度协议"}, {"mid_term", "中长期协议"})
CHOICES(agreement_statuses, {"draft", "草拟"}, {"signed", "已签订"}, {"filed", "已报卫生行政部门备案"})
CHOICES(target_metrics, {"outpatient_visits", "门诊人次"}, {"inpatient_admissions", "住院人次"},
        {"surgeries", "手术台次"}, {"cases", "病例数"}, {"revenue", "医疗收入"}, {"bed_occupancy_rate", "床位使用率"},
        {"new_techniques", "新技术新项目"}, {"trainees", "进修人数"}, {"custom", "其他"})
CHOICES(specialty_statuses, {"requested", "已申请"}, {"arranged", "已安排"}, {"fulfilled", "已满足"})
CHOICES(leadership_roles, {"leader", "组长"}, {"deputy", "副组长"}, {"member", "成员"}, {"office", "办公室(医务科)"})
CHOICES(work_stages, {"survey", "调研"}, {"agreement", "签订协议"}, {"staffing", "落实下派人员"},
        {"implementation", "组织实施"}, {"summary", "总结"})
CHOICES(alliance_kinds, {"alliance", "医联体"}, {"community", "医共体"}, {"specialty", "专科联盟"},
        {"remote", "远程医疗协作网"})
CHOICES(member_roles, {"lead", "牵头单位"}, {"member", "成员单位"}, {"specialty_partner", "专科协作单位"})
CHOICES(council_roles, {"chair", "理事长"}, {"vice_chair", "副理事长"}, {"member", "理事"},
        {"secretary_general", "秘书长"}, {"office", "常设办公室成员"})
CHOICES(dispatch_levels, {"county", "县级医院帮扶"}, {"township", "乡级派驻"}, {"village", "村级派驻"})
CHOICES(dispatch_roles, {"resident", "驻点"}, {"secondment", "挂职"}, {"management", "管理输出"}, {"rounds", "巡诊"})
CHOICES(assignment_statuses, {"planned", "计划"}, {"active", "在岗"}, {"completed", "已完成"}, {"cancelled", "已取消"})
CHOICES(half_days, {"am", "上午"}, {"pm", "下午"})
CHOICES(presence_statuses, {"present", "在岗"}, {"leave", "请假"}, {"absent", "缺勤"})
CHOICES(presence_review_states, {"pending", "待确认"}, {"confirmed", "已确认"}, {"rejected", "已驳回"})
CHOICES(activity_kinds, {"clinic", "门诊坐诊"}, {"ward_round", "查房"}, {"teaching_round", "教学查房"},
        {"consultation", "会诊"}, {"surgery", "手术"}, {"surgery_demo", "手术示教"},
        {"difficult_case", "疑难病例讨论"}, {"death_case", "死亡病例讨论"}, {"lecture", "讲座/培训"},
        {"hospital_lecture", "全院讲座"}, {"free_clinic", "义诊"}, {"health_talk", "健康巡讲"},
        {"mentoring", "带教(师带徒)"}, {"new_technique", "新技术新项目"}, {"department_building", "重点科室建设"},
        {"donation", "捐赠(设备/药品/资金)"})
CHOICES(evaluation_kinds, {"recipient_feedback", "受援单位评价"}, {"joint_appraisal", "期满联合考核"})
CHOICES(grades, {"excellent", "优秀"}, {"qualified", "合格"}, {"basic", "基本合格"}, {"unqualified", "不合格"})
CHOICES(programmes, {"further_study", "进修"}, {"residency", "住院医师规范化培训"}, {"pharmacist", "临床药师培训"},
        {"gp", "全科医师培训"}, {"cme", "继续医学教育"})
CHOICES(equipment_actions, {"purchase", "采购"}, {"donation", "捐赠"}, {"inspection", "检查"}, {"repair", "维修"},
        {"update", "更新"})

#undef CHOICES

}  // namespace yilian::support

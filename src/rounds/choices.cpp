#include "rounds/choices.h"

namespace yilian::rounds {

#define CHOICES(fn, ...)                    \
  const Choices& fn() {                     \
    static const Choices c = {__VA_ARGS__}; \
    return c;                               \
  }

CHOICES(team_kinds, {"health_management", "健康管理团队"}, {"general_specialist", "全专联合家庭医生团队"})
CHOICES(member_roles, {"gp", "全科医生"}, {"specialist", "专科医生"}, {"nurse", "护士"},
        {"public_health", "公共卫生人员"}, {"village_doctor", "乡村医生"})
CHOICES(affiliations, {"lead_hospital", "医共体牵头医院"}, {"external_tertiary", "医联体外部协作三级医院"})
CHOICES(half_days, {"am", "上午"}, {"pm", "下午"})
CHOICES(visit_person_roles, {"member", "团队成员"}, {"senior", "二级以上医院医疗骨干"})
CHOICES(plan_sources, {"manual", "手工排班"}, {"planner", "自动排班"})
CHOICES(report_statuses, {"not_submitted", "未填报"}, {"submitted", "已提交"}, {"returned", "已退回"},
        {"approved", "已审核"})

#undef CHOICES

}  // namespace yilian::rounds

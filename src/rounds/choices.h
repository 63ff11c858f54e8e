// Code lists of the rounds module (value → 中文).
#pragma once
#include "codes/codes.h"

namespace yilian::rounds {

using codes::Choices;

const Choices& team_kinds();          // 健康管理团队 / 全专联合 (V3)
const Choices& member_roles();        // gp, specialist, nurse, public_health, village_doctor
const Choices& affiliations();        // senior doctors: 医共体牵头医院 / 医联体外部协作三级医院 (V6, V7)
const Choices& half_days();           // am 上午 / pm 下午
const Choices& visit_person_roles();  // member 团队成员 / senior 二级以上医院医疗骨干
const Choices& plan_sources();        // manual 手工 / planner 自动排班
const Choices& report_statuses();     // not_submitted, submitted, returned, approved

}  // namespace yilian::rounds

// Code lists of the support module (value → 中文).
#pragma once
#include "codes/codes.h"

namespace yilian::support {

using codes::Choices;

const Choices& tiers();
const Choices& relationship_statuses();
const Choices& agreement_kinds();
const Choices& agreement_statuses();
const Choices& target_metrics();
const Choices& specialty_statuses();
const Choices& leadership_roles();
const Choices& work_stages();
const Choices& alliance_kinds();
const Choices& member_roles();
const Choices& council_roles();
const Choices& dispatch_levels();
const Choices& dispatch_roles();
const Choices& assignment_statuses();
const Choices& half_days();
const Choices& presence_statuses();
const Choices& presence_review_states();  // the presence lifecycle (support/presence_review.h)
const Choices& activity_kinds();
const Choices& evaluation_kinds();
const Choices& grades();
const Choices& programmes();
const Choices& equipment_actions();

}  // namespace yilian::support

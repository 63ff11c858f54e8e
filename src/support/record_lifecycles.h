// The lifecycles of counterpart-support records on the shared mechanism (api/lifecycle.h).
// Each state field changes only by its transitions; finished records are locked.
//  - support relationship: 草拟 → 已签订 → 已报备 → 已终止 (reopened by the bureau);
//  - agreement: 草拟 → 已签订 → 已报卫生行政部门备案 (withdrawn from filing by the bureau);
//  - assignment: 计划 → 在岗 → 已完成, or 已取消 with a reason (reopened by the bureau).
// Records imported or back-filled may be created in any but the final states.
#pragma once
#include "api/lifecycle.h"

namespace yilian::support {

api::StateMachine relationship_lifecycle();
api::StateMachine agreement_lifecycle();
api::StateMachine assignment_lifecycle();

// A record in one of `states` is locked with `message`.
api::Lock state_lock(const std::string& field, std::vector<std::string> states, std::string message);

}  // namespace yilian::support

// Rounds records as API entities: teams and their members (V1, V3, V8), the village grid
// (包干, V1), the senior-doctor pool (V6), the half-day plan and visit records (V7).
#pragma once
#include <memory>
#include <vector>

#include "api/entity.h"

namespace yilian::rounds {

std::shared_ptr<const api::EntitySpec> team_entity();
std::shared_ptr<const api::EntitySpec> team_member_entity();
std::shared_ptr<const api::EntitySpec> village_assignment_entity();
std::shared_ptr<const api::EntitySpec> senior_doctor_entity();
std::shared_ptr<const api::EntitySpec> plan_slot_entity();
std::shared_ptr<const api::EntitySpec> plan_doctor_entity();
// POST is the module's own (visit and people in one transaction, idempotent by client_id).
std::shared_ptr<const api::EntitySpec> visit_entity();

// Every entity of the module, in registration order.
std::vector<std::shared_ptr<const api::EntitySpec>> all_entities();

}  // namespace yilian::rounds

// Counterpart-support records as API entities: relationships and agreements (A1–A7),
// alliances (A5), dispatch assignments with half-day presence, activities and
// evaluations (D1–D10), trainees (T1–T3), the recipient's equipment ledger (R7) and
// monthly operating statistics (R6).
#pragma once
#include <memory>
#include <vector>

#include "api/entity.h"

namespace yilian::support {

std::shared_ptr<const api::EntitySpec> relationship_entity();
std::shared_ptr<const api::EntitySpec> agreement_entity();
std::shared_ptr<const api::EntitySpec> assignment_entity();
std::shared_ptr<const api::EntitySpec> presence_entity();
std::shared_ptr<const api::EntitySpec> activity_entity();
std::shared_ptr<const api::EntitySpec> operating_stat_entity();

// Every entity of the module, in registration order.
std::vector<std::shared_ptr<const api::EntitySpec>> all_entities();

}  // namespace yilian::support

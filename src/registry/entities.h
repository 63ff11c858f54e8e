// The registry's tables as API entities (R1–R4): regions, institutions, departments,
// villages and staff, with their field rules and cross-field checks.
#pragma once
#include <memory>

#include "api/entity.h"

namespace yilian::registry {

std::shared_ptr<const api::EntitySpec> region_entity();
std::shared_ptr<const api::EntitySpec> institution_entity();
std::shared_ptr<const api::EntitySpec> department_entity();
std::shared_ptr<const api::EntitySpec> village_entity();
std::shared_ptr<const api::EntitySpec> staff_entity();

}  // namespace yilian::registry

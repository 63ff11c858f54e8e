// Whom a dispatched doctor may name as mentee (带教对象, T2): the active staff of the
// assignment's recipient institution. The doctor's own scope shows only themself, so the
// staff list cannot fill the picker; this list answers whoever may read the assignment.
#pragma once
#include <nlohmann/json.hpp>

#include "api/context.h"

namespace yilian::support {

// GET /api/v1/assignments/{id}/recipient-staff?q=&page_size= → {items:[{id, name, title_code,
// title, department_name}]}: names and posts only, never ID numbers or phones.
http::Response list_recipient_staff(api::Context& ctx);
nlohmann::json recipient_staff_schema();

// Whether the staff member is active staff of the assignment's recipient institution.
bool is_recipient_staff(store::Db& db, int64_t assignment_id, int64_t staff_id);

}  // namespace yilian::support

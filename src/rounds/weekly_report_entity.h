// The county's weekly report (附件2, V7) as an entity on the shared record lifecycle:
//   submitted → approved | returned (with the reviewer's comment) → submitted again …,
// an approved report reopened (returned) by the reviewer with a reason. The county bureau
// submits its own county once the week is over; the bureau above it reviews. The report
// is never edited by PATCH nor withdrawn: PATCH and DELETE are closed, the snapshot is
// taken by the server at each submission.
#pragma once
#include <memory>

#include "api/entity.h"

namespace yilian::rounds {

std::shared_ptr<const api::EntitySpec> weekly_report_entity();

}  // namespace yilian::rounds

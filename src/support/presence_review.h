// The recipient's review of a dispatched doctor's half-days (D4, two-party presence), on
// the shared record lifecycle: a check-in is `pending` until the recipient institution
// confirms it or rejects it with a reason (the half-day then counts as absent); either
// can be reopened by the recipient or the bureau over it. A reviewed half-day is locked
// against PATCH and DELETE until reopened. Field staff change their own records only
// within the entry window.
#pragma once
#include "api/lifecycle.h"

namespace yilian::support {

api::StateMachine presence_review();
api::Lock presence_reviewed_lock();
// For records field staff make on their phones (presence, activities): past the entry
// window they are the recipient's to correct.
api::Lock personal_entry_window_lock();

}  // namespace yilian::support

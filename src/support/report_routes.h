// Handlers of the derived support reports (see reports.h).
#pragma once
#include "api/context.h"
#include "http/request.h"

namespace yilian::support {
http::Response promotion_ledger(api::Context& ctx);
http::Response fee_statements(api::Context& ctx);
http::Response annual_summary(api::Context& ctx);
}  // namespace yilian::support

// Derived views of the support records, computed on request, never stored:
//  - the promotion ledger (D5): cumulative grassroots service per person and whether
//    they may apply for promotion this year;
//  - fee statements (D7): a month's allowance and service fees per person and payer;
//  - the annual numbers of the work summary (E4).
#pragma once
#include "api/router.h"

namespace yilian::support {
void register_report_routes(api::Router& router);
}

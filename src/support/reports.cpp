#include "support/reports.h"

#include "support/report_routes.h"

namespace yilian::support {

void register_report_routes(api::Router& router) {
  router.add({"GET", "/api/v1/promotion-ledger", "基层服务累计与本年度晋升资格(D5)", "support", true, "", "", true,
              {"year", "institution_id", "candidates", "page", "page_size", "format"}},
             promotion_ledger);
  router.add({"GET", "/api/v1/fee-statements", "月度补助与劳务费结算(D7)", "support", true, "", "", false,
              {"month", "institution_id", "today", "format"}},
             fee_statements);
  router.add({"GET", "/api/v1/support/annual-summary", "年度工作总结数据(E4)", "support", true, "", "", false,
              {"year", "supporting_institution_id", "relationship_id", "format"}},
             annual_summary);
}

}  // namespace yilian::support

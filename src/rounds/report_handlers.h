// Handlers of the rounds reports: derived views, computed on request from the records.
#pragma once
#include "api/context.h"
#include "http/request.h"

namespace yilian::rounds {

http::Response coverage(api::Context& ctx);        // V1, V3: villages without a team, team composition
http::Response needs(api::Context& ctx);           // V2, V4, V6: what each village requires
http::Response plan_vs_actual(api::Context& ctx);  // a week's plan slots against the visits made
http::Response monthly(api::Context& ctx);         // 月调度: per village planned, done and required
http::Response weekly_table(api::Context& ctx);    // V7 附件2 as JSON, CSV or xlsx

// The weekly reports (附件2) of the counties: status, deadline, submission and review.
http::Response weekly_report_status(api::Context& ctx);
http::Response weekly_report_completeness(api::Context& ctx);
http::Response weekly_report_get(api::Context& ctx);
http::Response weekly_report_submit(api::Context& ctx);
http::Response weekly_report_review(api::Context& ctx);

}  // namespace yilian::rounds

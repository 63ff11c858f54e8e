// Submitting and reviewing a county's weekly report (V7) through its lifecycle
// (rounds/weekly_report_entity.h): the county bureau submits its row of 附件2 once the
// week is over, with 填报人 and 联系电话 and a snapshot of the numbers; the bureau above
// approves it or returns it for correction, after which the county submits again.
// Timeliness is judged against the preset's deadline. These routes keep the answer the
// console reads (report_json); the transitions themselves are also at
// /weekly-reports/{id}/{approve|return|reopen|resubmit}.
#include "api/entity.h"
#include "common/error.h"
#include "rounds/report_handlers.h"
#include "rounds/weekly_report_entity.h"
#include "rounds/weekly_reports_store.h"
#include "rounds/weekly_table.h"

namespace yilian::rounds {
namespace {

using nlohmann::json;

json load_json(api::Context& ctx, int64_t id) {
  auto report = report_by_id(ctx.db, id);
  calendar::IsoWeek week;
  calendar::parse_iso_week(report->week, week);
  return report_json(*report, weekly_deadline(week, RoundsPolicy::of_request(ctx)));
}

}  // namespace

http::Response weekly_report_submit(api::Context& ctx) {
  json body = ctx.json_body();
  for (const char* key : {"county_code", "week"})
    if (!body.contains(key) || !body[key].is_string() || body[key].get<std::string>().empty())
      common::invalid(key, std::string(key) == "week" ? "周次不能为空" : "县(区)不能为空");
  calendar::IsoWeek week = parse_week_or_fail(body["week"], "week");
  body["week"] = week.label();
  store::Transaction tx(ctx.db);
  auto existing = ctx.db.query("SELECT id FROM weekly_report WHERE county_code = ? AND week = ?",
                               {body["county_code"].get<std::string>(), week.label()});
  int64_t id = 0;
  if (existing.empty()) {
    json create = {{"county_code", body["county_code"]}, {"week", body["week"]}, {"status", "submitted"},
                   {"reporter_name", body.value("reporter_name", json(nullptr))},
                   {"reporter_phone", body.value("reporter_phone", json(nullptr))}};
    id = api::create_entity(ctx, *weekly_report_entity(), create)["id"].get<int64_t>();
  } else {
    id = existing.scalar().as_int();
    api::transition_entity(ctx, *weekly_report_entity(), std::to_string(id), "resubmit", body);
  }
  json after = load_json(ctx, id);
  tx.commit();
  return http::Response::json(after, existing.empty() ? 201 : 200);
}

http::Response weekly_report_review(api::Context& ctx) {
  json body = ctx.json_body();
  if (!body.contains("approved") || !body["approved"].is_boolean()) common::invalid("approved", "须说明通过(true)或退回(false)");
  bool approved = body["approved"];
  json step = {{"reason", body.contains("comment") ? body["comment"] : json(nullptr)}};
  if (body.contains("version")) step["version"] = body["version"];
  store::Transaction tx(ctx.db);
  std::string id = std::to_string(ctx.path_id(0));
  try {
    api::transition_entity(ctx, *weekly_report_entity(), id, approved ? "approve" : "return", step);
  } catch (const common::ApiError& e) {
    // The comment is the reason of a return; the console names the field it shows.
    if (e.field == "reason") throw common::ApiError(e.status, e.code, "退回须填写审核意见", "comment");
    throw;
  }
  json after = load_json(ctx, ctx.path_id(0));
  tx.commit();
  return http::Response::json(after);
}

}  // namespace yilian::rounds

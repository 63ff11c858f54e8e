// Submitting and reviewing a county's weekly report (V7): the county bureau submits its
// row of 附件2 once the week is over, with 填报人 and 联系电话 and a snapshot of the
// numbers; the bureau above approves it or returns it for correction, after which the
// county submits again. Timeliness is judged against the preset's deadline.
#include "api/entity.h"
#include "audit/audit.h"
#include "common/clock.h"
#include "common/error.h"
#include "rounds/report_handlers.h"
#include "rounds/weekly_reports_store.h"
#include "rounds/weekly_table.h"

namespace yilian::rounds {
namespace {

using auth::Role;
using nlohmann::json;

std::string required_text(const json& body, const char* key, const std::string& label, size_t max) {
  if (!body.contains(key) || !body[key].is_string() || body[key].get<std::string>().empty())
    common::invalid(key, label + "不能为空");
  std::string v = body[key];
  if (api::utf8_length(v) > max) common::invalid(key, label + "不能超过" + std::to_string(max) + "个字符");
  return v;
}

void check_phone(const std::string& phone) {
  for (char c : phone)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-' && c != ' ' && c != '+' && c != '(' && c != ')')
      common::invalid("reporter_phone", "联系电话只能包含数字、空格和-+()");
}

json load_json(api::Context& ctx, int64_t id, const calendar::IsoWeek& week) {
  return report_json(*report_by_id(ctx.db, id), weekly_deadline(week, RoundsPolicy::of_request(ctx)));
}

}  // namespace

http::Response weekly_report_submit(api::Context& ctx) {
  const auto& me = ctx.me();
  if (me.role != Role::admin && me.role != Role::bureau) common::forbidden("周报由县(区)卫健局填报");
  json body = ctx.json_body();
  std::string county = required_text(body, "county_code", "县(区)", 12);
  if (registry::region_level(county) != registry::RegionLevel::county)
    common::invalid("county_code", "须为县(市、区)的6位区划代码");
  if (me.role == Role::bureau && me.region_code != county) common::forbidden("周报由本县(区)卫健局填报");
  ReportRegion region = region_of(ctx.db, county, "county_code");
  calendar::IsoWeek week = parse_week_or_fail(required_text(body, "week", "周次", 10), "week");
  if (week.sunday() >= common::today()) common::invalid("week", "该周尚未结束,周日之后才能填报");
  std::string reporter = required_text(body, "reporter_name", "填报人", 30);
  std::string phone = required_text(body, "reporter_phone", "联系电话", 20);
  check_phone(phone);
  auto rows = weekly_rows(ctx.db, region, week);
  if (rows.empty()) common::invalid("county_code", "该县(区)没有登记行政村,无需填报");
  std::string snapshot = row_json(rows[0]).dump();

  store::Transaction tx(ctx.db);
  auto existing = ctx.db.query("SELECT id, status FROM weekly_report WHERE county_code = ? AND week = ?",
                               {county, week.label()});
  std::string now = common::now_iso();
  int64_t id = 0;
  json before = nullptr;
  if (existing.empty()) {
    id = ctx.db.insert("INSERT INTO weekly_report (county_code, week, status, reporter_name, reporter_phone, snapshot, "
                       "first_submitted_at, submitted_at, submitted_by, submitted_by_name, created_at, updated_at) "
                       "VALUES (?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       {county, week.label(), reporter, phone, snapshot, now, now, me.user_id, me.display_name, now,
                        now});
  } else {
    id = existing.rows[0][0].as_int();
    if (existing.rows[0][1].as_text() == "approved") common::conflict("approved", "该周报已审核,不能再次提交", "week");
    before = load_json(ctx, id, week);
    ctx.db.exec("UPDATE weekly_report SET status = 'submitted', reporter_name = ?, reporter_phone = ?, snapshot = ?, "
                "submitted_at = ?, submitted_by = ?, submitted_by_name = ?, reviewed_at = NULL, reviewed_by = NULL, "
                "reviewed_by_name = NULL, version = version + 1, updated_at = ? WHERE id = ?",
                {reporter, phone, snapshot, now, me.user_id, me.display_name, now, id});
  }
  json after = load_json(ctx, id, week);
  audit::record(ctx.db, &me, ctx.req.remote_addr,
                {"submit", "weekly_report", std::to_string(id), county, 0, before, after});
  tx.commit();
  return http::Response::json(after, existing.empty() ? 201 : 200);
}

http::Response weekly_report_review(api::Context& ctx) {
  const auto& me = ctx.me();
  if (me.role != Role::admin && me.role != Role::bureau) common::forbidden("周报由上级卫健部门审核");
  store::Transaction tx(ctx.db);
  auto report = report_by_id(ctx.db, ctx.path_id(0));
  std::string prefix = report ? registry::region_prefix(report->county_code) : "";
  if (!report || prefix.rfind(me.region_prefix, 0) != 0) common::not_found("周报不存在或无权访问");
  if (me.role == Role::bureau && me.region_prefix == prefix) common::forbidden("本县(区)的周报须由上级卫健部门审核");
  json body = ctx.json_body();
  if (!body.contains("approved") || !body["approved"].is_boolean()) common::invalid("approved", "须说明通过(true)或退回(false)");
  bool approved = body["approved"];
  std::string comment = body.contains("comment") && body["comment"].is_string() ? body["comment"].get<std::string>() : "";
  if (api::utf8_length(comment) > 200) common::invalid("comment", "审核意见不能超过200个字符");
  if (!approved && comment.empty()) common::invalid("comment", "退回须填写审核意见");
  calendar::IsoWeek week;
  calendar::parse_iso_week(report->week, week);
  json before = load_json(ctx, report->id, week);
  std::string now = common::now_iso();
  // Only a report waiting for review changes, so two reviewers cannot both act on it.
  if (ctx.db.exec("UPDATE weekly_report SET status = ?, reviewed_at = ?, reviewed_by = ?, reviewed_by_name = ?, "
                  "review_comment = ?, version = version + 1, updated_at = ? WHERE id = ? AND status = 'submitted'",
                  {approved ? "approved" : "returned", now, me.user_id, me.display_name,
                   comment.empty() ? store::Value() : store::Value(comment), now, report->id}) == 0)
    common::conflict("not_submitted", "只能审核已提交、待审核的周报", "status");
  json after = load_json(ctx, report->id, week);
  audit::record(ctx.db, &me, ctx.req.remote_addr,
                {approved ? "approve" : "return", "weekly_report", std::to_string(report->id), report->county_code, 0,
                 before, after});
  tx.commit();
  return http::Response::json(after);
}

}  // namespace yilian::rounds

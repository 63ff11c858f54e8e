#include "calendar/routes.h"

#include "api/context.h"
#include "calendar/date.h"
#include "calendar/exceptions.h"
#include "calendar/work_days.h"
#include "common/clock.h"
#include "common/error.h"
#include "common/region_code.h"

namespace yilian::calendar {
namespace {

using auth::Role;
using nlohmann::json;

// Writes: the administrator anywhere (region "" is the national calendar), a bureau in its
// own subtree. Checked before anything else, so an outsider learns nothing from a 422.
void require_writer(api::Context& ctx, const std::string& region_code) {
  const auto& me = ctx.me();
  if (me.role == Role::admin) return;
  if (me.role != Role::bureau) common::forbidden("工作日历由卫健部门或系统管理员维护");
  if (region_code.empty()) common::forbidden("全国节假日安排由系统管理员导入");
  if (common::region_prefix(region_code).rfind(me.region_prefix, 0) != 0)
    common::forbidden("无权修改该地区的工作日历");
}

std::string text_of(const json& body, const char* key) {
  if (!body.contains(key) || body[key].is_null()) return "";
  if (!body[key].is_string()) common::invalid(key, std::string(key) + "须为字符串");
  return body[key].get<std::string>();
}

Actor actor_of(api::Context& ctx) { return {&ctx.me(), ctx.me().username, ctx.req.remote_addr}; }

const char* const kWeekdays[] = {"", "周一", "周二", "周三", "周四", "周五", "周六", "周日"};

// GET /api/v1/work-calendar?year=&region=: the exceptions that apply to the region in the
// year (national, its ancestors', its own), which of them decides each day, the notices
// behind them and the working days per month.
http::Response show(api::Context& ctx) {
  const auto& me = ctx.me();
  std::string year = ctx.req.query_or("year", common::today().substr(0, 4));
  if (year.size() != 4 || !common::is_valid_date(year + "-01-01")) common::bad_request("bad_query", "年份须为YYYY", "year");
  std::string region = ctx.req.query_or("region", me.region_code);
  std::string name = "全国";
  if (!region.empty()) {
    if (common::region_level(region) == common::RegionLevel::invalid)
      common::bad_request("bad_region_code", "行政区划代码无效", "region");
    auto r = ctx.db.query("SELECT name FROM region WHERE code = ?", {region});
    if (r.empty()) common::not_found("地区不存在: " + region);
    name = r.scalar().as_text();
  }
  const std::string prefix = common::region_prefix(region);
  const std::string first = year + "-01-01", last = year + "-12-31";
  auto rows = ctx.db.query(
      "SELECT e.id, e.region_code, e.day, e.working, e.name, e.clause, e.notice_id, e.created_by FROM calendar_exception e "
      "WHERE e.day >= ? AND e.day <= ? ORDER BY e.day, LENGTH(e.region_code) DESC",
      {first, last});
  json items = json::array();
  std::string decided;  // the day whose most specific exception was listed last
  for (const auto& row : rows.rows) {
    std::string code = row[1].as_text();
    if (prefix.rfind(common::region_prefix(code), 0) != 0) continue;  // another region's
    std::string day = row[2].as_text();
    items.push_back({{"id", row[0].as_int()},
                     {"region_code", code},
                     {"day", day},
                     {"weekday", kWeekdays[weekday(day)]},
                     {"working", row[3].as_int() != 0},
                     {"name", row[4].as_text()},
                     {"clause", row[5].is_null() ? json(nullptr) : json(row[5].as_text())},
                     {"notice_id", row[6].is_null() ? json(nullptr) : json(row[6].as_int())},
                     {"created_by", row[7].as_text()},
                     {"own", code == region},
                     {"effective", day != decided}});
    decided = day;
  }
  json notices = json::array();
  for (const auto& row : ctx.db.query("SELECT id, region_code, year, title, number, issued, published, url, origin FROM "
                                      "holiday_notice WHERE year = ? ORDER BY LENGTH(region_code), region_code",
                                      {std::stoi(year)})
                             .rows) {
    std::string code = row[1].as_text();
    if (prefix.rfind(common::region_prefix(code), 0) != 0) continue;
    notices.push_back({{"id", row[0].as_int()}, {"region_code", code}, {"year", row[2].as_int()},
                       {"title", row[3].as_text()}, {"number", row[4].is_null() ? json(nullptr) : json(row[4].as_text())},
                       {"issued", row[5].as_text()}, {"published", row[6].is_null() ? json(nullptr) : json(row[6].as_text())},
                       {"url", row[7].is_null() ? json(nullptr) : json(row[7].as_text())}, {"origin", row[8].as_text()}});
  }
  WorkDays days = WorkDays::load(ctx.db, first, last);
  json months = json::array();
  for (int m = 1; m <= 12; ++m) {
    std::string from = year + "-" + (m < 10 ? "0" : "") + std::to_string(m) + "-01";
    months.push_back({{"month", from.substr(0, 7)}, {"working_days", days.count(region, from, add_days(add_months(from, 1), -1))}});
  }
  bool may_edit = me.role == Role::admin ||
                  (me.role == Role::bureau && !region.empty() && prefix.rfind(me.region_prefix, 0) == 0);
  return http::Response::json({{"region", {{"code", region}, {"name", name}}},
                               {"year", std::stoi(year)},
                               {"working_days", days.count(region, first, last)},
                               {"months", months},
                               {"notices", notices},
                               {"exceptions", items},
                               {"may_edit", may_edit}});
}

http::Response add(api::Context& ctx) {
  json body = ctx.json_body();
  std::string region = text_of(body, "region_code");
  require_writer(ctx, region);
  if (!body.contains("working") || !body["working"].is_boolean())
    common::invalid("working", "working须为true(调休上班)或false(放假)");
  int64_t id = add_exception(ctx.db, region, text_of(body, "day"), body["working"].get<bool>(), text_of(body, "name"),
                             actor_of(ctx));
  http::Response res = http::Response::json({{"id", id}});
  res.status = 201;
  return res;
}

http::Response remove(api::Context& ctx) {
  int64_t id = ctx.path_id();
  auto r = ctx.db.query("SELECT region_code FROM calendar_exception WHERE id = ?", {id});
  if (r.empty()) common::not_found("日历调整不存在");
  require_writer(ctx, r.scalar().as_text());
  remove_exception(ctx.db, id, actor_of(ctx));
  return http::Response::json({{"deleted", true}, {"id", id}});
}

// POST /api/v1/work-calendar/import {region_code, notice (the calendars/ TOML text), dry_run}
http::Response import(api::Context& ctx) {
  json body = ctx.json_body();
  std::string region = text_of(body, "region_code");
  require_writer(ctx, region);
  std::string text = text_of(body, "notice");
  if (text.empty()) common::invalid("notice", "请提供节假日安排通知(calendars/README.md 所述格式)");
  if (text.size() > 64 * 1024) common::invalid("notice", "通知内容过长");
  HolidayNotice notice;
  try {
    notice = parse_notice(text, "notice");
  } catch (const NoticeError& e) {
    common::invalid("notice", std::string("节假日安排有误:\n") + e.what());
  }
  bool dry_run = body.contains("dry_run") && body["dry_run"].is_boolean() && body["dry_run"].get<bool>();
  ImportResult r = import_notice(ctx.db, notice, region, actor_of(ctx), dry_run);
  return http::Response::json({{"year", notice.year},
                               {"title", notice.title},
                               {"region_code", region},
                               {"notice_id", r.notice_id ? json(r.notice_id) : json(nullptr)},
                               {"rest_days", r.rest_days},
                               {"work_days", r.work_days},
                               {"replaced", r.replaced},
                               {"dry_run", dry_run}});
}

}  // namespace

void register_routes(api::App& app) {
  app.add_schema("work_calendar_exception_input",
                 {{"type", "object"},
                  {"description", "某地区某日的调整:working为true即调休上班,false即放假;region_code为空即全国"},
                  {"properties",
                   {{"region_code", {{"type", "string"}}},
                    {"day", {{"type", "string"}, {"format", "date"}}},
                    {"working", {{"type", "boolean"}}},
                    {"name", {{"type", "string"}, {"maxLength", 30}}}}},
                  {"required", {"day", "working", "name"}}});
  app.add_schema("work_calendar_import_input",
                 {{"type", "object"},
                  {"description", "导入国务院办公厅节假日安排通知(calendars/README.md 所述 TOML 格式);region_code为空即全国"},
                  {"properties",
                   {{"region_code", {{"type", "string"}}},
                    {"notice", {{"type", "string"}}},
                    {"dry_run", {{"type", "boolean"}}}}},
                  {"required", {"notice"}}});
  auto& r = app.router();
  r.add({"GET", "/api/v1/work-calendar", "工作日历:某地区某年的节假日与调休、依据通知及各月工作日数", "calendar", true, "",
         "", false, {"year", "region"}},
        show);
  r.add({"POST", "/api/v1/work-calendar/exceptions", "新增工作日历调整(放假或调休上班)", "calendar", true,
         "work_calendar_exception_input"},
        add);
  r.add({"DELETE", "/api/v1/work-calendar/exceptions/{id}", "删除工作日历调整", "calendar", true}, remove);
  r.add({"POST", "/api/v1/work-calendar/import", "导入节假日安排通知", "calendar", true, "work_calendar_import_input"},
        import);
}

}  // namespace yilian::calendar

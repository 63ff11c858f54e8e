#include "rounds/weekly_report_entity.h"

#include "common/clock.h"
#include "common/error.h"
#include "common/region_code.h"
#include "rounds/checks.h"
#include "rounds/choices.h"
#include "rounds/weekly_period.h"
#include "rounds/weekly_table.h"

namespace yilian::rounds {
namespace {

using api::FieldType;
using auth::Role;
using nlohmann::json;
using namespace checks;

void check_phone(const std::string& phone) {
  for (char c : phone)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-' && c != ' ' && c != '+' && c != '(' && c != ')')
      common::invalid("reporter_phone", "联系电话只能包含数字、空格和-+()");
}

// Who submitted, and the numbers at that moment; on every (re)submission.
void take_submission(api::Context& ctx, json& row, const json& body) {
  const auto& me = ctx.me();
  for (const char* key : {"reporter_name", "reporter_phone"}) {
    if (!body.contains(key) || !body[key].is_string() || body[key].get<std::string>().empty())
      common::invalid(key, std::string(key) == "reporter_name" ? "填报人不能为空" : "联系电话不能为空");
    row[key] = body[key];
  }
  if (api::utf8_length(text(row, "reporter_name")) > 30) common::invalid("reporter_name", "填报人不能超过30个字符");
  if (api::utf8_length(text(row, "reporter_phone")) > 20) common::invalid("reporter_phone", "联系电话不能超过20个字符");
  check_phone(text(row, "reporter_phone"));
  calendar::IsoWeek week = parse_week_or_fail(text(row, "week"), "week");
  if (week.sunday() >= common::today()) common::invalid("week", "该周尚未结束,周日之后才能填报");
  ReportRegion region = region_of(ctx.db, text(row, "county_code"), "county_code");
  auto rows = weekly_rows(ctx.db, region, week);
  if (rows.empty()) common::invalid("county_code", "该县(区)没有登记行政村,无需填报");
  std::string now = common::now_iso();
  row["snapshot"] = row_json(rows[0]).dump();
  if (text(row, "first_submitted_at").empty()) row["first_submitted_at"] = now;
  row["submitted_at"] = now;
  row["submitted_by"] = me.user_id ? json(me.user_id) : json(nullptr);
  row["submitted_by_name"] = me.display_name;
  row["reviewed_at"] = nullptr;
  row["reviewed_by"] = nullptr;
  row["reviewed_by_name"] = nullptr;
}

void take_review(api::Context& ctx, json& row, const json&) {
  const auto& me = ctx.me();
  row["reviewed_at"] = common::now_iso();
  row["reviewed_by"] = me.user_id ? json(me.user_id) : json(nullptr);
  row["reviewed_by_name"] = me.display_name;
}

// The county's own bureau submits; the bureau above it (city, province) reviews.
api::Permission submitter() {
  return {.roles = {Role::admin, Role::bureau}, .check = [](api::Context& ctx, const json& row) -> std::string {
            const auto& me = ctx.me();
            return me.role == Role::bureau && me.region_code != text(row, "county_code") ? "周报由本县(区)卫健局填报" : "";
          }};
}

api::Permission reviewer() {
  return {.roles = {Role::admin, Role::bureau}, .check = [](api::Context& ctx, const json& row) -> std::string {
            const auto& me = ctx.me();
            if (me.role == Role::bureau && me.region_prefix == common::region_prefix(text(row, "county_code")))
              return "本县(区)的周报须由上级卫健部门审核";
            return "";
          }};
}

api::StateMachine weekly_lifecycle() {
  api::StateMachine m;
  m.states = {{"submitted", "已提交"}, {"returned", "已退回"}, {"approved", "已审核"}};
  m.initial = "submitted";
  m.reason_field = "review_comment";
  m.transitions = {
      {.action = "resubmit", .label = "重新提交", .from = {"submitted", "returned"}, .to = "submitted",
       .who = submitter(), .apply = take_submission},
      {.action = "approve", .label = "审核通过", .from = {"submitted"}, .to = "approved", .who = reviewer(),
       .apply = take_review},
      {.action = "return", .label = "退回", .from = {"submitted"}, .to = "returned", .who = reviewer(),
       .reason_required = true, .apply = take_review},
      {.action = "reopen", .label = "撤销审核并退回", .from = {"approved"}, .to = "returned", .who = reviewer(),
       .reason_required = true, .apply = take_review},
  };
  return m;
}

}  // namespace

std::shared_ptr<const api::EntitySpec> weekly_report_entity() {
  static auto spec = [] {
    auto s = std::make_shared<api::EntitySpec>();
    s->name = "weekly_report";
    s->table = "weekly_report";
    s->route = "/api/v1/weekly-reports";
    s->label = "巡诊周报";
    s->tag = "rounds";
    s->default_sort = "week";
    s->generic_create = false;  // POST /rounds/weekly-reports submits (first time) or resubmits
    s->fields = {
        {.name = "county_code", .label = "县(区)", .required = true, .immutable = true, .filter = true, .sort = true,
         .max_length = 12, .references = "region", .reference_column = "code"},
        {.name = "week", .label = "周次", .required = true, .immutable = true, .filter = true, .sort = true,
         .max_length = 10},
        {.name = "status", .label = "状态", .filter = true, .max_length = 12, .choices = report_statuses()},
        {.name = "reporter_name", .label = "填报人", .required = true, .max_length = 30},
        {.name = "reporter_phone", .label = "联系电话", .required = true, .max_length = 20},
        {.name = "snapshot", .label = "提交时数据", .writable = false, .max_length = 100000},
        {.name = "first_submitted_at", .label = "首次提交时间", .writable = false, .max_length = 30},
        {.name = "submitted_at", .label = "提交时间", .writable = false, .max_length = 30},
        {.name = "submitted_by", .type = FieldType::integer, .label = "提交人账号", .writable = false},
        {.name = "submitted_by_name", .label = "提交人", .writable = false, .max_length = 40},
        {.name = "reviewed_at", .label = "审核时间", .writable = false, .max_length = 30},
        {.name = "reviewed_by", .type = FieldType::integer, .label = "审核人账号", .writable = false},
        {.name = "reviewed_by_name", .label = "审核人", .writable = false, .max_length = 40},
        {.name = "review_comment", .label = "审核意见", .writable = false, .max_length = 200},
    };
    s->joins = "JOIN region c ON c.code = t.county_code";
    s->extra_columns = {{"c.name", "county_name"}};
    s->scope = {.region = "t.county_code"};
    s->writers = {};  // PATCH and DELETE are closed: a report changes by its transitions only
    s->create = submitter();
    s->lifecycle = weekly_lifecycle();
    s->prepare = [](api::Context& ctx, json& row, const json* before) {
      if (before) return;
      std::string county = text(row, "county_code");
      if (common::region_level(county) != common::RegionLevel::county)
        common::invalid("county_code", "须为县(市、区)的6位区划代码");
      std::string why = submitter().check(ctx, row);
      if (!why.empty()) common::forbidden(why);
      take_submission(ctx, row, {{"reporter_name", row["reporter_name"]}, {"reporter_phone", row["reporter_phone"]}});
    };
    return s;
  }();
  return spec;
}

}  // namespace yilian::rounds

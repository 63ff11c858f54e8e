#include "person/routes.h"

#include "api/context.h"
#include "audit/audit.h"
#include "common/error.h"
#include "person/identity.h"
#include "person/mask.h"
#include "person/person.h"
#include "common/region_code.h"

namespace yilian::person {

using common::region_prefix;

namespace {

using auth::Role;
using nlohmann::json;

void require_reader(const auth::Principal& me) {
  if (me.role != Role::admin && me.role != Role::bureau) common::forbidden("只有管理员和卫健局可以查询人员信息");
}

bool in_region(const std::string& code, const std::string& prefix) {
  auto [lo, hi] = common::prefix_range(prefix);
  return code >= lo && code < hi;
}

// Admin: everything. Bureau: persons whose address region lies in its subtree; a person
// without region belongs to no bureau.
bool in_scope(const auth::Principal& me, const Person& p) {
  if (me.role == Role::admin) return true;
  if (me.role == Role::bureau) return !p.address_region.empty() && in_region(p.address_region, me.region_prefix);
  return false;
}

Person visible(api::Context& ctx, int64_t id) {
  auto p = load(ctx.db, id);
  if (!p || !in_scope(ctx.me(), *p)) common::not_found();
  return *p;
}

Actor actor_of(api::Context& ctx) { return {ctx.user, ctx.req.remote_addr, ""}; }

// A read of personal data worth a line in the trail: who searched or opened whose record.
void audit_read(api::Context& ctx, const std::string& action, const Person& p) {
  audit::Entry e{action, "person", std::to_string(p.id), p.address_region, 0, nullptr,
                 render(p, View::masked)};
  audit::record(ctx.db, ctx.user, ctx.req.remote_addr, e);
}

int64_t body_id(const json& body, const std::string& key, const std::string& label) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) common::invalid(key, "请指定" + label);
  if (!it->is_number_integer() || it->get<int64_t>() <= 0) common::invalid(key, label + "须为正整数编号");
  return it->get<int64_t>();
}

std::string body_text(const json& body, const std::string& key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return "";
  if (!it->is_string()) common::invalid(key, key + "须为文本");
  return it->get<std::string>();
}

void refuse_unknown_fields(const json& body, std::initializer_list<const char*> known) {
  for (auto& [k, v] : body.items()) {
    bool ok = false;
    for (const char* n : known) ok = ok || k == n;
    if (!ok) common::invalid(k, "未知字段: " + k);
  }
}

http::Response lookup(api::Context& ctx) {
  const auto& me = ctx.me();
  require_reader(me);
  std::string type = ctx.req.query_or("id_type"), number = ctx.req.query_or("id_number");
  if (type.empty()) common::bad_request("bad_query", "请提供证件类型id_type", "id_type");
  if (number.empty()) common::bad_request("bad_query", "请提供证件号码id_number", "id_number");
  auto p = find_by_id_number(ctx.db, type, number);
  if (!p || !in_scope(me, *p)) common::not_found();
  store::Transaction tx(ctx.db);
  audit_read(ctx, "lookup", *p);
  tx.commit();
  return http::Response::json(render(*p, view_for(me)));
}

http::Response read(api::Context& ctx) {
  const auto& me = ctx.me();
  require_reader(me);
  Person p = visible(ctx, ctx.path_id());
  View view = view_for(me);
  if (view == View::full) {
    store::Transaction tx(ctx.db);
    audit_read(ctx, "view_full", p);
    tx.commit();
  }
  return http::Response::json(render(p, view));
}

const char* reason_label(const std::string& reason) {
  return reason == "same_identity" ? "姓名、性别、出生日期相同" : "电话号码相同";
}

http::Response duplicates(api::Context& ctx) {
  const auto& me = ctx.me();
  require_reader(me);
  std::string region = ctx.req.query_or("region", me.role == Role::bureau ? me.region_code : "");
  if (!region.empty() && common::region_level(region) == common::RegionLevel::invalid)
    common::bad_request("bad_region_code", "行政区划代码无效", "region");
  if (me.role == Role::bureau && !in_region(region, me.region_prefix))
    common::forbidden("无权查看该地区的人员信息");
  api::Page page = api::parse_page(ctx.req);
  DuplicatePage found = possible_duplicates(ctx.db, region, page.size, page.offset());
  View view = view_for(me);
  json items = json::array();
  for (const auto& g : found.groups) {
    json persons = json::array();
    for (int64_t id : g.person_ids)
      if (auto p = load(ctx.db, id)) persons.push_back(render(*p, view));
    items.push_back({{"reason", g.reason}, {"reason_label", reason_label(g.reason)}, {"persons", persons}});
  }
  return http::Response::json(api::page_json(page, found.total, std::move(items)));
}

json merge_json(const MergeResult& r, View view) {
  json counts = json::object();
  for (const auto& [ref, n] : r.repointed) counts[ref] = n;
  return {{"merge_id", r.merge_id}, {"keep", render(r.keep, view)}, {"drop", render(r.drop, view)},
          {"repointed", counts}};
}

http::Response merge_route(api::Context& ctx) {
  const auto& me = ctx.me();
  require_reader(me);
  json body = ctx.json_body();
  refuse_unknown_fields(body, {"keep", "drop", "reason"});
  int64_t keep = body_id(body, "keep", "保留的人员记录");
  int64_t drop = body_id(body, "drop", "要合并的人员记录");
  std::string reason = body_text(body, "reason");
  store::Transaction tx(ctx.db);
  // Both records must be the merger's to see, or the answer is the one for a missing record.
  visible(ctx, keep);
  visible(ctx, drop);
  MergeResult r = merge(ctx.db, actor_of(ctx), keep, drop, reason);
  tx.commit();
  return http::Response::json(merge_json(r, view_for(me)));
}

http::Response unmerge_route(api::Context& ctx) {
  const auto& me = ctx.me();
  require_reader(me);
  json body = ctx.json_body();
  refuse_unknown_fields(body, {"person_id", "reason"});
  int64_t drop = body_id(body, "person_id", "要撤销合并的人员记录");
  std::string reason = body_text(body, "reason");
  store::Transaction tx(ctx.db);
  Person d = visible(ctx, drop);
  if (d.merged_into) visible(ctx, d.merged_into);
  MergeResult r = unmerge(ctx.db, actor_of(ctx), drop, reason);
  tx.commit();
  return http::Response::json(merge_json(r, view_for(me)));
}

json person_schema() {
  json choices = json::array();
  for (const auto& [code, label] : id_type_choices()) choices.push_back(code);
  auto text = [](const char* d) { return json{{"type", "string"}, {"nullable", true}, {"description", d}}; };
  return {{"type", "object"},
          {"description", "人员(医务人员、转诊患者、居民共用一条记录)。非管理员看到的身份证号、出生日期、电话为脱敏值,不含地址"},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"version", {{"type", "integer"}}},
            {"active", {{"type", "boolean"}}},
            {"created_at", {{"type", "string"}}},
            {"updated_at", {{"type", "string"}}},
            {"id_type", {{"type", "string"}, {"nullable", true}, {"enum", choices}, {"description", "证件类型"}}},
            {"id_type_label", text("证件类型名称")},
            {"id_number", text("证件号码(脱敏时如370102********1234)")},
            {"name", {{"type", "string"}, {"description", "姓名"}}},
            {"sex", {{"type", "string"}, {"description", "性别(GB/T 2261.1):1男 2女 0未知 9未说明"}}},
            {"birth_date", text("出生日期(证件号脱敏时为****-**-**)")},
            {"phone", text("电话(脱敏时如138****5678)")},
            {"address_region", text("住址所在行政区划代码")},
            {"address", text("详细地址(脱敏时不提供)")},
            {"merged_into", {{"type", "integer"}, {"nullable", true}, {"description", "已合并到的人员记录"}}},
            {"notes", text("备注(脱敏时不提供)")},
            {"masked", {{"type", "boolean"}, {"description", "是否为脱敏视图"}}}}}};
}

}  // namespace

void install(api::App& app) {
  app.add_schema("person", person_schema());
  app.add_schema("person_duplicate_group",
                 {{"type", "object"},
                  {"properties",
                   {{"reason", {{"type", "string"}, {"enum", {"same_identity", "same_phone"}}}},
                    {"reason_label", {{"type", "string"}}},
                    {"persons", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/person"}}}}}}}});
  app.add_schema("person_merge_input",
                 {{"type", "object"},
                  {"additionalProperties", false},
                  {"properties",
                   {{"keep", {{"type", "integer"}, {"description", "保留的人员记录"}}},
                    {"drop", {{"type", "integer"}, {"description", "并入保留记录的人员记录"}}},
                    {"reason", {{"type", "string"}, {"maxLength", 200}, {"description", "合并原因"}}}}},
                  {"required", {"keep", "drop", "reason"}}});
  app.add_schema("person_unmerge_input",
                 {{"type", "object"},
                  {"additionalProperties", false},
                  {"properties",
                   {{"person_id", {{"type", "integer"}, {"description", "被合并的人员记录"}}},
                    {"reason", {{"type", "string"}, {"maxLength", 200}, {"description", "撤销原因"}}}}},
                  {"required", {"person_id", "reason"}}});
  app.add_schema("person_merge_result",
                 {{"type", "object"},
                  {"properties",
                   {{"merge_id", {{"type", "integer"}}},
                    {"keep", {{"$ref", "#/components/schemas/person"}}},
                    {"drop", {{"$ref", "#/components/schemas/person"}}},
                    {"repointed", {{"type", "object"}, {"description", "各引用表改指向的记录数"}}}}}});
  auto& r = app.router();
  // The literal paths before /persons/{id}: the router takes the first match.
  r.add({"GET", "/api/v1/persons/lookup", "按证件号码精确查找人员(管理员、卫健局)", "person", true, "", "person", false,
         {"id_type", "id_number"}},
        lookup);
  r.add({"GET", "/api/v1/persons/duplicates", "疑似重复的人员记录(姓名+性别+出生日期相同,或电话相同)", "person", true, "",
         "person_duplicate_group", true, {"region", "page", "page_size"}},
        duplicates);
  r.add({"POST", "/api/v1/persons/merge", "合并同一人的两条记录(可撤销)", "person", true, "person_merge_input",
         "person_merge_result"},
        merge_route);
  r.add({"POST", "/api/v1/persons/unmerge", "撤销人员记录合并", "person", true, "person_unmerge_input",
         "person_merge_result"},
        unmerge_route);
  r.add({"GET", "/api/v1/persons/{id}", "查看人员记录(非管理员为脱敏视图)", "person", true, "", "person"}, read);
}

}  // namespace yilian::person

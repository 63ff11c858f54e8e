#include "policy/routes.h"

#include "api/context.h"
#include "common/error.h"
#include "policy/json.h"
#include "policy/startup.h"

namespace yilian::policy {
namespace {

using nlohmann::json;

// A page of an in-memory list, answered like every other list of the API.
http::Response page_of(api::Context& ctx, const json& all) {
  auto page = api::parse_page(ctx.req);
  json items = json::array();
  for (int64_t i = page.offset(); i < static_cast<int64_t>(all.size()) && i < page.offset() + page.size; ++i)
    items.push_back(all[static_cast<size_t>(i)]);
  return http::Response::json(api::page_json(page, static_cast<int64_t>(all.size()), std::move(items)));
}

bool has_rule(const ParamSpec& spec, const std::string& rule) {
  for (const auto& r : spec.rules)
    if (r == rule) return true;
  return false;
}

json citation_schema() {
  return {{"type", "object"},
          {"description", "出处:文件与条款"},
          {"properties",
           {{"document", {{"type", "string"}, {"description", "文件全称"}}},
            {"clause", {{"type", "string"}, {"description", "条款及原文摘录"}}},
            {"seed", {{"type", "string"}, {"description", "来源文件(shared/seeds/)"}}},
            {"overridden", {{"type", "boolean"}, {"description", "由关系协议覆盖"}}},
            {"text", {{"type", "string"}, {"description", "引用全文,可直接写入问题说明"}}}}}};
}

json summary_properties() {
  return {{"id", {{"type", "string"}}},
          {"title", {{"type", "string"}, {"description", "方案名称"}}},
          {"document", {{"type", "string"}, {"description", "来源文件全称"}}},
          {"seed", {{"type", "string"}, {"description", "来源文件(shared/seeds/)"}}},
          {"year", {{"type", "integer"}, {"nullable", true}, {"description", "文件年份;原文未写明时为空"}}},
          {"note", {{"type", "string"}, {"description", "方案编制说明"}}},
          {"parameter_count", {{"type", "integer"}}}};
}

void add_schemas(api::App& app) {
  json value_types = {{"oneOf",
                       {{{"type", "integer"}},
                        {{"type", "number"}},
                        {{"type", "boolean"}},
                        {{"type", "string"}},
                        {{"type", "array"}, {"items", {{"type", "string"}}}}}}};
  app.add_schema("policy_summary",
                 {{"type", "object"}, {"description", "政策方案(预设)概要"}, {"properties", summary_properties()}});
  app.add_schema("policy_parameter_value",
                 {{"type", "object"},
                  {"description", "方案中一个参数的取值及出处"},
                  {"properties",
                   {{"key", {{"type", "string"}}},
                    {"label", {{"type", "string"}}},
                    {"type", {{"type", "string"}, {"enum", {"integer", "number", "boolean", "string", "string_list"}}}},
                    {"value", value_types},
                    {"unit", {{"type", "string"}}},
                    {"rules", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                    {"description", {{"type", "string"}}},
                    {"citation", citation_schema()}}}});
  json detail = summary_properties();
  detail["parameters"] = {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/policy_parameter_value"}}}};
  detail["not_specified"] = {{"type", "array"}, {"items", {{"type", "string"}}}, {"description", "本方案未规定的参数"}};
  app.add_schema("policy_detail", {{"type", "object"}, {"description", "政策方案全部参数"}, {"properties", detail}});
  json choice = {{"type", "object"},
                 {"properties", {{"value", {{"type", "string"}}}, {"label", {{"type", "string"}}}}}};
  app.add_schema(
      "policy_parameter",
      {{"type", "object"},
       {"description", "政策参数目录条目"},
       {"properties",
        {{"key", {{"type", "string"}}},
         {"label", {{"type", "string"}}},
         {"type", {{"type", "string"}, {"enum", {"integer", "number", "boolean", "string", "string_list"}}}},
         {"unit", {{"type", "string"}}},
         {"min", {{"type", "number"}, {"nullable", true}}},
         {"max", {{"type", "number"}, {"nullable", true}}},
         {"range", {{"type", "string"}}},
         {"choices", {{"type", "array"}, {"items", choice}}},
         {"pattern", {{"type", "string"}}},
         {"rules", {{"type", "array"}, {"items", {{"type", "string"}}}}},
         {"description", {{"type", "string"}}},
         {"optional", {{"type", "boolean"}, {"description", "来源文件未给出数值,仅可由关系协议约定"}}},
         {"presets", {{"type", "array"}, {"items", {{"type", "string"}}}, {"description", "设置了此参数的方案"}}}}}});
}

}  // namespace

void register_routes(api::App& app) {
  std::shared_ptr<const PresetSet> presets = shipped_presets();
  add_schemas(app);
  app.router().add({"GET", "/api/v1/policies", "政策方案(预设)列表", "policy", true, "", "policy_summary", true,
                    {"page", "page_size"}},
                   [presets](api::Context& ctx) {
                     json all = json::array();
                     for (const auto& preset : presets->all()) all.push_back(preset_summary_json(preset));
                     return page_of(ctx, all);
                   });
  app.router().add({"GET", "/api/v1/policies/{id}", "政策方案详情:全部参数、取值与出处", "policy", true, "",
                    "policy_detail"},
                   [presets](api::Context& ctx) {
                     const Preset* preset = presets->find(ctx.path_param());
                     if (!preset) common::not_found("政策方案不存在");
                     return http::Response::json(preset_detail_json(*preset));
                   });
  app.router().add({"GET", "/api/v1/policy-parameters", "政策参数目录(可按规则编号 rule 筛选)", "policy", true, "",
                    "policy_parameter", true, {"page", "page_size", "rule"}},
                   [presets](api::Context& ctx) {
                     std::string rule = ctx.req.query_or("rule");
                     json all = json::array();
                     for (const auto& spec : parameter_catalog())
                       if (rule.empty() || has_rule(spec, rule)) all.push_back(catalog_entry_json(spec, *presets));
                     return page_of(ctx, all);
                   });
}

}  // namespace yilian::policy

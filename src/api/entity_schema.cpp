// The OpenAPI schemas of an entity and the routes register_entity installs.
#include "api/entity.h"
#include "api/entity_internal.h"
#include "api/lifecycle.h"

namespace yilian::api {

using nlohmann::json;

namespace {

json field_schema(const FieldSpec& f) {
  json j;
  switch (f.type) {
    case FieldType::integer: j["type"] = "integer"; break;
    case FieldType::real: j["type"] = "number"; break;
    case FieldType::boolean: j["type"] = "boolean"; break;
    case FieldType::date: j = {{"type", "string"}, {"format", "date"}}; break;
    default: j["type"] = "string"; j["maxLength"] = f.max_length;
  }
  j["description"] = f.label;
  if (!f.required) j["nullable"] = true;
  if (f.min) j["minimum"] = *f.min;
  if (f.max) j["maximum"] = *f.max;
  if (!f.choices.empty()) {
    json e = json::array();
    std::string desc = f.label + ":";
    for (const auto& [v, l] : f.choices) {
      e.push_back(v);
      desc += " " + v + "=" + l;
    }
    if (f.type == FieldType::text) j["enum"] = e;
    j["description"] = desc;
  }
  if (!f.writable) j["readOnly"] = true;
  return j;
}


std::string transition_summary(const StateMachine& m, const Transition& t) {
  std::string from;
  for (const auto& f : t.from) from += (from.empty() ? "" : "、") + m.label_of(f);
  return "(" + from + " → " + m.label_of(t.to) + (t.reason_required ? ",须填写原因" : "") + ")";
}

}  // namespace

json entity_schema(const EntitySpec& s) {
  json props = {{"id", {{"type", "integer"}, {"readOnly", true}}},
                {"version", {{"type", "integer"}, {"description", "版本号,更新时须回传(乐观并发)"}}},
                {"active", {{"type", "boolean"}, {"readOnly", true}, {"description", "是否有效(停用即软删除)"}}},
                {"created_at", {{"type", "string"}, {"readOnly", true}}},
                {"updated_at", {{"type", "string"}, {"readOnly", true}}}};
  json required = json::array({"id", "version"});
  for (const auto& f : s.fields) {
    props[f.name] = field_schema(f);
    if (f.required) required.push_back(f.name);
  }
  for (const auto& e : s.extra_columns) props[e.second] = {{"readOnly", true}};
  json schema = {{"type", "object"}, {"description", s.label}, {"properties", props}, {"required", required}};
  if (s.lifecycle) {
    // The web client reads the state machine from here: which actions a state offers.
    json transitions = json::array();
    for (const auto& t : s.lifecycle->transitions) {
      json roles = json::array();
      for (auto r : t.who.roles) roles.push_back(auth::role_name(r));
      transitions.push_back({{"action", t.action}, {"label", t.label}, {"from", t.from}, {"to", t.to},
                             {"roles", roles}, {"reason_required", t.reason_required}});
    }
    json states = json::array();
    for (const auto& [v, l] : s.lifecycle->states) states.push_back({{"value", v}, {"label", l}});
    schema["x-lifecycle"] = {{"field", s.lifecycle->field}, {"states", states}, {"transitions", transitions}};
    props[s.lifecycle->field]["description"] = props[s.lifecycle->field].value("description", "") + "(只能通过操作变更)";
    schema["properties"] = props;
  }
  return schema;
}

json entity_input_schema(const EntitySpec& s) {
  json props = {{"version", {{"type", "integer"}, {"description", "更新时必填"}}}};
  json required = json::array();
  for (const auto& f : s.fields) {
    if (!f.writable) continue;
    props[f.name] = field_schema(f);
    if (f.required) required.push_back(f.name);
  }
  return {{"type", "object"}, {"description", s.label}, {"properties", props}, {"required", required},
          {"additionalProperties", false}};
}

void register_entity(api::Router& router, std::shared_ptr<const EntitySpec> spec) {
  const EntitySpec& s = *spec;
  detail::remember_entity(spec);
  std::string item = s.route + "/{" + s.key + "}";
  std::vector<std::string> qp = {"page", "page_size", "sort", "q", "region", "active", "format"};
  for (const auto& f : s.fields) {
    if (!f.filter) continue;
    qp.push_back(f.name);
    if (f.type == FieldType::date) {
      qp.push_back(f.name + "_from");
      qp.push_back(f.name + "_to");
    }
  }
  router.add({"GET", s.route, "查询" + s.label + "列表", s.tag, true, "", s.name, true, qp},
             [spec](Context& c) { return detail::handle_list(c, *spec); });
  if (s.generic_create)
    router.add({"POST", s.route, "新建" + s.label, s.tag, true, s.name + "_input", s.name},
               [spec](Context& c) { return detail::handle_create(c, *spec); });
  router.add({"GET", item, "查看" + s.label, s.tag, true, "", s.name},
             [spec](Context& c) { return detail::handle_get(c, *spec); });
  router.add({"PATCH", item, "修改" + s.label + "(须带version)", s.tag, true, s.name + "_input", s.name},
             [spec](Context& c) { return detail::handle_update(c, *spec); });
  router.add({"DELETE", item, "停用" + s.label + "(软删除)", s.tag, true, "", s.name, false, {"version"}},
             [spec](Context& c) { return detail::handle_delete(c, *spec); });
  if (s.lifecycle)
    for (const auto& t : s.lifecycle->transitions)
      router.add({"POST", item + "/" + t.action, t.label + s.label + transition_summary(*s.lifecycle, t), s.tag, true,
                  "transition_input", s.name},
                 [spec, action = t.action](Context& c) { return detail::handle_transition(c, *spec, action); });
}


}  // namespace yilian::api

#include "api/lifecycle.h"

#include <algorithm>

#include "api/entity.h"
#include "api/entity_internal.h"
#include "audit/audit.h"
#include "common/clock.h"
#include "common/error.h"

namespace yilian::api {

using nlohmann::json;

bool Permission::has_role(auth::Role r) const { return std::find(roles.begin(), roles.end(), r) != roles.end(); }

const Transition* StateMachine::find(const std::string& action) const {
  for (const auto& t : transitions)
    if (t.action == action) return &t;
  return nullptr;
}

std::string StateMachine::label_of(const std::string& state) const {
  for (const auto& [value, label] : states)
    if (value == state) return label;
  return state;
}

Permission EntitySpec::permission_for(const Permission& action) const {
  if (!action.roles.empty()) return action;
  Permission p = action;
  p.roles = writers;
  return p;
}

bool EntitySpec::may_write(const auth::Principal& p) const { return permission_for(update).has_role(p.role); }

bool on_side(Context& ctx, const EntitySpec& s, const std::string& key, Side side) {
  const auto& me = ctx.me();
  if (side == Side::any || me.role == auth::Role::admin) return true;
  auth::ScopeColumns cols = s.scope;
  if (side == Side::first) {
    // The first party alone: without the second party and without the dispatched person.
    cols.other_region.clear();
    cols.other_institution.clear();
    cols.other_kind.clear();
    cols.staff.clear();
  } else {
    if (cols.other_region.empty()) return false;
    cols.region = cols.other_region;
    cols.institution = cols.other_institution;
    cols.kind = cols.other_kind;
    cols.other_region.clear();
    cols.other_institution.clear();
    cols.other_kind.clear();
  }
  auto cond = auth::scope_condition(me, cols);
  store::Params params{detail::key_value(s, key)};
  params.insert(params.end(), cond.params.begin(), cond.params.end());
  return !ctx.db.query("SELECT t.id FROM " + s.table + " t " + s.joins + " WHERE t." + s.key + " = ? AND " + cond.sql,
                       params)
              .empty();
}

std::string lock_reason(Context& ctx, const EntitySpec& s, const json& row) {
  for (const auto& lock : s.locks) {
    std::string why = lock.why(ctx, row);
    if (!why.empty()) return why;
  }
  return "";
}

void require(Context& ctx, const EntitySpec& s, const Permission& who, const json& row, const std::string& what) {
  if (!who.has_role(ctx.me().role)) common::forbidden("当前角色无权" + what);
  if (who.side != Side::any && !on_side(ctx, s, detail::key_of(s, row), who.side))
    common::forbidden("只有" + (who.side_label.empty() ? std::string("相应一方") : who.side_label) + "可以" + what);
  if (who.check) {
    std::string refusal = who.check(ctx, row);
    if (!refusal.empty()) common::forbidden(refusal);
  }
}

json transition_entity(Context& ctx, const EntitySpec& s, const std::string& key, const std::string& action,
                       const json& body) {
  if (!s.lifecycle) common::not_found();
  const StateMachine& m = *s.lifecycle;
  const Transition* t = m.find(action);
  if (!t) common::not_found("不支持该操作: " + action);
  store::Transaction tx(ctx.db);
  auto before = detail::load(ctx, s, key);
  if (!before) common::not_found();
  require(ctx, s, t->who, before->row, t->label + s.label);
  std::string state = before->row[m.field].is_string() ? before->row[m.field].get<std::string>() : "";
  if (std::find(t->from.begin(), t->from.end(), state) == t->from.end())
    common::conflict("invalid_transition",
                     s.label + "当前为“" + m.label_of(state) + "”,不能" + t->label + "(只能从" + [&] {
                       std::string names;
                       for (const auto& f : t->from) names += (names.empty() ? "" : "、") + m.label_of(f);
                       return names;
                     }() + "状态" + t->label + ")",
                     m.field);
  if (body.contains("version") && !body["version"].is_null()) {
    if (!body["version"].is_number_integer()) common::invalid("version", "版本号须为整数");
    if (body["version"].get<int64_t>() != before->row["version"].get<int64_t>())
      common::conflict("version_conflict",
                       "记录已被他人修改(当前版本" + std::to_string(before->row["version"].get<int64_t>()) + "),请刷新后重试",
                       "version");
  }
  std::string reason;
  if (body.contains("reason") && !body["reason"].is_null()) {
    if (!body["reason"].is_string()) common::invalid("reason", "原因须为文字");
    reason = body["reason"].get<std::string>();
    reason.erase(0, reason.find_first_not_of(" \t\r\n"));
    reason.erase(reason.find_last_not_of(" \t\r\n") + 1);
    if (utf8_length(reason) > 200) common::invalid("reason", "原因不能超过200个字符");
  }
  if (t->reason_required && reason.empty()) common::invalid("reason", t->label + "须填写原因");

  json row = before->row;
  row[m.field] = t->to;
  if (!m.reason_field.empty()) row[m.reason_field] = reason.empty() ? json(nullptr) : json(reason);
  if (t->apply) t->apply(ctx, row, body);
  // The module's cross-field checks hold after a transition as after any write.
  if (s.prepare) s.prepare(ctx, row, &before->row);
  std::string sets;
  store::Params p;
  for (const auto& f : s.fields) {
    if (row[f.name] == before->row[f.name]) continue;
    sets += f.name + " = ?, ";
    p.push_back(detail::json_to_value(row[f.name], f.type));
  }
  p.push_back(common::now_iso());
  p.push_back(before->row["id"].get<int64_t>());
  p.push_back(before->row["version"].get<int64_t>());
  // The stored version guards against a concurrent transition: of two people confirming
  // at once, one wins and the other is told the record changed.
  if (ctx.db.exec("UPDATE " + s.table + " SET " + sets + "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                  p) == 0)
    common::conflict("version_conflict", "记录已被他人修改,请刷新后重试", "version");
  auto after = detail::load(ctx, s, key);
  if (!after) common::forbidden("该操作会把" + s.label + "移出自己的管辖范围");
  if (s.after_write) s.after_write(ctx, action, &before->row, after->row);
  json audited = detail::strip_for_audit(s, after->row);
  if (!reason.empty()) audited["_reason"] = reason;
  audit::record(ctx.db, ctx.user, ctx.req.remote_addr,
                {action, s.name, key, after->region, after->institution, detail::strip_for_audit(s, before->row),
                 audited});
  tx.commit();
  return after->row;
}

namespace detail {

http::Response handle_transition(Context& ctx, const EntitySpec& s, const std::string& action) {
  json body = ctx.req.body.empty() ? json::object() : ctx.json_body();
  json row = transition_entity(ctx, s, ctx.path_param(0), action, body);
  auto l = load(ctx, s, ctx.path_param(0));
  if (l && !sees_full(s, ctx.me(), *l)) apply_masks(s, row);
  return http::Response::json(row);
}

}  // namespace detail

}  // namespace yilian::api

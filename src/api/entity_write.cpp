// Writing entity rows: create (with idempotent replays), update and soft delete. Each is
// one transaction: permission, locks, field checks, the module's hooks, the row change,
// the scope test of the result and the audit entry; any refusal writes nothing.
#include <cmath>

#include "api/entity.h"
#include "api/entity_internal.h"
#include "api/lifecycle.h"
#include "audit/audit.h"
#include "common/clock.h"
#include "common/error.h"

namespace yilian::api::detail {

using store::Params;

namespace {

struct Created {
  json row;
  bool replayed = false;  // an earlier create with the same idempotency key
};

// The lifecycle's state on create: one of create_states (the initial one when not given).
void set_initial_state(const EntitySpec& s, json& row) {
  if (!s.lifecycle) return;
  const StateMachine& m = *s.lifecycle;
  if (!row.contains(m.field) || row[m.field].is_null()) {
    row[m.field] = m.initial;
    return;
  }
  std::vector<std::string> allowed = m.create_states.empty() ? std::vector<std::string>{m.initial} : m.create_states;
  std::string given = row[m.field].is_string() ? row[m.field].get<std::string>() : "";
  if (std::find(allowed.begin(), allowed.end(), given) == allowed.end()) {
    std::string names;
    for (const auto& a : allowed) names += (names.empty() ? "" : "、") + m.label_of(a);
    const FieldSpec* f = s.field(m.field);
    common::invalid(m.field, (f ? f->label : m.field) + "新建时只能为: " + names);
  }
}

void refuse_if_locked(Context& ctx, const EntitySpec& s, const json& row) {
  std::string why = lock_reason(ctx, s, row);
  if (!why.empty()) common::conflict("locked", why, s.lifecycle ? s.lifecycle->field : "");
}

json insert_row(Context& ctx, const EntitySpec& s, const json& body) {
  json row = json::object();
  merge_body(ctx, s, body, row, true);
  set_initial_state(s, row);
  store::Transaction tx(ctx.db);
  // Inside the write transaction (SQLite takes the write lock at BEGIN IMMEDIATE), so a
  // request that waited for a concurrent one sees what it wrote.
  if (s.prepare) s.prepare(ctx, row, nullptr);
  check_unique(ctx, s, row, 0);
  std::string now = common::now_iso();
  // Absent fields are left out so the column's default applies (NULL would override it).
  std::string cols, marks;
  Params p;
  for (const auto& f : s.fields) {
    if (!row.contains(f.name) || row[f.name].is_null()) continue;
    cols += f.name + ", ";
    marks += "?, ";
    p.push_back(json_to_value(row[f.name], f.type));
  }
  p.push_back(now);
  p.push_back(now);
  int64_t id = ctx.db.insert("INSERT INTO " + s.table + " (" + cols + "created_at, updated_at) VALUES (" + marks + "?, ?)", p);
  std::string key = s.key == "id" ? std::to_string(id) : key_of(s, row);
  auto after = load(ctx, s, key);
  if (!after) common::forbidden("无权在该范围内新建" + s.label);  // the transaction rolls back
  if (s.after_write) s.after_write(ctx, "create", nullptr, after->row);
  audit::record(ctx.db, ctx.user, ctx.req.remote_addr,
                {"create", s.name, key, after->region, after->institution, nullptr, strip_for_audit(s, after->row)});
  tx.commit();
  return after->row;
}

// With `replay`, a create whose idempotency key names a stored record answers that
// record (the HTTP POST); without, the caller deals with keys (modules, importers).
Created create_row(Context& ctx, const EntitySpec& s, const json& body, bool replay) {
  const Permission who = s.permission_for(s.create);
  if (!who.has_role(ctx.me().role)) common::forbidden("当前角色无权新建" + s.label);
  if (!replay) return {insert_row(ctx, s, body), false};
  if (auto prior = replayed_create(ctx, s, body)) return {std::move(*prior), true};
  const bool owns_transaction = !ctx.db.in_transaction();
  try {
    return {insert_row(ctx, s, body), false};
  } catch (const std::exception& e) {
    // A concurrent create with the same key won the race: ours rolled back (its
    // transaction is gone with the exception), and the retry contract says one row and
    // the stored record for every retry. Only a transaction of our own can be retried on;
    // a caller's bigger transaction is left to the caller.
    auto* api_error = dynamic_cast<const common::ApiError*>(&e);
    auto* db_error = dynamic_cast<const store::DbError*>(&e);
    bool clash = (api_error && api_error->status == 409) || (db_error && db_error->kind == store::DbError::Kind::unique);
    if (!clash || !owns_transaction || s.idempotency_key.empty()) throw;
    if (auto prior = replayed_create(ctx, s, body)) return {std::move(*prior), true};
    throw;
  }
}

json update_row(Context& ctx, const EntitySpec& s, const std::string& key, const json& body) {
  store::Transaction tx(ctx.db);
  auto before = load(ctx, s, key);
  if (!before) common::not_found();
  require(ctx, s, s.permission_for(s.update), before->row, "修改" + s.label);
  int64_t version = parse_version(ctx, body);
  refuse_if_locked(ctx, s, before->row);
  json row = before->row;
  merge_body(ctx, s, body, row, false);
  if (s.prepare) s.prepare(ctx, row, &before->row);
  check_unique(ctx, s, row, before->row["id"].get<int64_t>());

  std::string sets;
  for (const auto& f : s.fields) sets += f.name + " = ?, ";
  Params p = row_values(s, row);
  p.push_back(common::now_iso());
  p.push_back(before->row["id"].get<int64_t>());
  p.push_back(version);
  int64_t n = ctx.db.exec("UPDATE " + s.table + " SET " + sets + "version = version + 1, updated_at = ? WHERE id = ? AND version = ?", p);
  if (n == 0)
    common::conflict("version_conflict",
                     "记录已被他人修改(当前版本" + std::to_string(before->row["version"].get<int64_t>()) + "),请刷新后重试",
                     "version");
  auto after = load(ctx, s, key_of(s, row));
  if (!after) common::forbidden("不能把" + s.label + "移出自己的管辖范围");
  if (s.after_write) s.after_write(ctx, "update", &before->row, after->row);
  audit::record(ctx.db, ctx.user, ctx.req.remote_addr,
                {"update", s.name, key_of(s, row), after->region, after->institution, strip_for_audit(s, before->row),
                 strip_for_audit(s, after->row)});
  tx.commit();
  return after->row;
}

}  // namespace

http::Response handle_create(Context& ctx, const EntitySpec& s) {
  Created c = create_row(ctx, s, ctx.json_body(), true);
  return http::Response::json(c.row, c.replayed ? 200 : 201);
}

http::Response handle_update(Context& ctx, const EntitySpec& s) {
  return http::Response::json(update_row(ctx, s, ctx.path_param(0), ctx.json_body()));
}

http::Response handle_delete(Context& ctx, const EntitySpec& s) {
  store::Transaction tx(ctx.db);
  auto before = load(ctx, s, ctx.path_param(0));
  if (!before) common::not_found();
  require(ctx, s, s.permission_for(s.remove), before->row, "停用" + s.label);
  refuse_if_locked(ctx, s, before->row);
  if (s.before_delete) s.before_delete(ctx, before->row);
  Params p{common::now_iso(), before->row["id"].get<int64_t>()};
  std::string sql = "UPDATE " + s.table + " SET active = 0, version = version + 1, updated_at = ? WHERE id = ?";
  if (ctx.req.query.count("version")) {
    sql += " AND version = ?";
    p.push_back(parse_version(ctx, json::object()));
  }
  if (ctx.db.exec(sql, p) == 0) common::conflict("version_conflict", "记录已被他人修改,请刷新后重试", "version");
  auto after = load(ctx, s, ctx.path_param(0));
  if (s.after_write && after) s.after_write(ctx, "delete", &before->row, after->row);
  audit::record(ctx.db, ctx.user, ctx.req.remote_addr,
                {"delete", s.name, ctx.path_param(0), before->region, before->institution,
                 strip_for_audit(s, before->row), after ? strip_for_audit(s, after->row) : json(nullptr)});
  tx.commit();
  return http::Response::json(after ? after->row : json::object());
}

}  // namespace yilian::api::detail

namespace yilian::api {

using nlohmann::json;

json create_entity(Context& ctx, const EntitySpec& spec, const json& body) {
  return detail::create_row(ctx, spec, body, false).row;
}

json update_entity(Context& ctx, const EntitySpec& spec, const std::string& key, const json& body) {
  return detail::update_row(ctx, spec, key, body);
}

std::optional<json> replayed_create(Context& ctx, const EntitySpec& s, const json& body) {
  if (s.idempotency_key.empty()) return std::nullopt;
  auto given = body.find(s.idempotency_key);
  if (given == body.end() || !given->is_string() || given->get<std::string>().empty()) return std::nullopt;
  const FieldSpec& key_field = *s.field(s.idempotency_key);
  auto r = ctx.db.query("SELECT id FROM " + s.table + " WHERE " + s.idempotency_key + " = ?", {given->get<std::string>()});
  if (r.empty()) return std::nullopt;
  auto stored = detail::load(ctx, s, std::to_string(r.scalar().as_int()));
  // Someone else's record: say no more than that the key is taken.
  if (!stored) common::conflict("duplicate", key_field.label + "已被使用,请换一个重新提交", s.idempotency_key);
  json incoming = json::object();
  detail::merge_body(ctx, s, body, incoming, true);
  for (auto it = body.begin(); it != body.end(); ++it) {
    const FieldSpec* f = s.field(it.key());
    if (!f || !f->writable || !incoming.contains(f->name)) continue;
    const json& was = stored->row[f->name];
    const json& now = incoming[f->name];
    bool same = was == now || (was.is_number() && now.is_number() && std::fabs(was.get<double>() - now.get<double>()) < 1e-9);
    if (!same)
      common::conflict("idempotency_mismatch",
                       key_field.label + "“" + given->get<std::string>() + "”已用于另一条内容不同的记录(" + f->label +
                           "不一致),请勿重复使用",
                       s.idempotency_key);
  }
  if (!detail::sees_full(s, ctx.me(), *stored)) detail::apply_masks(s, stored->row);
  return stored->row;
}

}  // namespace yilian::api

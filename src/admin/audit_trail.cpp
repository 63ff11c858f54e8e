#include "admin/audit_trail.h"

#include "api/context.h"
#include "auth/scope.h"
#include "common/error.h"

namespace yilian::admin {
namespace {

using nlohmann::json;

http::Response list(api::Context& ctx) {
  const auto& me = ctx.me();
  if (me.role != auth::Role::admin && me.role != auth::Role::bureau) common::forbidden("只有管理员和卫健局可以查看审计日志");
  api::Page page = api::parse_page(ctx.req);
  auto cond = auth::scope_condition(me, {.region = "a.region_code"});
  std::string where = " WHERE " + cond.sql;
  store::Params params = cond.params;
  auto eq = [&](const char* key, const char* column) {
    auto v = ctx.req.query_or(key);
    if (v.empty()) return;
    where += std::string(" AND ") + column + " = ?";
    params.push_back(v);
  };
  eq("entity", "a.entity");
  eq("entity_id", "a.entity_id");
  eq("action", "a.action");
  eq("username", "a.username");
  if (auto from = ctx.req.query_or("from"); !from.empty()) {
    where += " AND a.at >= ?";
    params.push_back(from);
  }
  if (auto to = ctx.req.query_or("to"); !to.empty()) {
    where += " AND a.at < ?";
    params.push_back(to);
  }
  int64_t total = ctx.db.query("SELECT COUNT(*) FROM audit_log a" + where, params).scalar().as_int();
  params.push_back(page.size);
  params.push_back(page.offset());
  auto r = ctx.db.query(
      "SELECT a.id, a.at, a.user_id, a.username, a.remote_addr, a.action, a.entity, a.entity_id, a.region_code, "
      "a.institution_id, a.before_json, a.after_json FROM audit_log a" +
          where + " ORDER BY a.id DESC LIMIT ? OFFSET ?",
      params);
  json items = json::array();
  for (const auto& row : r.rows) {
    auto parse = [](const store::Value& v) {
      return v.is_null() ? json(nullptr) : json::parse(v.as_text(), nullptr, false);
    };
    items.push_back({{"id", row[0].as_int()},
                     {"at", row[1].as_text()},
                     {"user_id", row[2].is_null() ? json(nullptr) : json(row[2].as_int())},
                     {"username", row[3].as_text()},
                     {"remote_addr", row[4].as_text()},
                     {"action", row[5].as_text()},
                     {"entity", row[6].as_text()},
                     {"entity_id", row[7].as_text()},
                     {"region_code", row[8].is_null() ? json(nullptr) : json(row[8].as_text())},
                     {"institution_id", row[9].is_null() ? json(nullptr) : json(row[9].as_int())},
                     {"before", parse(row[10])},
                     {"after", parse(row[11])}});
  }
  return http::Response::json(api::page_json(page, total, std::move(items)));
}

}  // namespace

void register_audit_routes(api::Router& router) {
  router.add({"GET", "/api/v1/audit", "查询审计日志", "audit", true, "", "audit_entry", true,
              {"page", "page_size", "entity", "entity_id", "action", "username", "from", "to"}},
             list);
}

}  // namespace yilian::admin

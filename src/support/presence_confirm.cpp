#include "support/presence_confirm.h"

#include <set>

#include "audit/audit.h"
#include "common/clock.h"
#include "common/error.h"
#include "support/entities.h"

namespace yilian::support {
namespace {

using auth::Role;
using nlohmann::json;

// A sign-in sheet is at most a few weeks of a few people's half-days.
constexpr size_t kMaxBulkIds = 500;

// Only the recipient institution (or the bureau over it) confirms, so "not actually on
// site" shows up as unconfirmed half-days. Returns the recipient and its region for the audit.
std::pair<int64_t, std::string> check_recipient_side(api::Context& ctx, const json& row) {
  const auto& me = ctx.me();
  auto a = ctx.db.query(
      "SELECT a.recipient_institution_id, i.region_code FROM assignment a JOIN institution i ON i.id = "
      "a.recipient_institution_id WHERE a.id = ?",
      {row["assignment_id"].get<int64_t>()});
  int64_t recipient = a.rows[0][0].as_int();
  bool recipient_side = me.role == Role::admin || me.role == Role::bureau ||
                        ((me.role == Role::township || me.role == Role::hospital) && me.institution_id == recipient);
  if (!recipient_side) common::forbidden("只有受援单位可以确认在岗记录");
  return {recipient, a.rows[0][1].as_text()};
}

json set_confirmed(api::Context& ctx, const std::string& id, bool confirmed) {
  const auto& me = ctx.me();
  json before = api::load_entity(ctx, *presence_entity(), id, false);
  auto [recipient, region] = check_recipient_side(ctx, before);
  ctx.db.exec("UPDATE presence SET confirmed = ?, confirmed_by = ?, confirmed_at = ?, version = version + 1, "
              "updated_at = ? WHERE id = ?",
              {confirmed, me.display_name, common::now_iso(), common::now_iso(), before["id"].get<int64_t>()});
  json after = api::load_entity(ctx, *presence_entity(), id, false);
  audit::record(ctx.db, &me, ctx.req.remote_addr,
                {confirmed ? "confirm" : "unconfirm", "presence", id, region, recipient, before, after});
  return after;
}

bool confirmed_flag(const json& body) {
  if (!body.contains("confirmed")) return true;
  if (!body["confirmed"].is_boolean()) common::invalid("confirmed", "confirmed须为true或false");
  return body["confirmed"].get<bool>();
}

}  // namespace

http::Response confirm_presence(api::Context& ctx) {
  json body = ctx.req.body.empty() ? json::object() : ctx.json_body();
  bool confirmed = confirmed_flag(body);
  store::Transaction tx(ctx.db);
  json after = set_confirmed(ctx, ctx.path_param(0), confirmed);
  tx.commit();
  return http::Response::json(after);
}

http::Response confirm_presence_bulk(api::Context& ctx) {
  json body = ctx.json_body();
  bool confirmed = confirmed_flag(body);
  if (!body.contains("ids") || !body["ids"].is_array() || body["ids"].empty())
    common::invalid("ids", "请提供要确认的在岗记录编号列表");
  if (body["ids"].size() > kMaxBulkIds)
    common::invalid("ids", "一次最多确认" + std::to_string(kMaxBulkIds) + "条在岗记录");
  std::set<int64_t> ids;
  for (const auto& id : body["ids"]) {
    if (!id.is_number_integer() || id.get<int64_t>() <= 0) common::invalid("ids", "在岗记录编号须为正整数");
    ids.insert(id.get<int64_t>());
  }
  store::Transaction tx(ctx.db);
  json rows = json::array();
  for (int64_t id : ids) rows.push_back(set_confirmed(ctx, std::to_string(id), confirmed));
  tx.commit();
  return http::Response::json({{"confirmed", confirmed}, {"count", rows.size()}, {"items", rows}});
}

}  // namespace yilian::support

#include "support/presence_confirm.h"

#include <set>

#include "api/lifecycle.h"
#include "common/error.h"
#include "support/entities.h"

namespace yilian::support {
namespace {

using nlohmann::json;

// A sign-in sheet is at most a few weeks of a few people's half-days.
constexpr size_t kMaxBulkIds = 500;

// The action of a sheet: "confirm" (default), "reject" or "reopen"; `confirmed: false`
// is the older spelling of "reopen".
std::string bulk_action(const json& body) {
  if (body.contains("action")) {
    if (!body["action"].is_string()) common::invalid("action", "action须为confirm、reject或reopen");
    std::string a = body["action"];
    if (a != "confirm" && a != "reject" && a != "reopen") common::invalid("action", "action须为confirm、reject或reopen");
    return a;
  }
  if (!body.contains("confirmed")) return "confirm";
  if (!body["confirmed"].is_boolean()) common::invalid("confirmed", "confirmed须为true或false");
  return body["confirmed"].get<bool>() ? "confirm" : "reopen";
}

}  // namespace

http::Response confirm_presence_bulk(api::Context& ctx) {
  json body = ctx.json_body();
  std::string action = bulk_action(body);
  if (!body.contains("ids") || !body["ids"].is_array() || body["ids"].empty())
    common::invalid("ids", "请提供要确认的在岗记录编号列表");
  if (body["ids"].size() > kMaxBulkIds)
    common::invalid("ids", "一次最多确认" + std::to_string(kMaxBulkIds) + "条在岗记录");
  std::set<int64_t> ids;
  for (const auto& id : body["ids"]) {
    if (!id.is_number_integer() || id.get<int64_t>() <= 0) common::invalid("ids", "在岗记录编号须为正整数");
    ids.insert(id.get<int64_t>());
  }
  json step = json::object();
  if (body.contains("reason")) step["reason"] = body["reason"];
  // One transaction: the whole sheet, or nothing when any half-day is refused.
  store::Transaction tx(ctx.db);
  json rows = json::array();
  for (int64_t id : ids) rows.push_back(api::transition_entity(ctx, *presence_entity(), std::to_string(id), action, step));
  tx.commit();
  return http::Response::json({{"action", action}, {"confirmed", action == "confirm"}, {"count", rows.size()}, {"items", rows}});
}

}  // namespace yilian::support

#include "support/presence_review.h"

#include "common/clock.h"
#include "policy/platform.h"
#include "support/choices.h"
#include "support/entity_helpers.h"

namespace yilian::support {

using auth::Role;
using nlohmann::json;

namespace {

api::Permission recipient_side() {
  return {.roles = {Role::admin, Role::bureau, Role::township, Role::hospital},
          .side = api::Side::first,
          .side_label = "受援单位(或其主管卫健部门)"};
}

void mark_reviewed(api::Context& ctx, json& row) {
  row["confirmed_by"] = ctx.me().display_name;
  row["confirmed_at"] = common::now_iso();
}

}  // namespace

api::StateMachine presence_review() {
  api::StateMachine m;
  m.field = "review_status";
  m.states = presence_review_states();
  m.initial = "pending";
  m.reason_field = "review_reason";
  m.transitions = {
      {.action = "confirm", .label = "确认", .from = {"pending"}, .to = "confirmed", .who = recipient_side(),
       .apply = [](api::Context& ctx, json& row, const json&) {
         row["confirmed"] = true;
         mark_reviewed(ctx, row);
       }},
      // The doctor was not on site: the half-day counts as absent, with the reason.
      {.action = "reject", .label = "驳回", .from = {"pending"}, .to = "rejected", .who = recipient_side(),
       .reason_required = true,
       .apply = [](api::Context& ctx, json& row, const json& body) {
         row["confirmed"] = false;
         row["status"] = "absent";
         row["reason"] = body["reason"];
         mark_reviewed(ctx, row);
       }},
      {.action = "reopen", .label = "撤销确认", .from = {"confirmed", "rejected"}, .to = "pending",
       .who = recipient_side(),
       .apply = [](api::Context&, json& row, const json&) {
         row["confirmed"] = false;
         row["confirmed_by"] = nullptr;
         row["confirmed_at"] = nullptr;
       }},
  };
  return m;
}

api::Lock presence_reviewed_lock() {
  return {"reviewed", [](api::Context&, const json& row) -> std::string {
            std::string state = helpers::text(row, "review_status");
            if (state == "pending" || state.empty()) return "";
            std::string by = helpers::text(row, "confirmed_by");
            return std::string("该半天已由受援单位") + (by.empty() ? "" : "(" + by + ")") +
                   (state == "confirmed" ? "确认" : "驳回") + ",不能修改或撤销;如需更正,请受援单位先“撤销确认”";
          }};
}

api::Lock personal_entry_window_lock() {
  return {"entry_window", [](api::Context& ctx, const json& row) -> std::string {
            const auto& me = ctx.me();
            if (me.role != Role::doctor && me.role != Role::village_doctor) return "";
            if (helpers::text(row, "day") >= helpers::entry_window_start()) return "";
            return "超过补登期限(最近" + std::to_string(policy::platform_integer("records.field_entry_window_days")) +
                   "天)的记录不能再由本人修改或撤销,请联系受援单位更正";
          }};
}

}  // namespace yilian::support

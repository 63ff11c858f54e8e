#include "support/record_lifecycles.h"

#include <algorithm>

#include "common/clock.h"
#include "common/error.h"
#include "support/choices.h"
#include "support/entity_helpers.h"

namespace yilian::support {

using auth::Role;
using nlohmann::json;

namespace {

const api::Permission kManagers{.roles = {Role::admin, Role::bureau, Role::hospital}};
const api::Permission kBureau{.roles = {Role::admin, Role::bureau}};

// A date the transition sets: the one the request gives, or today.
void date_from_body(json& row, const json& body, const char* field) {
  if (body.contains(field) && body[field].is_string() && common::is_valid_date(body[field].get<std::string>()))
    row[field] = body[field];
  else if (body.contains(field) && !body[field].is_null())
    common::invalid(field, "日期须为YYYY-MM-DD");
  else if (helpers::text(row, field).empty())
    row[field] = common::today();
}

// The dispatching hospital acts for its own people only; the bureau and admin for any.
api::Permission home_side() {
  api::Permission p = kManagers;
  p.check = [](api::Context& ctx, const json& row) -> std::string {
    const auto& me = ctx.me();
    if (me.role != Role::hospital || helpers::integer(row, "home_institution_id") == me.institution_id) return "";
    return "只有派出单位可以变更派驻状态";
  };
  return p;
}

}  // namespace

api::Lock state_lock(const std::string& field, std::vector<std::string> states, std::string message) {
  return {field + "_final", [field, states = std::move(states), message = std::move(message)](
                                api::Context&, const json& row) -> std::string {
            std::string state = helpers::text(row, field.c_str());
            return std::find(states.begin(), states.end(), state) != states.end() ? message : "";
          }};
}

api::StateMachine relationship_lifecycle() {
  api::StateMachine m;
  m.states = relationship_statuses();
  m.initial = "draft";
  m.create_states = {"draft", "signed", "filed"};
  m.transitions = {
      {.action = "sign", .label = "签订", .from = {"draft"}, .to = "signed", .who = kManagers},
      {.action = "file", .label = "报备", .from = {"signed"}, .to = "filed", .who = kManagers},
      {.action = "end", .label = "终止", .from = {"draft", "signed", "filed"}, .to = "ended", .who = kManagers,
       .reason_required = true},
      {.action = "reopen", .label = "恢复", .from = {"ended"}, .to = "signed", .who = kBureau, .reason_required = true},
  };
  return m;
}

api::StateMachine agreement_lifecycle() {
  api::StateMachine m;
  m.states = agreement_statuses();
  m.initial = "draft";
  m.create_states = {"draft", "signed", "filed"};
  m.transitions = {
      {.action = "sign", .label = "签订", .from = {"draft"}, .to = "signed", .who = kManagers,
       .apply = [](api::Context&, json& row, const json& body) { date_from_body(row, body, "signed_date"); }},
      {.action = "file", .label = "报备", .from = {"signed"}, .to = "filed", .who = kManagers,
       .apply = [](api::Context&, json& row, const json& body) { date_from_body(row, body, "filed_date"); }},
      {.action = "withdraw", .label = "撤回报备", .from = {"filed"}, .to = "signed", .who = kBureau,
       .reason_required = true,
       .apply = [](api::Context&, json& row, const json&) { row["filed_date"] = nullptr; }},
  };
  return m;
}

api::StateMachine assignment_lifecycle() {
  api::StateMachine m;
  m.states = assignment_statuses();
  m.initial = "planned";
  m.create_states = {"planned", "active", "completed"};
  m.transitions = {
      {.action = "start", .label = "到岗", .from = {"planned"}, .to = "active", .who = home_side(),
       .apply = [](api::Context&, json& row, const json& body) { date_from_body(row, body, "actual_start"); }},
      {.action = "complete", .label = "结束派驻", .from = {"active"}, .to = "completed", .who = home_side(),
       .apply = [](api::Context&, json& row, const json& body) { date_from_body(row, body, "actual_end"); }},
      {.action = "cancel", .label = "取消", .from = {"planned", "active"}, .to = "cancelled", .who = home_side(),
       .reason_required = true},
      {.action = "reopen", .label = "重新打开", .from = {"completed", "cancelled"}, .to = "active", .who = kBureau,
       .reason_required = true},
  };
  return m;
}

}  // namespace yilian::support

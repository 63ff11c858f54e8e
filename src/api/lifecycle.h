// Record lifecycles for entities: who may take each action, a declared state machine,
// and locks. One mechanism for every module (presence confirmation, weekly reports,
// dispatch, and later referrals, follow-ups and reported data), so that:
//  - the state field is never written by PATCH: it changes only through a transition,
//    `POST {route}/{id}/{action}`, allowed from listed states to roles (and sides of a
//    two-party record), with a reason where the transition needs one; every transition
//    is audited with its reason;
//  - a lock (confirmed, submitted, approved, past the entry window) refuses PATCH and
//    DELETE alike, with a Chinese message saying why and who may reopen;
//  - checks, the row change, the scope test and the audit entry are one transaction.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/context.h"
#include "auth/role.h"

namespace yilian::api {

class EntitySpec;

// Which party of a two-party record the user acts for. The first party is the row's
// scope (ScopeColumns region/institution, e.g. the recipient of an assignment); the
// second is its `other_*` columns and the dispatched person (staff), e.g. the sender.
enum class Side { any, first, second };

// Who may take an action. Empty roles: nobody (the action is closed).
struct Permission {
  std::vector<auth::Role> roles;
  Side side = Side::any;
  std::string side_label;  // "受援单位", said when the side is wrong
  // A further rule on the stored row; returns a Chinese refusal (403), or "" to allow.
  std::function<std::string(Context&, const nlohmann::json& row)> check;

  bool has_role(auth::Role r) const;
};

struct Transition {
  std::string action;             // the path segment: "confirm", "reject", "reopen"
  std::string label;              // 中文: "确认"
  std::vector<std::string> from;  // states it may start from
  std::string to;
  Permission who;
  bool reason_required = false;
  // Further fields the transition sets (confirmed_by, reviewed_at …), after the state;
  // `body` is the request (reason included). Runs inside the transaction.
  std::function<void(Context&, nlohmann::json& row, const nlohmann::json& body)> apply;
};

struct StateMachine {
  std::string field = "status";
  std::vector<std::pair<std::string, std::string>> states;  // value → 中文
  std::string initial;                                      // on create when not given
  std::vector<std::string> create_states;                   // allowed on create (default: initial)
  std::string reason_field;  // a text field that keeps the last transition's reason, if any
  std::vector<Transition> transitions;

  const Transition* find(const std::string& action) const;
  std::string label_of(const std::string& state) const;
};

// A reason the stored row may not be changed or withdrawn now; "" when it may.
// Judged on the row before the change, for PATCH and DELETE alike.
struct Lock {
  std::string name;  // for documentation and tests: "confirmed", "entry_window"
  std::function<std::string(Context&, const nlohmann::json& row)> why;
};

// Whether the user acts for `side` of the stored row (admin always).
bool on_side(Context& ctx, const EntitySpec& spec, const std::string& key, Side side);
// The first lock that holds, or "".
std::string lock_reason(Context& ctx, const EntitySpec& spec, const nlohmann::json& row);
// Refuses (403) unless `who` allows the user on this row.
void require(Context& ctx, const EntitySpec& spec, const Permission& who, const nlohmann::json& row,
             const std::string& what);

// Takes a transition on a stored record; joins an open transaction, so a batch (a whole
// sign-in sheet) is all or nothing. `body` may carry `version` (checked when given) and
// `reason`. Returns the record after the change (unmasked: the caller may write it).
nlohmann::json transition_entity(Context& ctx, const EntitySpec& spec, const std::string& key,
                                 const std::string& action, const nlohmann::json& body);

}  // namespace yilian::api

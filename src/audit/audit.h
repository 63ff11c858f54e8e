// The audit trail: every write records who, when, from where and what changed.
// The table is append-only (triggers refuse UPDATE and DELETE in both backends).
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "store/db.h"

namespace yilian::audit {

// Who acted, as the trail records it. auth::Principal is one (the audit trail sits below
// authentication, so it names the actor without knowing roles or scope).
struct Actor {
  int64_t user_id = 0;
  std::string username;
};

struct Entry {
  std::string action;  // create, update, delete, login, login_failed, logout, password, import, override …
  std::string entity;  // table or module name
  std::string entity_id;
  std::string region_code;     // the subject's region, so a bureau can read its own trail
  int64_t institution_id = 0;  // the subject's institution, when it has one
  nlohmann::json before;       // null for create
  nlohmann::json after;        // null for delete
};

// `actor` may be null for the command line and for failed logins.
void record(store::Db& db, const Actor* actor, const std::string& remote_addr, const Entry& e,
            const std::string& actor_name = "");

}  // namespace yilian::audit

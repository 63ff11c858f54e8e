#include "audit/audit.h"

#include "common/clock.h"

namespace yilian::audit {

void record(store::Db& db, const auth::Principal* actor, const std::string& remote_addr, const Entry& e,
            const std::string& actor_name) {
  db.exec(
      "INSERT INTO audit_log (at, user_id, username, remote_addr, action, entity, entity_id, region_code, "
      "institution_id, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {common::now_iso(), actor && actor->user_id ? store::Value(actor->user_id) : store::Value(),
       actor ? actor->username : (actor_name.empty() ? std::string("cli") : actor_name), remote_addr, e.action,
       e.entity, e.entity_id, e.region_code.empty() ? store::Value() : store::Value(e.region_code),
       e.institution_id ? store::Value(e.institution_id) : store::Value(),
       e.before.is_null() ? store::Value() : store::Value(e.before.dump()),
       e.after.is_null() ? store::Value() : store::Value(e.after.dump())});
}

}  // namespace yilian::audit

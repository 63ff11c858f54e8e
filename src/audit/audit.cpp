#include "audit/audit.h"

#include "audit/chain.h"
#include "common/clock.h"

namespace yilian::audit {

void record(store::Db& db, const Actor* actor, const std::string& remote_addr, const Entry& e,
            const std::string& actor_name) {
  std::vector<store::Value> content = {
      common::now_iso(),
      actor && actor->user_id ? store::Value(actor->user_id) : store::Value(),
      actor ? actor->username : (actor_name.empty() ? std::string("cli") : actor_name),
      remote_addr,
      e.action,
      e.entity,
      e.entity_id,
      e.region_code.empty() ? store::Value() : store::Value(e.region_code),
      e.institution_id ? store::Value(e.institution_id) : store::Value(),
      e.before.is_null() ? store::Value() : store::Value(e.before.dump()),
      e.after.is_null() ? store::Value() : store::Value(e.after.dump())};
  // The chain head is read and extended in one transaction (joining the caller's), so two
  // writers never chain to the same row.
  store::Transaction tx(db);
  std::string prev = chain_head_for_append(db);
  store::Params params = content;
  params.push_back(prev);
  params.push_back(row_hash(prev, content));
  db.exec(std::string("INSERT INTO audit_log (") + kHashedColumns +
              ", prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          params);
  tx.commit();
}

}  // namespace yilian::audit

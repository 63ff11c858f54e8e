#include "audit/schema.h"

namespace yilian::audit {

std::vector<store::Migration> migrations() {
  const std::string table = R"(
CREATE TABLE audit_log (
  id {{ID}},
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL,
  remote_addr TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL DEFAULT '',
  region_code TEXT,
  institution_id BIGINT,
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_region ON audit_log (region_code);
)";
  return {
      {110, "audit log", table},
      {111, "audit log is append-only", "",
       R"(
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)",
       R"(
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
)"},
      // The hash chain (audit/chain.h). Rows written before it have no hashes; the chain
      // starts at the first row that has one.
      {112, "audit log hash chain", "ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;\n"
                                    "ALTER TABLE audit_log ADD COLUMN row_hash TEXT;\n"},
  };
}

}  // namespace yilian::audit

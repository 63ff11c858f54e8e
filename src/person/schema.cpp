#include "person/schema.h"

namespace yilian::person {

std::vector<store::Migration> migrations() {
  return {{160, "person records, merges and the data key fingerprint", R"(
CREATE TABLE person (
  id {{ID}},
  version BIGINT NOT NULL DEFAULT 1,
  active BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  id_type TEXT,
  id_number_enc TEXT,
  id_number_hash TEXT UNIQUE,
  name TEXT NOT NULL,
  sex TEXT NOT NULL,
  birth_date TEXT,
  phone_enc TEXT,
  phone_hash TEXT,
  address_region TEXT,
  address_enc TEXT,
  merged_into BIGINT REFERENCES person (id),
  notes TEXT,
  CHECK ((id_type IS NULL) = (id_number_hash IS NULL) AND (id_number_enc IS NULL) = (id_number_hash IS NULL)),
  CHECK ((phone_enc IS NULL) = (phone_hash IS NULL)),
  CHECK (merged_into IS NULL OR merged_into <> id)
);
CREATE INDEX person_phone ON person (phone_hash);
CREATE INDEX person_region ON person (address_region);
CREATE INDEX person_identity ON person (name, birth_date, sex);
CREATE INDEX person_merged ON person (merged_into);
CREATE TABLE person_merge (
  id {{ID}},
  keep_id BIGINT NOT NULL REFERENCES person (id),
  drop_id BIGINT NOT NULL REFERENCES person (id),
  reason TEXT NOT NULL,
  repointed TEXT NOT NULL,
  merged_at TEXT NOT NULL,
  merged_by TEXT NOT NULL,
  undone_at TEXT,
  undone_by TEXT,
  undo_reason TEXT
);
CREATE INDEX person_merge_drop ON person_merge (drop_id, id);
CREATE TABLE person_key (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  fingerprint TEXT NOT NULL,
  created_at TEXT NOT NULL
);
)"}};
}

}  // namespace yilian::person

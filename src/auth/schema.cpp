#include "auth/schema.h"

namespace yilian::auth {

std::vector<store::Migration> migrations() {
  return {{300, "accounts and tokens", R"(
CREATE TABLE app_user (
  id {{ID}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  region_code TEXT REFERENCES region (code),
  institution_id BIGINT REFERENCES institution (id),
  staff_id BIGINT REFERENCES staff (id),
  scope_region TEXT NOT NULL DEFAULT '',
  failed_logins BIGINT NOT NULL DEFAULT 0,
  lock_count BIGINT NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,
  active BIGINT NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX app_user_scope ON app_user (scope_region);

CREATE TABLE auth_token (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked BIGINT NOT NULL DEFAULT 0,
  remote_addr TEXT NOT NULL DEFAULT ''
);
CREATE INDEX auth_token_user ON auth_token (user_id);
)"}};
}

}  // namespace yilian::auth

// Login, bearer tokens and their revocation. Tokens are random; only their digest is
// stored, so a copy of the database does not hand out sessions.
#pragma once
#include <optional>
#include <string>

#include "auth/principal.h"
#include "store/db.h"

namespace yilian::auth {

struct LoginPolicy {
  int max_failures = 5;          // consecutive failures before the account locks
  int lock_seconds = 15 * 60;    // first lock; each further lock doubles, up to a day
  int token_seconds = 12 * 3600; // a working day
};

struct LoginResult {
  std::string token;
  int64_t expires_at = 0;
  Principal principal;
};

// Throws ApiError 401 (wrong credentials) or 423 (locked). Every attempt is audited.
LoginResult login(store::Db& db, const std::string& username, const std::string& password,
                  const std::string& remote_addr, const LoginPolicy& policy = {});
std::optional<Principal> authenticate(store::Db& db, const std::string& token);
void revoke(store::Db& db, const std::string& token_hash);
void revoke_all(store::Db& db, int64_t user_id);

// The scope-bearing fields of a user row, resolved into a Principal.
Principal principal_for_user(store::Db& db, int64_t user_id);

}  // namespace yilian::auth

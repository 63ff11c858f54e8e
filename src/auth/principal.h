// The authenticated user of one request, with their scope resolved.
#pragma once
#include <cstdint>
#include <string>

#include "audit/audit.h"
#include "auth/role.h"

namespace yilian::auth {

// The audit trail records a principal by its Actor part (user_id, username).
struct Principal : audit::Actor {
  std::string display_name;
  Role role = Role::doctor;
  // The region the user's scope hangs from: the bureau's region, or the region of the
  // user's institution. Empty for the admin.
  std::string region_code;
  std::string region_prefix;  // significant digits of region_code; "" = everything
  int64_t institution_id = 0;  // hospital, township, doctor, village_doctor
  int64_t staff_id = 0;        // doctor, village_doctor
  std::string token_hash;

  bool is(Role r) const { return role == r; }
};

}  // namespace yilian::auth

// Roles and what each one's scope is. The scope itself is resolved per user into a
// Principal (auth/principal.h) and turned into SQL by auth/scope.h.
#pragma once
#include <optional>
#include <string>

namespace yilian::auth {

enum class Role {
  admin,           // 系统管理员: everything
  bureau,          // 卫健局: a region subtree
  hospital,        // 医院/医务科: one institution
  township,        // 乡镇卫生院: its institution and the village clinics of its township
  doctor,          // 派驻医生: their own records
  village_doctor,  // 村医: their own records
};

const char* role_name(Role r);      // "bureau"
const char* role_label(Role r);     // "卫健局"
std::optional<Role> parse_role(const std::string& s);

}  // namespace yilian::auth

#include "auth/role.h"

namespace yilian::auth {

const char* role_name(Role r) {
  switch (r) {
    case Role::admin: return "admin";
    case Role::bureau: return "bureau";
    case Role::hospital: return "hospital";
    case Role::township: return "township";
    case Role::doctor: return "doctor";
    case Role::village_doctor: return "village_doctor";
  }
  return "";
}

const char* role_label(Role r) {
  switch (r) {
    case Role::admin: return "系统管理员";
    case Role::bureau: return "卫健局";
    case Role::hospital: return "医院/医务科";
    case Role::township: return "乡镇卫生院";
    case Role::doctor: return "派驻医生";
    case Role::village_doctor: return "村医";
  }
  return "";
}

std::optional<Role> parse_role(const std::string& s) {
  for (Role r : {Role::admin, Role::bureau, Role::hospital, Role::township, Role::doctor, Role::village_doctor})
    if (s == role_name(r)) return r;
  return std::nullopt;
}

}  // namespace yilian::auth

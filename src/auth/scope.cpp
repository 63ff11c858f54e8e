#include "auth/scope.h"

#include "codes/codes.h"
#include "common/region_code.h"

namespace yilian::auth {
namespace {

Condition region_range(const std::string& expr, const std::string& prefix) {
  auto [lo, hi] = common::prefix_range(prefix);
  return {"(" + expr + " >= ? AND " + expr + " < ?)", {lo, hi}};
}

}  // namespace

Condition one_party(const Principal& p, const ScopeColumns& c);

Condition scope_condition(const Principal& p, const ScopeColumns& c) {
  Condition first = one_party(p, c);
  if (c.other_region.empty() || p.role == Role::admin) return first;
  ScopeColumns other = c;
  other.region = c.other_region;
  other.institution = c.other_institution;
  other.kind = c.other_kind;
  Condition second = one_party(p, other);
  Condition both{"(" + first.sql + " OR " + second.sql + ")", first.params};
  both.params.insert(both.params.end(), second.params.begin(), second.params.end());
  return both;
}

Condition one_party(const Principal& p, const ScopeColumns& c) {
  switch (p.role) {
    case Role::admin: return {"1=1", {}};
    case Role::bureau: return region_range(c.region, p.region_prefix);
    case Role::hospital:
      if (!c.institution.empty()) return {c.institution + " = ?", {p.institution_id}};
      return region_range(c.region, p.region_prefix);
    case Role::township: {
      // Its own institution, and the village clinics in the villages of its township.
      Condition villages = region_range(c.region, p.region_prefix);
      if (c.institution.empty()) return villages;
      std::string sql = "(" + c.institution + " = ?";
      store::Params params{p.institution_id};
      if (!c.kind.empty()) {
        sql += " OR (" + c.kind + " = ? AND " + villages.sql + ")";
        params.push_back(std::string(codes::kVillageClinicKind));
        params.insert(params.end(), villages.params.begin(), villages.params.end());
      }
      sql += ")";
      return {sql, params};
    }
    case Role::doctor:
    case Role::village_doctor:
      if (!c.staff.empty()) return {c.staff + " = ?", {p.staff_id}};
      if (c.personal_sees_institution && !c.institution.empty())
        return {c.institution + " = ?", {p.institution_id}};
      if (c.personal_sees_region) return region_range(c.region, p.region_prefix);
      return {"1=0", {}};
  }
  return {"1=0", {}};
}

}  // namespace yilian::auth

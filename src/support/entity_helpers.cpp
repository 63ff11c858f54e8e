#include "support/entity_helpers.h"

#include "common/clock.h"
#include "common/error.h"
#include "policy/platform.h"

namespace yilian::support::helpers {

using api::EntitySpec;
using auth::Role;

std::string text(const json& row, const char* k) {
  return row.contains(k) && row[k].is_string() ? row[k].get<std::string>() : "";
}
int64_t integer(const json& row, const char* k) {
  return row.contains(k) && row[k].is_number_integer() ? row[k].get<int64_t>() : 0;
}

void check_period(const json& row, const char* from, const char* to, const std::string& label) {
  std::string a = text(row, from), b = text(row, to);
  if (!a.empty() && !b.empty() && b < a) common::invalid(to, label + "结束日期不能早于开始日期");
}

// Rows that hang from a support relationship (alias r) are visible to both parties:
// the recipient (first) and the supporting institution (other).
const char* kRelationshipJoins =
    "JOIN institution ri ON ri.id = r.recipient_institution_id "
    "JOIN institution si ON si.id = r.supporting_institution_id";

auth::ScopeColumns relationship_scope(const std::string& r) {
  return {.region = "ri.region_code", .institution = r + ".recipient_institution_id", .kind = "ri.kind",
          .personal_sees_institution = true, .other_region = "si.region_code",
          .other_institution = r + ".supporting_institution_id", .other_kind = "si.kind"};
}

// Rows under an assignment (alias a): the recipient and the home institution see them,
// and the dispatched person sees their own.
const char* kAssignmentJoins =
    "JOIN assignment a ON a.id = t.assignment_id "
    "JOIN institution ri ON ri.id = a.recipient_institution_id "
    "JOIN institution hi ON hi.id = a.home_institution_id";

auth::ScopeColumns assignment_scope(const std::string& a) {
  return {.region = "ri.region_code", .institution = a + ".recipient_institution_id", .kind = "ri.kind",
          .staff = a + ".staff_id", .other_region = "hi.region_code", .other_institution = a + ".home_institution_id",
          .other_kind = "hi.kind"};
}

auth::ScopeColumns institution_scope() {
  return {.region = "i.region_code", .institution = "t.institution_id", .kind = "i.kind",
          .personal_sees_institution = true};
}

std::shared_ptr<EntitySpec> make(const std::string& name, const std::string& table, const std::string& route,
                                 const std::string& label) {
  auto s = std::make_shared<EntitySpec>();
  s->name = name;
  s->table = table;
  s->route = "/api/v1/" + route;
  s->label = label;
  s->tag = "support";
  return s;
}

// A day inside the assignment's period (planned, or actual when recorded).
void check_day_in_assignment(api::Context& ctx, int64_t assignment_id, const std::string& day) {
  auto r = ctx.db.query(
      "SELECT COALESCE(actual_start, planned_start), COALESCE(actual_end, planned_end) FROM assignment WHERE id = ?",
      {assignment_id});
  if (r.empty()) common::invalid("assignment_id", "派驻记录不存在");
  std::string from = r.rows[0][0].as_text(), to = r.rows[0][1].as_text();
  if (day < from || day > to) common::invalid("day", "日期不在派驻期内(" + from + " 至 " + to + ")");
}

// Field staff may record only recent days (a phone may sync a week late), never the future.
void check_recent_for_personal(api::Context& ctx, const std::string& day) {
  const auto& me = ctx.me();
  if (day > common::today()) common::invalid("day", "不能登记将来的日期");
  if (me.role == Role::doctor || me.role == Role::village_doctor) {
    if (day < entry_window_start())
      common::invalid("day", "只能补登最近" + std::to_string(policy::platform_integer("records.field_entry_window_days")) +
                                 "天的记录,更早的请联系受援单位");
  }
}

std::string entry_window_start() { return policy::field_entry_window_start(); }

}  // namespace yilian::support::helpers

// The half-day plan (巡诊排班): which team visits which 1–3 villages in which half-day,
// with which senior doctors. The planner fills these tables; people edit them here, and
// every edit re-checks that no team and no doctor is in two places in one half-day.
#include <set>

#include "common/error.h"
#include "rounds/checks.h"
#include "rounds/choices.h"
#include "rounds/entities.h"

namespace yilian::rounds {
namespace {

using namespace checks;
using api::EntitySpec;
using api::FieldType;
using auth::Role;

// The slots (other than `except_slot`) where the doctor is already planned that half-day.
bool doctor_busy(api::Context& ctx, int64_t staff_id, const std::string& day, const std::string& half,
                 int64_t except_slot) {
  return !ctx.db
              .query("SELECT d.id FROM round_plan_doctor d JOIN round_plan_slot s ON s.id = d.slot_id WHERE d.active = 1 "
                     "AND s.active = 1 AND d.staff_id = ? AND s.day = ? AND s.half = ? AND s.id <> ?",
                     {staff_id, day, half, except_slot})
              .empty();
}

void check_slot(api::Context& ctx, json& row, const json* before) {
  require_team_in_scope(ctx, integer(row, "team_id"));
  Team team = load_team(ctx, integer(row, "team_id"));
  std::string day = text(row, "day"), half = text(row, "half");
  check_team_runs_on(team, day, "day");
  std::set<std::string> seen;
  for (const char* f : {"village_code_1", "village_code_2", "village_code_3"}) {
    std::string v = text(row, f);
    if (v.empty()) continue;
    check_village_in_township(ctx, v, team.region_code, f);
    if (!seen.insert(v).second) common::invalid(f, "同一排班中行政村不能重复");
  }
  int64_t self = before ? (*before)["id"].get<int64_t>() : 0;
  auto same_team = ctx.db.query(
      "SELECT id FROM round_plan_slot WHERE active = 1 AND team_id = ? AND day = ? AND half = ? AND id <> ?",
      {team.id, day, half, self});
  if (!same_team.empty())
    common::conflict("team_busy", "团队" + team.name + "在" + day + (half == "am" ? "上午" : "下午") + "已有排班", "half");
  if (before) {
    auto doctors = ctx.db.query("SELECT d.staff_id, st.name FROM round_plan_doctor d JOIN staff st ON st.id = d.staff_id "
                                "WHERE d.slot_id = ? AND d.active = 1",
                                {self});
    for (const auto& d : doctors.rows)
      if (doctor_busy(ctx, d[0].as_int(), day, half, self))
        common::conflict("doctor_busy", d[1].as_text() + "在该半天已安排到其他排班", "day");
  }
  // A person's edit turns a generated slot into a manual one, so a re-run of the planner
  // can tell which slots it may replace.
  row["source"] = "manual";
}

}  // namespace

std::shared_ptr<const EntitySpec> plan_slot_entity() {
  static auto spec = [] {
    auto s = std::make_shared<EntitySpec>();
    s->name = "round_plan_slot";
    s->table = "round_plan_slot";
    s->route = "/api/v1/round-plan-slots";
    s->label = "巡诊排班";
    s->tag = "rounds";
    s->default_sort = "day";
    auto village = [](const char* name, const char* label, bool required) {
      return api::FieldSpec{.name = name, .label = label, .required = required, .filter = required,
                            .max_length = 12, .references = "region", .reference_column = "code"};
    };
    s->fields = {
        {.name = "team_id", .type = FieldType::integer, .label = "巡诊团队", .required = true, .immutable = true,
         .filter = true, .references = "rounds_team"},
        {.name = "day", .type = FieldType::date, .label = "日期", .required = true, .filter = true, .sort = true},
        {.name = "half", .label = "时段", .required = true, .filter = true, .max_length = 2, .choices = half_days()},
        village("village_code_1", "巡诊村1", true),
        village("village_code_2", "巡诊村2", false),
        village("village_code_3", "巡诊村3", false),
        {.name = "source", .label = "来源", .writable = false, .filter = true, .max_length = 10,
         .choices = plan_sources()},
        {.name = "notes", .label = "备注", .max_length = 500},
    };
    s->joins = std::string(kTeamJoins) + " JOIN region v1 ON v1.code = t.village_code_1";
    // The second and third villages by name too, so no page shows a bare code.
    s->display_joins = "LEFT JOIN region v2 ON v2.code = t.village_code_2 LEFT JOIN region v3 ON v3.code = t.village_code_3";
    s->extra_columns = {{"rt.name", "team_name"},
                        {"v1.name", "village_name_1"},
                        {"v2.name", "village_name_2"},
                        {"v3.name", "village_name_3"},
                        {"(SELECT COUNT(*) FROM round_plan_doctor d WHERE d.slot_id = t.id AND d.active = 1)",
                         "senior_doctor_count"}};
    s->scope = team_scope();
    s->writers = {Role::admin, Role::bureau, Role::township};
    s->prepare = check_slot;
    return s;
  }();
  return spec;
}

std::shared_ptr<const EntitySpec> plan_doctor_entity() {
  static auto spec = [] {
    auto s = std::make_shared<EntitySpec>();
    s->name = "round_plan_doctor";
    s->table = "round_plan_doctor";
    s->route = "/api/v1/round-plan-doctors";
    s->label = "排班医疗骨干";
    s->tag = "rounds";
    s->fields = {
        {.name = "slot_id", .type = FieldType::integer, .label = "排班", .required = true, .immutable = true,
         .filter = true, .references = "round_plan_slot"},
        {.name = "staff_id", .type = FieldType::integer, .label = "医疗骨干", .required = true, .immutable = true,
         .filter = true, .references = "staff", .reference_check = api::ReferenceCheck::candidate},
    };
    s->joins = "JOIN round_plan_slot ps ON ps.id = t.slot_id JOIN rounds_team rt ON rt.id = ps.team_id "
               "JOIN institution i ON i.id = rt.institution_id JOIN staff st ON st.id = t.staff_id "
               "JOIN institution hi ON hi.id = st.institution_id";
    s->extra_columns = {{"st.name", "staff_name"}, {"hi.name", "hospital_name"}, {"ps.day", "day"}, {"ps.half", "half"}};
    s->scope = team_scope();
    s->scope.staff = "t.staff_id";
    s->scope.other_region = "hi.region_code";
    s->scope.other_institution = "st.institution_id";
    s->scope.other_kind = "hi.kind";
    s->writers = {Role::admin, Role::bureau, Role::township};
    s->prepare = [](api::Context& ctx, json& row, const json* before) {
      int64_t slot_id = integer(row, "slot_id"), staff_id = integer(row, "staff_id");
      auto slot = ctx.db.query(
          "SELECT s.day, s.half, rt.institution_id FROM round_plan_slot s JOIN rounds_team rt ON rt.id = s.team_id "
          "WHERE s.id = ?",
          {slot_id});
      std::string day = slot.rows[0][0].as_text(), half = slot.rows[0][1].as_text();
      if (!api::entity_in_scope(ctx, *plan_slot_entity(), std::to_string(slot_id))) common::forbidden("无权修改该排班");
      auto pool = ctx.db.query("SELECT x.id FROM senior_doctor x WHERE x.active = 1 AND x.staff_id = ? AND "
                               "x.township_institution_id = ? AND " + overlaps("x"),
                               {staff_id, slot.rows[0][2].as_int(), day, day});
      if (pool.empty()) common::invalid("staff_id", "该医生在" + day + "未参加本乡镇巡诊(请先登记为医疗骨干)");
      int64_t self = before ? (*before)["id"].get<int64_t>() : 0;
      auto twice = ctx.db.query(
          "SELECT id FROM round_plan_doctor WHERE active = 1 AND slot_id = ? AND staff_id = ? AND id <> ?",
          {slot_id, staff_id, self});
      if (!twice.empty()) common::conflict("duplicate", "该医生已在本排班中", "staff_id");
      if (doctor_busy(ctx, staff_id, day, half, slot_id))
        common::conflict("doctor_busy", "该医生在该半天已安排到其他排班", "staff_id");
    };
    return s;
  }();
  return spec;
}

}  // namespace yilian::rounds

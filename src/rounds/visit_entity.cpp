// A visit record (巡诊记录, V7): one team in one village in one half-day, with the counts
// the weekly table (附件2) sums. Created through the module's own POST (visits.cpp) so
// the people present are written in the same transaction; read, corrected and
// withdrawn through the generic entity routes.
#include "calendar/date.h"
#include "common/clock.h"
#include "common/error.h"
#include "policy/platform.h"
#include "common/region_code.h"
#include "rounds/checks.h"
#include "rounds/choices.h"
#include "rounds/entities.h"
#include "rounds/visit_counts.h"

namespace yilian::rounds {
namespace {

using namespace checks;
using api::EntitySpec;
using api::FieldType;
using auth::Role;

bool personal(const auth::Principal& p) { return p.role == Role::doctor || p.role == Role::village_doctor; }

// Field staff record and correct from the phone: never the future, and at most a week
// late (a phone may sync late; older records are corrected by the township centre).
void check_day(api::Context& ctx, const std::string& day) {
  if (day > common::today()) common::invalid("day", "不能登记将来的日期");
  if (personal(ctx.me())) {
    if (day < policy::field_entry_window_start())
      common::invalid("day", "只能补登最近" + std::to_string(policy::platform_integer("records.field_entry_window_days")) +
                                 "天的巡诊记录,更早的请联系乡镇卫生院");
  }
}

// A team member or pool doctor records for their own team only. Asked before anything
// reads the team, so a team that does not exist and one the recorder does not serve get
// the same answer.
void check_recorder(api::Context& ctx, int64_t team_id, const std::string& day) {
  int64_t staff = ctx.me().staff_id;
  auto member = ctx.db.query("SELECT x.id FROM team_member x WHERE x.active = 1 AND x.team_id = ? AND x.staff_id = ? "
                             "AND " + overlaps("x"),
                             {team_id, staff, day, day});
  auto senior = ctx.db.query("SELECT x.id FROM senior_doctor x JOIN rounds_team rt ON rt.institution_id = "
                             "x.township_institution_id WHERE rt.id = ? AND x.active = 1 AND x.staff_id = ? AND " +
                                 overlaps("x"),
                             {team_id, staff, day, day});
  if (member.empty() && senior.empty()) common::forbidden("只有本团队成员或参加本乡镇巡诊的医疗骨干可以登记巡诊记录");
}

// The plan slot the visit fulfils: the one given, which must match, or else the slot of
// the same team and half-day that lists the village.
void link_plan_slot(api::Context& ctx, json& row, const json* before) {
  std::string village = text(row, "village_code");
  store::Params p{integer(row, "team_id"), text(row, "day"), text(row, "half"), village, village, village};
  std::string match =
      "SELECT id FROM round_plan_slot WHERE active = 1 AND team_id = ? AND day = ? AND half = ? AND (village_code_1 = ? "
      "OR village_code_2 = ? OR village_code_3 = ?)";
  // On a correction, a slot the row already had is re-derived, so moving the visit to
  // another village or half-day never leaves it linked to the wrong slot.
  int64_t slot = integer(row, "plan_slot_id");
  if (before && (*before)["plan_slot_id"] == row["plan_slot_id"]) slot = 0;
  if (slot) {
    p.push_back(slot);
    if (ctx.db.query(match + " AND id = ?", p).empty())
      common::invalid("plan_slot_id", "所选排班与本次巡诊的团队、日期、时段或行政村不一致");
  } else {
    auto r = ctx.db.query(match, p);
    row["plan_slot_id"] = r.empty() ? json(nullptr) : json(r.scalar().as_int());
  }
  row["planned"] = !row["plan_slot_id"].is_null();
}

// A visit the county has reported (its week's 附件2 submitted or approved) is the
// report's figure: changing it would make the table and the records disagree.
api::Lock counted_in_weekly_report() {
  return {"weekly_report", [](api::Context& ctx, const json& row) -> std::string {
            std::string village = text(row, "village_code"), day = text(row, "day");
            if (village.size() < 6 || day.empty()) return "";
            std::string week = calendar::iso_week(day).label();
            auto r = ctx.db.query("SELECT status FROM weekly_report WHERE county_code = ? AND week = ? AND status IN "
                                  "('submitted', 'approved')",
                                  {village.substr(0, 6), week});
            if (r.empty()) return "";
            return "该巡诊记录已计入" + week + "已" + (r.scalar().as_text() == "approved" ? "审核" : "提交") +
                   "的周报(附件2),不能修改或撤销;如需更正,请上级卫健部门先退回该周报";
          }};
}

void prepare_visit(api::Context& ctx, json& row, const json* before) {
  std::string day = text(row, "day"), village = text(row, "village_code");
  // team_id is a candidate reference: field staff name the team they serve, others a
  // team in their scope; both are settled before the team is read.
  if (personal(ctx.me())) {
    if (!before) check_recorder(ctx, integer(row, "team_id"), day);
  } else if (!api::entity_in_scope(ctx, *team_entity(), std::to_string(integer(row, "team_id")))) {
    common::invalid("team_id", "巡诊团队引用的记录不存在");
  }
  Team team = load_team(ctx, integer(row, "team_id"));
  check_day(ctx, day);
  check_team_runs_on(team, day, "day");
  if (common::region_level(village) != common::RegionLevel::village)
    common::invalid("village_code", "须为行政村(社区)的12位区划代码");
  if (village.substr(0, 6) != team.region_code.substr(0, 6)) common::invalid("village_code", "行政村不在团队所在县(区)");
  link_plan_slot(ctx, row, before);
  for (const auto& c : visit_counts())
    if (!row.contains(c.field) || row[c.field].is_null()) row[c.field] = 0;
  if (integer(row, "education_audience") > 0 && integer(row, "education_sessions") == 0)
    common::invalid("education_sessions", "填写了健康宣教受益人数,须同时填写开展场次");
  if (row["latitude"].is_null() != row["longitude"].is_null())
    common::invalid(row["latitude"].is_null() ? "latitude" : "longitude", "经纬度须同时填写");
  int64_t self = before ? (*before)["id"].get<int64_t>() : 0;
  auto twice = ctx.db.query("SELECT id FROM round_visit WHERE active = 1 AND team_id = ? AND day = ? AND half = ? AND "
                            "village_code = ? AND id <> ?",
                            {team.id, day, text(row, "half"), village, self});
  if (!twice.empty()) common::conflict("duplicate_visit", "该团队在该半天已登记此村的巡诊记录", "village_code");
  if (!before) row["recorder_staff_id"] = personal(ctx.me()) ? json(ctx.me().staff_id) : json(nullptr);
}

}  // namespace

std::shared_ptr<const EntitySpec> visit_entity() {
  static auto spec = [] {
    auto s = std::make_shared<EntitySpec>();
    s->name = "round_visit";
    s->table = "round_visit";
    s->route = "/api/v1/round-visits";
    s->label = "巡诊记录";
    s->tag = "rounds";
    s->default_sort = "day";
    s->generic_create = false;
    s->fields = {
        {.name = "client_id", .label = "客户端编号(防重复提交)", .immutable = true, .unique = true, .max_length = 64},
        {.name = "team_id", .type = FieldType::integer, .label = "巡诊团队", .required = true, .immutable = true,
         .filter = true, .references = "rounds_team", .reference_check = api::ReferenceCheck::candidate},
        {.name = "village_code", .label = "行政村", .required = true, .filter = true, .max_length = 12,
         .references = "region", .reference_column = "code"},
        {.name = "day", .type = FieldType::date, .label = "日期", .required = true, .filter = true, .sort = true},
        {.name = "half", .label = "时段", .required = true, .filter = true, .max_length = 2, .choices = half_days()},
        {.name = "plan_slot_id", .type = FieldType::integer, .label = "对应排班", .filter = true,
         .references = "round_plan_slot"},
        {.name = "planned", .type = FieldType::boolean, .label = "按计划巡诊", .writable = false, .filter = true},
    };
    for (const auto& c : visit_counts())
      s->fields.push_back({.name = c.field, .type = FieldType::integer, .label = c.label, .min = 0, .max = 100000});
    s->fields.insert(s->fields.end(),
                     {{.name = "latitude", .type = FieldType::real, .label = "纬度", .min = 3, .max = 54, .unit = "度"},
                      {.name = "longitude", .type = FieldType::real, .label = "经度", .min = 73, .max = 136, .unit = "度"},
                      {.name = "photo_ref", .label = "现场照片编号", .max_length = 200},
                      {.name = "notes", .label = "备注", .max_length = 500},
                      {.name = "recorder_staff_id", .type = FieldType::integer, .label = "登记人", .writable = false}});
    s->joins = std::string(kTeamJoins) + " JOIN region vr ON vr.code = t.village_code";
    s->extra_columns = {
        {"rt.name", "team_name"},
        {"vr.name", "village_name"},
        {"(" + guidance_sum_sql("t") + ")", "guidance_total"},
        {"(SELECT COUNT(*) FROM round_visit_person p WHERE p.visit_id = t.id AND p.role = 'member')", "member_count"},
        {"(SELECT COUNT(*) FROM round_visit_person p WHERE p.visit_id = t.id AND p.role = 'senior')", "senior_count"}};
    // Field staff see the records they made; the centre and the bureau see all of theirs.
    s->scope = team_scope();
    s->scope.staff = "t.recorder_staff_id";
    s->writers = {Role::admin, Role::township, Role::doctor, Role::village_doctor};
    s->idempotency_key = "client_id";
    s->locks = {counted_in_weekly_report()};
    s->prepare = prepare_visit;
    return s;
  }();
  return spec;
}

}  // namespace yilian::rounds

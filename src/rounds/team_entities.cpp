// Teams, their members, the village grid and the senior-doctor pool. Township centres
// manage their own; the bureau its region; a senior doctor's hospital sees its doctors.
#include <algorithm>
#include <optional>

#include "codes/codes.h"
#include "common/error.h"
#include "common/region_code.h"
#include "rounds/checks.h"
#include "rounds/choices.h"
#include "rounds/entities.h"

namespace yilian::rounds {
namespace {

using namespace checks;
using api::EntitySpec;
using api::FieldType;
using auth::Role;

const std::vector<Role> kManagers = {Role::admin, Role::bureau, Role::township};

std::shared_ptr<EntitySpec> make(const std::string& name, const std::string& table, const std::string& route,
                                 const std::string& label) {
  auto s = std::make_shared<EntitySpec>();
  s->name = name;
  s->table = table;
  s->route = "/api/v1/" + route;
  s->label = label;
  s->tag = "rounds";
  s->writers = kManagers;
  return s;
}

struct StaffInfo {
  int64_t institution_id = 0;
  std::string profession, institution_kind, region_code, level;
};

// Staff named by team and pool records are candidates by domain rule, not by the
// writer's read scope (a township names county specialists it cannot list); a missing id
// is refused with the same message as any non-candidate.
std::optional<StaffInfo> staff_info(api::Context& ctx, int64_t staff_id) {
  auto r = ctx.db.query(
      "SELECT st.institution_id, st.profession, i.kind, i.region_code, i.level FROM staff st JOIN institution i ON "
      "i.id = st.institution_id WHERE st.id = ? AND st.active = 1",
      {staff_id});
  if (r.empty()) return std::nullopt;
  return StaffInfo{r.rows[0][0].as_int(), r.rows[0][1].as_text(), r.rows[0][2].as_text(), r.rows[0][3].as_text(),
                   r.rows[0][4].as_text()};
}

bool same_county(const std::string& a, const std::string& b) { return a.substr(0, 6) == b.substr(0, 6); }

// V3: a 全专联合 team pairs the centre's GPs with specialists of the county lead hospital.
void check_member_role(api::Context& ctx, const Team& team, const json& row) {
  std::optional<StaffInfo> found = staff_info(ctx, integer(row, "staff_id"));
  StaffInfo s = found.value_or(StaffInfo{});
  std::string role = text(row, "role");
  bool own = found && s.institution_id == team.institution_id;
  if (role == "gp" && !(own && s.profession == "clinical"))
    common::invalid("staff_id", "全科医生须为本卫生院的医师");
  if (role == "nurse" && !(own && s.profession == "nursing")) common::invalid("staff_id", "护士须为本卫生院的护理人员");
  if (role == "public_health" && !own) common::invalid("staff_id", "公共卫生人员须为本卫生院的人员");
  if (role == "village_doctor" &&
      !(found && s.institution_kind == codes::kVillageClinicKind && s.region_code.rfind(common::region_prefix(team.region_code), 0) == 0))
    common::invalid("staff_id", "乡村医生须为本乡镇村卫生室的人员");
  if (role == "specialist") {
    if (team.kind != "general_specialist") common::invalid("role", "专科医生只能加入全专联合家庭医生团队");
    // One answer for every person who cannot be named, so it says nothing about them.
    auto leads = community_leads(ctx, team.institution_id);
    bool county_hospital = found && !s.institution_kind.empty() && s.institution_kind[0] == 'A' &&
                           same_county(s.region_code, team.region_code);
    bool lead = leads.empty() || std::find(leads.begin(), leads.end(), s.institution_id) != leads.end();
    if (!county_hospital || !lead)
      common::invalid("staff_id", "专科医生须为本卫生院所在医共体牵头医院(未组建医共体时为本县医院)的医生");
  }
  if (!found) common::invalid("staff_id", "成员须为在职的医务人员");
}

// Overlapping periods of the same person (or village) are refused, naming what is in the way.
void check_no_overlap(api::Context& ctx, const std::string& sql_from_where, store::Params params, const json& row,
                      const json* before, const std::string& code, const std::string& message) {
  std::string end = text(row, "end_date");
  params.push_back(end.empty() ? std::string("9999-12-31") : end);
  params.push_back(text(row, "start_date"));
  params.push_back(before ? (*before)["id"].get<int64_t>() : 0);
  auto r = ctx.db.query("SELECT x.id " + sql_from_where + " AND " + overlaps("x") + " AND x.id <> ?", params);
  if (!r.empty()) common::conflict(code, message, "start_date");
}

}  // namespace

std::shared_ptr<const EntitySpec> team_entity() {
  static auto spec = [] {
    auto s = make("rounds_team", "rounds_team", "rounds-teams", "巡诊团队");
    s->default_sort = "name";
    s->fields = {
        {.name = "institution_id", .type = FieldType::integer, .label = "所属乡镇卫生院", .required = true,
         .immutable = true, .filter = true, .references = "institution"},
        {.name = "name", .label = "团队名称", .required = true, .sort = true, .search = true, .max_length = 40},
        {.name = "kind", .label = "团队类型", .required = true, .filter = true, .max_length = 20,
         .choices = team_kinds()},
        {.name = "has_vehicle", .type = FieldType::boolean, .label = "配备巡诊车", .filter = true},
        {.name = "max_trip_km", .type = FieldType::real, .label = "无车时单趟往返里程上限(公里)", .min = 0, .max = 500, .unit = "公里"},
        {.name = "max_villages_per_trip", .type = FieldType::integer, .label = "每趟最多巡诊村数", .min = 1, .max = 3},
        {.name = "start_date", .type = FieldType::date, .label = "组建日期", .required = true, .sort = true},
        {.name = "end_date", .type = FieldType::date, .label = "撤销日期", .sort = true},
        {.name = "notes", .label = "备注", .max_length = 500},
    };
    s->joins = "JOIN institution i ON i.id = t.institution_id";
    s->extra_columns = {{"i.name", "institution_name"}};
    s->scope = {.region = "i.region_code", .institution = "t.institution_id", .kind = "i.kind",
                .personal_sees_institution = true};
    s->prepare = [](api::Context& ctx, json& row, const json* before) {
      require_institution_in_scope(ctx, integer(row, "institution_id"));
      check_period(row, "团队");
      auto kind = ctx.db.query("SELECT kind FROM institution WHERE id = ?", {integer(row, "institution_id")});
      if (!runs_village_teams(kind.scalar().as_text()))
        common::invalid("institution_id", "巡诊团队须属于乡镇卫生院或社区卫生服务中心");
      auto same = ctx.db.query(
          "SELECT id FROM rounds_team WHERE institution_id = ? AND name = ? AND active = 1 AND id <> ?",
          {integer(row, "institution_id"), text(row, "name"),
                                before ? (*before)["id"].get<int64_t>() : 0});
      if (!same.empty()) common::conflict("duplicate", "本卫生院已有同名巡诊团队", "name");
      if (!row.contains("has_vehicle") || row["has_vehicle"].is_null()) row["has_vehicle"] = false;
    };
    return s;
  }();
  return spec;
}

std::shared_ptr<const EntitySpec> team_member_entity() {
  static auto spec = [] {
    auto s = make("team_member", "team_member", "team-members", "巡诊团队成员");
    s->default_sort = "start_date";
    s->fields = {
        {.name = "team_id", .type = FieldType::integer, .label = "巡诊团队", .required = true, .immutable = true,
         .filter = true, .references = "rounds_team"},
        {.name = "staff_id", .type = FieldType::integer, .label = "成员", .required = true, .immutable = true,
         .filter = true, .references = "staff", .reference_check = api::ReferenceCheck::candidate},
        {.name = "role", .label = "团队角色", .required = true, .filter = true, .max_length = 20,
         .choices = member_roles()},
        {.name = "start_date", .type = FieldType::date, .label = "加入日期", .required = true, .sort = true},
        {.name = "end_date", .type = FieldType::date, .label = "退出日期", .sort = true},
    };
    s->joins = std::string(kTeamJoins) +
               " JOIN staff st ON st.id = t.staff_id JOIN institution si ON si.id = st.institution_id";
    s->extra_columns = {{"rt.name", "team_name"}, {"st.name", "staff_name"}, {"st.title_code", "title_code"},
                        {"si.name", "staff_institution_name"}};
    s->scope = team_scope();
    s->scope.staff = "t.staff_id";
    // A specialist's own hospital sees where its people serve.
    s->scope.other_region = "si.region_code";
    s->scope.other_institution = "st.institution_id";
    s->scope.other_kind = "si.kind";
    s->prepare = [](api::Context& ctx, json& row, const json* before) {
      require_team_in_scope(ctx, integer(row, "team_id"));
      check_period(row, "成员");
      Team team = load_team(ctx, integer(row, "team_id"));
      if (text(row, "start_date") < team.start_date)
        common::invalid("start_date", "加入日期不能早于团队组建日期" + team.start_date);
      check_member_role(ctx, team, row);
      check_no_overlap(ctx, "FROM team_member x WHERE x.active = 1 AND x.team_id = ? AND x.staff_id = ?",
                       {team.id, integer(row, "staff_id")}, row, before, "duplicate", "该人员在此期间已是本团队成员");
    };
    return s;
  }();
  return spec;
}

std::shared_ptr<const EntitySpec> village_assignment_entity() {
  static auto spec = [] {
    auto s = make("village_assignment", "village_assignment", "village-assignments", "村级包干");
    s->default_sort = "village_code";
    s->fields = {
        {.name = "village_code", .label = "行政村", .required = true, .immutable = true, .filter = true,
         .sort = true, .max_length = 12, .references = "region", .reference_column = "code"},
        {.name = "team_id", .type = FieldType::integer, .label = "包干团队", .required = true, .immutable = true,
         .filter = true, .references = "rounds_team"},
        {.name = "start_date", .type = FieldType::date, .label = "开始日期", .required = true, .sort = true},
        {.name = "end_date", .type = FieldType::date, .label = "结束日期", .sort = true},
    };
    s->joins = std::string(kTeamJoins) + " JOIN region vr ON vr.code = t.village_code";
    s->extra_columns = {{"vr.name", "village_name"}, {"rt.name", "team_name"}};
    s->scope = team_scope();
    s->prepare = [](api::Context& ctx, json& row, const json* before) {
      require_team_in_scope(ctx, integer(row, "team_id"));
      check_period(row, "包干");
      Team team = load_team(ctx, integer(row, "team_id"));
      std::string village = text(row, "village_code");
      check_village_in_township(ctx, village, team.region_code, "village_code");
      // V1: one village, one responsible team at any time (网格化分片包干).
      check_no_overlap(ctx,
                       "FROM village_assignment x JOIN rounds_team xt ON xt.id = x.team_id WHERE x.active = 1 AND "
                       "xt.active = 1 AND x.village_code = ?",
                       {village}, row, before, "village_taken", "该村在此期间已由其他团队包干,请先结束原包干");
    };
    return s;
  }();
  return spec;
}

std::shared_ptr<const EntitySpec> senior_doctor_entity() {
  static auto spec = [] {
    auto s = make("senior_doctor", "senior_doctor", "senior-doctors", "参加巡诊的二级以上医院医疗骨干");
    s->default_sort = "start_date";
    s->fields = {
        {.name = "staff_id", .type = FieldType::integer, .label = "医疗骨干", .required = true, .immutable = true,
         .filter = true, .references = "staff", .reference_check = api::ReferenceCheck::candidate},
        {.name = "township_institution_id", .type = FieldType::integer, .label = "参加巡诊的乡镇卫生院",
         .required = true, .immutable = true, .filter = true, .references = "institution"},
        {.name = "affiliation", .label = "来源", .required = true, .filter = true, .max_length = 20,
         .choices = affiliations()},
        {.name = "start_date", .type = FieldType::date, .label = "开始日期", .required = true, .sort = true},
        {.name = "end_date", .type = FieldType::date, .label = "结束日期", .sort = true},
    };
    s->joins = "JOIN staff st ON st.id = t.staff_id JOIN institution hi ON hi.id = st.institution_id "
               "JOIN institution ti ON ti.id = t.township_institution_id";
    s->extra_columns = {{"st.name", "staff_name"}, {"st.title_code", "title_code"}, {"hi.name", "hospital_name"},
                        {"ti.name", "township_name"}};
    s->scope = {.region = "ti.region_code", .institution = "t.township_institution_id", .kind = "ti.kind",
                .staff = "t.staff_id", .other_region = "hi.region_code", .other_institution = "st.institution_id",
                .other_kind = "hi.kind"};
    s->prepare = [](api::Context& ctx, json& row, const json* before) {
      int64_t township = integer(row, "township_institution_id");
      require_institution_in_scope(ctx, township);
      check_period(row, "参加巡诊");
      auto t = ctx.db.query("SELECT kind, region_code FROM institution WHERE id = ?", {township});
      if (!runs_village_teams(t.rows[0][0].as_text()))
        common::invalid("township_institution_id", "须为乡镇卫生院或社区卫生服务中心");
      std::optional<StaffInfo> found = staff_info(ctx, integer(row, "staff_id"));
      StaffInfo s = found.value_or(StaffInfo{});
      // V6: 二级以上医院医疗骨干; the hospital's level comes from the registry.
      if (!found || (s.level != "2" && s.level != "3"))
        common::invalid("staff_id", "须为二级以上医院的医务人员(所在医院未登记等级或低于二级)");
      if (text(row, "affiliation") == "external_tertiary" && s.level != "3")
        common::invalid("affiliation", "医联体外部协作医院须为三级医院");
      if (text(row, "affiliation") == "lead_hospital") {
        auto leads = community_leads(ctx, township);
        bool ok = leads.empty() ? same_county(s.region_code, t.rows[0][1].as_text())
                                : std::find(leads.begin(), leads.end(), s.institution_id) != leads.end();
        if (!ok) common::invalid("affiliation", "该医生所在医院不是本乡镇所在医共体的牵头医院");
      }
      check_no_overlap(ctx,
                       "FROM senior_doctor x WHERE x.active = 1 AND x.staff_id = ? AND x.township_institution_id = ?",
                       {integer(row, "staff_id"), township}, row, before, "duplicate",
                       "该医生在此期间已参加本乡镇巡诊");
    };
    return s;
  }();
  return spec;
}

}  // namespace yilian::rounds

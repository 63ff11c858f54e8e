#include "rounds/checks.h"

#include "common/error.h"
#include "registry/entities.h"
#include "common/region_code.h"
#include "rounds/entities.h"

namespace yilian::rounds::checks {

std::string text(const json& row, const char* k) {
  return row.contains(k) && row[k].is_string() ? row[k].get<std::string>() : "";
}

int64_t integer(const json& row, const char* k) {
  return row.contains(k) && row[k].is_number_integer() ? row[k].get<int64_t>() : 0;
}

void check_period(const json& row, const std::string& label) {
  std::string from = text(row, "start_date"), to = text(row, "end_date");
  if (!from.empty() && !to.empty() && to < from) common::invalid("end_date", label + "结束日期不能早于开始日期");
}

std::string overlaps(const std::string& a) {
  return "(" + a + ".start_date <= ? AND (" + a + ".end_date IS NULL OR " + a + ".end_date >= ?))";
}

bool runs_village_teams(const std::string& kind) {
  return kind == "C100" || kind == "C210" || kind == "C220" || kind == "B100";
}

Team load_team(api::Context& ctx, int64_t team_id, const std::string& field) {
  auto r = ctx.db.query(
      "SELECT t.id, t.institution_id, t.name, t.kind, i.region_code, t.start_date, t.end_date, t.active FROM "
      "rounds_team t JOIN institution i ON i.id = t.institution_id WHERE t.id = ?",
      {team_id});
  if (r.empty()) common::invalid(field, "巡诊团队不存在");
  const auto& row = r.rows[0];
  Team t{row[0].as_int(), row[1].as_int(), row[2].as_text(), row[3].as_text(), row[4].as_text(),
         row[5].as_text(), row[6].as_text(), row[7].as_int() != 0};
  if (!t.active) common::invalid(field, "巡诊团队已停用");
  return t;
}

void check_team_runs_on(const Team& team, const std::string& day, const std::string& field) {
  if (day < team.start_date || (!team.end_date.empty() && day > team.end_date))
    common::invalid(field, "日期不在巡诊团队" + team.name + "的组建期内(" + team.start_date + " 至 " +
                               (team.end_date.empty() ? "今" : team.end_date) + ")");
}

void check_village_in_township(api::Context& ctx, const std::string& village_code, const std::string& township_code,
                               const std::string& field) {
  if (common::region_level(village_code) != common::RegionLevel::village)
    common::invalid(field, "须为行政村(社区)的12位区划代码");
  if (village_code.rfind(common::region_prefix(township_code), 0) != 0)
    common::invalid(field, "行政村" + village_code + "不在本乡镇辖区内");
  auto r = ctx.db.query("SELECT active FROM region WHERE code = ?", {village_code});
  if (r.empty() || r.scalar().as_int() == 0) common::invalid(field, "行政村" + village_code + "不存在或已停用");
}

void require_team_in_scope(api::Context& ctx, int64_t team_id) {
  if (!api::entity_in_scope(ctx, *team_entity(), std::to_string(team_id))) common::forbidden("无权操作该巡诊团队");
}

void require_institution_in_scope(api::Context& ctx, int64_t institution_id) {
  if (!api::entity_in_scope(ctx, *registry::institution_entity(), std::to_string(institution_id)))
    common::forbidden("无权操作该机构的巡诊工作");
}

const char* kTeamJoins =
    "JOIN rounds_team rt ON rt.id = t.team_id JOIN institution i ON i.id = rt.institution_id";

auth::ScopeColumns team_scope() {
  return {.region = "i.region_code", .institution = "rt.institution_id", .kind = "i.kind",
          .personal_sees_institution = true};
}

}  // namespace yilian::rounds::checks

namespace yilian::rounds::checks {

std::vector<int64_t> community_leads(api::Context& ctx, int64_t township_institution_id) {
  auto r = ctx.db.query(
      "SELECT DISTINCT a.lead_institution_id FROM alliance a JOIN alliance_member m ON m.alliance_id = a.id WHERE "
      "a.kind = 'community' AND a.active = 1 AND m.active = 1 AND m.institution_id = ?",
      {township_institution_id});
  std::vector<int64_t> out;
  for (const auto& row : r.rows) out.push_back(row[0].as_int());
  return out;
}

}  // namespace yilian::rounds::checks

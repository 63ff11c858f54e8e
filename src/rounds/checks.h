// Checks and SQL fragments shared by the rounds records: periods, teams and the villages
// a township centre serves, and how a row that hangs from a team is scoped.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/context.h"
#include "auth/scope.h"

namespace yilian::rounds::checks {

using nlohmann::json;

std::string text(const json& row, const char* k);
int64_t integer(const json& row, const char* k);

// start_date ≤ end_date when both are set; an empty end_date means "still running".
void check_period(const json& row, const std::string& label);
// SQL over alias `a`: the row's period [start_date, end_date or open] overlaps [?1, ?2];
// bind (to, from) in that order.
std::string overlaps(const std::string& a);

// 乡镇卫生院, 中心卫生院, 街道卫生院 and 社区卫生服务中心 run the village teams (V1).
bool runs_village_teams(const std::string& institution_kind);

struct Team {
  int64_t id = 0;
  int64_t institution_id = 0;
  std::string name, kind, region_code, start_date, end_date;
  bool active = false;
};
// 422 on `field` when the team does not exist or is inactive.
Team load_team(api::Context& ctx, int64_t team_id, const std::string& field = "team_id");
// 422 when `day` lies outside the team's period.
void check_team_runs_on(const Team& team, const std::string& day, const std::string& field);

// A village (level 5) that lies in the township of `township_code`; 422 on `field` otherwise.
void check_village_in_township(api::Context& ctx, const std::string& village_code, const std::string& township_code,
                               const std::string& field);

// Township centres and bureaus act only on teams and institutions inside their scope;
// checked before any other rule, so an outsider learns nothing from a 422 or 409 (403).
// Field staff are checked as team members instead (they do not see teams by scope).
void require_team_in_scope(api::Context& ctx, int64_t team_id);
void require_institution_in_scope(api::Context& ctx, int64_t institution_id);

// Rows that hang from a team (alias rt) are scoped by the team's township centre (alias i).
extern const char* kTeamJoins;  // needs t.team_id
auth::ScopeColumns team_scope();

}  // namespace yilian::rounds::checks

namespace yilian::rounds::checks {

// The lead hospitals of the 医共体 (alliance kind "community") the township centre is an
// active member of; empty when the registry records none, and the county is then the
// only limit on where a specialist or lead-hospital doctor may come from (V3, V6).
std::vector<int64_t> community_leads(api::Context& ctx, int64_t township_institution_id);

}  // namespace yilian::rounds::checks

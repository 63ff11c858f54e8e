// Recording a visit from the field app: the visit and the people present are written in
// one transaction, and a retry with the same client_id answers the record already made
// (200) instead of creating a second one, even when the retry races the first request.
#include "rounds/visits.h"

#include <optional>
#include <set>

#include "audit/audit.h"
#include "common/clock.h"
#include "common/error.h"
#include "rounds/checks.h"
#include "rounds/choices.h"
#include "rounds/entities.h"

namespace yilian::rounds {
namespace {

using namespace checks;
using nlohmann::json;

struct People {
  std::vector<int64_t> members, seniors;
};

std::vector<int64_t> id_list(const json& body, const char* key, const std::string& label) {
  std::vector<int64_t> out;
  if (!body.contains(key) || body[key].is_null()) return out;
  if (!body[key].is_array()) common::invalid(key, label + "须为人员编号数组");
  for (const auto& v : body[key]) {
    if (!v.is_number_integer() || v.get<int64_t>() <= 0) common::invalid(key, label + "须为人员编号数组");
    out.push_back(v.get<int64_t>());
  }
  return out;
}

// Takes the people out of the body, so the rest is the visit row itself.
People take_people(json& body) {
  People p{id_list(body, "members", "在场团队成员"), id_list(body, "senior_doctors", "在场医疗骨干")};
  body.erase("members");
  body.erase("senior_doctors");
  std::set<int64_t> seen;
  for (auto* list : {&p.members, &p.seniors})
    for (int64_t id : *list)
      if (!seen.insert(id).second) common::invalid(list == &p.members ? "members" : "senior_doctors", "在场人员不能重复登记");
  if (seen.empty()) common::invalid("members", "须至少登记一名在场人员");
  return p;
}

std::string staff_name(api::Context& ctx, int64_t id) {
  auto r = ctx.db.query("SELECT name FROM staff WHERE id = ?", {id});
  return r.empty() ? "编号" + std::to_string(id) : r.scalar().as_text();
}

// V7: members must belong to the team that day; senior doctors to the township's pool,
// whose affiliation is kept with the visit for the weekly table.
void write_people(api::Context& ctx, const json& visit, const People& people) {
  Team team = load_team(ctx, visit["team_id"].get<int64_t>());
  std::string day = visit["day"], now = common::now_iso();
  int64_t visit_id = visit["id"].get<int64_t>();
  for (int64_t staff : people.members) {
    auto r = ctx.db.query("SELECT x.id FROM team_member x WHERE x.active = 1 AND x.team_id = ? AND x.staff_id = ? AND " +
                              overlaps("x"),
                          {team.id, staff, day, day});
    if (r.empty()) common::invalid("members", staff_name(ctx, staff) + "在" + day + "不是" + team.name + "的成员");
    ctx.db.exec("INSERT INTO round_visit_person (visit_id, staff_id, role, created_at) VALUES (?, ?, 'member', ?)",
                {visit_id, staff, now});
  }
  for (int64_t staff : people.seniors) {
    auto r = ctx.db.query("SELECT x.affiliation FROM senior_doctor x WHERE x.active = 1 AND "
                          "x.township_institution_id = ? AND x.staff_id = ? AND " + overlaps("x"),
                          {team.institution_id, staff, day, day});
    if (r.empty())
      common::invalid("senior_doctors", staff_name(ctx, staff) + "在" + day + "未登记参加本乡镇巡诊的医疗骨干");
    ctx.db.exec("INSERT INTO round_visit_person (visit_id, staff_id, role, affiliation, created_at) VALUES (?, ?, "
                "'senior', ?, ?)",
                {visit_id, staff, r.scalar().as_text(), now});
  }
}

json people_ids(const People& p) { return {{"members", p.members}, {"senior_doctors", p.seniors}}; }

People stored_people(api::Context& ctx, int64_t visit_id) {
  People p;
  auto r = ctx.db.query("SELECT staff_id, role FROM round_visit_person WHERE visit_id = ? ORDER BY id", {visit_id});
  for (const auto& row : r.rows) (row[1].as_text() == "member" ? p.members : p.seniors).push_back(row[0].as_int());
  return p;
}

json with_people(api::Context& ctx, json row) {
  json ids = people_ids(stored_people(ctx, row["id"].get<int64_t>()));
  row.update(ids);
  return row;
}

void audit_people(api::Context& ctx, const json& visit, const std::string& action, json before, json after) {
  auto i = ctx.db.query("SELECT i.region_code, i.id FROM rounds_team rt JOIN institution i ON i.id = rt.institution_id "
                        "WHERE rt.id = ?",
                        {visit["team_id"].get<int64_t>()});
  audit::record(ctx.db, ctx.user, ctx.req.remote_addr,
                {action, "round_visit_person", std::to_string(visit["id"].get<int64_t>()), i.rows[0][0].as_text(),
                 i.rows[0][1].as_int(), std::move(before), std::move(after)});
}

// The record a client_id already names, if the user may see it; 409 when it belongs to
// someone else's records (the id is not revealed).
std::optional<json> existing_submission(api::Context& ctx, const std::string& client_id) {
  if (client_id.empty()) return std::nullopt;
  auto r = ctx.db.query("SELECT id FROM round_visit WHERE client_id = ?", {client_id});
  if (r.empty()) return std::nullopt;
  std::string id = std::to_string(r.scalar().as_int());
  if (!api::entity_in_scope(ctx, *visit_entity(), id)) common::conflict("duplicate", "客户端编号已被使用", "client_id");
  return with_people(ctx, api::load_entity(ctx, *visit_entity(), id, true));
}

}  // namespace

http::Response create_visit(api::Context& ctx) {
  const auto& spec = *visit_entity();
  if (!spec.may_write(ctx.me())) common::forbidden("当前角色无权登记巡诊记录");
  json body = ctx.json_body();
  People people = take_people(body);
  std::string client_id = text(body, "client_id");
  if (auto done = existing_submission(ctx, client_id)) return http::Response::json(*done, 200);
  try {
    store::Transaction tx(ctx.db);
    json row = api::create_entity(ctx, spec, body);
    write_people(ctx, row, people);
    audit_people(ctx, row, "create", nullptr, people_ids(people));
    tx.commit();
    row.update(people_ids(people));
    return http::Response::json(row, 201);
  } catch (const store::DbError& e) {
    // The same submission committed first in a concurrent request; ours rolled back.
    if (e.kind != store::DbError::Kind::unique) throw;
    if (auto done = existing_submission(ctx, client_id)) return http::Response::json(*done, 200);
    throw;
  }
}

http::Response visit_people(api::Context& ctx) {
  json visit = api::load_entity(ctx, *visit_entity(), ctx.path_param(0), false);
  auto r = ctx.db.query(
      "SELECT p.staff_id, st.name, st.title_code, i.name, p.role, p.affiliation FROM round_visit_person p JOIN staff st "
      "ON st.id = p.staff_id JOIN institution i ON i.id = st.institution_id WHERE p.visit_id = ? ORDER BY p.role, p.id",
      {visit["id"].get<int64_t>()});
  json items = json::array();
  for (const auto& row : r.rows)
    items.push_back({{"staff_id", row[0].as_int()},
                     {"name", row[1].as_text()},
                     {"title", registry::label_of(registry::titles(), row[2].as_text())},
                     {"institution_name", row[3].as_text()},
                     {"role", row[4].as_text()},
                     {"role_label", registry::label_of(visit_person_roles(), row[4].as_text())},
                     {"affiliation", row[5].is_null() ? json(nullptr) : json(row[5].as_text())},
                     {"affiliation_label", registry::label_of(affiliations(), row[5].as_text())}});
  return http::Response::json({{"visit_id", visit["id"]}, {"items", items}});
}

http::Response replace_visit_people(api::Context& ctx) {
  const auto& spec = *visit_entity();
  store::Transaction tx(ctx.db);
  json visit = api::load_entity(ctx, spec, ctx.path_param(0), true);
  if (!spec.may_write(ctx.me())) common::forbidden("当前角色无权修改巡诊记录");
  if (visit["active"] != true) common::conflict("inactive", "巡诊记录已撤销,不能修改在场人员");
  json body = ctx.json_body();
  if (!body.contains("version") || !body["version"].is_number_integer())
    common::invalid("version", "更新须提供版本号version(乐观并发控制)");
  People people = take_people(body);
  int64_t id = visit["id"].get<int64_t>();
  if (ctx.db.exec("UPDATE round_visit SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                  {common::now_iso(), id, body["version"].get<int64_t>()}) == 0)
    common::conflict("version_conflict", "记录已被他人修改,请刷新后重试", "version");
  json before = people_ids(stored_people(ctx, id));
  ctx.db.exec("DELETE FROM round_visit_person WHERE visit_id = ?", {id});
  write_people(ctx, visit, people);
  audit_people(ctx, visit, "update", before, people_ids(people));
  json after = with_people(ctx, api::load_entity(ctx, spec, ctx.path_param(0), true));
  tx.commit();
  return http::Response::json(after);
}

}  // namespace yilian::rounds

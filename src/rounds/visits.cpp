// Recording a visit from the field app: the visit and the people present are written in
// one transaction, and a retry with the same client_id answers the record already made
// (200) instead of creating a second one, even when the retry races the first request.
#include "rounds/visits.h"

#include <algorithm>
#include <optional>
#include <set>

#include "audit/audit.h"
#include "common/clock.h"
#include "common/error.h"
#include "rounds/checks.h"
#include "rounds/choices.h"
#include "registry/entities.h"
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

// A person named in an error message: by name only when the user may read the staff
// record, so a refused write never tells a name the reads hide.
std::string staff_name(api::Context& ctx, int64_t id) {
  if (!api::entity_in_scope(ctx, *registry::staff_entity(), std::to_string(id))) return "人员编号" + std::to_string(id);
  return ctx.db.query("SELECT name FROM staff WHERE id = ?", {id}).scalar().as_text();
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

// The visit a repeated submission names (same client_id), with its people; 409 when the
// client_id belongs to a record the user may not see, or the submission differs from it.
std::optional<json> replayed_visit(api::Context& ctx, const json& body, const People& people) {
  auto prior = api::replayed_create(ctx, *visit_entity(), body);
  if (!prior) return std::nullopt;
  People stored = stored_people(ctx, (*prior)["id"].get<int64_t>());
  auto sorted = [](std::vector<int64_t> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  if (sorted(stored.members) != sorted(people.members) || sorted(stored.seniors) != sorted(people.seniors))
    common::conflict("idempotency_mismatch",
                     "客户端编号“" + text(body, "client_id") + "”已用于另一条在场人员不同的巡诊记录,请勿重复使用",
                     "client_id");
  prior->update(people_ids(stored));
  return prior;
}

}  // namespace

http::Response create_visit(api::Context& ctx) {
  const auto& spec = *visit_entity();
  if (!spec.may_write(ctx.me())) common::forbidden("当前角色无权登记巡诊记录");
  json body = ctx.json_body();
  People people = take_people(body);
  if (auto done = replayed_visit(ctx, body, people)) return http::Response::json(*done, 200);
  try {
    store::Transaction tx(ctx.db);
    // Again inside the write transaction: a request that waited for a concurrent one
    // with the same client_id sees the visit it wrote.
    if (auto done = replayed_visit(ctx, body, people)) return http::Response::json(*done, 200);
    json row = api::create_entity(ctx, spec, body);
    write_people(ctx, row, people);
    audit_people(ctx, row, "create", nullptr, people_ids(people));
    tx.commit();
    row.update(people_ids(people));
    return http::Response::json(row, 201);
  } catch (const std::exception& e) {
    // The same submission committed first in a concurrent request (PostgreSQL: our
    // snapshot missed it, so the unique index or the half-day check refused ours).
    auto* api_error = dynamic_cast<const common::ApiError*>(&e);
    auto* db_error = dynamic_cast<const store::DbError*>(&e);
    if (!(api_error && api_error->status == 409) && !(db_error && db_error->kind == store::DbError::Kind::unique)) throw;
    if (auto done = replayed_visit(ctx, body, people)) return http::Response::json(*done, 200);
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
                     {"title", codes::label_of(codes::titles(), row[2].as_text())},
                     {"institution_name", row[3].as_text()},
                     {"role", row[4].as_text()},
                     {"role_label", codes::label_of(visit_person_roles(), row[4].as_text())},
                     {"affiliation", row[5].is_null() ? json(nullptr) : json(row[5].as_text())},
                     {"affiliation_label", codes::label_of(affiliations(), row[5].as_text())}});
  return http::Response::json({{"visit_id", visit["id"]}, {"items", items}});
}

http::Response replace_visit_people(api::Context& ctx) {
  const auto& spec = *visit_entity();
  store::Transaction tx(ctx.db);
  json visit = api::load_entity(ctx, spec, ctx.path_param(0), true);
  if (!spec.may_write(ctx.me())) common::forbidden("当前角色无权修改巡诊记录");
  if (visit["active"] != true) common::conflict("inactive", "巡诊记录已撤销,不能修改在场人员");
  if (std::string why = api::lock_reason(ctx, spec, visit); !why.empty()) common::conflict("locked", why);
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

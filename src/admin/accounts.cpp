#include "admin/accounts.h"

#include <regex>

#include "audit/audit.h"
#include "auth/password.h"
#include "auth/session.h"
#include "common/clock.h"
#include "common/error.h"

namespace yilian::admin {

using namespace auth;
namespace {

using api::Context;
using api::FieldSpec;
using api::FieldType;
using nlohmann::json;

json principal_json(const Principal& p) {
  return {{"id", p.user_id},
          {"username", p.username},
          {"display_name", p.display_name},
          {"role", role_name(p.role)},
          {"role_label", role_label(p.role)},
          {"region_code", p.region_code},
          {"institution_id", p.institution_id ? json(p.institution_id) : json(nullptr)},
          {"staff_id", p.staff_id ? json(p.staff_id) : json(nullptr)}};
}

std::string str(const json& j, const char* k) {
  return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : "";
}

// Checks the role and its anchor (region, institution or staff record) and returns
// the region code the user's scope hangs from.
std::string resolve_scope(store::Db& db, const Principal* actor, const std::string& role_s, std::string& region,
                          int64_t& institution, int64_t& staff) {
  auto role = parse_role(role_s);
  if (!role) common::invalid("role", "角色无效,可选: admin、bureau、hospital、township、doctor、village_doctor");
  if (actor && actor->role != Role::admin && *role == Role::admin) common::forbidden("只有系统管理员能创建管理员");
  switch (*role) {
    case Role::admin: region.clear(); institution = 0; staff = 0; return "";
    case Role::bureau: {
      if (region.empty()) common::invalid("region_code", "卫健局账号须指定管辖区划");
      if (db.query("SELECT 1 FROM region WHERE code = ? AND active = 1", {region}).empty())
        common::invalid("region_code", "区划不存在");
      institution = 0;
      staff = 0;
      return region;
    }
    case Role::hospital:
    case Role::township: {
      if (!institution) common::invalid("institution_id", "该角色须指定所属机构");
      auto r = db.query("SELECT region_code, kind FROM institution WHERE id = ? AND active = 1", {institution});
      if (r.empty()) common::invalid("institution_id", "机构不存在");
      std::string kind = r.rows[0][1].as_text();
      if (*role == Role::township && kind != "C210" && kind != "C220" && kind != "C100" && kind != "B100")
        common::invalid("institution_id", "乡镇卫生院账号须属于乡镇卫生院或社区卫生服务中心");
      region.clear();
      staff = 0;
      return r.rows[0][0].as_text();
    }
    case Role::doctor:
    case Role::village_doctor: {
      if (!staff) common::invalid("staff_id", "该角色须关联医务人员档案");
      auto r = db.query(
          "SELECT s.institution_id, i.region_code FROM staff s JOIN institution i ON i.id = s.institution_id "
          "WHERE s.id = ? AND s.active = 1",
          {staff});
      if (r.empty()) common::invalid("staff_id", "医务人员不存在");
      institution = r.rows[0][0].as_int();
      region.clear();
      return r.rows[0][1].as_text();
    }
  }
  return "";
}

http::Response login_route(Context& ctx) {
  json body = ctx.json_body();
  std::string username = str(body, "username"), password = str(body, "password");
  if (username.empty()) common::invalid("username", "请输入用户名");
  if (password.empty()) common::invalid("password", "请输入密码");
  auto res = login(ctx.db, username, password, ctx.req.remote_addr);
  return http::Response::json({{"token", res.token},
                               {"token_type", "Bearer"},
                               {"expires_at", common::iso_from_unix(res.expires_at)},
                               {"user", principal_json(res.principal)}});
}

http::Response logout_route(Context& ctx) {
  const auto& me = ctx.me();
  store::Transaction tx(ctx.db);
  revoke(ctx.db, me.token_hash);
  audit::record(ctx.db, &me, ctx.req.remote_addr,
                {"logout", "app_user", std::to_string(me.user_id), me.region_code, me.institution_id, nullptr, nullptr});
  tx.commit();
  return http::Response::json({{"ok", true}});
}

http::Response me_route(Context& ctx) {
  json j = principal_json(ctx.me());
  if (ctx.me().institution_id) {
    auto r = ctx.db.query("SELECT name, kind FROM institution WHERE id = ?", {ctx.me().institution_id});
    if (!r.empty()) {
      j["institution_name"] = r.rows[0][0].as_text();
      j["institution_kind"] = r.rows[0][1].as_text();
    }
  }
  if (!ctx.me().region_code.empty()) {
    auto r = ctx.db.query("SELECT name FROM region WHERE code = ?", {ctx.me().region_code});
    if (!r.empty()) j["region_name"] = r.scalar().as_text();
  }
  return http::Response::json(j);
}

void set_password(store::Db& db, const Principal* actor, const std::string& remote, int64_t user_id,
                  const std::string& password, const std::string& scope_region) {
  std::string problem = password_problem(password);
  if (!problem.empty()) common::invalid("password", problem);
  store::Transaction tx(db);
  db.exec("UPDATE app_user SET password_hash = ?, failed_logins = 0, locked_until = 0, version = version + 1, "
          "updated_at = ? WHERE id = ?",
          {hash_password(password), common::now_iso(), user_id});
  revoke_all(db, user_id);
  audit::record(db, actor, remote, {"password", "app_user", std::to_string(user_id), scope_region, 0, nullptr, nullptr});
  tx.commit();
}

http::Response change_own_password(Context& ctx) {
  const auto& me = ctx.me();
  json body = ctx.json_body();
  auto r = ctx.db.query("SELECT password_hash FROM app_user WHERE id = ?", {me.user_id});
  if (r.empty() || !verify_password(r.scalar().as_text(), str(body, "old_password")))
    common::invalid("old_password", "原密码不正确");
  set_password(ctx.db, &me, ctx.req.remote_addr, me.user_id, str(body, "new_password"), me.region_code);
  return http::Response::json({{"ok", true}, {"message", "密码已修改,请重新登录"}});
}

http::Response create_user_route(Context& ctx) {
  const auto& me = ctx.me();
  if (!user_entity()->may_write(me)) common::forbidden("当前角色无权管理账号");
  json body = ctx.json_body();
  static const std::vector<std::string> known = {"username", "display_name", "password", "role",
                                                 "region_code", "institution_id", "staff_id"};
  for (auto it = body.begin(); it != body.end(); ++it)
    if (std::find(known.begin(), known.end(), it.key()) == known.end()) common::invalid(it.key(), "未知字段: " + it.key());
  for (const char* k : {"institution_id", "staff_id"})
    if (body.contains(k) && !body[k].is_null() && !body[k].is_number_integer()) common::invalid(k, "须为整数");
  NewUser u{str(body, "username"), str(body, "display_name"), str(body, "password"), str(body, "role"),
            str(body, "region_code"),
            body.contains("institution_id") && body["institution_id"].is_number_integer() ? body["institution_id"].get<int64_t>() : 0,
            body.contains("staff_id") && body["staff_id"].is_number_integer() ? body["staff_id"].get<int64_t>() : 0};
  store::Transaction tx(ctx.db);
  int64_t id = create_user(ctx.db, &me, ctx.req.remote_addr, u);
  if (!api::entity_in_scope(ctx, *user_entity(), std::to_string(id))) common::forbidden("不能在管辖范围外创建账号");
  json out = api::load_entity(ctx, *user_entity(), std::to_string(id), true);
  tx.commit();
  return http::Response::json(out, 201);
}

http::Response reset_password_route(Context& ctx) {
  const auto& me = ctx.me();
  json target = api::load_entity(ctx, *user_entity(), ctx.path_param(0), true);
  if (!user_entity()->may_write(me)) common::forbidden("当前角色无权重置密码");
  if (target["role"] == "admin" && me.role != Role::admin) common::forbidden("只有系统管理员能重置管理员密码");
  json body = ctx.json_body();
  set_password(ctx.db, &me, ctx.req.remote_addr, target["id"].get<int64_t>(), str(body, "password"),
               str(target, "scope_region"));
  return http::Response::json({{"ok", true}});
}

http::Response unlock_route(Context& ctx) {
  const auto& me = ctx.me();
  json target = api::load_entity(ctx, *user_entity(), ctx.path_param(0), true);
  if (!user_entity()->may_write(me)) common::forbidden("当前角色无权解锁账号");
  store::Transaction tx(ctx.db);
  ctx.db.exec("UPDATE app_user SET failed_logins = 0, lock_count = 0, locked_until = 0 WHERE id = ?",
              {target["id"].get<int64_t>()});
  audit::record(ctx.db, &me, ctx.req.remote_addr,
                {"unlock", "app_user", target["id"].dump(), str(target, "scope_region"), 0, nullptr, nullptr});
  tx.commit();
  return http::Response::json({{"ok", true}});
}

}  // namespace

int64_t create_user(store::Db& db, const Principal* actor, const std::string& remote, const NewUser& in) {
  static const std::regex name_re("^[A-Za-z0-9_.@-]{3,32}$");
  if (!std::regex_match(in.username, name_re)) common::invalid("username", "用户名须为3到32位字母、数字或_.@-");
  if (in.display_name.empty() || api::utf8_length(in.display_name) > 40) common::invalid("display_name", "姓名不能为空且不超过40字");
  std::string problem = password_problem(in.password);
  if (!problem.empty()) common::invalid("password", problem);
  std::string region = in.region_code;
  int64_t institution = in.institution_id, staff = in.staff_id;
  std::string scope_region = resolve_scope(db, actor, in.role, region, institution, staff);
  if (!db.query("SELECT 1 FROM app_user WHERE username = ?", {in.username}).empty())
    common::conflict("duplicate", "用户名已存在", "username");
  store::Transaction tx(db);
  std::string now = common::now_iso();
  int64_t id = db.insert(
      "INSERT INTO app_user (username, display_name, password_hash, role, region_code, institution_id, staff_id, "
      "scope_region, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {in.username, in.display_name, hash_password(in.password), in.role,
       region.empty() ? store::Value() : store::Value(region),
       institution ? store::Value(institution) : store::Value(), staff ? store::Value(staff) : store::Value(),
       scope_region, now, now});
  audit::record(db, actor, remote,
                {"create", "app_user", std::to_string(id), scope_region, institution, nullptr,
                 {{"username", in.username}, {"display_name", in.display_name}, {"role", in.role},
                  {"region_code", region}, {"institution_id", institution}, {"staff_id", staff}}});
  tx.commit();
  return id;
}

std::shared_ptr<const api::EntitySpec> user_entity() {
  static auto spec = [] {
    auto s = std::make_shared<api::EntitySpec>();
    s->name = "app_user";
    s->table = "app_user";
    s->route = "/api/v1/users";
    s->label = "账号";
    s->tag = "auth";
    s->default_sort = "username";
    s->generic_create = false;
    std::vector<std::pair<std::string, std::string>> roles;
    for (Role r : {Role::admin, Role::bureau, Role::hospital, Role::township, Role::doctor, Role::village_doctor})
      roles.emplace_back(role_name(r), role_label(r));
    s->fields = {
        {.name = "username", .label = "用户名", .writable = false, .sort = true, .search = true, .max_length = 32},
        {.name = "display_name", .label = "姓名", .required = true, .sort = true, .search = true, .max_length = 40},
        {.name = "role", .label = "角色", .required = true, .filter = true, .max_length = 20, .choices = roles},
        {.name = "region_code", .label = "管辖区划", .max_length = 12, .references = "region", .reference_column = "code"},
        {.name = "institution_id", .type = FieldType::integer, .label = "所属机构", .filter = true,
         .references = "institution"},
        {.name = "staff_id", .type = FieldType::integer, .label = "医务人员档案", .references = "staff"},
        {.name = "scope_region", .label = "权限区划", .writable = false, .max_length = 12},
        {.name = "locked_until", .type = FieldType::integer, .label = "锁定至(Unix秒)", .writable = false},
    };
    s->scope = {.region = "t.scope_region", .institution = "t.institution_id", .staff = "t.staff_id"};
    s->writers = {Role::admin, Role::bureau};
    s->prepare = [](Context& ctx, json& row, const json*) {
      std::string region = str(row, "region_code");
      int64_t institution = row["institution_id"].is_number_integer() ? row["institution_id"].get<int64_t>() : 0;
      int64_t staff = row["staff_id"].is_number_integer() ? row["staff_id"].get<int64_t>() : 0;
      row["scope_region"] = resolve_scope(ctx.db, ctx.user, str(row, "role"), region, institution, staff);
      row["region_code"] = region.empty() ? json(nullptr) : json(region);
      row["institution_id"] = institution ? json(institution) : json(nullptr);
      row["staff_id"] = staff ? json(staff) : json(nullptr);
    };
    return s;
  }();
  return spec;
}

void register_routes(api::Router& router) {
  router.add({"POST", "/api/v1/auth/login", "登录,获取令牌", "auth", false, "login_input", "login_result"}, login_route);
  router.add({"POST", "/api/v1/auth/logout", "注销当前令牌", "auth"}, logout_route);
  router.add({"GET", "/api/v1/auth/me", "当前用户及其权限范围", "auth"}, me_route);
  router.add({"POST", "/api/v1/auth/password", "修改本人密码", "auth", true, "password_change_input"},
             change_own_password);
  router.add({"POST", "/api/v1/users", "新建账号", "auth", true, "user_create_input", "app_user"}, create_user_route);
  router.add({"POST", "/api/v1/users/{id}/password", "重置账号密码", "auth", true, "password_reset_input"},
             reset_password_route);
  router.add({"POST", "/api/v1/users/{id}/unlock", "解除账号锁定", "auth"}, unlock_route);
  api::register_entity(router, user_entity());
}

}  // namespace yilian::admin

#include "registry/search_routes.h"

#include "api/context.h"
#include "auth/scope.h"
#include "common/error.h"
#include "codes/codes.h"
#include "registry/entities.h"

namespace yilian::registry {

using codes::institution_kinds;
using codes::titles;
using codes::label_of;

namespace {

using nlohmann::json;

// "%q%" for LIKE … ESCAPE '!' (q's own % and _ match themselves).
std::string like(const std::string& q) {
  std::string p = "%";
  for (char c : q) {
    if (c == '%' || c == '_' || c == '!') p += '!';
    p += c;
  }
  return p + "%";
}

http::Response search(api::Context& ctx) {
  const auto& me = ctx.me();
  std::string q = ctx.req.query_or("q");
  // Trim the box's spaces; a single character matches too much to be useful.
  while (!q.empty() && q.front() == ' ') q.erase(q.begin());
  while (!q.empty() && q.back() == ' ') q.pop_back();
  size_t chars = 0;  // UTF-8 characters, not bytes: "张三" is two
  for (unsigned char c : q) chars += (c & 0xC0) != 0x80;
  if (chars < 2) common::bad_request("bad_query", "请至少输入两个字符", "q");
  if (chars > 40) common::bad_request("bad_query", "搜索内容过长", "q");
  int64_t limit = 8;
  if (auto s = ctx.req.query_or("limit"); !s.empty()) {
    try {
      limit = std::stoll(s);
    } catch (...) {
      limit = 0;
    }
    if (limit < 1 || limit > 20) common::bad_request("bad_query", "limit须为1至20", "limit");
  }
  std::string pattern = like(q);

  // Each kind under its own list's scope (the entity's ScopeColumns and joins).
  auto run = [&](const api::EntitySpec& spec, const std::string& select, const std::string& match, int matches,
                 const std::string& order) {
    auto scope = auth::scope_condition(me, spec.scope);
    store::Params p;
    for (int i = 0; i < matches; ++i) p.push_back(pattern);
    p.insert(p.end(), scope.params.begin(), scope.params.end());
    p.push_back(limit);
    return ctx.db.query("SELECT " + select + " FROM " + spec.table + " t " + spec.joins + " WHERE t.active = 1 AND (" +
                            match + ") AND " + scope.sql + " ORDER BY " + order + " LIMIT ?",
                        p);
  };

  json institutions = json::array();
  for (const auto& r : run(*institution_entity(),
                           "t.id, t.name, t.code, t.kind, (SELECT x.name FROM region x WHERE x.code = t.region_code)",
                           "t.name LIKE ? ESCAPE '!' OR t.code LIKE ? ESCAPE '!'", 2, "t.name, t.id")
                          .rows)
    institutions.push_back({{"id", r[0].as_int()},
                            {"name", r[1].as_text()},
                            {"code", r[2].as_text()},
                            {"kind_label", label_of(institution_kinds(), r[3].as_text())},
                            {"region_name", r[4].is_null() ? json(nullptr) : json(r[4].as_text())}});

  json villages = json::array();
  for (const auto& r : run(*village_entity(),
                           "t.id, t.region_code, r.name, (SELECT x.name FROM region x WHERE x.code = r.parent_code)",
                           "r.name LIKE ? ESCAPE '!' OR t.region_code LIKE ? ESCAPE '!'", 2, "r.name, t.id")
                          .rows)
    villages.push_back({{"id", r[0].as_int()},
                        {"code", r[1].as_text()},
                        {"name", r[2].as_text()},
                        {"township_name", r[3].is_null() ? json(nullptr) : json(r[3].as_text())}});

  // People by name only: a name and a post, nothing personal.
  json people = json::array();
  for (const auto& r : run(*staff_entity(), "t.id, t.name, i.name, t.title_code", "t.name LIKE ? ESCAPE '!'", 1,
                           "t.name, t.id")
                          .rows)
    people.push_back({{"id", r[0].as_int()},
                      {"name", r[1].as_text()},
                      {"institution_name", r[2].as_text()},
                      {"title", r[3].is_null() || r[3].as_text().empty() ? json(nullptr)
                                                                         : json(label_of(titles(), r[3].as_text()))}});

  return http::Response::json({{"q", q}, {"institutions", institutions}, {"villages", villages}, {"people", people}});
}

}  // namespace

void register_search_routes(api::Router& router) {
  router.add({"GET", "/api/v1/search", "全局搜索:本人可见的机构、行政村和人员(按名称)", "registry", true, "", "", false,
              {"q", "limit"}},
             search);
}

}  // namespace yilian::registry

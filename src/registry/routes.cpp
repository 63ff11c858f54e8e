#include "registry/routes.h"

#include "api/context.h"
#include "auth/scope.h"
#include "common/error.h"
#include "codes/codes.h"
#include "common/region_code.h"
#include "registry/search_routes.h"

namespace yilian::registry {

using common::RegionLevel;
using common::region_level;
using common::region_level_label;
using common::region_prefix;
using common::prefix_range;
using codes::institution_kinds;
using codes::label_of;

namespace {

using nlohmann::json;

// Counts for a region subtree (R1: 乡镇数 and 行政村数 are report columns), restricted to
// what the user may see.
http::Response summary(api::Context& ctx) {
  const auto& me = ctx.me();
  std::string code = ctx.req.query_or("region", me.region_code);
  if (code.empty()) {
    auto r = ctx.db.query("SELECT code FROM region WHERE level = 1 ORDER BY code LIMIT 1");
    code = r.scalar().as_text();
  }
  if (region_level(code) == RegionLevel::invalid) common::bad_request("bad_region_code", "行政区划代码无效", "region");
  auto [lo, hi] = prefix_range(region_prefix(code));

  auto region_scope = auth::scope_condition(me, {.region = "t.code", .personal_sees_region = true});
  store::Params rp{lo, hi};
  rp.insert(rp.end(), region_scope.params.begin(), region_scope.params.end());
  auto levels = ctx.db.query("SELECT t.level, COUNT(*) FROM region t WHERE t.code >= ? AND t.code < ? AND t.active = 1 AND " +
                                 region_scope.sql + " GROUP BY t.level",
                             rp);
  json by_level = json::object();
  for (const auto& row : levels.rows)
    by_level[region_level_label(static_cast<RegionLevel>(row[0].as_int()))] = row[1].as_int();

  auto inst_scope = auth::scope_condition(
      me, {.region = "t.region_code", .institution = "t.id", .kind = "t.kind", .personal_sees_institution = true});
  store::Params ip{lo, hi};
  ip.insert(ip.end(), inst_scope.params.begin(), inst_scope.params.end());
  auto kinds = ctx.db.query(
      "SELECT t.kind, COUNT(*), COALESCE(SUM(t.beds), 0) FROM institution t WHERE t.region_code >= ? AND "
      "t.region_code < ? AND t.active = 1 AND " + inst_scope.sql + " GROUP BY t.kind ORDER BY t.kind",
      ip);
  json institutions = json::array();
  for (const auto& row : kinds.rows)
    institutions.push_back({{"kind", row[0].as_text()},
                            {"label", label_of(institution_kinds(), row[0].as_text())},
                            {"count", row[1].as_int()},
                            {"beds", row[2].as_int()}});

  auto staff_scope = auth::scope_condition(
      me, {.region = "i.region_code", .institution = "t.institution_id", .kind = "i.kind", .staff = "t.id"});
  store::Params sp{lo, hi};
  sp.insert(sp.end(), staff_scope.params.begin(), staff_scope.params.end());
  auto staff = ctx.db.query(
      "SELECT t.title_level, COUNT(*) FROM staff t JOIN institution i ON i.id = t.institution_id WHERE "
      "i.region_code >= ? AND i.region_code < ? AND t.active = 1 AND " + staff_scope.sql + " GROUP BY t.title_level",
      sp);
  json by_title = json::object();
  int64_t staff_total = 0;
  for (const auto& row : staff.rows) {
    by_title[row[0].as_text()] = row[1].as_int();
    staff_total += row[1].as_int();
  }
  auto name = ctx.db.query("SELECT name FROM region WHERE code = ?", {code}).scalar().as_text();
  return http::Response::json({{"region_code", code},
                               {"region_name", name},
                               {"regions_by_level", by_level},
                               {"institutions", institutions},
                               {"staff_total", staff_total},
                               {"staff_by_title_level", by_title}});
}

}  // namespace

void register_routes(api::Router& router) {
  router.add({"GET", "/api/v1/registry/summary", "区划概况:乡镇、村、机构、人员统计", "registry", true, "", "", false,
              {"region"}},
             summary);
  register_search_routes(router);
}

}  // namespace yilian::registry

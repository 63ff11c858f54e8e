#include "rounds/report_region.h"

#include "common/error.h"

namespace yilian::rounds {

using auth::Role;
using common::RegionLevel;

std::string ReportRegion::contains(const std::string& column, store::Params& params) const {
  params.push_back(lo);
  params.push_back(hi);
  return "(" + column + " >= ? AND " + column + " < ?)";
}

ReportRegion report_region(api::Context& ctx, RegionLevel highest, RegionLevel lowest) {
  const auto& me = ctx.me();
  if (me.role != Role::admin && me.role != Role::bureau && me.role != Role::township)
    common::forbidden("当前角色无权查看巡诊统计");
  if (me.role == Role::township && lowest < RegionLevel::township) common::forbidden("县级及以上统计由卫健部门查看");
  ReportRegion out;
  out.code = ctx.req.query_or("region", me.region_code);
  if (out.code.empty()) {
    if (highest != RegionLevel::province) common::bad_request("bad_query", "请指定地区(region)", "region");
    auto [lo, hi] = common::prefix_range("");
    out.lo = lo;
    out.hi = hi;
    out.name = "全部地区";
    return out;
  }
  out.level = common::region_level(out.code);
  if (out.level == RegionLevel::invalid) common::bad_request("bad_region_code", "行政区划代码无效: " + out.code, "region");
  std::string prefix = common::region_prefix(out.code);
  if (prefix.rfind(me.region_prefix, 0) != 0) common::forbidden("无权查看该地区的巡诊情况");
  if (out.level < highest || out.level > lowest) {
    std::string allowed = common::region_level_label(highest);
    if (lowest != highest) allowed += "至" + std::string(common::region_level_label(lowest));
    common::bad_request("bad_region_level", "该统计须按" + allowed + "查看", "region");
  }
  auto r = ctx.db.query("SELECT name FROM region WHERE code = ? AND active = 1", {out.code});
  if (r.empty()) common::not_found("地区不存在: " + out.code);
  out.name = r.scalar().as_text();
  auto [lo, hi] = common::prefix_range(prefix);
  out.lo = lo;
  out.hi = hi;
  return out;
}

ReportRegion region_of(store::Db& db, const std::string& code, const std::string& field) {
  ReportRegion out;
  out.code = code;
  out.level = common::region_level(code);
  auto r = db.query("SELECT name FROM region WHERE code = ? AND active = 1", {code});
  if (out.level == RegionLevel::invalid || r.empty()) common::invalid(field, "行政区划不存在: " + code);
  out.name = r.scalar().as_text();
  auto [lo, hi] = common::prefix_range(common::region_prefix(code));
  out.lo = lo;
  out.hi = hi;
  return out;
}

std::string rural_village_sql(const std::string& r) {
  return r + ".level = 5 AND " + r + ".active = 1 AND (" + r + ".urban_rural IS NULL OR " + r + ".urban_rural <> '111')";
}

}  // namespace yilian::rounds

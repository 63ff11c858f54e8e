#include "compliance/routes.h"

#include <map>

#include "api/context.h"
#include "common/clock.h"
#include "common/error.h"
#include "compliance/checks.h"
#include "compliance/engine.h"
#include "io/table.h"
#include "policy/startup.h"
#include "common/region_code.h"

namespace yilian::compliance {
namespace {

using nlohmann::json;

Report run(api::Context& ctx) {
  Request rq;
  std::string year = common::today().substr(0, 4);
  rq.from = ctx.req.query_or("from", year + "-01-01");
  rq.to = ctx.req.query_or("to", year + "-12-31");
  for (const auto& [key, value] : {std::pair<const char*, const std::string&>{"from", rq.from}, {"to", rq.to}})
    if (!common::is_valid_date(value)) common::bad_request("bad_query", std::string("参数 ") + key + " 须为日期(YYYY-MM-DD)", key);
  if (rq.to < rq.from) common::bad_request("bad_query", "参数 to 不能早于 from", "to");
  rq.today = ctx.req.query_or("today");  // lets a report be reproduced as of a past day
  if (!rq.today.empty() && !common::is_valid_date(rq.today))
    common::bad_request("bad_query", "评估日期无效(YYYY-MM-DD)", "today");
  rq.staff_id = api::query_id(ctx.req, "staff_id");
  rq.relationship_id = api::query_id(ctx.req, "relationship_id");
  rq.institution_id = api::query_id(ctx.req, "institution_id");
  rq.region_code = ctx.req.query_or("region");
  if (!rq.region_code.empty() && common::region_level(rq.region_code) == common::RegionLevel::invalid)
    common::bad_request("bad_region_code", "行政区划代码无效", "region");
  return evaluate(ctx.db, *policy::shipped_presets(), ctx.me(), rq);
}

// The findings the request's rule and severity filters keep.
std::vector<const Finding*> kept(api::Context& ctx, const Report& report) {
  std::string severity = ctx.req.query_or("severity");
  std::string rule = ctx.req.query_or("rule");
  std::vector<const Finding*> out;
  for (const auto& f : report.findings) {
    if (!rule.empty() && f.rule != rule) continue;
    if (!severity.empty() && (severity == "error") != (f.severity == Severity::error)) continue;
    out.push_back(&f);
  }
  return out;
}

http::Response findings(api::Context& ctx) {
  Report report = run(ctx);
  auto list = kept(ctx, report);
  // Per check: how many were judged and how many of the listed findings it filed, so the
  // chart adds up to the total above it; a rule filter keeps that rule's checks only.
  std::string rule = ctx.req.query_or("rule");
  std::map<std::string, int64_t> failed;
  for (const Finding* f : list) failed[f->check] += 1;
  json checks = json::object();
  for (const auto& [name, c] : report.checks) {
    const CheckInfo* info = find_check(name);
    std::string check_rule = info ? info->rule : "";
    if (!rule.empty() && check_rule != rule) continue;
    checks[name] = {{"checked", c.checked},
                    {"failed", failed.count(name) ? failed[name] : 0},
                    {"label", check_label(name)},
                    {"rule", check_rule}};
  }
  json items = json::array();
  for (const Finding* f : list) items.push_back(f->to_json());
  json rules = json::array();
  for (const auto& r : rule_catalog()) rules.push_back({{"rule", r.rule}, {"label", r.label}});
  return http::Response::json({{"relationships", report.relationships},
                               {"assignments", report.assignments},
                               {"checks", checks},
                               {"rules", rules},
                               {"total", items.size()},
                               {"findings", items}});
}

http::Response export_xlsx(api::Context& ctx) {
  Report report = run(ctx);
  io::Table table = {{"规则", "检查项", "严重程度", "对象", "期间", "应为", "实际", "说明", "依据"}};
  for (const Finding* f : kept(ctx, report))
    table.push_back({f->rule + " " + rule_label(f->rule), check_label(f->check),
                     f->severity == Severity::error ? "不符合" : "提醒", f->subject_name, f->period, f->expected,
                     f->actual, f->message, f->citation});
  http::Response res;
  res.body = io::write_table(table, io::TableFormat::xlsx, "问题清单");
  res.content_type = io::content_type(io::TableFormat::xlsx);
  res.headers.emplace_back("Content-Disposition",
                           "attachment; filename*=UTF-8''%E9%97%AE%E9%A2%98%E6%B8%85%E5%8D%95.xlsx");  // 问题清单.xlsx
  return res;
}

}  // namespace

void register_routes(api::Router& router) {
  std::vector<std::string> q = {"from", "to", "today", "staff_id", "relationship_id", "institution_id", "region",
                                "rule", "severity"};
  router.add({"GET", "/api/v1/compliance", "合规检查:按范围和期间评估各项规则,返回问题清单", "compliance", true, "", "",
              false, q},
             findings);
  router.add({"GET", "/api/v1/compliance/export", "导出问题清单(xlsx)", "compliance", true, "", "", false, q},
             export_xlsx);
}

}  // namespace yilian::compliance

#include "rounds/plan_routes_schema.h"

namespace yilian::rounds {
namespace {

using nlohmann::json;

json str(const std::string& d) { return {{"type", "string"}, {"description", d}}; }
json integer(const std::string& d) { return {{"type", "integer"}, {"description", d}}; }
json array_of(const json& items, const std::string& d) {
  return {{"type", "array"}, {"items", items}, {"description", d}};
}

json rule_items() {
  return {{"type", "object"},
          {"properties",
           {{"rule", str("规则编号 V1/V2/V6/V8,排班基本要求为null")},
            {"kind", str("问题类型")},
            {"village_code", str("行政村代码")},
            {"village_name", str("行政村")},
            {"team_id", integer("巡诊团队编号")},
            {"team_name", str("巡诊团队")},
            {"staff_id", integer("医疗骨干(人员编号)")},
            {"period", str("周或月")},
            {"slot", str("半天(日期、上下午)")},
            {"expected", integer("应达到")},
            {"actual", integer("实际")},
            {"message", str("说明")}}}};
}

}  // namespace

void add_plan_schemas(api::App& app) {
  app.add_schema("round_plan_run_input",
                 {{"type", "object"},
                  {"properties",
                   {{"region", str("乡镇(街道)或县及以上区划代码;默认本人所在地区")},
                    {"from", str("开始日期 YYYY-MM-DD")},
                    {"to", str("结束日期 YYYY-MM-DD(不超过62天)")},
                    {"method", {{"type", "string"}, {"enum", {"auto", "exact", "heuristic"}}, {"description", "排班方法"}}},
                    {"time_limit_seconds", {{"type", "number"}, {"minimum", 1}, {"maximum", 60}, {"description", "计算时限(秒),默认20"}}},
                    {"apply", {{"type", "boolean"}, {"description", "true:替换该期间这些团队的排班"}}},
                    {"preset", str("政策方案,默认rounds-dispatch-2023")}}},
                  {"required", {"from", "to"}}});
  json trip = {{"type", "object"},
               {"properties",
                {{"team_id", integer("巡诊团队编号")},
                 {"team_name", str("巡诊团队")},
                 {"day", str("日期")},
                 {"half", str("am上午/pm下午")},
                 {"villages", array_of({{"type", "object"}}, "依次巡诊的村{code,name}")},
                 {"senior_doctors", array_of({{"type", "object"}}, "同行医疗骨干{staff_id,name}")}}}};
  app.add_schema("round_plan_run",
                 {{"type", "object"},
                  {"properties",
                   {{"method", str("实际采用的方法 exact/heuristic")},
                    {"proven_optimal", {{"type", "boolean"}, {"description", "已证明路程最短"}}},
                    {"seconds", {{"type", "number"}}},
                    {"travel_km", {{"type", "number"}, {"description", "总路程(公里)"}}},
                    {"trips", array_of(trip, "排班(每团队每半天一趟)")},
                    {"unmet", array_of(rule_items(), "未能满足的规则")},
                    {"explanations", array_of({{"type", "object"}}, "无法满足的原因{rule,villages,capacity,demand,message}")},
                    {"applied", {{"type", "boolean"}}},
                    {"replaced", integer("被替换(停用)的原排班数")},
                    {"inserted", integer("写入的排班数")}}}});
  app.add_schema("round_plan_check_input",
                 {{"type", "object"},
                  {"properties",
                   {{"region", str("乡镇(街道)或县及以上区划代码;默认本人所在地区")},
                    {"from", str("开始日期 YYYY-MM-DD")},
                    {"to", str("结束日期 YYYY-MM-DD(不超过62天)")},
                    {"preset", str("政策方案,默认rounds-dispatch-2023")},
                    {"trips", array_of(trip, "要复核的排班方案(自动排班返回的trips)")}}},
                  {"required", {"from", "to", "trips"}}});
  app.add_schema("round_plan_check",
                 {{"type", "object"},
                  {"properties",
                   {{"checked", str("复核的是 stored(已存排班)还是 proposal(尚未采用的方案)")},
                    {"ok", {{"type", "boolean"}, {"description", "满足全部规则"}}},
                    {"slots", integer("复核的排班数")},
                    {"violations", array_of(rule_items(), "不符合项")}}}});
}

}  // namespace yilian::rounds

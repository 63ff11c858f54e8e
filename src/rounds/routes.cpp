#include "rounds/routes.h"

#include "api/entity.h"
#include "rounds/entities.h"
#include "rounds/round_days.h"
#include "support/grassroots_days.h"
#include "rounds/plan_check.h"
#include "rounds/plan_routes_schema.h"
#include "rounds/plan_run.h"
#include "rounds/report_handlers.h"
#include "rounds/visits.h"
#include "rounds/weekly_report_entity.h"

namespace yilian::rounds {
namespace {

using nlohmann::json;

json ids_schema(const std::string& description) {
  return {{"type", "array"}, {"items", {{"type", "integer"}}}, {"description", description}};
}

void add_schemas(api::App& app) {
  for (const auto& spec : all_entities()) {
    app.add_schema(spec->name, api::entity_schema(*spec));
    app.add_schema(spec->name + "_input", api::entity_input_schema(*spec));
  }
  json visit = api::entity_input_schema(*visit_entity());
  visit["properties"]["members"] = ids_schema("在场团队成员(人员编号)");
  visit["properties"]["senior_doctors"] = ids_schema("在场的二级以上医院医疗骨干(人员编号)");
  visit["description"] = "巡诊记录及在场人员;client_id相同的重复提交返回已有记录(200)";
  app.add_schema("round_visit_create", visit);
  app.add_schema("round_visit_people_input",
                 {{"type", "object"},
                  {"properties",
                   {{"version", {{"type", "integer"}}},
                    {"members", ids_schema("在场团队成员")},
                    {"senior_doctors", ids_schema("在场医疗骨干")}}},
                  {"required", {"version"}}});
  app.add_schema("weekly_report_submit_input",
                 {{"type", "object"},
                  {"properties",
                   {{"county_code", {{"type", "string"}, {"description", "县(市、区)区划代码"}}},
                    {"week", {{"type", "string"}, {"description", "ISO周,如2026-W28"}}},
                    {"reporter_name", {{"type", "string"}, {"description", "填报人"}}},
                    {"reporter_phone", {{"type", "string"}, {"description", "联系电话"}}}}},
                  {"required", {"county_code", "week", "reporter_name", "reporter_phone"}}});
  app.add_schema("weekly_report_review_input",
                 {{"type", "object"},
                  {"properties",
                   {{"approved", {{"type", "boolean"}, {"description", "true审核通过,false退回"}}},
                    {"comment", {{"type", "string"}, {"description", "审核意见(退回时必填)"}}}}},
                  {"required", {"approved"}}});
  app.add_schema("weekly_report_view",
                 {{"type", "object"}, {"description", "县(区)巡诊周报(附件2)及提交时的数据快照、及时性"}});
}

}  // namespace

std::vector<std::shared_ptr<const api::EntitySpec>> all_entities() {
  return {team_entity(),      team_member_entity(), village_assignment_entity(), senior_doctor_entity(),
          plan_slot_entity(), plan_doctor_entity(), visit_entity(),      weekly_report_entity()};
}

void register_routes(api::App& app) {
  add_schemas(app);
  // D5: visits count as grassroots service where the preset says so.
  support::register_grassroots_source({"rounds", "promotion.rounds_count_as_grassroots", round_dates});
  auto& r = app.router();
  const std::string tag = "rounds";
  r.add({"POST", "/api/v1/round-visits", "登记巡诊记录及在场人员(client_id防重复提交)", tag, true, "round_visit_create",
         "round_visit"},
        create_visit);
  r.add({"GET", "/api/v1/round-visits/{id}/people", "查看巡诊记录的在场人员", tag}, visit_people);
  r.add({"PUT", "/api/v1/round-visits/{id}/people", "更正巡诊记录的在场人员(须带version)", tag, true,
         "round_visit_people_input", "round_visit"},
        replace_visit_people);
  for (const auto& spec : all_entities()) api::register_entity(r, spec);

  std::vector<std::string> area = {"region", "date"};
  r.add({"GET", "/api/v1/rounds/coverage", "包干覆盖:无团队包干的行政村与团队构成检查(V1、V3)", tag, true, "", "", false,
         area},
        coverage);
  r.add({"GET", "/api/v1/rounds/needs", "各村巡诊与派驻需求(V2、V4、V6,注明政策依据)", tag, true, "", "", false,
         {"region", "date", "preset"}},
        needs);
  r.add({"GET", "/api/v1/rounds/plan-vs-actual", "周跟踪:排班与实际巡诊对照", tag, true, "", "", false,
         {"region", "week", "team_id"}},
        plan_vs_actual);
  r.add({"GET", "/api/v1/rounds/monthly", "月调度:各村计划、完成与要求对照", tag, true, "", "", false,
         {"region", "month", "preset", "today"}},
        monthly);
  r.add({"GET", "/api/v1/rounds/weekly-table", "“千医巡诊万村行”每周工作开展情况统计表(附件2,json/csv/xlsx)", tag,
         true, "", "", false, {"region", "week", "format", "reporter", "phone", "preset"}},
        weekly_table);
  add_plan_schemas(app);
  r.add({"POST", "/api/v1/rounds/plans/run", "自动排班:按规则为地区和期间编制巡诊排班(可直接采用)", tag, true,
         "round_plan_run_input", "round_plan_run"},
        run_plan);
  r.add({"GET", "/api/v1/rounds/plans/check", "排班复核:已存排班(含手工修改)是否满足各项规则", tag, true, "",
         "round_plan_check", false, {"region", "from", "to", "preset"}},
        check_plan);
  r.add({"POST", "/api/v1/rounds/plans/check", "排班复核:尚未采用的排班方案是否满足各项规则", tag, true,
         "round_plan_check_input", "round_plan_check"},
        check_proposal);
  r.add({"GET", "/api/v1/rounds/weekly-reports", "各县(区)周报填报状态", tag, true, "", "", false,
         {"region", "week", "preset"}},
        weekly_report_status);
  r.add({"GET", "/api/v1/rounds/weekly-reports/completeness", "周报填报及时率与完整率", tag, true, "", "", false,
         {"region", "from", "to", "preset"}},
        weekly_report_completeness);
  r.add({"POST", "/api/v1/rounds/weekly-reports", "提交本县(区)周报(含数据快照)", tag, true,
         "weekly_report_submit_input", "weekly_report_view"},
        weekly_report_submit);
  r.add({"GET", "/api/v1/rounds/weekly-reports/{id}", "查看周报及提交时的数据", tag, true, "", "weekly_report_view", false,
         {"preset"}},
        weekly_report_get);
  r.add({"POST", "/api/v1/rounds/weekly-reports/{id}/review", "上级卫健部门审核周报(通过或退回)", tag, true,
         "weekly_report_review_input", "weekly_report_view"},
        weekly_report_review);
}

}  // namespace yilian::rounds

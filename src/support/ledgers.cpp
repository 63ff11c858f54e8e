// The smaller support records: agreement targets, requested specialties, leadership
// groups and visits, work steps, alliances, evaluations, trainees, equipment ledger and
// operating statistics.
#include "common/clock.h"
#include "common/error.h"
#include "registry/entities.h"
#include "support/choices.h"
#include "support/entities.h"
#include "support/entity_helpers.h"

namespace yilian::support {
namespace {

using namespace helpers;
using api::EntitySpec;
using api::FieldType;
using auth::Role;

const std::vector<Role> kManagers = {Role::admin, Role::bureau, Role::hospital};
const std::vector<Role> kBothSides = {Role::admin, Role::bureau, Role::hospital, Role::township};

std::shared_ptr<const EntitySpec> under_relationship(std::shared_ptr<EntitySpec> s) {
  s->joins = std::string("JOIN support_relationship r ON r.id = t.relationship_id ") + kRelationshipJoins;
  s->scope = relationship_scope("r");
  return s;
}

std::shared_ptr<const EntitySpec> agreement_target_entity() {
  auto s = make("agreement_target", "agreement_target", "agreement-targets", "协议量化目标");
  s->fields = {
      {.name = "agreement_id", .type = FieldType::integer, .label = "协议", .required = true, .immutable = true,
       .filter = true, .references = "agreement"},
      {.name = "metric", .label = "指标", .required = true, .filter = true, .max_length = 30,
       .choices = target_metrics()},
      {.name = "description", .label = "目标描述", .required = true, .max_length = 200},
      {.name = "baseline", .type = FieldType::real, .label = "基线值"},
      {.name = "target", .type = FieldType::real, .label = "目标值", .required = true},
      {.name = "unit", .label = "单位", .max_length = 20},
      {.name = "deadline", .type = FieldType::date, .label = "完成期限", .required = true, .sort = true},
  };
  s->joins = std::string("JOIN agreement ag ON ag.id = t.agreement_id JOIN support_relationship r ON r.id = "
                         "ag.relationship_id ") + kRelationshipJoins;
  s->scope = relationship_scope("r");
  s->writers = kManagers;
  return s;
}

std::shared_ptr<const EntitySpec> requested_specialty_entity() {
  auto s = make("requested_specialty", "requested_specialty", "requested-specialties", "受援单位需求专科");
  s->fields = {
      {.name = "relationship_id", .type = FieldType::integer, .label = "帮扶关系", .required = true,
       .immutable = true, .filter = true, .references = "support_relationship"},
      {.name = "year", .type = FieldType::integer, .label = "年度", .required = true, .filter = true, .sort = true,
       .min = 2000, .max = 2100, .unit = "年"},
      {.name = "specialty", .label = "专科", .required = true, .max_length = 30},
      {.name = "status", .label = "状态", .required = true, .filter = true, .max_length = 10,
       .choices = specialty_statuses()},
  };
  s->writers = kBothSides;
  return under_relationship(s);
}

std::shared_ptr<const EntitySpec> work_step_entity() {
  auto s = make("work_step", "work_step", "work-steps", "工作步骤");
  s->default_sort = "due_date";
  s->fields = {
      {.name = "relationship_id", .type = FieldType::integer, .label = "帮扶关系", .required = true,
       .immutable = true, .filter = true, .references = "support_relationship"},
      {.name = "stage", .label = "阶段", .required = true, .filter = true, .max_length = 20, .choices = work_stages()},
      {.name = "title", .label = "事项", .required = true, .max_length = 100},
      {.name = "due_date", .type = FieldType::date, .label = "截止日期", .required = true, .sort = true},
      {.name = "done_date", .type = FieldType::date, .label = "完成日期", .sort = true},
  };
  s->writers = kManagers;
  return under_relationship(s);
}

std::shared_ptr<const EntitySpec> leadership_visit_entity() {
  auto s = make("leadership_visit", "leadership_visit", "leadership-visits", "领导班子督导");
  s->default_sort = "day";
  s->fields = {
      {.name = "relationship_id", .type = FieldType::integer, .label = "帮扶关系", .required = true,
       .immutable = true, .filter = true, .references = "support_relationship"},
      {.name = "day", .type = FieldType::date, .label = "日期", .required = true, .sort = true},
      {.name = "leader", .label = "带队领导", .required = true, .max_length = 40},
      {.name = "purpose", .label = "内容", .max_length = 500},
  };
  s->writers = kBothSides;
  return under_relationship(s);
}

std::shared_ptr<const EntitySpec> leadership_member_entity() {
  auto s = make("leadership_member", "leadership_member", "leadership-members", "领导小组成员");
  s->fields = {
      {.name = "institution_id", .type = FieldType::integer, .label = "所属单位", .required = true, .filter = true,
       .references = "institution"},
      {.name = "name", .label = "姓名", .required = true, .max_length = 30},
      {.name = "staff_id", .type = FieldType::integer, .label = "人员档案", .references = "staff"},
      {.name = "role", .label = "职务", .required = true, .filter = true, .max_length = 10,
       .choices = leadership_roles()},
      {.name = "duties", .label = "职责", .max_length = 500},
  };
  s->joins = "JOIN institution i ON i.id = t.institution_id";
  s->display_joins = "LEFT JOIN staff ls ON ls.id = t.staff_id";
  s->extra_columns = {{"i.name", "institution_name"}, {"ls.name", "staff_name"}};
  s->scope = institution_scope();
  s->writers = kBothSides;
  return s;
}

std::shared_ptr<const EntitySpec> alliance_entity() {
  auto s = make("alliance", "alliance", "alliances", "医联体");
  s->fields = {
      {.name = "name", .label = "名称", .required = true, .search = true, .unique = true, .max_length = 80},
      {.name = "kind", .label = "类型", .required = true, .filter = true, .max_length = 12,
       .choices = alliance_kinds()},
      {.name = "lead_institution_id", .type = FieldType::integer, .label = "牵头单位", .required = true,
       .filter = true, .references = "institution"},
      {.name = "start_date", .type = FieldType::date, .label = "成立日期", .required = true, .sort = true},
      {.name = "review_years", .type = FieldType::integer, .label = "成员评估周期(年)", .min = 1, .max = 10, .unit = "年"},
  };
  s->joins = "JOIN institution li ON li.id = t.lead_institution_id";
  s->extra_columns = {{"li.name", "lead_name"}};
  s->scope = {.region = "li.region_code", .institution = "t.lead_institution_id", .kind = "li.kind",
              .personal_sees_institution = true};
  s->writers = kManagers;
  return s;
}

std::shared_ptr<const EntitySpec> alliance_member_entity() {
  auto s = make("alliance_member", "alliance_member", "alliance-members", "医联体成员");
  s->default_sort = "start_date";
  s->fields = {
      {.name = "alliance_id", .type = FieldType::integer, .label = "医联体", .required = true, .immutable = true,
       .filter = true, .references = "alliance"},
      {.name = "institution_id", .type = FieldType::integer, .label = "成员单位", .required = true, .immutable = true,
       .filter = true, .references = "institution"},
      {.name = "role", .label = "成员类型", .required = true, .filter = true, .max_length = 20,
       .choices = member_roles()},
      {.name = "specialty", .label = "协作专科", .max_length = 30},
      {.name = "branch_sign", .label = "挂牌名称(××分院)", .max_length = 60},
      {.name = "start_date", .type = FieldType::date, .label = "加入日期", .required = true, .sort = true},
      {.name = "end_date", .type = FieldType::date, .label = "退出日期", .sort = true},
  };
  s->joins = "JOIN alliance al ON al.id = t.alliance_id JOIN institution mi ON mi.id = t.institution_id "
             "JOIN institution li ON li.id = al.lead_institution_id";
  s->extra_columns = {{"mi.name", "institution_name"}, {"al.name", "alliance_name"}};
  s->scope = {.region = "mi.region_code", .institution = "t.institution_id", .kind = "mi.kind",
              .personal_sees_institution = true, .other_region = "li.region_code",
              .other_institution = "al.lead_institution_id", .other_kind = "li.kind"};
  s->writers = kManagers;
  // Membership history is kept: a change of membership ends one period and starts
  // another, so two periods of the same unit in the same alliance must not overlap.
  s->prepare = [](api::Context& ctx, json& row, const json* before) {
    check_period(row, "start_date", "end_date", "成员");
    std::string end = text(row, "end_date").empty() ? "9999-12-31" : text(row, "end_date");
    auto r = ctx.db.query(
        "SELECT id FROM alliance_member WHERE alliance_id = ? AND institution_id = ? AND active = 1 AND id <> ? "
        "AND start_date <= ? AND COALESCE(end_date, '9999-12-31') >= ?",
        {integer(row, "alliance_id"), integer(row, "institution_id"), before ? integer(*before, "id") : 0, end,
         text(row, "start_date")});
    if (!r.empty()) common::conflict("overlap", "该单位在此期间已是医联体成员", "start_date");
  };
  return s;
}

std::shared_ptr<const EntitySpec> council_role_entity() {
  auto s = make("council_role", "council_role", "council-roles", "理事会职务");
  s->default_sort = "term_start";
  s->fields = {
      {.name = "alliance_id", .type = FieldType::integer, .label = "医联体", .required = true, .immutable = true,
       .filter = true, .references = "alliance"},
      {.name = "name", .label = "姓名", .required = true, .max_length = 30},
      {.name = "institution_id", .type = FieldType::integer, .label = "所在单位", .references = "institution"},
      {.name = "role", .label = "职务", .required = true, .filter = true, .max_length = 20,
       .choices = council_roles()},
      {.name = "term_start", .type = FieldType::date, .label = "任期开始", .required = true, .sort = true},
      {.name = "term_end", .type = FieldType::date, .label = "任期结束", .required = true, .sort = true},
  };
  s->joins = "JOIN alliance al ON al.id = t.alliance_id JOIN institution li ON li.id = al.lead_institution_id";
  s->display_joins = "LEFT JOIN institution ci ON ci.id = t.institution_id";
  s->extra_columns = {{"ci.name", "institution_name"}, {"al.name", "alliance_name"}};
  s->scope = {.region = "li.region_code", .institution = "al.lead_institution_id", .kind = "li.kind",
              .personal_sees_institution = true};
  s->writers = kManagers;
  s->prepare = [](api::Context&, json& row, const json*) { check_period(row, "term_start", "term_end", "任期"); };
  return s;
}

std::shared_ptr<const EntitySpec> evaluation_entity() {
  auto s = make("evaluation", "evaluation", "evaluations", "派驻人员考核");
  s->default_sort = "day";
  s->fields = {
      {.name = "assignment_id", .type = FieldType::integer, .label = "派驻记录", .required = true, .immutable = true,
       .filter = true, .references = "assignment"},
      {.name = "kind", .label = "考核类型", .required = true, .filter = true, .max_length = 20,
       .choices = evaluation_kinds()},
      {.name = "day", .type = FieldType::date, .label = "考核日期", .required = true, .sort = true},
      {.name = "score", .type = FieldType::real, .label = "得分", .required = true, .min = 0, .max = 100},
      {.name = "grade", .label = "等次", .required = true, .filter = true, .max_length = 12, .choices = grades()},
      {.name = "evaluator", .label = "考核人/单位", .required = true, .max_length = 60},
      {.name = "comments", .label = "评价意见", .max_length = 2000},
  };
  s->joins = std::string(kAssignmentJoins) + " JOIN staff st ON st.id = a.staff_id";
  s->extra_columns = {{"st.name", "staff_name"}};
  s->scope = assignment_scope("a");
  s->writers = kBothSides;
  return s;
}

std::shared_ptr<const EntitySpec> trainee_entity() {
  auto s = make("trainee", "trainee", "trainees", "进修人员");
  s->default_sort = "start_date";
  s->fields = {
      {.name = "relationship_id", .type = FieldType::integer, .label = "帮扶关系", .filter = true,
       .references = "support_relationship"},
      {.name = "staff_id", .type = FieldType::integer, .label = "进修人员", .required = true, .immutable = true,
       .filter = true, .references = "staff", .reference_check = api::ReferenceCheck::candidate},
      {.name = "host_institution_id", .type = FieldType::integer, .label = "进修单位", .required = true,
       .filter = true, .references = "institution"},
      {.name = "host_department", .label = "进修科室", .max_length = 40},
      {.name = "programme", .label = "培训类别", .required = true, .filter = true, .max_length = 20,
       .choices = programmes()},
      {.name = "start_date", .type = FieldType::date, .label = "开始日期", .required = true, .sort = true},
      {.name = "end_date", .type = FieldType::date, .label = "结束日期", .required = true, .sort = true},
      {.name = "free_of_charge", .type = FieldType::boolean, .label = "免费进修", .filter = true},
      {.name = "completed", .type = FieldType::boolean, .label = "已结业", .filter = true},
      {.name = "assessment", .label = "结业考核", .max_length = 12, .choices = grades()},
      {.name = "score", .type = FieldType::real, .label = "考核得分", .min = 0, .max = 100},
  };
  s->joins = "JOIN staff st ON st.id = t.staff_id JOIN institution ri ON ri.id = st.institution_id "
             "JOIN institution hi ON hi.id = t.host_institution_id";
  s->extra_columns = {{"st.name", "staff_name"}, {"ri.name", "home_name"}, {"hi.name", "host_name"}};
  s->scope = {.region = "ri.region_code", .institution = "st.institution_id", .kind = "ri.kind",
              .staff = "t.staff_id", .other_region = "hi.region_code", .other_institution = "t.host_institution_id",
              .other_kind = "hi.kind"};
  s->writers = kBothSides;
  s->prepare = [](api::Context& ctx, json& row, const json*) {
    check_period(row, "start_date", "end_date", "进修");
    // Who may be named: active staff of the relationship's recipient (the host hospital
    // registers the trainees it receives without seeing the township's staff list), or,
    // without a relationship, staff the writer may read. Anyone else, and an id that does
    // not exist, get the same answer.
    int64_t staff_id = integer(row, "staff_id");
    bool candidate = false;
    if (int64_t rel = integer(row, "relationship_id"))
      candidate = !ctx.db.query("SELECT s.id FROM staff s JOIN support_relationship r ON r.recipient_institution_id = "
                                "s.institution_id WHERE r.id = ? AND s.id = ? AND s.active = 1",
                                {rel, staff_id})
                       .empty();
    else
      candidate = api::entity_in_scope(ctx, *registry::staff_entity(), std::to_string(staff_id));
    if (!candidate) common::invalid("staff_id", "进修人员须为受援单位的在职人员");
    auto home = ctx.db.query("SELECT institution_id FROM staff WHERE id = ?", {staff_id}).scalar();
    if (home.as_int() == integer(row, "host_institution_id"))
      common::invalid("host_institution_id", "进修单位不能是本单位");
    if (row.contains("completed") && row["completed"] == true && text(row, "assessment").empty())
      common::invalid("assessment", "已结业须填写结业考核结果");
    if (!row.contains("free_of_charge") || row["free_of_charge"].is_null()) row["free_of_charge"] = true;
    if (!row.contains("completed") || row["completed"].is_null()) row["completed"] = false;
  };
  return s;
}

std::shared_ptr<const EntitySpec> equipment_entity() {
  auto s = make("equipment_event", "equipment_event", "equipment-events", "设备台账");
  s->default_sort = "day";
  s->fields = {
      {.name = "institution_id", .type = FieldType::integer, .label = "受援单位", .required = true, .filter = true,
       .references = "institution"},
      {.name = "item", .label = "设备名称", .required = true, .search = true, .max_length = 80},
      {.name = "model", .label = "型号", .max_length = 60},
      {.name = "action", .label = "事项", .required = true, .filter = true, .max_length = 12,
       .choices = equipment_actions()},
      {.name = "day", .type = FieldType::date, .label = "日期", .required = true, .sort = true},
      {.name = "value", .type = FieldType::real, .label = "金额(元)", .min = 0, .max = 1e10, .unit = "元"},
      {.name = "donor_institution_id", .type = FieldType::integer, .label = "捐赠单位", .references = "institution"},
      {.name = "notes", .label = "备注", .max_length = 500},
  };
  s->joins = "JOIN institution i ON i.id = t.institution_id";
  s->display_joins = "LEFT JOIN institution di ON di.id = t.donor_institution_id";
  s->extra_columns = {{"i.name", "institution_name"}, {"di.name", "donor_name"}};
  s->scope = institution_scope();
  s->writers = kBothSides;
  s->prepare = [](api::Context&, json& row, const json*) {
    if (text(row, "action") == "donation" && !integer(row, "donor_institution_id"))
      common::invalid("donor_institution_id", "捐赠须填写捐赠单位");
  };
  return s;
}

}  // namespace

std::shared_ptr<const EntitySpec> operating_stat_entity() {
  static auto spec = [] {
    auto s = make("operating_stat", "operating_stat", "operating-stats", "月度业务统计");
    s->default_sort = "month";
    s->fields = {
        {.name = "institution_id", .type = FieldType::integer, .label = "机构", .required = true, .immutable = true,
         .filter = true, .references = "institution"},
        {.name = "month", .label = "月份(YYYY-MM)", .required = true, .immutable = true, .filter = true, .sort = true,
         .max_length = 7},
        {.name = "outpatient_visits", .type = FieldType::integer, .label = "门诊人次", .min = 0, .max = 1e8},
        {.name = "inpatient_admissions", .type = FieldType::integer, .label = "住院人次", .min = 0, .max = 1e7},
        {.name = "surgeries", .type = FieldType::integer, .label = "手术台次", .min = 0, .max = 1e7},
        {.name = "cases", .type = FieldType::integer, .label = "病例数", .min = 0, .max = 1e8},
        {.name = "revenue", .type = FieldType::real, .label = "医疗收入(元)", .min = 0, .max = 1e12, .unit = "元"},
        {.name = "cost", .type = FieldType::real, .label = "医疗费用(元)", .min = 0, .max = 1e12, .unit = "元"},
        {.name = "bed_occupancy_rate", .type = FieldType::real, .label = "床位使用率(%)", .min = 0, .max = 200, .unit = "%"},
    };
    s->joins = "JOIN institution i ON i.id = t.institution_id";
    s->extra_columns = {{"i.name", "institution_name"}};
    s->scope = institution_scope();
    s->writers = kBothSides;
    s->prepare = [](api::Context& ctx, json& row, const json* before) {
      std::string m = text(row, "month");
      if (!common::is_valid_date(m + "-01")) common::invalid("month", "月份格式须为YYYY-MM");
      if (!before) {
        auto dup = ctx.db.query("SELECT id FROM operating_stat WHERE institution_id = ? AND month = ?",
                                {integer(row, "institution_id"), m});
        if (!dup.empty()) common::conflict("duplicate", "该机构本月统计已存在,请修改原记录", "month");
      }
    };
    return s;
  }();
  return spec;
}

std::vector<std::shared_ptr<const EntitySpec>> all_entities() {
  static const std::vector<std::shared_ptr<const EntitySpec>> all = {
      relationship_entity(),      agreement_entity(),        agreement_target_entity(), requested_specialty_entity(),
      work_step_entity(),         leadership_member_entity(), leadership_visit_entity(), alliance_entity(),
      alliance_member_entity(),   council_role_entity(),     assignment_entity(),       presence_entity(),
      activity_entity(),          evaluation_entity(),       trainee_entity(),          equipment_entity(),
      operating_stat_entity(),
  };
  return all;
}

}  // namespace yilian::support

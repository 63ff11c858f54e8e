#include "support/entities.h"

#include "common/clock.h"
#include "codes/codes.h"
#include "common/error.h"
#include "common/json_text.h"
#include "policy/effective.h"
#include "policy/startup.h"
#include "support/choices.h"
#include "support/entity_helpers.h"
#include "support/presence_review.h"
#include "support/record_lifecycles.h"
#include "support/recipient_staff.h"

namespace yilian::support {
namespace {

using namespace helpers;
using api::EntitySpec;
using api::FieldSpec;
using api::FieldType;
using auth::Role;
using nlohmann::json;

}  // namespace

std::shared_ptr<const EntitySpec> relationship_entity() {
  static auto spec = [] {
    auto s = make("support_relationship", "support_relationship", "support-relationships", "对口支援关系");
    s->default_sort = "start_date";
    s->fields = {
        {.name = "supporting_institution_id", .type = FieldType::integer, .label = "支援单位", .required = true,
         .filter = true, .references = "institution"},
        {.name = "recipient_institution_id", .type = FieldType::integer, .label = "受援单位", .required = true,
         .filter = true, .references = "institution"},
        {.name = "tier", .label = "帮扶层级", .required = true, .filter = true, .max_length = 20, .choices = tiers()},
        {.name = "start_date", .type = FieldType::date, .label = "开始日期", .required = true, .sort = true},
        {.name = "end_date", .type = FieldType::date, .label = "结束日期", .required = true, .sort = true},
        {.name = "status", .label = "状态", .required = true, .filter = true, .max_length = 10,
         .choices = relationship_statuses()},
        {.name = "preset_id", .label = "适用政策方案", .filter = true, .max_length = 60},
        {.name = "overrides", .label = "参数覆盖(JSON)", .max_length = 4000},
        {.name = "notes", .label = "备注", .max_length = 500},
    };
    s->joins = "JOIN institution ri ON ri.id = t.recipient_institution_id "
               "JOIN institution si ON si.id = t.supporting_institution_id";
    s->extra_columns = {{"si.name", "supporting_name"}, {"ri.name", "recipient_name"}};
    s->scope = relationship_scope("t");
    s->writers = {Role::admin, Role::bureau, Role::hospital};
    s->lifecycle = relationship_lifecycle();
    s->locks = {state_lock("status", {"ended"}, "帮扶关系已终止,不能修改或停用;如需恢复,请卫健局“恢复”该关系")};
    s->prepare = [](api::Context& ctx, json& row, const json*) {
      if (integer(row, "supporting_institution_id") == integer(row, "recipient_institution_id"))
        common::invalid("recipient_institution_id", "支援单位和受援单位不能相同");
      check_period(row, "start_date", "end_date", "帮扶期");
      // The preset must exist, and overrides must pass the same catalog checks as preset
      // files; the override itself is audited with the row (before/after).
      std::string preset_id = text(row, "preset_id");
      const policy::Preset* preset = nullptr;
      if (!preset_id.empty()) {
        preset = policy::shipped_presets()->find(preset_id);
        if (!preset) common::invalid("preset_id", "政策方案不存在: " + preset_id);
      }
      std::string overrides = text(row, "overrides");
      if (!overrides.empty()) {
        auto j = common::parse_untrusted_json(overrides);
        if (j.is_discarded() || !j.is_object()) common::invalid("overrides", "参数覆盖须为JSON对象");
        if (!preset) common::invalid("overrides", "覆盖参数前须先选择政策方案");
        try {
          policy::merge(*preset, j);
        } catch (const common::ApiError& e) {
          common::invalid("overrides", std::string("参数覆盖无效: ") + e.what());
        }
      }
      auto kind = ctx.db.query("SELECT kind FROM institution WHERE id = ?", {integer(row, "recipient_institution_id")})
                      .scalar()
                      .as_text();
      std::string tier = text(row, "tier");
      if (tier == "township_village" && kind != codes::kVillageClinicKind) common::invalid("tier", "乡→村帮扶的受援单位须为村卫生室");
      if (tier == "county_township" && kind[0] != 'C' && kind[0] != 'B')
        common::invalid("tier", "县→乡帮扶的受援单位须为乡镇卫生院或社区卫生服务中心");
    };
    return s;
  }();
  return spec;
}

std::shared_ptr<const EntitySpec> agreement_entity() {
  static auto spec = [] {
    auto s = make("agreement", "agreement", "agreements", "对口支援协议书");
    s->fields = {
        {.name = "relationship_id", .type = FieldType::integer, .label = "帮扶关系", .required = true,
         .immutable = true, .filter = true, .references = "support_relationship"},
        {.name = "title", .label = "协议名称", .required = true, .search = true, .max_length = 100},
        {.name = "kind", .label = "协议类型", .required = true, .filter = true, .max_length = 10,
         .choices = agreement_kinds()},
        {.name = "status", .label = "状态", .required = true, .filter = true, .max_length = 10,
         .choices = agreement_statuses()},
        {.name = "signed_date", .type = FieldType::date, .label = "签订日期", .sort = true},
        {.name = "filed_date", .type = FieldType::date, .label = "报备日期", .sort = true},
        {.name = "tripartite", .type = FieldType::boolean, .label = "三方协议(含乡镇政府)"},
        {.name = "third_party", .label = "第三方", .max_length = 60},
        {.name = "goals", .label = "年度及中长期目标", .max_length = 4000},
        {.name = "tasks", .label = "帮扶任务(干哪些事,办成哪些事)", .max_length = 4000},
        {.name = "support_modes", .label = "支援方式", .max_length = 2000},
        {.name = "obligations", .label = "双方权利义务", .max_length = 4000},
        {.name = "document_name", .label = "签字扫描件文件名", .writable = false, .max_length = 200},
        {.name = "document_type", .label = "扫描件类型", .writable = false, .max_length = 100},
        {.name = "document_size", .type = FieldType::integer, .label = "扫描件大小", .writable = false},
        {.name = "document_sha256", .label = "扫描件SHA-256", .writable = false, .max_length = 64},
    };
    s->joins = std::string("JOIN support_relationship r ON r.id = t.relationship_id ") + kRelationshipJoins;
    s->extra_columns = {{"si.name", "supporting_name"}, {"ri.name", "recipient_name"}};
    s->scope = relationship_scope("r");
    s->writers = {Role::admin, Role::bureau, Role::hospital};
    s->lifecycle = agreement_lifecycle();
    s->locks = {state_lock("status", {"filed"},
                           "协议已报卫生行政部门备案,不能修改或停用;如需变更,请签订补充协议或由卫健局“撤回报备”")};
    s->prepare = [](api::Context&, json& row, const json*) {
      std::string status = text(row, "status"), signed_date = text(row, "signed_date"), filed = text(row, "filed_date");
      if ((status == "signed" || status == "filed") && signed_date.empty())
        common::invalid("signed_date", "已签订的协议须填写签订日期");
      if (status == "filed" && filed.empty()) common::invalid("filed_date", "已报备的协议须填写报备日期");
      if (!filed.empty() && !signed_date.empty() && filed < signed_date)
        common::invalid("filed_date", "报备日期不能早于签订日期");
      if (row.contains("tripartite") && row["tripartite"] == true && text(row, "third_party").empty())
        common::invalid("third_party", "三方协议须填写第三方(如乡镇政府)");
    };
    return s;
  }();
  return spec;
}

std::shared_ptr<const EntitySpec> assignment_entity() {
  static auto spec = [] {
    auto s = make("assignment", "assignment", "assignments", "派驻人员");
    s->default_sort = "planned_start";
    s->fields = {
        {.name = "relationship_id", .type = FieldType::integer, .label = "帮扶关系", .filter = true,
         .references = "support_relationship"},
        {.name = "staff_id", .type = FieldType::integer, .label = "派驻人员", .required = true, .immutable = true,
         .filter = true, .references = "staff"},
        {.name = "home_institution_id", .type = FieldType::integer, .label = "派出单位", .writable = false,
         .filter = true},
        {.name = "home_department_id", .type = FieldType::integer, .label = "派出科室", .references = "department"},
        {.name = "recipient_institution_id", .type = FieldType::integer, .label = "受援单位", .required = true,
         .filter = true, .references = "institution"},
        {.name = "recipient_department", .label = "受援科室", .max_length = 40},
        {.name = "level", .label = "派驻层级", .required = true, .filter = true, .max_length = 10,
         .choices = dispatch_levels()},
        {.name = "role", .label = "派驻方式", .required = true, .filter = true, .max_length = 12,
         .choices = dispatch_roles()},
        {.name = "batch", .label = "轮换批次", .filter = true, .max_length = 30},
        {.name = "planned_start", .type = FieldType::date, .label = "计划开始", .required = true, .sort = true},
        {.name = "planned_end", .type = FieldType::date, .label = "计划结束", .required = true, .sort = true},
        {.name = "actual_start", .type = FieldType::date, .label = "实际开始", .sort = true},
        {.name = "actual_end", .type = FieldType::date, .label = "实际结束", .sort = true},
        {.name = "status", .label = "状态", .required = true, .filter = true, .max_length = 10,
         .choices = assignment_statuses()},
        {.name = "refused", .type = FieldType::boolean, .label = "拒绝派驻", .filter = true},
    };
    s->joins = "JOIN institution ri ON ri.id = t.recipient_institution_id "
               "JOIN institution hi ON hi.id = t.home_institution_id JOIN staff st ON st.id = t.staff_id";
    // The home department's name comes with the row, so a form shows it without reading
    // the department record.
    s->display_joins = "LEFT JOIN department hd ON hd.id = t.home_department_id";
    s->extra_columns = {{"st.name", "staff_name"}, {"st.title_code", "title_code"}, {"hi.name", "home_name"},
                        {"ri.name", "recipient_name"}, {"hd.name", "home_department_name"}};
    s->scope = assignment_scope("t");
    s->writers = {Role::admin, Role::bureau, Role::hospital};
    s->lifecycle = assignment_lifecycle();
    s->locks = {state_lock("status", {"completed", "cancelled"},
                           "派驻已结束或已取消,不能修改或停用;如需更正,请卫健局“重新打开”")};
    s->prepare = [](api::Context& ctx, json& row, const json*) {
      check_period(row, "planned_start", "planned_end", "计划派驻期");
      check_period(row, "actual_start", "actual_end", "实际派驻期");
      auto staff = ctx.db.query("SELECT institution_id FROM staff WHERE id = ?", {integer(row, "staff_id")});
      int64_t home = staff.scalar().as_int();
      row["home_institution_id"] = home;
      int64_t recipient = integer(row, "recipient_institution_id");
      if (recipient == home) common::invalid("recipient_institution_id", "受援单位不能是派出单位本身");
      if (int64_t dept = integer(row, "home_department_id")) {
        if (ctx.db.query("SELECT institution_id FROM department WHERE id = ?", {dept}).scalar().as_int() != home)
          common::invalid("home_department_id", "派出科室不属于派出单位");
      }
      if (int64_t rel = integer(row, "relationship_id")) {
        auto r = ctx.db.query("SELECT supporting_institution_id, recipient_institution_id FROM support_relationship "
                              "WHERE id = ?",
                              {rel});
        if (r.rows[0][1].as_int() != recipient)
          common::invalid("recipient_institution_id", "受援单位与所选帮扶关系不一致");
        if (r.rows[0][0].as_int() != home)
          common::invalid("staff_id", "派驻人员不属于该帮扶关系的支援单位");
      }
      auto kind = ctx.db.query("SELECT kind FROM institution WHERE id = ?", {recipient}).scalar().as_text();
      if (text(row, "level") == "village" && kind != codes::kVillageClinicKind)
        common::invalid("level", "村级派驻的受援单位须为村卫生室");
      if (!row.contains("refused") || row["refused"].is_null()) row["refused"] = false;
    };
    return s;
  }();
  return spec;
}

std::shared_ptr<const EntitySpec> presence_entity() {
  static auto spec = [] {
    auto s = make("presence", "presence", "presence", "在岗记录");
    s->default_sort = "day";
    s->fields = {
        {.name = "assignment_id", .type = FieldType::integer, .label = "派驻记录", .required = true, .immutable = true,
         .filter = true, .references = "assignment"},
        {.name = "day", .type = FieldType::date, .label = "日期", .required = true, .immutable = true, .filter = true,
         .sort = true},
        {.name = "half", .label = "时段", .required = true, .immutable = true, .filter = true, .max_length = 2,
         .choices = half_days()},
        {.name = "status", .label = "状态", .required = true, .filter = true, .max_length = 10,
         .choices = presence_statuses()},
        {.name = "reason", .label = "请假/缺勤原因", .max_length = 200},
        {.name = "client_id", .label = "客户端编号", .immutable = true, .unique = true, .max_length = 64},
        {.name = "checked_in_at", .label = "签到时间", .writable = false, .max_length = 30},
        {.name = "latitude", .type = FieldType::real, .label = "纬度", .min = 3, .max = 54, .unit = "度"},
        {.name = "longitude", .type = FieldType::real, .label = "经度", .min = 73, .max = 136, .unit = "度"},
        {.name = "confirmed", .type = FieldType::boolean, .label = "受援单位已确认", .writable = false, .filter = true},
        {.name = "review_status", .label = "确认状态", .filter = true, .max_length = 10, .choices = presence_review_states()},
        {.name = "review_reason", .label = "驳回/撤销原因", .writable = false, .max_length = 200},
        {.name = "confirmed_by", .label = "确认人", .writable = false, .max_length = 40},
        {.name = "confirmed_at", .label = "确认时间", .writable = false, .max_length = 30},
    };
    s->joins = std::string(kAssignmentJoins) + " JOIN staff st ON st.id = a.staff_id";
    // The recipient's coordinates come with each check-in, so the confirming side sees how
    // far from the recipient a GPS check-in was made. As text: display columns carry
    // integers and text only, and a real would lose its decimals.
    s->extra_columns = {{"st.name", "staff_name"},
                        {"ri.name", "recipient_name"},
                        {"CAST(ri.latitude AS TEXT)", "recipient_latitude"},
                        {"CAST(ri.longitude AS TEXT)", "recipient_longitude"}};
    s->scope = assignment_scope("a");
    s->writers = {Role::admin, Role::hospital, Role::township, Role::doctor, Role::village_doctor};
    s->idempotency_key = "client_id";
    s->lifecycle = presence_review();
    s->locks = {presence_reviewed_lock(), personal_entry_window_lock()};
    s->prepare = [](api::Context& ctx, json& row, const json* before) {
      std::string day = text(row, "day");
      check_day_in_assignment(ctx, integer(row, "assignment_id"), day);
      if (!before) check_recent_for_personal(ctx, day);
      std::string status = text(row, "status");
      if (status != "present" && text(row, "reason").empty()) common::invalid("reason", "请假或缺勤须填写原因");
      const auto& me = ctx.me();
      bool personal = me.role == Role::doctor || me.role == Role::village_doctor;
      if (personal && status == "absent") common::invalid("status", "缺勤由受援单位登记");
      if (!before) {
        // One record per half-day (the table's unique key); said by name rather than as a
        // constraint violation. The assignment is already known to be in the writer's scope.
        auto taken = ctx.db.query("SELECT active FROM presence WHERE assignment_id = ? AND day = ? AND half = ?",
                                  {integer(row, "assignment_id"), day, text(row, "half")});
        if (!taken.empty())
          common::conflict("duplicate", taken.scalar().as_int() ? "该半天已签到(已有在岗记录)"
                                                                : "该半天已有一条撤销的在岗记录,请联系受援单位处理",
                           "half");
        row["checked_in_at"] = common::now_iso();
        row["confirmed"] = false;
      }
    };
    return s;
  }();
  return spec;
}

std::shared_ptr<const EntitySpec> activity_entity() {
  static auto spec = [] {
    auto s = make("activity", "activity", "activities", "帮扶工作记录");
    s->default_sort = "day";
    s->fields = {
        {.name = "assignment_id", .type = FieldType::integer, .label = "派驻记录", .required = true, .immutable = true,
         .filter = true, .references = "assignment"},
        {.name = "day", .type = FieldType::date, .label = "日期", .required = true, .filter = true, .sort = true},
        {.name = "kind", .label = "工作类型", .required = true, .filter = true, .max_length = 20,
         .choices = activity_kinds()},
        {.name = "title", .label = "题目/内容", .search = true, .max_length = 200},
        {.name = "quantity", .type = FieldType::integer, .label = "人次/例数/人数", .min = 0, .max = 100000},
        {.name = "amount", .type = FieldType::real, .label = "金额(元)", .min = 0, .max = 1e9, .unit = "元"},
        {.name = "mentee_staff_id", .type = FieldType::integer, .label = "带教对象", .references = "staff", .reference_check = api::ReferenceCheck::candidate},
        {.name = "detail", .label = "详细记录", .max_length = 4000},
        {.name = "client_id", .label = "客户端编号", .immutable = true, .unique = true, .max_length = 64},
    };
    // The mentee's name comes with the record: the dispatched doctor and the home hospital
    // may not read the recipient's staff records, yet must see whom a 带教 record names.
    s->joins = std::string(kAssignmentJoins) +
               " JOIN staff st ON st.id = a.staff_id LEFT JOIN staff ms ON ms.id = t.mentee_staff_id";
    s->extra_columns = {{"st.name", "staff_name"}, {"ri.name", "recipient_name"}, {"ms.name", "mentee_staff_name"}};
    s->scope = assignment_scope("a");
    s->writers = {Role::admin, Role::hospital, Role::township, Role::doctor, Role::village_doctor};
    s->idempotency_key = "client_id";
    s->locks = {personal_entry_window_lock()};
    s->prepare = [](api::Context& ctx, json& row, const json* before) {
      std::string day = text(row, "day");
      check_day_in_assignment(ctx, integer(row, "assignment_id"), day);
      if (!before) check_recent_for_personal(ctx, day);
      std::string kind = text(row, "kind");
      if (kind == "donation" && (!row.contains("amount") || row["amount"].is_null()))
        common::invalid("amount", "捐赠须填写价值金额");
      if (kind == "mentoring" && !integer(row, "mentee_staff_id")) common::invalid("mentee_staff_id", "带教须指定带教对象");
      // Checked when set or changed only: a mentee who has since left must not block
      // editing the rest of an old record.
      int64_t mentee = integer(row, "mentee_staff_id");
      if (mentee && (!before || integer(*before, "mentee_staff_id") != mentee) &&
          !is_recipient_staff(ctx.db, integer(row, "assignment_id"), mentee))
        common::invalid("mentee_staff_id", "带教对象须为受援单位在职人员");
      if ((kind == "lecture" || kind == "hospital_lecture" || kind == "new_technique") && text(row, "title").empty())
        common::invalid("title", "讲座和新技术新项目须填写题目");
      if (!row.contains("quantity") || row["quantity"].is_null()) row["quantity"] = 0;
    };
    return s;
  }();
  return spec;
}

}  // namespace yilian::support

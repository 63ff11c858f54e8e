// D1 (who may be dispatched), D3 (how long, and no gap between rotation batches) and
// D6 (every dispatched person evaluated by the recipient and jointly at the end).
#include <algorithm>

#include "calendar/date.h"
#include "compliance/context.h"

namespace yilian::compliance {
namespace {

Finding about(const Assignment& a, const std::string& rule, const std::string& check) {
  return {.rule = rule, .check = check, .severity = Severity::error, .subject_type = "staff",
          .subject_id = a.staff_id, .subject_name = a.staff_name, .period = a.start.substr(0, 4),
          .relationship_id = a.relationship_id, .institution_id = a.recipient_id,
          .region_code = a.relationship->recipient_region};
}

void who(Evaluation& e, const Assignment& a) {
  const Relationship& r = *a.relationship;
  std::optional<policy::Param> p;
  if (a.level == "township") p = e.param(r, "township_dispatch.min_title_level");
  if (!p) p = e.param(r, "dispatch.min_title_level");
  if (p) {
    e.checked("dispatch.title_level");
    std::string required = std::get<std::string>(p->value);
    if (title_rank(a.title_level) < title_rank(required)) {
      Finding f = about(a, "D1", "dispatch.title_level");
      f.expected = title_level_label(required) + "及以上";
      f.actual = title_level_label(a.title_level);
      f.message = a.staff_name + " 职称为" + f.actual + ",派驻" + r.recipient_name + "须" + f.expected;
      e.add(std::move(f), *p);
    }
  }
  if (auto max_age = e.param(r, "dispatch.max_age"); max_age && !a.birth_date.empty()) {
    e.checked("dispatch.max_age");
    int age = calendar::age_on(a.birth_date, a.start);
    if (age > std::get<int64_t>(max_age->value)) {
      Finding f = about(a, "D1", "dispatch.max_age");
      f.expected = "≤" + std::to_string(std::get<int64_t>(max_age->value)) + "岁";
      f.actual = std::to_string(age) + "岁";
      f.message = a.staff_name + " 派驻开始时" + f.actual + ",超过" + std::to_string(std::get<int64_t>(max_age->value)) +
                  "岁的年龄上限";
      e.add(std::move(f), *max_age);
    }
  }
}

// The term an assignment must last: village and township dispatch have their own.
std::optional<policy::Param> term_param(const Evaluation& e, const Assignment& a) {
  if (a.level == "village")
    if (auto p = e.param(*a.relationship, "village_dispatch.min_continuous_months")) return p;
  if (a.level == "township")
    if (auto p = e.param(*a.relationship, "township_dispatch.min_continuous_months")) return p;
  return e.param(*a.relationship, "dispatch.min_term_months");
}

void term(Evaluation& e, const Assignment& a) {
  auto p = term_param(e, a);
  if (!p) return;
  int64_t months = std::get<int64_t>(p->value);
  e.checked("dispatch.term");
  std::string needed_end = calendar::add_days(add_months(a.start, static_cast<int>(months)), -1);
  if (a.end >= needed_end) return;
  int served = calendar::served_months(a.start, a.end);
  Finding f = about(a, "D3", "dispatch.term");
  f.expected = "≥" + std::to_string(months) + "个月";
  f.actual = (a.ended ? "服务" : "计划") + std::to_string(served) + "个月(" + a.start + "至" + a.end + ")";
  f.message = a.staff_name + " 派驻" + a.relationship->recipient_name + (a.ended ? "实际服务" : "计划服务") +
              std::to_string(served) + "个月,少于" + std::to_string(months) + "个月";
  e.add(std::move(f), *p);
}

// D3: rotation must keep the recipient staffed; the gap between one batch leaving and
// the next arriving may not exceed the policy's number of days.
void rotation_gaps(Evaluation& e) {
  std::map<int64_t, std::vector<const Assignment*>> by_rel;
  for (const auto& a : e.assignments)
    if (!a.refused && a.status != "cancelled") by_rel[a.relationship_id].push_back(&a);
  for (const auto& r : e.relationships) {
    auto p = e.param(r, "dispatch.max_gap_days_between_rotations");
    if (!p || !by_rel.count(r.id)) continue;
    auto list = by_rel[r.id];
    std::sort(list.begin(), list.end(), [](auto* x, auto* y) { return x->start < y->start; });
    int64_t allowed = std::get<int64_t>(p->value);
    std::string covered_to = list.front()->end;
    for (size_t i = 1; i < list.size(); ++i) {
      const Assignment& next = *list[i];
      e.checked("dispatch.rotation_gap");
      int gap = calendar::days_between(covered_to, next.start) - 1;
      if (gap > allowed && next.start > e.request.from && covered_to < e.last_day) {
        Finding f{.rule = "D3", .check = "dispatch.rotation_gap", .severity = Severity::error,
                  .subject_type = "relationship", .subject_id = r.id, .subject_name = r.recipient_name,
                  .period = calendar::add_days(covered_to, 1) + "~" + calendar::add_days(next.start, -1),
                  .expected = "空档≤" + std::to_string(allowed) + "天", .actual = "空档" + std::to_string(gap) + "天",
                  .relationship_id = r.id, .institution_id = r.recipient_id, .region_code = r.recipient_region};
        f.message = r.recipient_name + " " + f.period + "轮换交接空档" + std::to_string(gap) + "天,无派驻人员在岗";
        e.add(std::move(f), *p);
      }
      covered_to = std::max(covered_to, next.end);
    }
  }
}

void evaluations(Evaluation& e) {
  std::map<int64_t, std::vector<std::pair<std::string, double>>> by_assignment;  // kind, score
  store::Params params;
  std::string in = e.relationship_in("a.relationship_id", params);
  auto rows = e.db.query("SELECT v.assignment_id, v.kind, v.score FROM evaluation v JOIN assignment a ON a.id = "
                         "v.assignment_id WHERE v.active = 1 AND " + in,
                         params);
  for (const auto& row : rows.rows) by_assignment[row[0].as_int()].push_back({row[1].as_text(), row[2].as_real()});
  for (const auto& a : e.assignments) {
    if (a.refused || a.status == "cancelled" || !a.ended || a.end > e.last_day) continue;
    const auto& evs = by_assignment[a.id];
    auto has = [&](const char* kind) {
      return std::any_of(evs.begin(), evs.end(), [&](auto& v) { return v.first == kind; });
    };
    if (e.flag(*a.relationship, "evaluation.joint_appraisal_required")) {
      e.checked("evaluation.joint_appraisal");
      if (!has("joint_appraisal")) {
        Finding f = about(a, "D6", "evaluation.joint_appraisal");
        f.period = a.end.substr(0, 7);
        f.expected = "期满联合考核";
        f.actual = "无考核记录";
        f.message = a.staff_name + " 于" + a.end + "派驻期满,缺少支援与受援双方的联合考核";
        e.add(std::move(f), *e.param(*a.relationship, "evaluation.joint_appraisal_required"));
      }
    }
    if (e.flag(*a.relationship, "evaluation.recipient_feedback_required")) {
      e.checked("evaluation.recipient_feedback");
      if (!has("recipient_feedback")) {
        Finding f = about(a, "D6", "evaluation.recipient_feedback");
        f.severity = Severity::warning;
        f.period = a.end.substr(0, 7);
        f.expected = "受援单位如实评价";
        f.actual = "无评价";
        f.message = a.staff_name + " 派驻期间缺少" + a.relationship->recipient_name + "的评价";
        e.add(std::move(f), *e.param(*a.relationship, "evaluation.recipient_feedback_required"));
      }
    }
    if (auto pass = e.param(*a.relationship, "evaluation.pass_score")) {
      double required = std::holds_alternative<int64_t>(pass->value) ? double(std::get<int64_t>(pass->value))
                                                                       : std::get<double>(pass->value);
      for (const auto& [kind, score] : evs) {
        e.checked("evaluation.score");
        if (kind != "joint_appraisal" || score >= required) continue;
        Finding f = about(a, "D6", "evaluation.score");
        f.period = a.end.substr(0, 7);
        f.expected = "≥" + policy::format_value(pass->value) + "分";
        f.actual = policy::format_value(score) + "分";
        f.message = a.staff_name + " 期满联合考核" + f.actual + ",未达到合格线" + policy::format_value(pass->value) + "分";
        e.add(std::move(f), *pass);
      }
    }
  }
}

}  // namespace

void check_terms(Evaluation& e) {
  for (const auto& a : e.assignments) {
    if (a.refused || a.status == "cancelled") continue;
    who(e, a);
    term(e, a);
  }
  rotation_gaps(e);
  evaluations(e);
}

}  // namespace yilian::compliance

// Yearly duties of a relationship: a filed agreement (A2), leadership visits and
// lectures (D9), free trainees and their terms (T1), and regular teaching records (D10).
// A year still running is judged pro rata and reported as a warning, so a bureau sees
// a relationship falling behind before the year is lost.
#include <algorithm>
#include <cmath>
#include <set>

#include "calendar/date.h"
#include "compliance/context.h"
#include "compliance/relationship_facts.h"
#include "support/activity_month.h"

namespace yilian::compliance {
namespace {

struct YearWindow {
  int year;
  std::string from, to;  // the part of the year the relationship and the request cover
  bool complete;          // the window reaches its natural end
  double fraction;        // of the window's full length that has elapsed
};

std::vector<YearWindow> years(const Evaluation& e, const Relationship& r) {
  std::vector<YearWindow> out;
  std::string from = std::max(r.start, e.request.from), to = std::min(r.end, e.request.to);
  for (int y = std::stoi(from.substr(0, 4)); y <= std::stoi(to.substr(0, 4)); ++y) {
    std::string ys = std::to_string(y);
    std::string wf = std::max(from, ys + "-01-01"), wt = std::min(to, ys + "-12-31");
    if (wt < wf || wf > e.last_day) continue;
    std::string seen = std::min(wt, e.last_day);
    double full = calendar::days_between(wf, wt) + 1, elapsed = calendar::days_between(wf, seen) + 1;
    out.push_back({y, wf, wt, seen == wt, elapsed / full});
  }
  return out;
}

// Counts against a yearly minimum; returns true when a finding was filed.
// `unit` follows every number, in the sentence and in expected/actual ("2次", "≥5人").
bool judge_yearly(Evaluation& e, const Relationship& r, const YearWindow& w, const std::string& rule,
                  const std::string& check, const std::string& what, const std::string& unit, int64_t required,
                  int64_t got, const policy::Param& p) {
  e.checked(check);
  int64_t due = w.complete ? required : static_cast<int64_t>(std::floor(required * w.fraction));
  if (got >= due || due == 0) return false;
  Finding f{.rule = rule, .check = check, .severity = w.complete ? Severity::error : Severity::warning,
            .subject_type = "relationship", .subject_id = r.id,
            .subject_name = r.supporting_name + "→" + r.recipient_name, .period = std::to_string(w.year),
            .expected = (w.complete ? "≥" + std::to_string(required) : "截至目前应≥" + std::to_string(due)) + unit,
            .actual = std::to_string(got) + unit, .relationship_id = r.id, .institution_id = r.recipient_id,
            .region_code = r.recipient_region};
  f.message = f.subject_name + " " + std::to_string(w.year) + "年" + what + std::to_string(got) + unit +
              (w.complete ? "," : ",截至目前") + "少于" +
              (w.complete ? "每年" + std::to_string(required) : "应有的" + std::to_string(due)) + unit;
  e.add(std::move(f), p);
  return true;
}

using Facts = RelationshipFacts;

bool within(const std::string& day, const YearWindow& w) { return day >= w.from && day <= w.to; }

void agreements(Evaluation& e, const Relationship& r, const Facts& facts, const YearWindow& w) {
  if (r.status != "signed" && r.status != "filed") return;
  auto p = e.param(r, "relationship.term_years");
  if (!p) return;
  e.checked("agreement.filed");
  const std::string year = std::to_string(w.year);
  int64_t filed = std::count_if(facts.filed_agreements.begin(), facts.filed_agreements.end(), [&](const auto& a) {
    return a.filed_date <= w.to && (a.kind == "mid_term" || a.signed_or_filed_date.substr(0, 4) == year);
  });
  if (filed > 0) return;
  Finding f{.rule = "A2", .check = "agreement.filed", .severity = Severity::warning, .subject_type = "relationship",
            .subject_id = r.id, .subject_name = r.supporting_name + "→" + r.recipient_name,
            .period = std::to_string(w.year), .expected = "签订协议并报卫生行政部门备案", .actual = "无已备案协议",
            .relationship_id = r.id, .institution_id = r.recipient_id, .region_code = r.recipient_region};
  f.message = f.subject_name + " " + std::to_string(w.year) + "年无已报备案的对口支援协议";
  e.add(std::move(f), *p);
}

void visits_and_lectures(Evaluation& e, const Relationship& r, const Facts& facts, const YearWindow& w) {
  if (auto p = e.integer(r, "support.leadership_visits_per_year")) {
    int64_t got = std::count_if(facts.leadership_visit_days.begin(), facts.leadership_visit_days.end(),
                                [&](const std::string& day) { return within(day, w); });
    judge_yearly(e, r, w, "D9", "support.leadership_visits", "领导班子到受援单位督导", "次", *p, got,
                 *e.param(r, "support.leadership_visits_per_year"));
  }
  auto lectures = [&](bool hospital_wide_only) {
    int64_t n = 0;
    for (const auto& l : facts.lectures)
      if (within(l.day, w) && (l.hospital_wide || !hospital_wide_only)) n += l.count;
    return n;
  };
  if (auto p = e.integer(r, "support.lectures_per_year"))
    judge_yearly(e, r, w, "D9", "support.lectures", "举办讲座", "次", *p, lectures(false),
                 *e.param(r, "support.lectures_per_year"));
  if (auto p = e.integer(r, "support.hospital_wide_lectures_per_year"))
    judge_yearly(e, r, w, "D9", "support.hospital_wide_lectures", "全院培训大课", "次", *p, lectures(true),
                 *e.param(r, "support.hospital_wide_lectures_per_year"));
}

// D2: a secondary-or-higher hospital sends at least N people a year to each township
// central health centre it supports.
void yearly_staff(Evaluation& e, const Relationship& r, const Facts& facts, const YearWindow& w) {
  auto p = e.integer(r, "dispatch.min_staff_per_year_to_township_center");
  if (!p || r.recipient_kind != "C210") return;
  std::set<int64_t> staff;
  for (const auto& d : facts.dispatched)
    if (d.start <= w.to && d.end >= w.from) staff.insert(d.staff);
  judge_yearly(e, r, w, "D2", "dispatch.staff_per_year", "派驻中心卫生院", "人", *p, static_cast<int64_t>(staff.size()),
               *e.param(r, "dispatch.min_staff_per_year_to_township_center"));
}

// A7: dated work steps (调研→签协议→落实下派人员→实施→总结) past their deadline and not done.
void work_steps(Evaluation& e, const Relationship& r, const Facts& facts) {
  auto p = e.param(r, "relationship.term_years");
  if (!p) return;
  e.checked("relationship.work_steps", static_cast<int64_t>(facts.steps.size()));
  for (const auto& step : facts.steps) {
    if (step.done) continue;
    Finding f{.rule = "A7", .check = "relationship.work_steps", .severity = Severity::warning,
              .subject_type = "relationship", .subject_id = r.id,
              .subject_name = r.supporting_name + "→" + r.recipient_name, .period = step.due_date,
              .expected = step.due_date + "前完成", .actual = "未完成", .relationship_id = r.id,
              .institution_id = r.recipient_id, .region_code = r.recipient_region};
    f.message = f.subject_name + " 工作步骤“" + step.title + "”已过截止日期" + step.due_date + "仍未完成";
    e.add(std::move(f), *p);
  }
}

void trainees(Evaluation& e, const Relationship& r, const Facts& facts, const YearWindow& w) {
  std::vector<const Facts::Trainee*> rows;
  const std::string year_start = std::to_string(w.year) + "-01-01";
  for (const auto& t : facts.trainees)
    if (t.start >= year_start && t.start <= w.to) rows.push_back(&t);
  if (auto p = e.integer(r, "training.free_trainees_per_year")) {
    int64_t free = 0;
    for (const auto* t : rows) free += t->free ? 1 : 0;
    judge_yearly(e, r, w, "T1", "training.free_trainees", "免费接收进修", "人", *p, free,
                 *e.param(r, "training.free_trainees_per_year"));
  }
  if (auto p = e.param(r, "training.min_trainee_months")) {
    int64_t months = std::get<int64_t>(p->value);
    for (const auto* t : rows) {
      e.checked("training.trainee_term");
      const std::string& start = t->start;
      const std::string& end = t->end;
      if (end >= calendar::add_days(add_months(start, static_cast<int>(months)), -1)) continue;
      int got = calendar::served_months(start, end);
      Finding f{.rule = "T1", .check = "training.trainee_term", .severity = Severity::error, .subject_type = "trainee",
                .subject_id = t->id, .subject_name = t->name, .period = start.substr(0, 4),
                .expected = "≥" + std::to_string(months) + "个月", .actual = std::to_string(got) + "个月",
                .relationship_id = r.id, .institution_id = r.recipient_id, .region_code = r.recipient_region};
      f.message = t->name + " 在" + r.supporting_name + "进修" + std::to_string(got) + "个月(" + start + "至" + end +
                  "),少于" + std::to_string(months) + "个月";
      e.add(std::move(f), *p);
    }
  }
}

// D10: teaching and lecture records kept irregularly — a month on site with no
// teaching record at all. Checked where the policy asks for lectures.
void teaching_records(Evaluation& e) {
  // Whole months only, so the monthly summary kept by triggers (support/activity_month.h)
  // answers it: a dense province's ≈2 M teaching records are ≈0.6 M assignment-month-kinds.
  auto yyyymm = [](const std::string& day) { return std::stoll(day.substr(0, 4) + day.substr(5, 2)); };
  store::Params params{yyyymm(e.request.from), yyyymm(e.last_day)};
  const std::string teaching =
      std::string("m.month >= ? AND m.month <= ? AND m.records > 0 AND m.kind IN ") + support::kTeachingKindsSql;
  // A few relationships: their assignments' months by the summary's key. A region: the
  // period's months unjoined; those of assignments not evaluated are skipped below.
  std::string sql = "SELECT DISTINCT m.assignment_id, m.month FROM activity_month m WHERE " + teaching;
  if (e.few_relationships())
    sql = "SELECT DISTINCT a.id, m.month FROM activity_month m JOIN assignment a ON a.id = m.assignment_id WHERE " +
          teaching + " AND " + e.relationship_in("a.relationship_id", params);
  std::vector<std::pair<int64_t, int64_t>> taught;
  for (const auto& row : e.db.query(sql, params).rows) taught.emplace_back(row[0].as_int(), row[1].as_int());
  std::sort(taught.begin(), taught.end());
  for (const auto& a : e.assignments) {
    if (a.refused || a.status == "cancelled" || a.level == "village") continue;
    auto p = e.param(*a.relationship, "support.lectures_per_year");
    if (!p) continue;
    std::string from = std::max(a.start, e.request.from), to = std::min(a.end, e.last_day);
    for (std::string m = from.substr(0, 7); !from.empty() && m <= to.substr(0, 7);
         m = add_months(m + "-01", 1).substr(0, 7)) {
      if (m + "-01" < from || add_months(m + "-01", 1) > calendar::add_days(to, 1)) continue;  // whole months only
      e.checked("support.teaching_records");
      if (std::binary_search(taught.begin(), taught.end(), std::pair<int64_t, int64_t>{a.id, yyyymm(m)})) continue;
      Finding f{.rule = "D10", .check = "support.teaching_records", .severity = Severity::warning,
                .subject_type = "staff", .subject_id = a.staff_id, .subject_name = a.staff_name, .period = m,
                .expected = "每月有教学/讲座/带教记录", .actual = "无记录", .relationship_id = a.relationship_id,
                .institution_id = a.recipient_id, .region_code = a.relationship->recipient_region};
      f.message = a.staff_name + " " + month_label(m) + "在" + a.relationship->recipient_name + "无教学查房、讲座或带教记录";
      e.add(std::move(f), *p);
    }
  }
}

}  // namespace

void check_relationships(Evaluation& e) {
  const auto all_facts = load_relationship_facts(e);
  const Facts none;
  for (const auto& r : e.relationships) {
    auto it = all_facts.find(r.id);
    const Facts& facts = it == all_facts.end() ? none : it->second;
    work_steps(e, r, facts);
    for (const auto& w : years(e, r)) {
      agreements(e, r, facts, w);
      yearly_staff(e, r, facts, w);
      visits_and_lectures(e, r, facts, w);
      trainees(e, r, facts, w);
    }
  }
  teaching_records(e);
}

}  // namespace yilian::compliance

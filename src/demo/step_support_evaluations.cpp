// Evaluations of dispatched staff (D6) and the supporting leaders' visits (D9).
//   Every assignment past its middle gets the recipient's feedback; every finished one a
//   joint appraisal by both sides. Scores 60–98, graded 优秀 ≥90, 合格 ≥75, 基本合格 ≥60.
//   Leaders of the supporting side visit each recipient twice in 2026, in spring and autumn.
// Planted on purpose: the appraisal the assignment step marked unqualified_evaluation
// scores 56 (不合格, D6/D5); the 4-month doctor gets 基本合格; per county one
// county→township relationship of a county hospital has a single leadership visit (D9).
#include <map>

#include "demo/batch_insert.h"
#include "demo/step_support_common.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

using namespace support_data;

std::string grade_of(double score) {
  return score >= 90 ? "excellent" : score >= 75 ? "qualified" : score >= 60 ? "basic" : "unqualified";
}

std::string comment_for(const std::string& grade) {
  if (grade == "excellent") return "工作认真负责,坐诊、查房、带教和讲座扎实,受援单位满意度高。";
  if (grade == "qualified") return "按要求完成驻点任务,出勤良好,带教有记录。";
  if (grade == "basic") return "基本完成驻点任务,带教和讲座记录不够完整,需加强。";
  return "出勤不足,带教和讲座记录缺失,受援单位反映较差,考核不合格。";
}

Day next_workday(Day d) {
  while (!is_workday(d)) d += std::chrono::days{1};
  return d;
}

class EvaluationWriter {
 public:
  EvaluationWriter(store::Db& db, const DemoData& d, const Directory& dir)
      : d_(d),
        dir_(dir),
        rows_(db, "evaluation",
              {"assignment_id", "kind", "day", "score", "grade", "evaluator", "comments", "created_at", "updated_at"}) {
    for (const auto& b : d.breaches) breach_of_[b.assignment_id] = b.kind;
  }

  void assignment(Random& rng, const DemoAssignment& a) {
    auto breach = breach_of_.find(a.id);
    auto is = [&](BreachKind k) { return breach != breach_of_.end() && breach->second == k; };
    Day start = day(a.start), end = day(a.end);
    const std::string& recipient = dir_.institution(a.recipient_id).name;

    Day middle = next_workday(start + (end - start) / 2);
    if (middle <= today()) {
      double score = is(BreachKind::two_days_a_week) || is(BreachKind::unqualified_evaluation)
                         ? static_cast<double>(rng.between(62, 68))
                         : static_cast<double>(rng.between(rng.chance(150) ? 68 : 78, 98));
      std::string comments =
          is(BreachKind::two_days_a_week) ? "每周仅到岗2天,未达到协议约定的每周3天。" : comment_for(grade_of(score));
      add(a.id, "recipient_feedback", middle, score, recipient, comments);
    }
    if (end > today()) return;  // still on site
    Day appraisal = next_workday(end + std::chrono::days{rng.between(0, 5)});
    if (appraisal > today()) return;
    double score = static_cast<double>(rng.between(75, 97));
    std::string comments;
    if (is(BreachKind::unqualified_evaluation)) score = 56;
    if (is(BreachKind::short_term)) {
      score = 64;
      comments = "派驻4个月即提前返回原单位,服务期未满,按基本合格评定。";
    }
    if (comments.empty()) comments = comment_for(grade_of(score));
    add(a.id, "joint_appraisal", appraisal, score, dir_.institution(a.home_id).name + "、" + recipient + "联合考核组",
        comments);
  }

  void flush() { rows_.flush(); }
  int64_t rows() const { return rows_.rows_written(); }

 private:
  void add(int64_t assignment_id, const char* kind, Day d, double score, const std::string& evaluator,
           const std::string& comments) {
    rows_.add({assignment_id, kind, iso(d), score, grade_of(score), evaluator, comments, d_.created_at, d_.created_at});
  }

  const DemoData& d_;
  const Directory& dir_;
  BatchInsert rows_;
  std::map<int64_t, BreachKind> breach_of_;
};

// Leaders who visit for a supporting institution: its leadership group's 组长 and
// 副组长 (A6), for a township centre its head.
std::map<int64_t, std::vector<std::string>> visiting_leaders(store::Db& db, const DemoData& d, const Directory& dir) {
  std::map<int64_t, std::vector<std::string>> out;
  for (const auto& row :
       db.query("SELECT institution_id, name FROM leadership_member WHERE role IN ('leader', 'deputy') ORDER BY id")
           .rows)
    out[row[0].as_int()].push_back(row[1].as_text());
  for (const auto& t : d.townships)
    if (const DemoStaff* head = dir.director_of(t.health_centre_id)) out[t.health_centre_id] = {head->name};
  return out;
}

void write_visits(store::Db& db, const Options& o, DemoData& d, const Directory& dir) {
  BatchInsert rows(db, "leadership_visit", {"relationship_id", "day", "leader", "purpose", "created_at", "updated_at"});
  auto leaders = visiting_leaders(db, d, dir);
  for (const auto& county : d.counties) {
    Random rng(o.seed, "support-visits:" + county.code);
    std::vector<const DemoRelationship*> visited, once_candidates;
    for (const auto& r : d.support_relationships)
      if (r.county_code == county.code && r.status != "draft") {
        visited.push_back(&r);
        bool hospital = r.supporting_id == county.hospital_id || r.supporting_id == county.tcm_hospital_id;
        if (r.tier == "county_township" && hospital && r.status == "filed" && !has_breach(d, r.recipient_id))
          once_candidates.push_back(&r);
      }
    const DemoRelationship* once = once_candidates.empty() ? nullptr : pick(rng, once_candidates);
    for (const DemoRelationship* r : visited) {
      const auto& names = leaders[r->supporting_id];
      if (names.empty()) continue;
      Day spring = next_workday(day("2026-03-09") + std::chrono::days{rng.between(0, 70)});
      Day autumn = next_workday(day("2026-09-07") + std::chrono::days{rng.between(0, 66)});
      rows.add({r->id, iso(spring), pick(rng, names), "督导派驻人员在岗和工作开展情况,听取受援单位意见", d.created_at,
                d.created_at});
      if (r == once) {
        d.breaches.push_back(
            {BreachKind::single_leadership_visit, "D9", r->id, 0, r->recipient_id, 0, "2026-01-01", kToday});
        continue;
      }
      rows.add({r->id, iso(autumn), pick(rng, names), "年度帮扶工作督查,商定2027年需求专科和进修计划", d.created_at,
                d.created_at});
    }
  }
  rows.flush();
}

}  // namespace

void create_support_evaluations(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  Directory dir(d);
  EvaluationWriter writer(db, d, dir);
  for (const auto& a : d.assignments) {
    if (a.refused) continue;
    Random rng(o.seed, "support-evaluations:" + dir.staff(a.staff_id)->id_number + ":" + a.batch);
    writer.assignment(rng, a);
  }
  writer.flush();
  write_visits(db, o, d, dir);
  progress << writer.rows() << " evaluations";
}

}  // namespace yilian::demo

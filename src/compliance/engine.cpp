#include "compliance/engine.h"

#include <algorithm>
#include <chrono>

#include "auth/scope.h"
#include "calendar/date.h"
#include "common/clock.h"
#include "common/error.h"
#include "compliance/checks.h"
#include "compliance/context.h"
#include "codes/codes.h"
#include "common/region_code.h"

namespace yilian::compliance {
namespace {

using store::Params;

// The relationships the user may see, overlapping the period, narrowed by the request.
std::string relationship_filter(const auth::Principal& user, const Request& rq, Params& params) {
  auto scope = auth::scope_condition(
      user, {.region = "ri.region_code", .institution = "t.recipient_institution_id", .kind = "ri.kind",
             .personal_sees_institution = true, .other_region = "si.region_code",
             .other_institution = "t.supporting_institution_id", .other_kind = "si.kind"});
  std::string sql = " FROM support_relationship t JOIN institution ri ON ri.id = t.recipient_institution_id "
                    "JOIN institution si ON si.id = t.supporting_institution_id WHERE t.active = 1 AND t.start_date <= ? "
                    "AND t.end_date >= ? AND " + scope.sql;
  params = {rq.to, rq.from};
  params.insert(params.end(), scope.params.begin(), scope.params.end());
  if (rq.relationship_id) {
    sql += " AND t.id = ?";
    params.push_back(rq.relationship_id);
  }
  if (rq.institution_id) {
    sql += " AND (t.recipient_institution_id = ? OR t.supporting_institution_id = ?)";
    params.push_back(rq.institution_id);
    params.push_back(rq.institution_id);
  }
  if (!rq.region_code.empty()) {
    auto [lo, hi] = common::prefix_range(common::region_prefix(rq.region_code));
    sql += " AND ((ri.region_code >= ? AND ri.region_code < ?) OR (si.region_code >= ? AND si.region_code < ?))";
    params.insert(params.end(), {lo, hi, lo, hi});
  }
  if (rq.staff_id) {
    sql += " AND t.id IN (SELECT relationship_id FROM assignment WHERE staff_id = ? AND active = 1)";
    params.push_back(rq.staff_id);
  }
  return sql;
}

void load(Evaluation& e, const policy::PresetSet& presets, const auth::Principal& user) {
  Params params;
  std::string from = relationship_filter(user, e.request, params);
  e.relationship_source = from;
  e.relationship_params = params;
  auto rows = e.db.query(
      "SELECT t.id, t.supporting_institution_id, t.recipient_institution_id, si.name, ri.name, ri.kind, ri.region_code, "
      "t.tier, t.start_date, t.end_date, t.status, t.preset_id, t.overrides" + from + " ORDER BY t.id",
      params);
  e.relationships.reserve(rows.size());
  for (const auto& r : rows.rows) {
    Relationship rel;
    rel.id = r[0].as_int();
    rel.supporting_id = r[1].as_int();
    rel.recipient_id = r[2].as_int();
    rel.supporting_name = r[3].as_text();
    rel.recipient_name = r[4].as_text();
    rel.recipient_kind = r[5].as_text();
    rel.recipient_region = r[6].as_text();
    rel.tier = r[7].as_text();
    rel.start = r[8].as_text();
    rel.end = r[9].as_text();
    rel.status = r[10].as_text();
    rel.preset_id = r[11].as_text();
    if (const policy::Preset* preset = presets.find(rel.preset_id)) {
      nlohmann::json overrides = nlohmann::json::parse(r[12].as_text("{}"), nullptr, false);
      try {
        rel.policy = std::make_shared<policy::EffectivePolicy>(
            policy::merge(*preset, overrides.is_object() ? overrides : nlohmann::json::object()));
      } catch (const common::ApiError&) {
        rel.policy = std::make_shared<policy::EffectivePolicy>(policy::merge(*preset, nlohmann::json::object()));
      }
    }
    e.relationships.push_back(std::move(rel));
  }
  if (e.relationships.empty()) return;

  std::map<int64_t, const Relationship*> by_id;
  for (const auto& r : e.relationships) by_id[r.id] = &r;
  Params ap;
  std::string in = e.relationship_in("a.relationship_id", ap);
  std::string sql =
      "SELECT a.id, a.relationship_id, a.staff_id, a.recipient_institution_id, st.name, st.title_code, st.title_level, "
      "st.birth_date, a.level, a.role, a.status, COALESCE(a.actual_start, a.planned_start), "
      "COALESCE(a.actual_end, a.planned_end), a.actual_end, a.refused FROM assignment a JOIN staff st ON st.id = "
      "a.staff_id WHERE a.active = 1 AND " + in +
      " AND COALESCE(a.actual_start, a.planned_start) <= ? AND COALESCE(a.actual_end, a.planned_end) >= ?";
  ap.push_back(e.request.to);
  ap.push_back(e.request.from);
  if (e.request.staff_id) {
    sql += " AND a.staff_id = ?";
    ap.push_back(e.request.staff_id);
  }
  auto arows = e.db.query(sql + " ORDER BY a.id", ap);
  e.assignments.reserve(arows.size());
  for (const auto& r : arows.rows) {
    Assignment a;
    a.id = r[0].as_int();
    a.relationship_id = r[1].as_int();
    a.staff_id = r[2].as_int();
    a.recipient_id = r[3].as_int();
    a.staff_name = r[4].as_text();
    a.title_code = r[5].as_text();
    a.title_level = r[6].as_text();
    a.birth_date = r[7].as_text();
    a.level = r[8].as_text();
    a.role = r[9].as_text();
    a.status = r[10].as_text();
    a.start = r[11].as_text();
    a.end = r[12].as_text();
    a.ended = !r[13].is_null() || a.end < e.request.today || a.status == "completed";
    a.refused = r[14].as_int() != 0;
    a.relationship = by_id.at(a.relationship_id);
    e.assignments.push_back(std::move(a));
  }
}

}  // namespace

std::optional<policy::Param> Evaluation::param(const Relationship& r, const std::string& key) const {
  if (!r.policy) return std::nullopt;
  return r.policy->get(key);
}

std::optional<int64_t> Evaluation::integer(const Relationship& r, const std::string& key) const {
  auto p = param(r, key);
  if (!p) return std::nullopt;
  if (auto* i = std::get_if<int64_t>(&p->value)) return *i;
  if (auto* d = std::get_if<double>(&p->value)) return static_cast<int64_t>(*d);
  return std::nullopt;
}

bool Evaluation::flag(const Relationship& r, const std::string& key) const {
  auto p = param(r, key);
  if (!p) return false;
  auto* b = std::get_if<bool>(&p->value);
  return b && *b;
}

std::optional<std::string> Evaluation::text(const Relationship& r, const std::string& key) const {
  auto p = param(r, key);
  if (!p) return std::nullopt;
  if (auto* s = std::get_if<std::string>(&p->value)) return *s;
  return std::nullopt;
}

std::string citation_of(const Finding& f, const policy::Param* p) {
  if (p && p->spec && std::find(p->spec->rules.begin(), p->spec->rules.end(), f.rule) != p->spec->rules.end())
    return p->reference();
  // The number belongs to another rule: quote this rule's own clause (checks.h).
  if (const CheckInfo* c = find_check(f.check); c && !c->clause.empty())
    return f.rule + "," + (c->document.empty() ? "" : "《" + c->document + "》") + c->clause;
  return p ? p->reference() : "";
}

void Evaluation::add(Finding f, const policy::Param& p) { file(std::move(f), &p); }

void Evaluation::add_platform(Finding f, const policy::Param& p) {
  // The rule is the document's; only its time limit is the platform's: quote the rule's
  // clause first, then where the number comes from.
  const CheckInfo* c = find_check(f.check);
  if (!c || c->clause.empty()) return add(std::move(f), p);
  f.citation = f.rule + "," + (c->document.empty() ? "" : "《" + c->document + "》") + c->clause + ";期限:" +
               p.citation.text();
  f.message += " (" + f.citation + ")";
  report.checks[f.check].failed += 1;
  report.findings.push_back(std::move(f));
}

void Evaluation::file(Finding f, const policy::Param* p) {
  f.citation = citation_of(f, p);
  if (!f.citation.empty()) f.message += " (" + f.citation + ")";
  report.checks[f.check].failed += 1;
  report.findings.push_back(std::move(f));
}

std::string Evaluation::relationship_in(const std::string& column, store::Params& params) const {
  // A few relationships go by id; many (a province has ≈5,000) by the query that loaded
  // them: thousands of bound parameters cost SQLite a linear name lookup each.
  if (!few_relationships()) {
    params.insert(params.end(), relationship_params.begin(), relationship_params.end());
    // The unary + keeps SQLite from driving the query by this column's index: for so many
    // relationships an index on the other table's own filter (kind, day …) reads less.
    return "+" + column + " IN (SELECT t.id" + relationship_source + ")";
  }
  std::string sql = column + " IN (";
  for (size_t i = 0; i < relationships.size(); ++i) {
    sql += i ? ",?" : "?";
    params.push_back(relationships[i].id);
  }
  return sql + ")";
}

std::string week_label(const std::string& w) {
  return w.substr(0, 4) + "年第" + std::to_string(std::stoi(w.substr(6))) + "周";
}

std::string month_label(const std::string& m) {
  return m.substr(0, 4) + "年" + std::to_string(std::stoi(m.substr(5, 2))) + "月";
}


std::string title_level_label(const std::string& level) { return codes::label_of(codes::title_levels(), level); }

Report evaluate(store::Db& db, const policy::PresetSet& presets, const auth::Principal& user, const Request& rq) {
  Report report;
  Request request = rq;
  if (request.today.empty()) request.today = common::today();
  if (!common::is_valid_date(request.from)) common::bad_request("bad_query", "开始日期无效(YYYY-MM-DD)", "from");
  if (!common::is_valid_date(request.to)) common::bad_request("bad_query", "结束日期无效(YYYY-MM-DD)", "to");
  if (request.to < request.from) common::bad_request("bad_query", "结束日期不能早于开始日期", "to");
  if (calendar::days_between(request.from, request.to) > 3 * 366)
    common::bad_request("bad_query", "一次最多评估三年", "to");
  Evaluation e(db, request, report, presets, user);
  e.last_day = std::min(request.to, request.today);
  e.work_days = calendar::WorkDays::load(db, calendar::iso_week(request.from).monday(),
                                         calendar::iso_week(std::max(request.from, request.to)).sunday());
  load(e, presets, user);
  report.relationships = static_cast<int64_t>(e.relationships.size());
  report.assignments = static_cast<int64_t>(e.assignments.size());
  for (const auto& r : e.relationships) {
    e.checked("policy.preset");
    if (!r.policy) {
      Finding f{.rule = "A2", .check = "policy.preset", .severity = Severity::warning,
                .subject_type = "relationship", .subject_id = r.id,
                .subject_name = r.supporting_name + "→" + r.recipient_name, .period = "",
                .expected = "已选择政策方案", .actual = r.preset_id.empty() ? "未选择" : "方案" + r.preset_id + "不存在",
                .relationship_id = r.id, .institution_id = r.recipient_id, .region_code = r.recipient_region};
      f.message = f.subject_name + " 未选择有效的政策方案,相关规则无法检查";
      e.file(std::move(f), nullptr);
    }
  }
  auto timed = [&](const char* name, void (*family)(Evaluation&)) {
    auto start = std::chrono::steady_clock::now();
    family(e);
    report.timings_ms[name] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  };
  if (!e.relationships.empty()) {
    timed("presence", check_presence);
    timed("terms", check_terms);
    timed("team", check_team_composition);
    timed("candidates", check_promotion_candidates);
    timed("relationships", check_relationships);
  }
  if (!request.staff_id && !request.relationship_id) timed("coverage", check_coverage);
  sort_findings(report.findings);
  return report;
}

}  // namespace yilian::compliance

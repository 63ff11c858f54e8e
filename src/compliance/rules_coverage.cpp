// A3 "3个100%": every county-level institution, every poor township's central health
// centre and every 二级乙等 hospital in the scope has a support relationship (as
// recipient) in force on the evaluation day. Each number comes from the first preset (in
// file order) that sets it, since coverage is a regional target rather than a term of
// one relationship. "Poor" is the registry's region flag, on the township or its county.
#include "auth/scope.h"
#include "compliance/context.h"
#include "policy/value.h"
#include "common/region_code.h"

namespace yilian::compliance {
namespace {

std::optional<policy::Param> first_setting(const Evaluation& e, const std::string& key) {
  for (const auto& p : e.presets.all())
    if (auto param = p.get(key)) return param;
  return std::nullopt;
}

struct Target {
  const char* check;
  const char* key;
  const char* label;  // what kind of unit, in the message
  std::string units;  // SQL condition on institution t, region r (its own) and c (its county)
  store::Params unit_params;  // the values its placeholders take
};

void check_target(Evaluation& e, const Target& target) {
  auto param = first_setting(e, target.key);
  if (!param) return;
  auto scope = auth::scope_condition(e.user, {.region = "t.region_code", .institution = "t.id", .kind = "t.kind",
                                              .personal_sees_institution = true});
  std::string sql =
      "SELECT t.id, t.name, t.region_code, (SELECT COUNT(*) FROM support_relationship s WHERE "
      "s.recipient_institution_id = t.id AND s.active = 1 AND s.status IN ('signed', 'filed') AND s.start_date <= ? "
      "AND s.end_date >= ?) FROM institution t JOIN region r ON r.code = t.region_code LEFT JOIN region c ON c.code = "
      "SUBSTR(t.region_code, 1, 6) WHERE t.active = 1 AND (" + target.units + ") AND " + scope.sql;
  store::Params params{e.last_day, e.last_day};
  params.insert(params.end(), target.unit_params.begin(), target.unit_params.end());
  params.insert(params.end(), scope.params.begin(), scope.params.end());
  if (!e.request.region_code.empty()) {
    auto [lo, hi] = common::prefix_range(common::region_prefix(e.request.region_code));
    sql += " AND t.region_code >= ? AND t.region_code < ?";
    params.push_back(lo);
    params.push_back(hi);
  }
  if (e.request.institution_id) {
    sql += " AND t.id = ?";
    params.push_back(e.request.institution_id);
  }
  auto candidates = e.db.query(sql + " ORDER BY t.id", params);
  e.checked(target.check, static_cast<int64_t>(candidates.size()));
  for (const auto& row : candidates.rows) {
    if (row[3].as_int() > 0) continue;
    Finding f{.rule = "A3", .check = target.check, .severity = Severity::error, .subject_type = "institution",
              .subject_id = row[0].as_int(), .subject_name = row[1].as_text(), .period = e.last_day,
              .expected = "有在期的对口支援关系", .actual = "无", .institution_id = row[0].as_int(),
              .region_code = row[2].as_text()};
    f.message = row[1].as_text() + "(" + target.label + ")截至" + e.last_day + "无已签订的对口支援关系,未达到" +
                policy::format_value(param->value) + "%覆盖要求";
    e.add(std::move(f), *param);
  }
}

}  // namespace

void check_coverage(Evaluation& e) {
  // Which kinds of unit are "县级医疗卫生机构" is the preset's reading of A3, not code.
  auto kinds = first_setting(e, "coverage.county_institution_kinds");
  if (!kinds) return;
  const auto& codes = std::get<std::vector<std::string>>(kinds->value);
  if (codes.empty()) return;
  std::string marks;
  store::Params kind_params;
  for (const auto& k : codes) {
    marks += marks.empty() ? "?" : ", ?";
    kind_params.push_back(k);
  }
  const std::string county_level = "r.level = 3 AND t.kind IN (" + marks + ")";
  check_target(e, {"coverage.county_institutions", "coverage.county_institutions_pct", "县级医疗卫生机构", county_level,
                   kind_params});
  check_target(e, {"coverage.poor_township_centers", "coverage.poor_township_centers_pct", "贫困乡镇中心卫生院",
                   "t.kind = 'C210' AND (r.poverty = 1 OR c.poverty = 1)"});
  check_target(e, {"coverage.grade_2b_hospitals", "coverage.grade_2b_hospitals_pct", "二级乙等医院",
                   "t.level = '2' AND t.grade = 'B' AND NOT (" + county_level + ")", kind_params});
}

}  // namespace yilian::compliance

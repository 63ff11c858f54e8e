// D1/D5 选派对象: where a plan makes this year's promotion candidates the people to send
// ("凡参加2013年晋升中或副高级的医护人员均为选派对象"), a supporting hospital's staff who
// apply for promotion in a year to one of the preset's levels and are not dispatched that
// year are listed. A year still running is a warning: they may yet be sent.
#include <algorithm>
#include <map>

#include "compliance/context.h"
#include "policy/value.h"

namespace yilian::compliance {

void check_promotion_candidates(Evaluation& e) {
  // Each supporting institution once, under the first of its relationships that asks.
  std::map<int64_t, const Relationship*> hospitals;
  for (const auto& r : e.relationships)
    if (e.flag(r, "dispatch.select_promotion_candidates") && e.param(r, "dispatch.candidate_target_levels"))
      hospitals.emplace(r.supporting_id, &r);
  if (hospitals.empty()) return;

  const int first_year = std::stoi(e.request.from.substr(0, 4)), last_year = std::stoi(e.last_day.substr(0, 4));
  store::Params params;
  std::string in = "s.institution_id IN (";
  for (auto it = hospitals.begin(); it != hospitals.end(); ++it) {
    in += it == hospitals.begin() ? "?" : ",?";
    params.push_back(it->first);
  }
  in += ")";
  params.push_back(first_year);
  params.push_back(last_year);
  std::string one_person;
  if (e.request.staff_id) {
    one_person = " AND s.id = ?";
    params.push_back(e.request.staff_id);
  }
  auto candidates = e.db.query(
      "SELECT s.id, s.name, s.title_level, s.institution_id, s.promotion_year, i.name FROM staff s JOIN institution i "
      "ON i.id = s.institution_id WHERE " + in + " AND s.active = 1 AND s.promotion_year >= ? AND s.promotion_year "
      "<= ?" + one_person + " ORDER BY s.id",
      params);
  if (candidates.empty()) return;

  // Their assignments (any relationship) that were not refused or cancelled.
  store::Params ids;
  std::string staff_in = "staff_id IN (";
  for (size_t i = 0; i < candidates.size(); ++i) {
    staff_in += i ? ",?" : "?";
    ids.push_back(candidates.rows[i][0].as_int());
  }
  staff_in += ")";
  std::multimap<int64_t, std::pair<std::string, std::string>> dispatched;
  for (const auto& row : e.db.query("SELECT staff_id, COALESCE(actual_start, planned_start), COALESCE(actual_end, "
                                    "planned_end) FROM assignment WHERE " + staff_in +
                                    " AND active = 1 AND refused = 0 AND status <> 'cancelled'",
                                    ids).rows)
    dispatched.emplace(row[0].as_int(), std::make_pair(row[1].as_text(), row[2].as_text()));

  for (const auto& row : candidates.rows) {
    const Relationship& r = *hospitals.at(row[3].as_int());
    auto p = *e.param(r, "dispatch.candidate_target_levels");
    const auto& targets = std::get<std::vector<std::string>>(p.value);
    std::string target = next_title_level(row[2].as_text());
    if (std::find(targets.begin(), targets.end(), target) == targets.end()) continue;
    const std::string year = std::to_string(row[4].as_int());
    const std::string year_first = year + "-01-01", year_last = year + "-12-31";
    e.checked("dispatch.promotion_candidates");
    auto [lo, hi] = dispatched.equal_range(row[0].as_int());
    bool sent = std::any_of(lo, hi, [&](const auto& a) {
      return a.second.first <= year_last && a.second.second >= year_first;
    });
    if (sent) continue;
    bool year_over = e.last_day >= year_last;
    Finding f{.rule = "D5", .check = "dispatch.promotion_candidates",
              .severity = year_over ? Severity::error : Severity::warning, .subject_type = "staff",
              .subject_id = row[0].as_int(), .subject_name = row[1].as_text(), .period = year,
              .expected = "拟晋升" + title_level_label(target) + "者当年派驻基层", .actual = "当年未派驻",
              .relationship_id = r.id, .institution_id = row[3].as_int(), .region_code = r.recipient_region};
    f.message = row[5].as_text() + row[1].as_text() + "拟于" + year + "年申报晋升" + title_level_label(target) +
                ",属选派对象,但" + (year_over ? "当年" : "截至" + e.last_day) + "未派驻基层";
    e.add(std::move(f), *e.param(r, "dispatch.select_promotion_candidates"));
  }
}

}  // namespace yilian::compliance

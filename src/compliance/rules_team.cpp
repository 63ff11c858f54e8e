// D2 team composition: where a plan asks for a team of given specialties (内、外、妇或
// 儿/麻/护), the people dispatched to a recipient in a month must fill every position,
// each position by a different person. Judged per whole month from the first dispatch.
#include <algorithm>
#include <functional>
#include <map>

#include "calendar/date.h"
#include "compliance/context.h"
#include "policy/value.h"

namespace yilian::compliance {
namespace {

struct Member {
  std::string start, end, name, department, profession;
};

std::vector<std::string> split_options(const std::string& position) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at <= position.size()) {
    size_t slash = position.find('/', at);
    if (slash == std::string::npos) slash = position.size();
    if (slash > at) out.push_back(position.substr(at, slash - at));
    at = slash + 1;
  }
  return out;
}

// A department fills a position when its name contains the specialty, with or without
// the trailing 科 ("神经内科" is 内科, "妇产科" is 妇产); nursing staff fill 护理.
bool fills(const Member& m, const std::string& option) {
  if (option == "护理" && m.profession == "nursing") return true;
  if (m.department.find(option) != std::string::npos) return true;
  const std::string ke = "科";
  if (option.size() > ke.size() && option.compare(option.size() - ke.size(), ke.size(), ke) == 0) {
    std::string stem = option.substr(0, option.size() - ke.size());
    return m.department.find(stem) != std::string::npos;
  }
  return false;
}

// Positions left unfilled by a maximum matching of people to positions (augmenting paths;
// teams have a handful of positions).
std::vector<size_t> unfilled(const std::vector<std::vector<std::string>>& positions,
                             const std::vector<const Member*>& people) {
  std::vector<int> holder(positions.size(), -1);  // position → person
  std::function<bool(size_t, std::vector<bool>&)> assign = [&](size_t person, std::vector<bool>& seen) {
    for (size_t p = 0; p < positions.size(); ++p) {
      if (seen[p]) continue;
      bool ok = std::any_of(positions[p].begin(), positions[p].end(),
                            [&](const std::string& o) { return fills(*people[person], o); });
      if (!ok) continue;
      seen[p] = true;
      if (holder[p] < 0 || assign(static_cast<size_t>(holder[p]), seen)) {
        holder[p] = static_cast<int>(person);
        return true;
      }
    }
    return false;
  };
  for (size_t i = 0; i < people.size(); ++i) {
    std::vector<bool> seen(positions.size(), false);
    assign(i, seen);
  }
  std::vector<size_t> out;
  for (size_t p = 0; p < positions.size(); ++p)
    if (holder[p] < 0) out.push_back(p);
  return out;
}

std::string joined(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

}  // namespace

void check_team_composition(Evaluation& e) {
  std::vector<const Relationship*> rels;
  for (const auto& r : e.relationships)
    if (auto p = e.param(r, "dispatch.team_specialties"))
      if (!std::get<std::vector<std::string>>(p->value).empty()) rels.push_back(&r);
  if (rels.empty()) return;

  store::Params params;
  std::string in = e.relationship_in("a.relationship_id", params);
  params.push_back(e.last_day);
  params.push_back(e.request.from);
  std::map<int64_t, std::vector<Member>> teams;
  for (const auto& row : e.db.query(
           "SELECT a.relationship_id, COALESCE(a.actual_start, a.planned_start), COALESCE(a.actual_end, a.planned_end), "
           "s.name, COALESCE(d.name, a.recipient_department, ''), s.profession FROM assignment a JOIN staff s ON s.id = "
           "a.staff_id LEFT JOIN department d ON d.id = COALESCE(a.home_department_id, s.department_id) WHERE " + in +
           " AND a.active = 1 AND a.refused = 0 AND a.status <> 'cancelled' AND COALESCE(a.actual_start, "
           "a.planned_start) <= ? AND COALESCE(a.actual_end, a.planned_end) >= ? ORDER BY a.id",
           params).rows)
    teams[row[0].as_int()].push_back(
        {row[1].as_text(), row[2].as_text(), row[3].as_text(), row[4].as_text(), row[5].as_text()});

  for (const Relationship* r : rels) {
    auto it = teams.find(r->id);
    if (it == teams.end()) continue;  // nobody dispatched: the headcount rules say so
    const auto& members = it->second;
    auto p = *e.param(*r, "dispatch.team_specialties");
    std::vector<std::vector<std::string>> positions;
    for (const auto& position : std::get<std::vector<std::string>>(p.value)) positions.push_back(split_options(position));
    std::string first = members.front().start;
    for (const auto& m : members) first = std::min(first, m.start);
    std::string from = std::max({r->start, e.request.from, first}), to = std::min(r->end, e.last_day);
    for (std::string m = from.substr(0, 7); m <= to.substr(0, 7); m = add_months(m + "-01", 1).substr(0, 7)) {
      std::string month_first = m + "-01", month_last = calendar::add_days(add_months(month_first, 1), -1);
      if (month_first < from || month_last > to) continue;  // whole months only
      std::vector<const Member*> on_site;
      for (const auto& member : members)
        if (member.start <= month_last && member.end >= month_first) on_site.push_back(&member);
      e.checked("dispatch.team_specialties");
      auto missing = unfilled(positions, on_site);
      if (missing.empty()) continue;
      std::vector<std::string> gaps, present;
      for (size_t i : missing) gaps.push_back(joined(positions[i], "或"));
      for (const auto* member : on_site)
        present.push_back(member->name + "(" + (member->department.empty() ? "科室未填" : member->department) + ")");
      Finding f{.rule = "D2", .check = "dispatch.team_specialties", .severity = Severity::warning,
                .subject_type = "relationship", .subject_id = r->id,
                .subject_name = r->supporting_name + "→" + r->recipient_name, .period = m,
                .expected = "团队含" + policy::format_value(p.value), .actual = "缺" + joined(gaps, "、"),
                .relationship_id = r->id, .institution_id = r->recipient_id, .region_code = r->recipient_region};
      f.message = f.subject_name + " " + month_label(m) + "派驻团队缺少" + joined(gaps, "、") + "岗位(在岗:" +
                  (present.empty() ? std::string("无") : joined(present, "、")) + ")";
      e.add(std::move(f), p);
    }
  }
}

}  // namespace yilian::compliance

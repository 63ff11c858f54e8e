#include "compliance/presence_days.h"

namespace yilian::compliance {

std::vector<PresenceDay> load_presence_days(Evaluation& e) {
  std::vector<PresenceDay> out;
  if (e.relationships.empty() || e.last_day < e.request.from) return out;
  store::Params params;
  std::string in = e.relationship_in("a.relationship_id", params);
  params.push_back(e.request.from);
  params.push_back(e.last_day);
  // Assignments first, then an index range on presence (assignment_id, day, status,
  // confirmed) for each: no presence row is read outside the evaluated scope and period.
  auto rows = e.db.query(
      "SELECT a.id, a.relationship_id, a.staff_id, p.day, COUNT(*), SUM(CASE WHEN p.confirmed = 0 THEN 1 ELSE 0 END) "
      "FROM assignment a JOIN presence p ON p.assignment_id = a.id WHERE a.active = 1 AND " + in +
      " AND p.day >= ? AND p.day <= ? AND p.status = 'present' GROUP BY a.id, a.relationship_id, a.staff_id, p.day "
      "ORDER BY a.id, p.day",
      params);
  out.reserve(rows.size());
  for (const auto& r : rows.rows)
    out.push_back({r[0].as_int(), r[1].as_int(), r[2].as_int(), r[3].as_text(), r[4].as_int(), r[5].as_int()});
  return out;
}

}  // namespace yilian::compliance

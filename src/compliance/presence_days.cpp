#include "compliance/presence_days.h"

namespace yilian::compliance {
namespace {

// "2026-03-02:2:0,2026-03-03:1:1" → (day, half-days, unconfirmed) entries.
void parse_days(const std::string& packed, int64_t assignment, int64_t relationship, int64_t staff,
                std::vector<PresenceDay>& out) {
  size_t at = 0;
  while (at < packed.size()) {
    size_t end = packed.find(',', at);
    if (end == std::string::npos) end = packed.size();
    size_t c1 = packed.find(':', at), c2 = packed.find(':', c1 + 1);
    if (c1 < end && c2 < end)
      out.push_back({assignment, relationship, staff, packed.substr(at, c1 - at),
                     std::stoll(packed.substr(c1 + 1, c2 - c1 - 1)), std::stoll(packed.substr(c2 + 1, end - c2 - 1))});
    at = end + 1;
  }
}

}  // namespace

std::vector<PresenceDay> load_presence_days(Evaluation& e) {
  std::vector<PresenceDay> out;
  if (e.relationships.empty() || e.last_day < e.request.from) return out;
  store::Params params;
  std::string in = e.relationship_in("a.relationship_id", params);
  params.push_back(e.request.from);
  params.push_back(e.last_day);
  // Assignments first, then an index range on presence (assignment_id, day, status,
  // confirmed) for each. The days come back packed, one row per assignment: a province
  // has ≈650k assignment-days, and fetching them as rows cost PostgreSQL more than the scan.
  const bool sqlite = e.db.backend() == store::Backend::sqlite;
  std::string packed = sqlite ? "GROUP_CONCAT(d.day || ':' || d.n || ':' || d.u, ',')"
                              : "STRING_AGG(d.day || ':' || d.n || ':' || d.u, ',')";
  auto rows = e.db.query(
      "SELECT d.id, d.relationship_id, d.staff_id, " + packed + " FROM (SELECT a.id, a.relationship_id, a.staff_id, "
      "p.day, COUNT(*) AS n, SUM(CASE WHEN p.confirmed = 0 THEN 1 ELSE 0 END) AS u FROM assignment a JOIN presence p "
      "ON p.assignment_id = a.id WHERE a.active = 1 AND " + in + " AND p.day >= ? AND p.day <= ? AND p.status = "
      "'present' GROUP BY a.id, a.relationship_id, a.staff_id, p.day) d GROUP BY d.id, d.relationship_id, d.staff_id "
      "ORDER BY d.id",
      params);
  for (const auto& r : rows.rows) parse_days(r[3].as_text(), r[0].as_int(), r[1].as_int(), r[2].as_int(), out);
  return out;
}

}  // namespace yilian::compliance

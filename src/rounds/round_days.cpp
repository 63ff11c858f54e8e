#include "rounds/round_days.h"

#include <algorithm>

namespace yilian::rounds {

std::map<int64_t, std::set<std::string>> round_dates(store::Db& db, const std::vector<int64_t>& staff_ids,
                                                    const std::string& from, const std::string& to) {
  std::map<int64_t, std::set<std::string>> out;
  // Bounded IN lists keep every statement within both backends' parameter limits.
  constexpr size_t kChunk = 500;
  for (size_t start = 0; start < staff_ids.size(); start += kChunk) {
    size_t end = std::min(staff_ids.size(), start + kChunk);
    store::Params params{from, to};
    std::string in;
    for (size_t i = start; i < end; ++i) {
      in += in.empty() ? "?" : ",?";
      params.push_back(staff_ids[i]);
    }
    auto r = db.query("SELECT DISTINCT p.staff_id, v.day FROM round_visit_person p JOIN round_visit v ON v.id = "
                      "p.visit_id WHERE v.active = 1 AND v.day >= ? AND v.day <= ? AND p.staff_id IN (" + in + ")",
                      params);
    for (const auto& row : r.rows) out[row[0].as_int()].insert(row[1].as_text());
  }
  return out;
}

std::map<int64_t, int64_t> round_days(store::Db& db, const std::vector<int64_t>& staff_ids, const std::string& from,
                                      const std::string& to) {
  std::map<int64_t, int64_t> out;
  for (const auto& [staff, dates] : round_dates(db, staff_ids, from, to)) out[staff] = static_cast<int64_t>(dates.size());
  return out;
}

}  // namespace yilian::rounds

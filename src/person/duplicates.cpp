// Records that may be one person. Both criteria group on indexed clear or blind-index
// columns, so the database finds the groups without decrypting anything.
#include "person/person.h"
#include "common/region_code.h"

namespace yilian::person {
namespace {

struct Filter {
  std::string sql = "p.active = 1 AND p.merged_into IS NULL";
  store::Params params;
};

Filter filter_for(const std::string& region_code) {
  Filter f;
  if (!region_code.empty()) {
    auto [lo, hi] = common::prefix_range(common::region_prefix(region_code));
    f.sql += " AND p.address_region >= ? AND p.address_region < ?";
    f.params = {lo, hi};
  }
  return f;
}

}  // namespace

DuplicatePage possible_duplicates(store::Db& db, const std::string& region_code, int64_t limit, int64_t offset) {
  Filter f = filter_for(region_code);
  // Each group is (reason, key1, key2, key3): name, sex, birth date; or the phone's index.
  std::string groups =
      "SELECT 'same_identity' AS reason, p.name AS k1, p.sex AS k2, p.birth_date AS k3 FROM person p WHERE " + f.sql +
      " AND p.birth_date IS NOT NULL GROUP BY p.name, p.sex, p.birth_date HAVING COUNT(*) > 1 "
      "UNION ALL SELECT 'same_phone', p.phone_hash, '', '' FROM person p WHERE " + f.sql +
      " AND p.phone_hash IS NOT NULL GROUP BY p.phone_hash HAVING COUNT(*) > 1";
  store::Params params = f.params;
  params.insert(params.end(), f.params.begin(), f.params.end());
  DuplicatePage page;
  page.total = db.query("SELECT COUNT(*) FROM (" + groups + ") g", params).scalar().as_int();
  params.push_back(limit);
  params.push_back(offset);
  auto r = db.query("SELECT g.reason, g.k1, g.k2, g.k3 FROM (" + groups +
                        ") g ORDER BY g.reason, g.k1, g.k2, g.k3 LIMIT ? OFFSET ?",
                    params);
  for (const auto& row : r.rows) {
    DuplicateGroup g;
    g.reason = row[0].as_text();
    store::Params p;
    std::string where;
    if (g.reason == "same_identity") {
      where = "p.name = ? AND p.sex = ? AND p.birth_date = ?";
      p = {row[1], row[2], row[3]};
    } else {
      where = "p.phone_hash = ?";
      p = {row[1]};
    }
    p.insert(p.end(), f.params.begin(), f.params.end());
    for (const auto& m : db.query("SELECT p.id FROM person p WHERE " + where + " AND " + f.sql + " ORDER BY p.id", p).rows)
      g.person_ids.push_back(m[0].as_int());
    page.groups.push_back(std::move(g));
  }
  return page;
}

}  // namespace yilian::person

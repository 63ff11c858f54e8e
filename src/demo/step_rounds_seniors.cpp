// The senior-doctor pool (V6, 千医巡诊万村行): per county, attending-or-above physicians of
// the county people's hospital — the 医共体's lead, which the API requires for
// affiliation lead_hospital (the TCM hospital is a specialty partner, not a lead) — one
// per 25 villages of a township, every third of them joining the next township too; and three associate-
// chief-or-above physicians of the city's tertiary hospital (external_tertiary), each
// joining two townships far apart. Team specialists are left out: one person, one role.
#include <set>

#include "demo/step_rounds_common.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

using namespace support_data;

constexpr size_t kExternalPerCounty = 3;

std::vector<const DemoStaff*> candidates(const Directory& dir, int64_t hospital_id, char lowest_grade,
                                         const std::set<int64_t>& taken) {
  std::vector<const DemoStaff*> out;
  for (const DemoStaff* s : dir.staff_of(hospital_id))
    if (is_doctor(*s) && title_grade(*s) >= '1' && title_grade(*s) <= lowest_grade && !taken.count(s->id))
      out.push_back(s);
  return out;
}

}  // namespace

void create_rounds_seniors(store::Db& db, const Options&, DemoData& d, std::ostream& progress) {
  Directory dir(d);
  std::set<int64_t> taken;
  for (const auto& row : db.query("SELECT staff_id FROM team_member").rows) taken.insert(row[0].as_int());
  BatchInsert rows(db, "senior_doctor",
                   {"staff_id", "township_institution_id", "affiliation", "start_date", "created_at", "updated_at"});
  std::set<int64_t> people;
  auto join = [&](const DemoStaff* s, const DemoTownship* t, const char* affiliation) {
    rows.add({s->id, t->health_centre_id, affiliation, rounds_data::kSeniorStart, d.created_at, d.created_at});
    people.insert(s->id);
    taken.insert(s->id);
  };
  for (const auto& county : d.counties) {
    std::vector<const DemoTownship*> townships;
    for (const DemoTownship* t : dir.townships_of(county))
      if (t->health_centre_id && t->village_count > 0) townships.push_back(t);
    size_t n = townships.size();
    if (n == 0) continue;
    auto lead = candidates(dir, county.hospital_id, '3', taken);
    size_t next = 0;
    for (size_t k = 0; k < n; ++k)
      // One doctor per 25 villages: a doctor's rounds days carry about that many senior visits a month.
      for (int i = 0; i < (townships[k]->village_count + 24) / 25 && next < lead.size(); ++i, ++next) {
        join(lead[next], townships[k], "lead_hospital");
        if (next % 3 == 2 && n > 1) join(lead[next], townships[(k + 1) % n], "lead_hospital");
      }
    const DemoCity* city = dir.city_of(county);
    if (!city || !city->hospital_id) continue;
    // Taken people are skipped, so the counties of a city get different city doctors.
    auto external = candidates(dir, city->hospital_id, '2', taken);
    for (size_t k = 0; k < kExternalPerCounty && k < external.size(); ++k) {
      join(external[k], townships[(k * 5) % n], "external_tertiary");
      if (n > 1) join(external[k], townships[(k * 5 + n / 2) % n], "external_tertiary");
    }
  }
  rows.flush();
  progress << people.size() << " senior doctors in " << rows.rows_written() << " township pools";
}

}  // namespace yilian::demo

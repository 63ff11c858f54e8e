// Health-management teams (V1, V3, V8): two or three per township health centre, each with
// one of the centre's doctors as GP, a nurse and a public-health worker from the centre.
// The first team of each township is a 全专联合 family-doctor team: it also has a specialist
// of the county people's hospital, the 医共体's lead (rounds::checks::community_leads is
// what the API checks a specialist against). Three teams in four have a vehicle; the others
// go on foot or by e-bike, which limits how far their trips reach (planner max_trip_km).
#include <algorithm>
#include <set>

#include "demo/step_rounds_common.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

using namespace support_data;

const char* const kOrdinals[] = {"一", "二", "三"};

struct Crew {
  std::vector<const DemoStaff*> doctors, nurses, public_health;
};

// The centre's people by what they can do on a team, most senior doctors first (the GP of
// team one is usually the centre's best-qualified physician).
Crew crew_of(const Directory& dir, int64_t centre_id) {
  Crew c;
  for (const DemoStaff* s : dir.staff_of(centre_id)) {
    if (is_doctor(*s))
      c.doctors.push_back(s);
    else if (s->profession == "nursing")
      c.nurses.push_back(s);
    else if (s->profession == "public_health" || s->profession == "technician")
      c.public_health.push_back(s);
  }
  std::stable_sort(c.doctors.begin(), c.doctors.end(),
                   [](const DemoStaff* a, const DemoStaff* b) { return title_grade(*a) < title_grade(*b); });
  return c;
}

// Specialists for the 全专联合 teams: attending or above at the lead hospital, from the
// back of its list so that the senior-doctor pool (taken from the front) stays apart.
std::vector<const DemoStaff*> specialists_of(const Directory& dir, int64_t hospital_id) {
  std::vector<const DemoStaff*> out;
  const auto& staff = dir.staff_of(hospital_id);
  for (auto it = staff.rbegin(); it != staff.rend(); ++it)
    if (is_doctor(**it) && title_grade(**it) >= '2' && title_grade(**it) <= '3') out.push_back(*it);
  return out;
}

class TeamWriter {
 public:
  TeamWriter(store::Db& db, const DemoData& d)
      : db_(db),
        d_(d),
        members_(db, "team_member", {"team_id", "staff_id", "role", "start_date", "created_at", "updated_at"}) {}

  int64_t team(int64_t centre_id, const std::string& name, bool specialist_team, bool vehicle) {
    ++teams_;
    return db_.insert(
        "INSERT INTO rounds_team (institution_id, name, kind, has_vehicle, max_trip_km, max_villages_per_trip, "
        "start_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 3, ?, ?, ?)",
        {centre_id, name, specialist_team ? "general_specialist" : "health_management", vehicle,
         vehicle ? store::Value() : store::Value(rounds_data::kFootTripKm), rounds_data::kTeamStart, d_.created_at,
         d_.created_at});
  }
  void member(int64_t team_id, const DemoStaff* s, const char* role) {
    if (s) members_.add({team_id, s->id, role, rounds_data::kTeamStart, d_.created_at, d_.created_at});
  }
  void flush() { members_.flush(); }
  int64_t teams() const { return teams_; }
  int64_t members() const { return members_.rows_written(); }

 private:
  store::Db& db_;
  const DemoData& d_;
  BatchInsert members_;
  int64_t teams_ = 0;
};

}  // namespace

void create_rounds_teams(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  Directory dir(d);
  TeamWriter w(db, d);
  for (const auto& county : d.counties) {
    std::vector<const DemoStaff*> specialists = specialists_of(dir, county.hospital_id);
    size_t next_specialist = 0;
    for (const DemoTownship* t : dir.townships_of(county)) {
      if (!t->health_centre_id || t->village_count == 0) continue;
      Random rng(o.seed, "rounds-teams:" + t->code);
      Crew crew = crew_of(dir, t->health_centre_id);
      // A team per 6–8 villages, two or three, and never more teams than GPs to lead them.
      size_t wanted = t->village_count > 14 || (t->village_count > 8 && rng.chance(400)) ? 3 : 2;
      size_t n = std::max<size_t>(1, std::min(wanted, crew.doctors.size()));
      for (size_t i = 0; i < n; ++i) {
        bool specialist_team = i == 0 && next_specialist < specialists.size();
        std::string name =
            specialist_team ? t->name + "全专联合家庭医生团队" : t->name + "健康管理团队" + kOrdinals[i] + "队";
        int64_t id = w.team(t->health_centre_id, name, specialist_team, !rng.chance(250));
        w.member(id, i < crew.doctors.size() ? crew.doctors[i] : nullptr, "gp");
        if (specialist_team) w.member(id, specialists[next_specialist++], "specialist");
        w.member(id, i < crew.nurses.size() ? crew.nurses[i] : nullptr, "nurse");
        // Nobody is on two teams: a person can be in one village per half-day.
        w.member(id, i < crew.public_health.size() ? crew.public_health[i] : nullptr, "public_health");
      }
    }
  }
  w.flush();
  progress << w.teams() << " teams, " << w.members() << " members";
}

}  // namespace yilian::demo

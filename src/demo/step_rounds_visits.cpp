// A year of visit records (V7) for a county, following its plan up to the demo's today:
// about 5 % of planned village visits did not happen (rain, a team member ill, the clinic
// closed), and teams add unplanned visits on free half-days (a call from a village
// doctor, a follow-up). Who came is decided per trip, so every village of a trip lists the
// same people: the GP always, the others most of the time, the planned senior doctors.
// No team and no person is in two villages' records in one half-day unless on one trip.
#include "demo/step_rounds_common.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

using namespace support_data;
using rounds_data::Team;
using rounds_data::Visit;
using rounds_data::World;

constexpr int kMissedPerMille = 50;
constexpr int kUnplannedPerTeamWeekPerMille = 350;

struct Slot {
  int64_t id = 0, team_id = 0;
  Day day;
  bool am = true;
  std::vector<std::string> villages;
  std::vector<int64_t> doctors;
};

std::vector<Slot> stored_slots(store::Db& db) {
  std::vector<Slot> out;
  std::map<int64_t, size_t> index;
  for (const auto& row : db.query("SELECT id, team_id, day, half, village_code_1, village_code_2, village_code_3 FROM "
                                  "round_plan_slot WHERE active = 1 AND day <= ? ORDER BY day, half, team_id",
                                  {kToday})
                             .rows) {
    Slot s{row[0].as_int(), row[1].as_int(), day(row[2].as_text()), row[3].as_text() == "am", {}, {}};
    for (size_t i = 4; i < 7; ++i)
      if (!row[i].is_null()) s.villages.push_back(row[i].as_text());
    index[s.id] = out.size();
    out.push_back(std::move(s));
  }
  for (const auto& row : db.query("SELECT slot_id, staff_id FROM round_plan_doctor WHERE active = 1 ORDER BY id").rows)
    if (auto it = index.find(row[0].as_int()); it != index.end()) out[it->second].doctors.push_back(row[1].as_int());
  return out;
}

// The members who came on a trip: the GP always; nurse, public-health worker and
// specialist most of the time.
std::vector<int64_t> crew(Random& rng, const Team& team) {
  std::vector<int64_t> out;
  for (const auto& m : team.members) {
    int per_mille = m.role == "gp" ? 1000 : m.role == "nurse" ? 850 : m.role == "specialist" ? 450 : 600;
    if (rng.chance(per_mille)) out.push_back(m.staff_id);
  }
  if (out.empty() && !team.members.empty()) out.push_back(team.members.front().staff_id);
  return out;
}

class CountyVisits {
 public:
  CountyVisits(const Options& o, const DemoData& d, const World& w, rounds_data::VisitWriter& out)
      : o_(o), w_(w), out_(out) {
    for (const auto& v : d.villages) villages_[v.code] = &v;
  }

  void planned(const Slot& s) {
    Random rng(o_.seed, "rounds-visit:" + std::to_string(s.id));
    const Team& team = w_.teams[w_.team_index.at(s.team_id)];
    busy_.insert(key(team.id, s.day, s.am));
    std::vector<int64_t> members = crew(rng, team);
    std::vector<std::pair<int64_t, std::string>> seniors;
    for (int64_t doc : s.doctors)
      seniors.emplace_back(doc, w_.affiliation.at(std::to_string(doc) + ":" + team.township_code));
    for (const auto& code : s.villages) {
      if (rng.chance(kMissedPerMille)) continue;
      write(rng, team, code, s.day, s.am, s.id, members, seniors);
    }
  }

  // Unplanned visits: on a free half-day of some weeks, to one village of the team's grid.
  void unplanned(const Team& team) {
    if (team.villages.empty()) return;
    Random rng(o_.seed, "rounds-unplanned:" + std::to_string(team.id));
    for (Day monday = monday_of(day(rounds_data::kYearStart)); monday <= today(); monday += std::chrono::days{7}) {
      if (!rng.chance(kUnplannedPerTeamWeekPerMille)) continue;
      Day d = monday + std::chrono::days{static_cast<int>(rng.below(5))};
      bool am = rng.chance(500);
      if (d < day(rounds_data::kYearStart) || d > today() || busy_.count(key(team.id, d, am))) continue;
      busy_.insert(key(team.id, d, am));
      write(rng, team, pick(rng, team.villages), d, am, 0, crew(rng, team), {});
    }
  }

 private:
  static std::string key(int64_t team, Day d, bool am) { return std::to_string(team) + iso(d) + (am ? "a" : "p"); }

  void write(Random& rng, const Team& team, const std::string& code, Day d, bool am, int64_t slot,
             const std::vector<int64_t>& members, const std::vector<std::pair<int64_t, std::string>>& seniors) {
    if (members.empty()) return;  // a team with nobody on it visits nobody
    const DemoVillage& v = *villages_.at(code);
    Visit visit{team.id,
                code,
                "demo-" + std::to_string(team.id) + "-" + iso(d) + (am ? "-am-" : "-pm-") + code,
                d,
                am,
                slot,
                rounds_data::draw_counts(rng, v.population),
                v.point,
                members.front(),
                members,
                seniors};
    // Recorded on the phone in the village, within ~200 m of the clinic.
    visit.at.latitude += static_cast<double>(rng.between(-200, 200)) / 100000.0;
    visit.at.longitude += static_cast<double>(rng.between(-200, 200)) / 100000.0;
    out_.add(visit);
  }

  const Options& o_;
  const World& w_;
  rounds_data::VisitWriter& out_;
  std::map<std::string, const DemoVillage*> villages_;
  std::set<std::string> busy_;
};

}  // namespace

void create_rounds_visits(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  World w = rounds_data::load_world(db, d);
  rounds_data::VisitWriter out(db, d);
  CountyVisits visits(o, d, w, out);
  std::vector<Slot> slots = stored_slots(db);
  for (const auto& s : slots) visits.planned(s);
  for (const auto& team : w.teams) visits.unplanned(team);
  out.finish();
  progress << out.visits() << " visits, " << out.people() << " people present";
}

}  // namespace yilian::demo

// A year of visit records for a whole province (the weekly-table benchmark's data), made
// without the planner, which would take far too long at ~62,000 villages: each team works
// through its 包干 villages week by week. A village on weekly rounds (V2) gets two
// single-village half-days a week; every other village 2–4 visits a month, grouped three
// to a trip on the team's free half-days; a senior doctor of the township joins a trip on
// the doctor's rounds weekdays when free that half-day. About 5 % of visits are missed.
// Team by team, through BatchInsert, so memory stays bounded whatever the province.
#include <algorithm>
#include <unordered_set>

#include "demo/step_rounds_common.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

using namespace support_data;
using rounds_data::Team;
using rounds_data::Visit;
using rounds_data::World;

constexpr int kMissedPerMille = 50;
constexpr int kTeamBusyPerMille = 80;  // meetings, training, leave

class Rotation {
 public:
  Rotation(const Options& o, const DemoData& d, const World& w, const std::set<std::string>& weekly,
           rounds_data::VisitWriter& out)
      : o_(o), w_(w), weekly_(weekly), out_(out), first_(day(rounds_data::kYearStart)), last_(today()) {
    for (const auto& v : d.villages) villages_[v.code] = &v;
    for (const auto& s : w.seniors)
      weekdays_[s.staff_id] = rounds_data::senior_weekdays(o.seed, s.staff_id, s.townships.size());
  }

  // Senior doctors serve one county, so their half-days are forgotten between counties.
  void next_county() { senior_busy_.clear(); }

  void team(const Team& team) {
    if (team.villages.empty() || team.members.empty()) return;
    Random rng(o_.seed, "rounds-rotation:" + std::to_string(team.id));
    std::vector<std::string> weekly, others;
    std::vector<double> rate, credit;
    for (const auto& code : team.villages) {
      if (weekly_.count(code)) {
        weekly.push_back(code);
      } else {
        others.push_back(code);
        rate.push_back(static_cast<double>(rng.between(2, 4)) * 12.0 / 52.0);  // visits a month → a week
        credit.push_back(static_cast<double>(rng.below(100)) / 100.0);         // not all due in week one
      }
    }
    static const std::vector<size_t> none;
    auto pool = w_.seniors_of_township.find(team.township_code);
    const auto& seniors = pool == w_.seniors_of_township.end() ? none : pool->second;
    for (Day monday = monday_of(first_); monday <= last_; monday += std::chrono::days{7}) {
      std::vector<std::pair<Day, bool>> free;  // the team's half-days this week
      for (int i = 0; i < 10; ++i) {
        Day d = monday + std::chrono::days{i / 2};
        if (d >= first_ && d <= last_ && !rng.chance(kTeamBusyPerMille)) free.emplace_back(d, i % 2 == 0);
      }
      size_t next = 0;
      for (const auto& code : weekly)
        for (int k = 0; k < 2 && next < free.size(); ++k, ++next) trip(rng, team, seniors, free[next], {code});
      std::vector<std::string> due;
      for (size_t i = 0; i < others.size(); ++i)
        if ((credit[i] += rate[i]) >= 1) due.push_back(others[i]);
      size_t per_trip = team.has_vehicle ? 3 : 2;
      for (size_t i = 0; i < due.size() && next < free.size(); i += per_trip, ++next) {
        std::vector<std::string> villages(due.begin() + static_cast<long>(i),
                                          due.begin() + static_cast<long>(std::min(i + per_trip, due.size())));
        for (const auto& code : villages) credit[index_of(others, code)] -= 1;  // what is left waits a week
        trip(rng, team, seniors, free[next], villages);
      }
    }
  }

 private:
  static size_t index_of(const std::vector<std::string>& v, const std::string& code) {
    return static_cast<size_t>(std::lower_bound(v.begin(), v.end(), code) - v.begin());
  }

  // A senior doctor of the township free that half-day on one of the doctor's weekdays.
  std::vector<std::pair<int64_t, std::string>> senior_for(Random& rng, const Team& team,
                                                          const std::vector<size_t>& seniors, Day d, bool am) {
    if (seniors.empty()) return {};
    size_t start = rng.below(seniors.size());
    int64_t half_day = static_cast<int64_t>(d.time_since_epoch().count()) * 2 + (am ? 0 : 1);
    for (size_t k = 0; k < seniors.size(); ++k) {
      const auto& s = w_.seniors[seniors[(start + k) % seniors.size()]];
      const auto& days = weekdays_.at(s.staff_id);
      if (std::find(days.begin(), days.end(), weekday(d)) == days.end()) continue;
      if (!senior_busy_.insert(s.staff_id * 1000000 + half_day).second) continue;
      return {{s.staff_id, w_.affiliation.at(std::to_string(s.staff_id) + ":" + team.township_code)}};
    }
    return {};
  }

  void trip(Random& rng, const Team& team, const std::vector<size_t>& seniors, std::pair<Day, bool> when,
            const std::vector<std::string>& villages) {
    auto [d, am] = when;
    std::vector<int64_t> members;
    for (const auto& m : team.members)
      if (m.role == "gp" || rng.chance(700)) members.push_back(m.staff_id);
    if (members.empty()) members.push_back(team.members.front().staff_id);
    auto senior = senior_for(rng, team, seniors, d, am);
    for (const auto& code : villages) {
      if (rng.chance(kMissedPerMille)) continue;
      const DemoVillage& v = *villages_.at(code);
      Visit visit{team.id,
                  code,
                  "demo-" + std::to_string(team.id) + "-" + iso(d) + (am ? "-am-" : "-pm-") + code,
                  d,
                  am,
                  0,
                  rounds_data::draw_counts(rng, v.population),
                  v.point,
                  members.front(),
                  members,
                  senior};
      out_.add(visit);
    }
  }

  const Options& o_;
  const World& w_;
  const std::set<std::string>& weekly_;
  rounds_data::VisitWriter& out_;
  Day first_, last_;
  std::unordered_map<std::string, const DemoVillage*> villages_;
  std::unordered_map<int64_t, std::vector<int>> weekdays_;
  std::unordered_set<int64_t> senior_busy_;  // staff × half-day already on a trip
};

}  // namespace

void create_rounds_rotation(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  World w = rounds_data::load_world(db, d);
  std::set<std::string> weekly = rounds_data::weekly_round_villages(db, d);
  rounds_data::VisitWriter out(db, d);
  Rotation rotation(o, d, w, weekly, out);
  int64_t next_dot = 500000;
  std::string county;
  for (const auto& team : w.teams) {
    if (team.township_code.substr(0, 6) != county) rotation.next_county(), county = team.township_code.substr(0, 6);
    rotation.team(team);
    if (out.visits() >= next_dot) {  // a province takes a while: show that it moves
      progress << "." << std::flush;
      next_dot += 500000;
    }
  }
  out.finish();
  progress << " " << out.visits() << " visits, " << out.people() << " people present";
}

}  // namespace yilian::demo

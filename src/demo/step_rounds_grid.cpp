// The 包干 grid (V1): each township's villages cut into contiguous sectors around the health
// centre, one sector per team, so a team's villages lie together. Planted gap: one or two
// villages per county are left without a team (a village whose team was dissolved and not
// yet re-assigned), so the coverage check (rounds grid reports) has something to show.
#include <cmath>
#include <numbers>
#include <set>

#include "demo/step_rounds_common.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

using namespace support_data;

double angle_around(const GeoPoint& centre, const GeoPoint& p) {
  return std::atan2(p.latitude - centre.latitude, p.longitude - centre.longitude) + std::numbers::pi;
}

// The planted villages of a county: one, or two in different townships.
std::set<std::string> unassigned_villages(uint64_t seed, const Directory& dir, const DemoCounty& county) {
  std::vector<const DemoTownship*> townships;
  for (const DemoTownship* t : dir.townships_of(county))
    if (t->village_count > 2) townships.push_back(t);
  std::set<std::string> out;
  if (townships.empty()) return out;
  Random rng(seed, "rounds-unassigned:" + county.code);
  size_t count = townships.size() > 1 && rng.chance(600) ? 2 : 1;
  size_t first = rng.below(townships.size());
  for (size_t k = 0; k < count; ++k) {
    auto villages = dir.villages_of(*townships[(first + k * (townships.size() / 2)) % townships.size()]);
    out.insert(villages[rng.below(villages.size())]->code);
  }
  return out;
}

}  // namespace

void create_rounds_grid(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  Directory dir(d);
  rounds_data::World world = rounds_data::load_world(db, d);
  BatchInsert rows(db, "village_assignment", {"village_code", "team_id", "start_date", "created_at", "updated_at"});
  int64_t planted = 0;
  for (const auto& county : d.counties) {
    std::set<std::string> skip = unassigned_villages(o.seed, dir, county);
    planted += static_cast<int64_t>(skip.size());
    for (const DemoTownship* t : dir.townships_of(county)) {
      auto teams = world.teams_of_township.find(t->code);
      if (teams == world.teams_of_township.end()) continue;
      auto villages = dir.villages_of(*t);
      std::stable_sort(villages.begin(), villages.end(), [&](const DemoVillage* a, const DemoVillage* b) {
        return angle_around(t->point, a->point) < angle_around(t->point, b->point);
      });
      size_t n = teams->second.size();
      for (size_t i = 0; i < villages.size(); ++i) {
        if (skip.count(villages[i]->code)) continue;
        const auto& team = world.teams[teams->second[i * n / villages.size()]];
        rows.add({villages[i]->code, team.id, rounds_data::kTeamStart, d.created_at, d.created_at});
      }
    }
  }
  rows.flush();
  progress << rows.rows_written() << " villages assigned, " << planted << " left without a team on purpose";
}

}  // namespace yilian::demo

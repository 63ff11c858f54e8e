#include <algorithm>

#include "demo/batch_insert.h"
#include "demo/divisions.h"
#include "demo/random.h"
#include "demo/steps.h"
#include "common/region_code.h"

namespace yilian::demo {
namespace {

// R3: most villages have 300–1,400 people, a few up to 3,500; relocation sites are small.
void describe_village(Random& rng, DemoVillage& v) {
  v.relocation_site = rng.chance(30);
  v.population = v.relocation_site ? rng.between(300, 900)
                                   : 300 + static_cast<int64_t>(std::min(rng.below(3201), rng.below(3201)));
  static const std::vector<int> doctor_weights = {8, 60, 25, 7};  // 0, 1, 2, 3 village doctors
  v.doctor_count = static_cast<int>(rng.weighted(doctor_weights));
  if (v.population >= 2500 && v.doctor_count == 1 && rng.chance(500)) v.doctor_count = 2;
  v.has_fixed_doctor = v.doctor_count > 0;
}

size_t pick_focus_county(const Options& o, const DemoData& d) {
  std::string wanted = common::normalise_region_code(o.county_code.empty() ? kDefaultCounty : o.county_code);
  for (size_t i = 0; i < d.counties.size(); ++i)
    if (d.counties[i].code == wanted) return i;
  // The requested county is elsewhere: take the first one that has townships.
  for (size_t i = 0; i < d.counties.size(); ++i)
    for (const auto& t : d.townships)
      if (t.county_code == d.counties[i].code) return i;
  return 0;
}

}  // namespace

void create_regions(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  std::string dir = find_datasets_dir(o.datasets_dir);
  Divisions div = o.scale == Scale::county
                      ? load_county(dir, o.county_code.empty() ? kDefaultCounty : o.county_code)
                      : load_province(dir, o.province_code.empty() ? kDefaultProvince : o.province_code);
  d.province_code = div.province.code;
  d.province_name = div.province.name;
  d.city_county_codes = div.county_codes_by_city;
  for (const auto& c : div.cities) d.cities.push_back({c.code, c.name, city_centre(c.code)});
  for (const auto& c : div.counties) d.counties.push_back({c.code, c.name, c.parent_code, county_centre(c.code)});

  std::map<std::string, GeoPoint> county_centres;
  for (const auto& c : d.counties) county_centres[c.code] = c.centre;
  std::map<std::string, size_t> township_index;
  for (const auto& t : div.townships) {
    township_index[t.code] = d.townships.size();
    d.townships.push_back({t.code, t.name, t.parent_code, point_near(county_centres[t.parent_code], t.code, 18)});
  }

  Random rng(o.seed, "villages");
  d.villages.reserve(div.villages.size());
  for (const auto& v : div.villages) {
    DemoTownship& t = d.townships[township_index.at(v.parent_code)];
    ++t.village_count;
    DemoVillage village{v.code, v.name, v.parent_code};
    describe_village(rng, village);
    village.point = point_near(t.point, v.code, 5);
    d.villages.push_back(std::move(village));
  }
  d.focus_county = pick_focus_county(o, d);

  const std::string& now = d.created_at;
  BatchInsert regions(db, "region", {"code", "name", "level", "parent_code", "created_at", "updated_at"});
  auto add_region = [&](const std::string& code, const std::string& name, const std::string& parent) {
    regions.add({code, name, static_cast<int>(common::region_level(code)),
                 parent.empty() ? store::Value() : store::Value(parent), now, now});
  };
  // Parents before children, so every parent_code names a row written before it.
  add_region(d.province_code, d.province_name, "");
  for (const auto& c : d.cities) add_region(c.code, c.name, d.province_code);
  for (const auto& c : d.counties) add_region(c.code, c.name, c.city_code);
  for (const auto& t : d.townships) add_region(t.code, t.name, t.county_code);
  for (const auto& v : d.villages) add_region(v.code, v.name, v.township_code);
  regions.flush();

  BatchInsert villages(db, "village",
                       {"region_code", "population", "village_doctor_count", "has_fixed_doctor", "is_relocation_site",
                        "latitude", "longitude", "created_at", "updated_at"});
  for (const auto& v : d.villages)
    villages.add({v.code, v.population, v.doctor_count, v.has_fixed_doctor, v.relocation_site, v.point.latitude,
                  v.point.longitude, now, now});
  villages.flush();

  progress << d.province_name << ": cities " << d.cities.size() << ", counties " << d.counties.size() << ", townships "
           << d.townships.size() << ", villages " << d.villages.size();
  if (div.skipped) progress << " (" << div.skipped << " rows with unusable codes skipped)";
}

}  // namespace yilian::demo

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

#include "demo/batch_insert.h"
#include "demo/random.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

class InstitutionWriter {
 public:
  InstitutionWriter(store::Db& db, DemoData& d, Random& rng)
      : d_(d),
        rng_(rng),
        rows_(db, "institution",
              {"code", "name", "kind", "level", "grade", "ownership", "beds", "region_code", "parent_id", "address",
               "phone", "latitude", "longitude", "created_at", "updated_at"}) {}

  // Queues one institution and returns its index in d.institutions.
  size_t add(Facility f, const std::string& name, const std::string& region_code, const std::string& city_code,
             const std::string& address, const GeoPoint& point, int64_t parent_id = 0) {
    const FacilityProfile& p = profile(f);
    DemoInstitution inst;
    char seq[16];
    std::snprintf(seq, sizeof seq, "%02d", ++sequence_[region_code + p.kind]);
    inst.code = region_code + p.kind + seq;  // e.g. 371327A10001: unique, and tells where and what
    inst.name = name;
    inst.region_code = region_code;
    inst.facility = f;
    inst.parent_id = parent_id;
    inst.beds = static_cast<int>(rng_.between(p.beds_min, p.beds_max));
    inst.point = point;
    rows_.add({inst.code, inst.name, p.kind, p.level ? store::Value(p.level) : store::Value(),
               p.grade ? store::Value(p.grade) : store::Value(), "public", inst.beds, region_code,
               parent_id ? store::Value(parent_id) : store::Value(), address, phone(f, city_code), point.latitude,
               point.longitude, d_.created_at, d_.created_at});
    d_.institutions.push_back(std::move(inst));
    return d_.institutions.size() - 1;
  }

  void flush() { rows_.flush(); }

 private:
  // Hospitals and centres have a landline where the city's area code is known; village
  // clinics, and places whose area code is unknown, give a mobile number.
  std::string phone(Facility f, const std::string& city_code) {
    char buf[32];
    std::string area = telephone_area_code(city_code);
    if (f != Facility::village_clinic && !area.empty()) {
      std::snprintf(buf, sizeof buf, "%s-%07llu", area.c_str(),
                    static_cast<unsigned long long>(rng_.between(2000000, 8999999)));
    } else {
      std::snprintf(buf, sizeof buf, "1%llu%08llu", static_cast<unsigned long long>(rng_.between(35, 39)),
                    static_cast<unsigned long long>(rng_.below(100000000)));
    }
    return buf;
  }

  DemoData& d_;
  Random& rng_;
  BatchInsert rows_;
  std::map<std::string, int> sequence_;
};

std::string street_address(Random& rng) {
  static const char* const roads[] = {"人民路", "健康路", "解放路", "中山路", "和平路", "文化路", "建设路", "振兴路"};
  return std::string(roads[rng.below(8)]) + std::to_string(rng.between(1, 299)) + "号";
}

// The 3–4 townships with the most villages host a 中心卫生院; small counties get fewer.
void mark_central_townships(DemoData& d) {
  std::map<std::string, std::vector<DemoTownship*>> by_county;
  for (auto& t : d.townships) by_county[t.county_code].push_back(&t);
  for (auto& [_, list] : by_county) {
    std::stable_sort(list.begin(), list.end(),
                     [](const DemoTownship* a, const DemoTownship* b) { return a->village_count > b->village_count; });
    size_t central = std::clamp<size_t>((list.size() + 2) / 4, 1, 4);
    for (size_t i = 0; i < central && i < list.size(); ++i) list[i]->central = true;
  }
}

void load_ids(store::Db& db, DemoData& d) {
  std::map<std::string, int64_t> ids;
  for (const auto& row : db.query("SELECT id, code FROM institution").rows) ids[row[1].as_text()] = row[0].as_int();
  for (auto& inst : d.institutions) inst.id = ids.at(inst.code);
}

}  // namespace

void create_institutions(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  Random rng(o.seed, "institutions");
  mark_central_townships(d);
  InstitutionWriter writer(db, d, rng);
  std::map<std::string, const DemoCounty*> county_of;
  for (const auto& c : d.counties) county_of[c.code] = &c;
  std::map<std::string, std::string> city_names;
  for (const auto& c : d.cities) city_names[c.code] = c.name;

  // Indices into d.institutions, resolved to ids once the rows are written.
  std::vector<size_t> city_hospital(d.cities.size());
  std::vector<std::array<size_t, 4>> county_units(d.counties.size());
  std::vector<size_t> centre_of(d.townships.size());

  for (size_t i = 0; i < d.cities.size(); ++i) {
    const auto& c = d.cities[i];
    city_hospital[i] =
        writer.add(Facility::city_hospital, city_label(d, c) + "人民医院", c.code, c.code,
                   d.province_name + c.name + street_address(rng), point_near(c.centre, c.code + "H", 3));
  }
  for (size_t i = 0; i < d.counties.size(); ++i) {
    const auto& c = d.counties[i];
    std::string path = d.province_name + city_names[c.city_code] + c.name;
    const std::pair<Facility, const char*> units[] = {{Facility::county_hospital, "人民医院"},
                                                      {Facility::county_tcm_hospital, "中医医院"},
                                                      {Facility::county_cdc, "疾病预防控制中心"},
                                                      {Facility::county_mch, "妇幼保健院"}};
    for (size_t u = 0; u < 4; ++u)
      county_units[i][u] = writer.add(units[u].first, c.name + units[u].second, c.code, c.city_code,
                                      path + street_address(rng), point_near(c.centre, c.code + units[u].second, 3));
  }
  for (size_t i = 0; i < d.townships.size(); ++i) {
    const auto& t = d.townships[i];
    const DemoCounty& c = *county_of.at(t.county_code);
    Facility f = t.central ? Facility::central_health_centre : Facility::township_health_centre;
    centre_of[i] = writer.add(f, t.name + (t.central ? "中心卫生院" : "卫生院"), t.code, c.city_code,
                              d.province_name + city_names[c.city_code] + c.name + t.name, t.point);
  }
  writer.flush();
  load_ids(db, d);
  for (size_t i = 0; i < d.cities.size(); ++i) d.cities[i].hospital_id = d.institutions[city_hospital[i]].id;
  for (size_t i = 0; i < d.counties.size(); ++i) {
    auto& c = d.counties[i];
    c.hospital_id = d.institutions[county_units[i][0]].id;
    c.tcm_hospital_id = d.institutions[county_units[i][1]].id;
    c.cdc_id = d.institutions[county_units[i][2]].id;
    c.mch_id = d.institutions[county_units[i][3]].id;
  }
  std::map<std::string, size_t> township_of;
  for (size_t i = 0; i < d.townships.size(); ++i) {
    d.townships[i].health_centre_id = d.institutions[centre_of[i]].id;
    township_of[d.townships[i].code] = i;
  }

  // Village clinics hang under their township's health centre (V1: 乡村一体化管理).
  size_t first_clinic = d.institutions.size();
  for (const auto& v : d.villages) {
    const DemoTownship& t = d.townships[township_of.at(v.township_code)];
    const DemoCounty& c = *county_of.at(t.county_code);
    writer.add(Facility::village_clinic, v.name + "卫生室", v.code, c.city_code,
               d.province_name + city_names[c.city_code] + c.name + t.name + v.name, point_near(v.point, v.code, 1),
               t.health_centre_id);
  }
  writer.flush();
  load_ids(db, d);
  for (size_t i = 0; i < d.villages.size(); ++i) d.villages[i].clinic_id = d.institutions[first_clinic + i].id;

  progress << d.institutions.size() << " institutions (" << d.cities.size() << " tertiary, " << 4 * d.counties.size()
           << " county-level, " << d.townships.size() << " township centres, " << d.villages.size()
           << " village clinics)";
}

}  // namespace yilian::demo

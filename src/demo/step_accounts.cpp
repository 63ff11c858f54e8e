#include <stdexcept>

#include "admin/accounts.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

const DemoInstitution& institution(const DemoData& d, int64_t id) {
  for (const auto& inst : d.institutions)
    if (inst.id == id) return inst;
  throw std::logic_error("demo: institution " + std::to_string(id) + " was not created");
}

// The first staff member of `institution_id` matching `wanted`.
template <typename Pred>
const DemoStaff* find_staff(const DemoData& d, int64_t institution_id, Pred wanted) {
  for (const auto& s : d.staff)
    if (s.institution_id == institution_id && wanted(s)) return &s;
  return nullptr;
}

}  // namespace

void create_accounts(store::Db& db, const Options&, DemoData& d, std::ostream& progress) {
  const DemoCounty& county = d.counties.at(d.focus_county);
  const DemoCity* city = nullptr;
  for (const auto& c : d.cities)
    if (c.code == county.city_code) city = &c;
  if (!city) throw std::logic_error("demo: the focus county's city was not created");

  // The township account and the village doctor belong together: a health centre of the
  // county (a rural 中心卫生院 when one qualifies) and a doctor of one of its village clinics.
  auto any = [](const DemoStaff&) { return true; };
  auto doctor_in = [&](const DemoTownship& t) -> const DemoStaff* {
    for (const auto& v : d.villages)
      if (v.township_code == t.code)
        if (const DemoStaff* s = find_staff(d, v.clinic_id, any)) return s;
    return nullptr;
  };
  const DemoTownship* township = nullptr;
  const DemoStaff* village_doctor = nullptr;
  // Rural ones first: a 街道 centre in the county seat shows little of the rounds work.
  auto rank = [](const DemoTownship& t) {
    bool street = t.name.size() >= 6 && t.name.compare(t.name.size() - 6, 6, "街道") == 0;
    return (t.central ? 0 : 2) + (street ? 1 : 0);
  };
  for (int wanted = 0; wanted < 4 && !township; ++wanted) {
    for (const auto& t : d.townships) {
      if (township || t.county_code != county.code || rank(t) != wanted) continue;
      if ((village_doctor = doctor_in(t))) township = &t;
    }
  }
  const DemoStaff* doctor = find_staff(
      d, city->hospital_id, [](const DemoStaff& s) { return s.profession == "clinical" && s.title_code == "232"; });
  if (!township || !village_doctor || !doctor)
    throw std::runtime_error(
        "demo: the county has no township with a village doctor, or the city hospital no 副主任医师");

  const std::string& city_hospital = institution(d, city->hospital_id).name;
  const std::string& county_hospital = institution(d, county.hospital_id).name;
  const std::string& centre = institution(d, township->health_centre_id).name;
  struct Account {
    admin::NewUser user;
    std::string scope;
  };
  const Account accounts[] = {
      {{"bureau", county.name + "卫生健康局", kDemoPassword, "bureau", county.code}, county.name},
      {{"bureau_city", city_label(d, *city) + "卫生健康委员会", kDemoPassword, "bureau", city->code},
       city_label(d, *city)},
      {{"hospital_city", city_hospital + "医务科", kDemoPassword, "hospital", "", city->hospital_id}, city_hospital},
      {{"hospital_county", county_hospital + "医务科", kDemoPassword, "hospital", "", county.hospital_id},
       county_hospital},
      {{"township", centre, kDemoPassword, "township", "", township->health_centre_id}, centre},
      {{"doctor", doctor->name, kDemoPassword, "doctor", "", 0, doctor->id},
       doctor->name + " 副主任医师 @ " + city_hospital},
      {{"villager", village_doctor->name, kDemoPassword, "village_doctor", "", 0, village_doctor->id},
       village_doctor->name + " @ " + institution(d, village_doctor->institution_id).name},
  };
  for (const auto& a : accounts) {
    admin::create_user(db, nullptr, "cli", a.user);
    d.logins.push_back({a.user.username, a.user.role, a.scope});
  }
  progress << d.logins.size() << " demo accounts";
}

}  // namespace yilian::demo

#include <map>
#include <unordered_map>

#include "demo/batch_insert.h"
#include "demo/people.h"
#include "demo/steps.h"
#include "codes/codes.h"

namespace yilian::demo {
namespace {

// The departments of one institution, and a weighted choice among those of a role.
class DepartmentChooser {
 public:
  explicit DepartmentChooser(const std::vector<const DemoDepartment*>& all) : all_(all) {}

  // A department for someone of role `role`; any department when the institution has
  // none of that role (a CDC has no clinical ward), 0 when it has none at all.
  int64_t choose(Random& rng, DepartmentRole role) const {
    std::vector<const DemoDepartment*> fitting;
    for (const auto* dept : all_)
      if (dept->role == role) fitting.push_back(dept);
    const auto& pool = fitting.empty() ? all_ : fitting;
    if (pool.empty()) return 0;
    std::vector<int> weights;
    for (const auto* dept : pool) weights.push_back(dept->weight);
    return pool[rng.weighted(weights)]->id;
  }

 private:
  const std::vector<const DemoDepartment*>& all_;
};

// The county whose code opens a staff member's ID number: where they were registered at
// birth. Staff of a city hospital come from any county of that city.
std::string birth_county(Random& rng, const DemoData& d, const DemoInstitution& inst) {
  std::string county = inst.region_code.substr(0, 6);
  if (county.compare(4, 2, "00") != 0) return county;
  auto it = d.city_county_codes.find(county);
  if (it == d.city_county_codes.end() || it->second.empty()) return d.counties[d.focus_county].code;
  return it->second[rng.below(it->second.size())];
}

int headcount(Random& rng, const DemoInstitution& inst, const std::map<std::string, int>& village_doctors) {
  if (inst.facility == Facility::village_clinic) return village_doctors.at(inst.region_code);
  int mean = profile(inst.facility).staff_mean;
  return mean + static_cast<int>(rng.between(-mean / 10, mean / 10));
}

}  // namespace

void create_staff(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  Random rng(o.seed, "staff");
  PersonFactory people(rng);
  std::map<std::string, int> village_doctors;
  for (const auto& v : d.villages) village_doctors[v.code] = v.doctor_count;
  std::unordered_map<int64_t, std::vector<const DemoDepartment*>> departments_of;
  for (const auto& dept : d.departments) departments_of[dept.institution_id].push_back(&dept);
  static const std::vector<const DemoDepartment*> no_departments;

  BatchInsert rows(db, "staff",
                   {"institution_id", "department_id", "name", "sex", "birth_date", "id_number", "phone", "profession",
                    "title_code", "title_level", "promotion_year", "created_at", "updated_at"});
  size_t next_dot = 20000;
  for (const auto& inst : d.institutions) {
    auto found = departments_of.find(inst.id);
    DepartmentChooser chooser(found == departments_of.end() ? no_departments : found->second);
    int n = headcount(rng, inst, village_doctors);
    for (int i = 0; i < n; ++i) {
      StaffDraw draw = draw_staff(rng, inst.facility);
      Person p = people.make(birth_county(rng, d, inst), draw.sex, draw.age);
      int64_t department = chooser.choose(rng, draw.department);
      rows.add({inst.id, department ? store::Value(department) : store::Value(), p.name, p.sex, p.birth_date,
                p.id_number, p.phone, draw.profession,
                draw.title_code.empty() ? store::Value() : store::Value(draw.title_code),
                codes::title_level_of(draw.title_code),
                draw.plans_promotion ? store::Value(kReferenceYear) : store::Value(), d.created_at, d.created_at});
      d.staff.push_back(
          {0, inst.id, department, p.name, p.sex, p.birth_date, p.id_number, draw.profession, draw.title_code});
    }
    if (d.staff.size() >= next_dot) {  // a province takes a while: show that it moves
      progress << "." << std::flush;
      next_dot += 20000;
    }
  }
  rows.flush();

  std::unordered_map<std::string, int64_t> ids;
  ids.reserve(d.staff.size());
  for (const auto& row : db.query("SELECT id, id_number FROM staff").rows) ids[row[1].as_text()] = row[0].as_int();
  for (auto& s : d.staff) s.id = ids.at(s.id_number);
  progress << (d.staff.size() >= 20000 ? " " : "") << d.staff.size() << " staff";
}

}  // namespace yilian::demo

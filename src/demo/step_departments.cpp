#include <map>

#include "demo/batch_insert.h"
#include "demo/steps.h"

namespace yilian::demo {

void create_departments(store::Db& db, const Options&, DemoData& d, std::ostream& progress) {
  BatchInsert rows(db, "department", {"institution_id", "code", "name", "created_at", "updated_at"});
  for (const auto& inst : d.institutions) {
    for (const auto& spec : departments(inst.facility)) {
      rows.add({inst.id, spec.code ? store::Value(spec.code) : store::Value(), spec.name, d.created_at, d.created_at});
      d.departments.push_back({0, inst.id, spec.name, spec.role, spec.weight});
    }
  }
  rows.flush();

  std::map<std::pair<int64_t, std::string>, int64_t> ids;
  for (const auto& row : db.query("SELECT id, institution_id, name FROM department").rows)
    ids[{row[1].as_int(), row[2].as_text()}] = row[0].as_int();
  for (auto& dept : d.departments) dept.id = ids.at({dept.institution_id, dept.name});
  progress << d.departments.size() << " departments";
}

}  // namespace yilian::demo

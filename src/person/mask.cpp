#include "person/mask.h"

#include "common/mask.h"
#include "person/identity.h"

namespace yilian::person {

using nlohmann::json;

View view_for(const auth::Principal& viewer) { return viewer.role == auth::Role::admin ? View::full : View::masked; }

std::string mask_document_number(const std::string& id_type, const std::string& number) {
  if (number.empty()) return number;
  // An 18-character number (身份证, 2023 永居证) hides its birth-date digits; on shorter
  // documents keeping the first six would show most of the number.
  if (number.size() == 18) return common::mask_id_number(number);
  size_t keep = number.size() > 4 ? 4 : 0;
  return std::string(number.size() - keep, '*') + number.substr(number.size() - keep);
}

json render(const Person& p, View view) {
  bool masked = view == View::masked;
  auto text = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  json j = {{"id", p.id},
            {"version", p.version},
            {"active", p.active},
            {"created_at", p.created_at},
            {"updated_at", p.updated_at},
            {"id_type", text(p.id_type)},
            {"id_type_label", nullptr},
            {"id_number", nullptr},
            {"name", p.name},
            {"sex", p.sex},
            {"birth_date", text(p.birth_date)},
            {"phone", nullptr},
            {"address_region", text(p.address_region)},
            {"address", nullptr},
            {"merged_into", p.merged_into ? json(p.merged_into) : json(nullptr)},
            {"notes", nullptr},
            {"masked", masked}};
  if (auto t = parse_id_type(p.id_type)) j["id_type_label"] = id_type_label(*t);
  if (!masked) {
    j["id_number"] = text(p.id_number);
    j["phone"] = text(p.phone);
    j["address"] = text(p.address);
    j["notes"] = text(p.notes);
    return j;
  }
  if (!p.id_number.empty()) {
    j["id_number"] = mask_document_number(p.id_type, p.id_number);
    j["birth_date"] = text(common::mask_birth_date(p.birth_date));
  }
  if (!p.phone.empty()) j["phone"] = common::mask_phone(p.phone);
  return j;
}

}  // namespace yilian::person

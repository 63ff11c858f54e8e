// How a person is shown. Masking rules live here, with the person, so every module that
// shows a person (staff lists, referrals, residents, the audit trail) masks the same way
// instead of each entity choosing its own fields.
//
// Masked view (hardening issue item 5: nothing beside a masked number may unmask it):
// - ID number: a 身份证 (and any 18-character number) keeps the region and the last four,
//   "370102********1234" (common::mask_id_number); other documents keep the last four;
// - birth date: "****-**-**" whenever the ID number is masked, since the hidden digits of
//   a 身份证 are the birth date;
// - phone: "138****5678" (common::mask_phone);
// - address: omitted, only its region code is shown; notes: omitted (free text).
// Name and sex stay visible: a person must be recognisable, and the 17th digit (sex) is
// among the last four of the masked number anyway.
#pragma once
#include <nlohmann/json.hpp>

#include "auth/principal.h"
#include "person/person.h"

namespace yilian::person {

enum class View { full, masked };

// Who sees a person in full. For now only the administrator; the entity layer will add
// "may edit this person's record" when staff move onto person.
View view_for(const auth::Principal& viewer);

std::string mask_document_number(const std::string& id_type, const std::string& number);

// {id, version, active, created_at, updated_at, id_type, id_type_label, id_number, name, sex,
//  birth_date, phone, address_region, address, merged_into, notes, masked}
nlohmann::json render(const Person& p, View view);

}  // namespace yilian::person

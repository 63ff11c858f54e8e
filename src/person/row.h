// Internals shared by the person store's files: how a row is read and decrypted, the
// blind indexes, the audit entry. Not for other modules (they use person.h).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "person/person.h"
#include "store/db.h"

namespace yilian::person::detail {

// Associated data of each encrypted column (keyring.h): a value is bound to its column.
inline constexpr const char* kIdNumberColumn = "person.id_number";
inline constexpr const char* kPhoneColumn = "person.phone";
inline constexpr const char* kAddressColumn = "person.address";

// The columns decode() reads, in order, for "SELECT <kColumns> FROM person p".
extern const char* const kColumns;
Person decode(const std::vector<store::Value>& row);
std::optional<Person> load_where(store::Db& db, const std::string& where, const store::Params& params);

std::string id_index(const std::string& id_type, const std::string& identity_key);
std::string phone_index(const std::string& normalised_phone);
// "" when it is no phone number; otherwise digits only (landline without hyphen, no +86).
std::string normalise_phone(const std::string& raw);

// One audit row for a person, masked; `extra` is merged into `after` (merge details).
void audit_person(store::Db& db, const Actor& actor, const std::string& action, const Person* before,
                  const Person* after, const nlohmann::json& extra = nullptr);

bool is_sql_identifier(const std::string& s);

}  // namespace yilian::person::detail

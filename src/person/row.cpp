#include "person/row.h"

#include "audit/audit.h"
#include "person/keyring.h"
#include "person/mask.h"
#include "person/id_number.h"

namespace yilian::person::detail {

const char* const kColumns =
    "p.id, p.version, p.active, p.created_at, p.updated_at, p.id_type, p.id_number_enc, p.name, p.sex, "
    "p.birth_date, p.phone_enc, p.address_region, p.address_enc, p.merged_into, p.notes";

namespace {

std::string decrypted(const store::Value& v, const char* column, int64_t id) {
  if (v.is_null()) return "";
  auto plain = keyring().decrypt(column, v.as_text());
  // Never a partial record: a value that does not decrypt means another key or tampering.
  if (!plain)
    throw KeyError(std::string("person ") + std::to_string(id) + ": " + column +
                   " cannot be decrypted (another data key, or the value was altered)");
  return *plain;
}

}  // namespace

Person decode(const std::vector<store::Value>& r) {
  Person p;
  p.id = r[0].as_int();
  p.version = r[1].as_int();
  p.active = r[2].as_int() != 0;
  p.created_at = r[3].as_text();
  p.updated_at = r[4].as_text();
  p.id_type = r[5].as_text();
  p.id_number = decrypted(r[6], kIdNumberColumn, p.id);
  p.name = r[7].as_text();
  p.sex = r[8].as_text();
  p.birth_date = r[9].as_text();
  p.phone = decrypted(r[10], kPhoneColumn, p.id);
  p.address_region = r[11].as_text();
  p.address = decrypted(r[12], kAddressColumn, p.id);
  p.merged_into = r[13].as_int(0);
  p.notes = r[14].as_text();
  return p;
}

std::optional<Person> load_where(store::Db& db, const std::string& where, const store::Params& params) {
  auto r = db.query(std::string("SELECT ") + kColumns + " FROM person p WHERE " + where, params);
  if (r.empty()) return std::nullopt;
  return decode(r.rows[0]);
}

std::string id_index(const std::string& id_type, const std::string& identity_key) {
  return keyring().blind_index("id:" + id_type, identity_key);
}

std::string phone_index(const std::string& normalised_phone) { return keyring().blind_index("phone", normalised_phone); }

std::string normalise_phone(const std::string& raw) {
  std::string s;
  for (char c : raw)
    if (c != ' ' && c != '-' && c != '\t') s += c;
  if (s.rfind("+86", 0) == 0) s = s.substr(3);
  else if (s.size() == 13 && s.rfind("861", 0) == 0) s = s.substr(2);
  if (!person::is_valid_phone(s)) return "";
  return s;
}

void audit_person(store::Db& db, const Actor& actor, const std::string& action, const Person* before,
                  const Person* after, const nlohmann::json& extra) {
  const Person* subject = after ? after : before;
  audit::Entry e;
  e.action = action;
  e.entity = "person";
  e.entity_id = std::to_string(subject->id);
  e.region_code = subject->address_region;
  if (before) e.before = render(*before, View::masked);
  if (after) e.after = render(*after, View::masked);
  if (!extra.is_null()) {
    if (e.after.is_null()) e.after = nlohmann::json::object();
    for (auto& [k, v] : extra.items()) e.after[k] = v;
  }
  audit::record(db, actor.user, actor.remote_addr, e, actor.name);
}

bool is_sql_identifier(const std::string& s) {
  if (s.empty() || s.size() > 63) return false;
  if (!(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z'))) return false;
  for (char c : s)
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

}  // namespace yilian::person::detail

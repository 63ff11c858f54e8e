// The person store: validation, find-or-create, update and the lookups.
#include "person/person.h"

#include "common/clock.h"
#include "common/error.h"
#include "person/identity.h"
#include "person/keyring.h"
#include "person/row.h"
#include "common/region_code.h"

namespace yilian::person {
namespace {

using detail::audit_person;
using detail::load_where;

constexpr size_t kMaxName = 50, kMaxAddress = 200, kMaxNotes = 500;
// A chain of merges longer than this is a loop or damage, not data.
constexpr int kMaxMergeChain = 16;

size_t utf8_length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Length of the blank (ASCII whitespace or U+3000) starting at `at`, or ending at `end`.
size_t blank_at(const std::string& s, size_t at) {
  if (at < s.size() && (s[at] == ' ' || s[at] == '\t' || s[at] == '\r' || s[at] == '\n')) return 1;
  if (s.compare(at, 3, "\xE3\x80\x80") == 0) return 3;
  return 0;
}
size_t blank_before(const std::string& s, size_t end) {
  if (end >= 1 && blank_at(s, end - 1) == 1) return 1;
  if (end >= 3 && blank_at(s, end - 3) == 3) return 3;
  return 0;
}

std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e)
    if (size_t n = blank_at(s, b)) b += n; else break;
  while (e > b)
    if (size_t n = blank_before(s, e)) e -= n; else break;
  return s.substr(b, e - b);
}

bool has_control(const std::string& s, bool allow_newline) {
  for (unsigned char c : s)
    if ((c < 0x20 && !(allow_newline && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7F) return true;
  return false;
}

// A PersonInput checked and normalised; the only form that reaches SQL.
struct Clean {
  std::string id_type;
  IdDocument doc;  // valid when id_type is set
  std::string name, sex, birth_date, phone, region, address, notes;
};

Clean validate(store::Db& db, const PersonInput& in) {
  Clean c;
  c.name = trim(in.name);
  if (c.name.empty()) common::invalid("name", "请填写姓名");
  if (utf8_length(c.name) > kMaxName) common::invalid("name", "姓名不能超过" + std::to_string(kMaxName) + "个字");
  if (has_control(c.name, false)) common::invalid("name", "姓名不能含控制字符");

  std::string number = trim(in.id_number);
  if (!in.id_type.empty()) {
    auto type = parse_id_type(in.id_type);
    if (!type) common::invalid("id_type", "证件类型无效");
    c.id_type = in.id_type;
    c.doc = check_id_document(*type, number);
    if (!c.doc.valid) common::invalid("id_number", c.doc.problem);
  } else if (!number.empty()) {
    common::invalid("id_type", "请选择证件类型");
  }

  c.sex = trim(in.sex);
  if (c.sex.empty()) c.sex = c.doc.sex;
  if (c.sex.empty()) common::invalid("sex", "请填写性别");
  if (c.sex != "1" && c.sex != "2" && c.sex != "0" && c.sex != "9")
    common::invalid("sex", "性别须为1(男)、2(女)、0(未知)或9(未说明)");
  if (!c.doc.sex.empty() && c.sex != c.doc.sex) common::invalid("sex", "性别与身份证号不符");

  c.birth_date = trim(in.birth_date);
  if (c.birth_date.empty()) c.birth_date = c.doc.birth_date;
  if (!c.birth_date.empty()) {
    if (!common::is_valid_date(c.birth_date)) common::invalid("birth_date", "出生日期须为有效日期(YYYY-MM-DD)");
    if (c.birth_date > common::today()) common::invalid("birth_date", "出生日期不能晚于今天");
    if (c.birth_date < "1900-01-01") common::invalid("birth_date", "出生日期不能早于1900-01-01");
    if (!c.doc.birth_date.empty() && c.birth_date != c.doc.birth_date)
      common::invalid("birth_date", "出生日期与身份证号不符");
  }

  if (!trim(in.phone).empty()) {
    c.phone = detail::normalise_phone(trim(in.phone));
    if (c.phone.empty()) common::invalid("phone", "电话号码格式不正确(手机号11位,或区号加座机号)");
  }

  c.region = trim(in.address_region);
  c.address = trim(in.address);
  c.notes = trim(in.notes);
  if (!c.region.empty()) {
    if (common::region_level(c.region) == common::RegionLevel::invalid ||
        db.query("SELECT 1 FROM region WHERE code = ? AND active = 1", {c.region}).empty())
      common::invalid("address_region", "行政区划代码无效或不存在");
  }
  if (!c.address.empty()) {
    if (c.region.empty()) common::invalid("address_region", "填写地址时须选择所在行政区划");
    if (utf8_length(c.address) > kMaxAddress)
      common::invalid("address", "地址不能超过" + std::to_string(kMaxAddress) + "个字");
    if (has_control(c.address, false)) common::invalid("address", "地址不能含控制字符");
  }
  if (utf8_length(c.notes) > kMaxNotes) common::invalid("notes", "备注不能超过" + std::to_string(kMaxNotes) + "个字");
  if (has_control(c.notes, true)) common::invalid("notes", "备注不能含控制字符");
  return c;
}

store::Value opt(const std::string& s) { return s.empty() ? store::Value() : store::Value(s); }

// The encrypted and indexed columns of a clean record, in the order
// id_type, id_number_enc, id_number_hash, name, sex, birth_date, phone_enc, phone_hash,
// address_region, address_enc, notes.
store::Params stored_values(const Clean& c) {
  const Keyring& k = keyring();
  bool doc = !c.id_type.empty();
  return {opt(c.id_type),
          doc ? store::Value(k.encrypt(detail::kIdNumberColumn, c.doc.number)) : store::Value(),
          doc ? store::Value(detail::id_index(c.id_type, c.doc.identity_key)) : store::Value(),
          c.name,
          c.sex,
          opt(c.birth_date),
          c.phone.empty() ? store::Value() : store::Value(k.encrypt(detail::kPhoneColumn, c.phone)),
          c.phone.empty() ? store::Value() : store::Value(detail::phone_index(c.phone)),
          opt(c.region),
          c.address.empty() ? store::Value() : store::Value(k.encrypt(detail::kAddressColumn, c.address)),
          opt(c.notes)};
}

// Whether what the caller knows agrees with the stored record: the name always; sex and
// birth date when both sides know them.
bool agrees(const Person& stored, const Clean& c) {
  if (stored.name != c.name) return false;
  if (stored.sex != c.sex && stored.sex != "0" && stored.sex != "9" && c.sex != "0" && c.sex != "9") return false;
  if (!stored.birth_date.empty() && !c.birth_date.empty() && stored.birth_date != c.birth_date) return false;
  return true;
}

[[noreturn]] void mismatch() {
  common::conflict("person_mismatch", "该证件号码与所填姓名、性别或出生日期不符,不能使用,请核对后再试",
                   "id_number");
}

}  // namespace

void check_key(store::Db& db) {
  const std::string fp = keyring().fingerprint();
  store::Transaction tx(db);
  db.exec("INSERT INTO person_key (id, fingerprint, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING",
          {fp, common::now_iso()});
  std::string stored = db.query("SELECT fingerprint FROM person_key WHERE id = 1").scalar().as_text();
  if (stored != fp)
    throw KeyError("the data key differs from the one this database's personal data was written with; "
                   "start the server with the original key (YILIAN_DATA_KEY, YILIAN_KEY_FILE or --key-file)");
  tx.commit();
}

std::optional<Person> load(store::Db& db, int64_t id) { return load_where(db, "p.id = ?", {id}); }

std::optional<Person> resolve(store::Db& db, int64_t id) {
  auto p = load(db, id);
  for (int i = 0; p && p->merged_into && i < kMaxMergeChain; ++i) p = load(db, p->merged_into);
  if (p && p->merged_into) throw std::runtime_error("person " + std::to_string(id) + ": merge chain too long");
  return p;
}

FoundOrCreated find_or_create(store::Db& db, const Actor& actor, const PersonInput& in) {
  store::Transaction tx(db);
  check_key(db);
  Clean c = validate(db, in);
  store::Params values = stored_values(c);
  const store::Value hash = values[2];  // a copy: values grows below
  if (!hash.is_null())
    if (auto holder = load_where(db, "p.id_number_hash = ?", {hash})) {
      if (!agrees(*holder, c)) mismatch();
      tx.commit();
      return {*resolve(db, holder->id), false};
    }
  std::string now = common::now_iso();
  values.push_back(now);
  values.push_back(now);
  // ON CONFLICT: a concurrent writer may register the same document between the lookup
  // and the insert (PostgreSQL, READ COMMITTED); then its record is the answer.
  int64_t id = db.insert(
      "INSERT INTO person (id_type, id_number_enc, id_number_hash, name, sex, birth_date, phone_enc, phone_hash, "
      "address_region, address_enc, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (id_number_hash) DO NOTHING",
      values);
  if (id == 0) {
    auto holder = load_where(db, "p.id_number_hash = ?", {hash});
    if (!holder || !agrees(*holder, c)) mismatch();
    tx.commit();
    return {*resolve(db, holder->id), false};
  }
  Person created = *load(db, id);
  audit_person(db, actor, "create", nullptr, &created);
  tx.commit();
  return {created, true};
}

Person update(store::Db& db, const Actor& actor, int64_t id, int64_t expected_version, const PersonInput& in) {
  store::Transaction tx(db);
  check_key(db);
  auto before = load(db, id);
  if (!before) common::not_found();
  if (before->merged_into) common::conflict("person_merged", "该人员记录已合并到其他记录,不能修改", "id");
  Clean c = validate(db, in);
  if (before->version != expected_version)
    common::conflict("version_conflict",
                     "记录已被他人修改(当前版本" + std::to_string(before->version) + "),请刷新后重试", "version");
  store::Params values = stored_values(c);
  // Item 6 of the hardening issue: say only that the number cannot be used, not who has it.
  auto unavailable = [] {
    common::conflict("id_number_unavailable", "该证件号码不能使用,请核对", "id_number");
  };
  if (!values[2].is_null() &&
      !db.query("SELECT 1 FROM person WHERE id_number_hash = ? AND id <> ?", {values[2], id}).empty())
    unavailable();
  values.push_back(common::now_iso());
  values.push_back(id);
  values.push_back(expected_version);
  int64_t n = 0;
  try {
    n = db.exec(
        "UPDATE person SET id_type = ?, id_number_enc = ?, id_number_hash = ?, name = ?, sex = ?, birth_date = ?, "
        "phone_enc = ?, phone_hash = ?, address_region = ?, address_enc = ?, notes = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ? AND version = ? AND merged_into IS NULL",
        values);
  } catch (const store::DbError& e) {
    if (e.kind == store::DbError::Kind::unique) unavailable();
    throw;
  }
  if (n == 0) common::conflict("version_conflict", "记录已被他人修改,请刷新后重试", "version");
  Person after = *load(db, id);
  audit_person(db, actor, "update", &*before, &after);
  tx.commit();
  return after;
}

std::optional<Person> find_by_id_number(store::Db& db, const std::string& id_type, const std::string& id_number) {
  auto type = parse_id_type(id_type);
  if (!type) common::invalid("id_type", "证件类型无效");
  IdDocument doc = check_id_document(*type, id_number);
  if (!doc.valid) common::invalid("id_number", doc.problem);
  return load_where(db, "p.id_number_hash = ?", {detail::id_index(id_type, doc.identity_key)});
}

std::vector<Person> find_by_phone(store::Db& db, const std::string& phone) {
  std::string n = detail::normalise_phone(trim(phone));
  if (n.empty()) common::invalid("phone", "电话号码格式不正确(手机号11位,或区号加座机号)");
  auto r = db.query(std::string("SELECT ") + detail::kColumns +
                        " FROM person p WHERE p.phone_hash = ? AND p.active = 1 AND p.merged_into IS NULL ORDER BY p.id",
                    {detail::phone_index(n)});
  std::vector<Person> out;
  for (const auto& row : r.rows) out.push_back(detail::decode(row));
  return out;
}

}  // namespace yilian::person

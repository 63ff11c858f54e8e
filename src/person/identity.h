// Identity documents a person can be registered with. Most people have a 居民身份证
// (GB 11643); the few who have not carry a passport or one of the permits for residents of
// Hong Kong, Macao and Taiwan or for foreigners with permanent residence.
//
// Invariants:
// - `number` is the normalised form that is stored (encrypted) and shown: ASCII upper
//   case, no spaces, full-width digits and letters (a Chinese input method's) folded to
//   ASCII. Two spellings of one number normalise to the same text.
// - `identity_key` is what identifies the holder, for the blind index and uniqueness: the
//   number, except for the old 11-character 港澳居民来往内地通行证 whose last two digits
//   count renewals (公安部 号码规则: the first 9 characters are the holder's lifelong
//   number), so a renewed permit finds the same person.
// - Only a 居民身份证 implies a birth date and sex (GB 11643: digits 7–14, parity of 17).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace yilian::person {

enum class IdType {
  resident_id,           // 居民身份证
  passport,              // 护照
  hk_macao_permit,       // 港澳居民来往内地通行证
  taiwan_permit,         // 台湾居民来往大陆通行证
  foreign_permanent_id,  // 外国人永久居留身份证
};

const char* id_type_code(IdType t);   // "resident_id", as stored and sent
const char* id_type_label(IdType t);  // "居民身份证"
std::optional<IdType> parse_id_type(const std::string& code);
// (code, label) for every type, in the order a form lists them.
const std::vector<std::pair<std::string, std::string>>& id_type_choices();

struct IdDocument {
  bool valid = false;
  std::string problem;  // Chinese, when invalid
  std::string number;
  std::string identity_key;
  std::string birth_date;  // YYYY-MM-DD, implied by a 居民身份证; else empty
  std::string sex;         // "1" male, "2" female (GB/T 2261.1), implied likewise
};

std::string normalise_document_number(const std::string& raw);
IdDocument check_id_document(IdType type, const std::string& raw);

}  // namespace yilian::person

#include "person/identity.h"

#include <cctype>

#include "person/id_number.h"

namespace yilian::person {
namespace {

// Longer input is no document number of any kind; refusing it early keeps messages short.
constexpr size_t kMaxRaw = 64;

bool all_digits(const std::string& s, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

bool all_upper(const std::string& s, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i)
    if (s[i] < 'A' || s[i] > 'Z') return false;
  return true;
}

IdDocument invalid(std::string number, std::string problem) {
  IdDocument d;
  d.number = std::move(number);
  d.problem = std::move(problem);
  return d;
}

IdDocument valid(std::string number, std::string key = "") {
  IdDocument d;
  d.valid = true;
  d.identity_key = key.empty() ? number : key;
  d.number = std::move(number);
  return d;
}

IdDocument resident_id(const std::string& n) {
  auto info = person::check_id_number(n);
  if (!info.valid) return invalid(n, info.problem);
  IdDocument d = valid(n);
  d.birth_date = info.birth_date;
  d.sex = info.sex;
  return d;
}

IdDocument passport(const std::string& n) {
  bool alnum = !n.empty();
  bool digit = false;
  for (char c : n) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && (c < 'A' || c > 'Z')) alnum = false;
    if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
  }
  if (!alnum || n.size() < 5 || n.size() > 20) return invalid(n, "护照号码须为5至20位字母或数字");
  if (!digit) return invalid(n, "护照号码须含数字");
  return valid(n);
}

// 公安部《港澳居民来往内地通行证号码规则》: H (香港) or M (澳门), then the holder's 8-digit
// lifelong number, then (on the 1999 card) 2 digits counting renewals.
IdDocument hk_macao_permit(const std::string& n) {
  bool letter = !n.empty() && (n[0] == 'H' || n[0] == 'M');
  if (!letter || !((n.size() == 9 || n.size() == 11) && all_digits(n, 1, n.size())))
    return invalid(n, "港澳居民来往内地通行证号码须为H或M加8位数字(旧版为H或M加10位数字)");
  return valid(n, n.substr(0, 9));
}

IdDocument taiwan_permit(const std::string& n) {
  if (n.size() != 8 || !all_digits(n, 0, 8)) return invalid(n, "台湾居民来往大陆通行证号码须为8位数字");
  return valid(n);
}

// The 2023 card: 18 characters, "9" first (foreigners; citizens' numbers begin 1–8),
// 17 digits and the MOD 11-2 check character of GB 11643. The older cards: 15
// characters, three Latin letters (nationality) and 12 digits.
IdDocument foreign_permanent_id(const std::string& n) {
  if (n.size() == 15) {
    if (!all_upper(n, 0, 3) || !all_digits(n, 3, 15))
      return invalid(n, "外国人永久居留身份证号码(旧版15位)须为3位字母加12位数字");
    return valid(n);
  }
  if (n.size() == 18) {
    if (n[0] != '9') return invalid(n, "外国人永久居留身份证号码(18位)须以9开头");
    if (!all_digits(n, 0, 17) || !(std::isdigit(static_cast<unsigned char>(n[17])) || n[17] == 'X'))
      return invalid(n, "外国人永久居留身份证号码(18位)须为17位数字加校验位");
    if (person::id_number_check_char(n.substr(0, 17)) != n[17])
      return invalid(n, "外国人永久居留身份证号码校验位错误");
    return valid(n);
  }
  return invalid(n, "外国人永久居留身份证号码须为18位(新版)或15位(旧版)");
}

}  // namespace

const char* id_type_code(IdType t) {
  switch (t) {
    case IdType::resident_id: return "resident_id";
    case IdType::passport: return "passport";
    case IdType::hk_macao_permit: return "hk_macao_permit";
    case IdType::taiwan_permit: return "taiwan_permit";
    case IdType::foreign_permanent_id: return "foreign_permanent_id";
  }
  return "";
}

const char* id_type_label(IdType t) {
  switch (t) {
    case IdType::resident_id: return "居民身份证";
    case IdType::passport: return "护照";
    case IdType::hk_macao_permit: return "港澳居民来往内地通行证";
    case IdType::taiwan_permit: return "台湾居民来往大陆通行证";
    case IdType::foreign_permanent_id: return "外国人永久居留身份证";
  }
  return "";
}

const std::vector<std::pair<std::string, std::string>>& id_type_choices() {
  static const std::vector<std::pair<std::string, std::string>> all = [] {
    std::vector<std::pair<std::string, std::string>> v;
    for (IdType t : {IdType::resident_id, IdType::passport, IdType::hk_macao_permit, IdType::taiwan_permit,
                     IdType::foreign_permanent_id})
      v.emplace_back(id_type_code(t), id_type_label(t));
    return v;
  }();
  return all;
}

std::optional<IdType> parse_id_type(const std::string& code) {
  for (IdType t : {IdType::resident_id, IdType::passport, IdType::hk_macao_permit, IdType::taiwan_permit,
                   IdType::foreign_permanent_id})
    if (code == id_type_code(t)) return t;
  return std::nullopt;
}

std::string normalise_document_number(const std::string& raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    // U+3000 ideographic space: E3 80 80.
    if (c == 0xE3 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
        static_cast<unsigned char>(raw[i + 2]) == 0x80) {
      i += 2;
      continue;
    }
    // Full-width ０-９ A-Z a-z (U+FF10–FF19, FF21–FF3A, FF41–FF5A): EF BC 90–99, EF BC A1–BA, EF BD 81–9A.
    if (c == 0xEF && i + 2 < raw.size()) {
      unsigned char b = static_cast<unsigned char>(raw[i + 1]), d = static_cast<unsigned char>(raw[i + 2]);
      char ascii = 0;
      if (b == 0xBC && d >= 0x90 && d <= 0x99) ascii = static_cast<char>('0' + (d - 0x90));
      if (b == 0xBC && d >= 0xA1 && d <= 0xBA) ascii = static_cast<char>('A' + (d - 0xA1));
      if (b == 0xBD && d >= 0x81 && d <= 0x9A) ascii = static_cast<char>('A' + (d - 0x81));
      if (ascii) {
        out += ascii;
        i += 2;
        continue;
      }
    }
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : static_cast<char>(c);
  }
  return out;
}

IdDocument check_id_document(IdType type, const std::string& raw) {
  if (raw.size() > kMaxRaw) return invalid("", "证件号码过长");
  std::string n = normalise_document_number(raw);
  if (n.empty()) return invalid(n, "请填写证件号码");
  switch (type) {
    case IdType::resident_id: return resident_id(n);
    case IdType::passport: return passport(n);
    case IdType::hk_macao_permit: return hk_macao_permit(n);
    case IdType::taiwan_permit: return taiwan_permit(n);
    case IdType::foreign_permanent_id: return foreign_permanent_id(n);
  }
  return invalid(n, "证件类型无效");
}

}  // namespace yilian::person

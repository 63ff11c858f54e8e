#include "io/cell_guard.h"

namespace yilian::io {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// [+-] digits [. digits] [e [+-] digits], or [+-] . digits […]: what a spreadsheet reads
// as a number, so it is not evaluated.
bool plain_number(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  while (i < s.size() && digit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && digit(s[i])) ++i, ++digits;
  }
  if (!digits) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp = 0;
    while (i < s.size() && digit(s[i])) ++i, ++exp;
    if (!exp) return false;
  }
  return i == s.size();
}

}  // namespace

bool reads_as_formula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '@':
    case '\t':
    case '\r': return true;
    case '+':
    case '-': return !plain_number(cell);
    default: return false;
  }
}

std::string guard_cell(const std::string& cell) { return reads_as_formula(cell) ? "'" + cell : cell; }

}  // namespace yilian::io

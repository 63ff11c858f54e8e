// Spreadsheet formula injection (OWASP "CSV injection"). A spreadsheet program reads a
// cell that begins with = + - @ (or tab or CR, which some strip before looking) as a
// formula: =HYPERLINK("http://…","点") in a staff name would send a click, and the
// row's data, to any address. Every CSV and xlsx the server writes goes through
// io::write_csv or io::XlsxSheet, which store such text with a leading single quote, so
// the program shows it as text. xlsx cells are moreover always strings, never formulas.
// Numbers are left alone: "-3" or "+1.5e3" is a number, which no program runs.
#pragma once
#include <string>
#include <string_view>

namespace yilian::io {

// True when `cell` begins with = + - @ tab or CR and is not a plain decimal number.
bool reads_as_formula(std::string_view cell);
// The cell as it must be written: with a leading "'" when reads_as_formula, else unchanged.
std::string guard_cell(const std::string& cell);

}  // namespace yilian::io

#include "io/xlsx_reader.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <pugixml.hpp>
#include <set>

#include "common/error.h"
#include "io/zip_reader.h"

namespace yilian::io {
namespace {

pugi::xml_document parse(ZipReader& zip, const std::string& member, bool required) {
  pugi::xml_document doc;
  auto text = zip.read(member);
  if (!text) {
    if (required) common::bad_request("bad_file", "不是有效的xlsx文件(缺少" + member + ")");
    return doc;
  }
  if (!doc.load_buffer(text->data(), text->size()))
    common::bad_request("bad_file", "xlsx文件已损坏(" + member + "无法解析)");
  return doc;
}

// Element names ignoring any namespace prefix ("x:row" and "row" alike).
bool named(const pugi::xml_node& n, const char* local) {
  const char* name = n.name();
  const char* colon = std::strrchr(name, ':');
  return std::strcmp(colon ? colon + 1 : name, local) == 0;
}

pugi::xml_node child(const pugi::xml_node& n, const char* local) {
  for (auto c : n.children())
    if (named(c, local)) return c;
  return {};
}

// The text of a string item: a plain <t>, or rich-text runs <r><t>; phonetic
// guides (<rPh>) are not part of the value.
std::string string_item(const pugi::xml_node& si) {
  std::string out;
  for (auto c : si.children()) {
    if (named(c, "t"))
      out += c.text().get();
    else if (named(c, "r"))
      out += child(c, "t").text().get();
  }
  return out;
}

std::vector<std::string> shared_strings(ZipReader& zip) {
  std::vector<std::string> out;
  auto doc = parse(zip, "xl/sharedStrings.xml", false);
  for (auto si : doc.document_element().children())
    if (named(si, "si")) out.push_back(string_item(si));
  return out;
}

bool is_date_format_code(const std::string& code) {
  bool quoted = false, bracket = false;
  for (char c : code) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == '[') bracket = true;
    else if (!quoted && c == ']') bracket = false;
    else if (!quoted && !bracket && (c == 'y' || c == 'Y' || c == 'd' || c == 'D')) return true;
  }
  return false;
}

// For each cell style index, whether it shows a date.
std::vector<bool> date_styles(ZipReader& zip) {
  auto doc = parse(zip, "xl/styles.xml", false);
  auto root = doc.document_element();
  // Built-in date formats, including the CJK ones Chinese Excel uses for 年月日
  // (27–31, 36, 50–58; 32–35 show times only).
  std::set<unsigned> date_formats = {14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58};
  for (auto f : child(root, "numFmts").children())
    if (is_date_format_code(f.attribute("formatCode").as_string())) date_formats.insert(f.attribute("numFmtId").as_uint());
  std::vector<bool> out;
  for (auto xf : child(root, "cellXfs").children())
    if (named(xf, "xf")) out.push_back(date_formats.count(xf.attribute("numFmtId").as_uint()) > 0);
  return out;
}

// Days since 1970-01-01 → YYYY-MM-DD (H. Hinnant's civil_from_days).
std::string civil_date(int64_t days) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  return buf;
}

// Whether Excel shows the serial as a date: 0 up to 9999-12-31 (2,958,465 in the 1900 system,
// 2,957,003 in the 1904 one); beyond, it shows ####. Checked before the conversion to a day
// count, which is undefined for a double outside int64_t's range (3.2e36, inf, nan).
bool is_excel_date(double serial, bool date1904) {
  return serial >= 0 && serial < (date1904 ? 2957004 : 2958466);
}

std::string excel_date(double serial, bool date1904) {
  // Serial 25569 is 1970-01-01 in the 1900 system (which counts a 29 February 1900
  // that never was, so day numbers from March 1900 on line up with this offset).
  int64_t days = static_cast<int64_t>(std::floor(serial)) + (date1904 ? 1462 : 0) - 25569;
  return civil_date(days);
}

std::string number_text(const std::string& v) {
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (end == v.c_str() || *end) return v;
  if (std::floor(d) == d && std::fabs(d) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", d);
    return buf;
  }
  if (v.find_first_of("eE") == std::string::npos) return v;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}

// "BC12" → column 54 (0-based), row 12 (1-based); false when malformed.
bool parse_reference(const char* ref, size_t& col, size_t& row) {
  size_t c = 0, r = 0, i = 0;
  for (; ref[i] >= 'A' && ref[i] <= 'Z'; ++i) c = c * 26 + static_cast<size_t>(ref[i] - 'A' + 1);
  for (; ref[i] >= '0' && ref[i] <= '9'; ++i) r = r * 10 + static_cast<size_t>(ref[i] - '0');
  if (ref[i] || c == 0 || r == 0 || c > 16384 || r > 1048576) return false;
  col = c - 1;
  row = r;
  return true;
}

// Excel's own bounds: rows 1–1,048,576, columns A–XFD (16,384).
constexpr size_t kMaxRows = 1048576, kMaxColumns = 16384;
// Cells the table may hold, empty ones included: far above any registry sheet (a province's
// staff is ≈1 M cells), far below what a hostile upload could ask for (16,384 per row).
constexpr size_t kMaxCells = 4'000'000;

// A row's r attribute: 1–1,048,576, digits only; 0 otherwise.
size_t parse_row_number(const char* text) {
  size_t r = 0, i = 0;
  for (; text[i] >= '0' && text[i] <= '9' && r <= kMaxRows; ++i) r = r * 10 + static_cast<size_t>(text[i] - '0');
  return text[i] || r > kMaxRows ? 0 : r;
}

struct Workbook {
  std::string sheet_path;
  bool date1904 = false;
};

Workbook locate_sheet(ZipReader& zip, const std::string& sheet_name) {
  auto book = parse(zip, "xl/workbook.xml", true);
  auto root = book.document_element();
  Workbook out;
  out.date1904 = child(root, "workbookPr").attribute("date1904").as_bool();
  std::string rel_id;
  for (auto s : child(root, "sheets").children()) {
    if (!named(s, "sheet")) continue;
    if (!sheet_name.empty() && sheet_name != s.attribute("name").as_string()) continue;
    for (auto a : s.attributes())
      if (std::string(a.name()).ends_with(":id")) rel_id = a.value();
    break;
  }
  if (rel_id.empty())
    common::bad_request("bad_file", sheet_name.empty() ? "xlsx文件中没有工作表" : "xlsx文件中没有工作表“" + sheet_name + "”");
  auto rels = parse(zip, "xl/_rels/workbook.xml.rels", true);
  for (auto r : rels.document_element().children()) {
    if (rel_id != r.attribute("Id").as_string()) continue;
    std::string target = r.attribute("Target").as_string();
    out.sheet_path = target.starts_with("/") ? target.substr(1) : "xl/" + target;
    return out;
  }
  common::bad_request("bad_file", "xlsx文件已损坏(找不到工作表数据)");
}

}  // namespace

Table read_xlsx(const std::string& bytes, const std::string& sheet_name) {
  ZipReader zip(bytes);
  Workbook book = locate_sheet(zip, sheet_name);
  std::vector<std::string> strings = shared_strings(zip);
  std::vector<bool> dates = date_styles(zip);
  auto sheet = parse(zip, book.sheet_path, true);

  Table table;
  size_t row_number = 0, cells_held = 0;
  for (auto row : child(sheet.document_element(), "sheetData").children()) {
    if (!named(row, "row")) continue;
    row_number = row.attribute("r") ? parse_row_number(row.attribute("r").as_string()) : row_number + 1;
    if (row_number == 0 || row_number > kMaxRows)
      common::bad_request("bad_file", std::string("xlsx行号无效: ") + row.attribute("r").as_string());
    size_t col = 0;
    bool first = true;
    for (auto c : row.children()) {
      if (!named(c, "c")) continue;
      size_t ref_row = row_number;
      if (c.attribute("r")) {
        if (!parse_reference(c.attribute("r").as_string(), col, ref_row))
          common::bad_request("bad_file", std::string("xlsx单元格引用无效: ") + c.attribute("r").as_string());
      } else if (!first) {
        ++col;
      }
      if (col >= kMaxColumns) common::bad_request("bad_file", "xlsx文件的列数超过16384");
      first = false;
      std::string type = c.attribute("t").as_string();
      std::string v = child(c, "v").text().get();
      std::string value;
      if (type == "s") {
        size_t index = child(c, "v").text().as_uint();
        if (index >= strings.size()) common::bad_request("bad_file", "xlsx文件已损坏(共享字符串序号越界)");
        value = strings[index];
      } else if (type == "inlineStr") {
        value = string_item(child(c, "is"));
      } else if (type == "b") {
        value = v == "1" ? "TRUE" : "FALSE";
      } else if (type == "str" || type == "e") {
        value = v;
      } else if (!v.empty()) {
        size_t s = c.attribute("s").as_uint();
        double serial = std::strtod(v.c_str(), nullptr);
        value = s < dates.size() && dates[s] && is_excel_date(serial, book.date1904) ? excel_date(serial, book.date1904)
                                                                                     : number_text(v);
      }
      if (value.empty()) continue;  // formatted blanks would otherwise pad the table
      if (table.size() < ref_row) table.resize(ref_row);
      Row& cells = table[ref_row - 1];
      if (cells.size() <= col) {
        cells_held += col + 1 - cells.size();
        if (cells_held > kMaxCells) common::bad_request("bad_file", "xlsx工作表的单元格过多(超过400万个)");
        cells.resize(col + 1);
      }
      cells[col] = std::move(value);
    }
  }
  return table;
}

}  // namespace yilian::io

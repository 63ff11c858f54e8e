#include "io/table.h"

#include <algorithm>

#include "common/error.h"
#include "io/csv.h"
#include "io/xlsx_reader.h"
#include "io/xlsx_writer.h"

namespace yilian::io {

TableFormat format_from_filename(const std::string& filename) {
  std::string lower = filename;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower.ends_with(".csv")) return TableFormat::csv;
  if (lower.ends_with(".xlsx")) return TableFormat::xlsx;
  common::bad_request("bad_format", "仅支持.csv和.xlsx文件: " + filename);
}

Table read_table(const std::string& bytes, TableFormat format) {
  return format == TableFormat::csv ? read_csv(bytes) : read_xlsx(bytes);
}

std::string write_table(const Table& table, TableFormat format, const std::string& sheet_name, int header_rows) {
  if (format == TableFormat::csv) return write_csv(table, true);
  XlsxWriter book;
  XlsxSheet sheet = book.add_sheet(sheet_name);
  size_t columns = 0;
  for (const auto& row : table) columns = std::max(columns, row.size());
  if (columns) sheet.column_width(0, static_cast<int>(columns) - 1, 16);
  int split = std::min<int>(header_rows, static_cast<int>(table.size()));
  for (size_t r = 0; r < table.size(); ++r) {
    CellStyle style = static_cast<int>(r) < split ? CellStyle::header : CellStyle::body;
    for (size_t c = 0; c < table[r].size(); ++c) sheet.text(static_cast<int>(r), static_cast<int>(c), table[r][c], style);
  }
  if (split) sheet.freeze_rows(split);
  return book.finish();
}

const char* content_type(TableFormat format) {
  return format == TableFormat::csv ? "text/csv; charset=utf-8"
                                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

const char* extension(TableFormat format) { return format == TableFormat::csv ? "csv" : "xlsx"; }

std::string trim_cell(const std::string& cell) {
  size_t b = cell.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return cell.substr(b, cell.find_last_not_of(" \t\r\n") - b + 1);
}

std::string header_text(const std::string& cell) {
  std::string h = trim_cell(cell);
  size_t start = h.find_first_not_of('*');
  return start == std::string::npos ? "" : h.substr(start);
}

}  // namespace yilian::io

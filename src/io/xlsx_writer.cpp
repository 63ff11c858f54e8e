#include "io/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "io/cell_guard.h"

namespace yilian::io {
namespace {

lxw_format* style(lxw_format* const* formats, CellStyle s) { return formats[static_cast<int>(s)]; }

std::string safe_sheet_name(const std::string& name) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < name.size() && chars < 31;) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    std::string ch = name.substr(i, len);
    out += std::string("[]:*?/\\").find(ch) != std::string::npos && len == 1 ? "_" : ch;
    i += len;
    ++chars;
  }
  return out.empty() ? "Sheet1" : out;
}

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + ": " + lxw_strerror(e));
}

}  // namespace

// Text always goes through worksheet_write_string (a shared string, never evaluated; only
// worksheet_write_formula writes formulas, and libxlsxwriter guesses nothing), guarded as
// in CSV so it stays text when a user edits the cell or saves the sheet as CSV.
void XlsxSheet::text(int row, int col, const std::string& value, CellStyle s) {
  check(worksheet_write_string(sheet_, row, static_cast<lxw_col_t>(col), guard_cell(value).c_str(), style(formats_, s)),
        "xlsx write");
}

void XlsxSheet::number(int row, int col, double value, CellStyle s) {
  check(worksheet_write_number(sheet_, row, static_cast<lxw_col_t>(col), value, style(formats_, s)), "xlsx write");
}

void XlsxSheet::merge(int first_row, int first_col, int last_row, int last_col, const std::string& value,
                      CellStyle s) {
  check(worksheet_merge_range(sheet_, first_row, static_cast<lxw_col_t>(first_col), last_row,
                              static_cast<lxw_col_t>(last_col), guard_cell(value).c_str(), style(formats_, s)),
        "xlsx merge");
}

int XlsxSheet::headers(int first_row, const std::vector<HeaderCell>& cells) {
  int used = 0;
  for (const auto& c : cells) {
    int row = first_row + c.row;
    if (c.rows > 1 || c.cols > 1)
      merge(row, c.col, row + c.rows - 1, c.col + c.cols - 1, c.text, CellStyle::header);
    else
      text(row, c.col, c.text, CellStyle::header);
    used = std::max(used, c.row + c.rows);
  }
  return used;
}

int XlsxSheet::rows(int first_row, const Table& table, CellStyle s) {
  int row = first_row;
  for (const auto& r : table) {
    for (size_t col = 0; col < r.size(); ++col) text(row, static_cast<int>(col), r[col], s);
    ++row;
  }
  return row;
}

void XlsxSheet::column_width(int first_col, int last_col, double width) {
  check(worksheet_set_column(sheet_, static_cast<lxw_col_t>(first_col), static_cast<lxw_col_t>(last_col), width,
                             nullptr),
        "xlsx column");
}

void XlsxSheet::freeze_rows(int rows) { worksheet_freeze_panes(sheet_, rows, 0); }

XlsxWriter::XlsxWriter() {
  auto pattern = (std::filesystem::temp_directory_path() / "yilian-xlsx-XXXXXX").string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) throw std::runtime_error("xlsx: cannot create a temporary file");
  close(fd);
  path_ = pattern;
  book_ = workbook_new(path_.c_str());
  if (!book_) throw std::runtime_error("xlsx: cannot create the workbook");

  lxw_format* body = workbook_add_format(book_);
  format_set_border(body, LXW_BORDER_THIN);
  format_set_align(body, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* header = workbook_add_format(book_);
  format_set_bold(header);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(header);
  format_set_bg_color(header, 0xD9D9D9);
  lxw_format* title = workbook_add_format(book_);
  format_set_bold(title);
  format_set_font_size(title, 14);
  format_set_align(title, LXW_ALIGN_CENTER);
  format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* note = workbook_add_format(book_);
  format_set_align(note, LXW_ALIGN_LEFT);
  format_set_align(note, LXW_ALIGN_VERTICAL_CENTER);
  formats_[static_cast<int>(CellStyle::body)] = body;
  formats_[static_cast<int>(CellStyle::header)] = header;
  formats_[static_cast<int>(CellStyle::title)] = title;
  formats_[static_cast<int>(CellStyle::note)] = note;
}

XlsxWriter::~XlsxWriter() {
  if (book_) workbook_close(book_);  // frees it; the file is discarded below
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

XlsxSheet XlsxWriter::add_sheet(const std::string& name) {
  lxw_worksheet* sheet = workbook_add_worksheet(book_, safe_sheet_name(name).c_str());
  if (!sheet) throw std::runtime_error("xlsx: cannot add sheet " + name);
  return XlsxSheet(sheet, formats_);
}

std::string XlsxWriter::finish() {
  lxw_error e = workbook_close(book_);
  book_ = nullptr;
  check(e, "xlsx close");
  std::ifstream in(path_, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace yilian::io

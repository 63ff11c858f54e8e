// Writing .xlsx workbooks (libxlsxwriter). Besides plain tables, official returns
// need title lines, several header rows with merged cells (a group heading over its
// sub-columns) and note lines such as 填报人/联系电话, so a sheet is written cell by
// cell, with merged ranges, on top of a few shared styles.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "io/table.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace yilian::io {

enum class CellStyle {
  body,    // thin border
  header,  // bold, centred, grey fill, border, wrapped
  title,   // bold, larger, centred, no border
  note,    // left aligned, no border: 填报单位、填报人、联系电话 lines
};

// One header cell spanning `rows` × `cols` cells from (row, col), rows counted from the
// first header row. Spans of 1×1 are plain cells; larger ones are merged.
struct HeaderCell {
  std::string text;
  int row = 0;
  int col = 0;
  int rows = 1;
  int cols = 1;
};

class XlsxSheet {
 public:
  void text(int row, int col, const std::string& value, CellStyle style = CellStyle::body);
  void number(int row, int col, double value, CellStyle style = CellStyle::body);
  void merge(int first_row, int first_col, int last_row, int last_col, const std::string& value,
             CellStyle style = CellStyle::header);
  // Writes the header cells below `first_row`; returns the number of header rows used.
  int headers(int first_row, const std::vector<HeaderCell>& cells);
  // Writes the table's cells as text from (first_row, 0); returns the next free row.
  int rows(int first_row, const Table& table, CellStyle style = CellStyle::body);
  void column_width(int first_col, int last_col, double width);
  // Keeps the first `rows` rows in view while scrolling.
  void freeze_rows(int rows);

 private:
  friend class XlsxWriter;
  XlsxSheet(lxw_worksheet* sheet, lxw_format* const* formats) : sheet_(sheet), formats_(formats) {}
  lxw_worksheet* sheet_;
  lxw_format* const* formats_;
};

class XlsxWriter {
 public:
  XlsxWriter();
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // Sheet names are cut to Excel's 31 characters with []:*?/\ replaced.
  XlsxSheet add_sheet(const std::string& name);
  // Closes the workbook and returns the file's bytes; the writer is spent afterwards.
  std::string finish();

 private:
  std::string path_;  // libxlsxwriter 1.1.4 can only write to a file
  lxw_workbook* book_ = nullptr;
  lxw_format* formats_[4] = {};
};

}  // namespace yilian::io

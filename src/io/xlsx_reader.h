// Reads one worksheet of an .xlsx workbook into text cells: shared and inline strings,
// numbers (integral ones without a decimal point, so codes stay intact), booleans, and
// date-formatted numbers as YYYY-MM-DD (those Excel shows as dates, up to 9999-12-31; others
// stay numbers). Cells are placed by their references, so skipped cells and rows come back
// empty and row i is the sheet's row i+1.
#pragma once
#include <string>

#include "io/table.h"

namespace yilian::io {

// The named worksheet, or the first one when `sheet_name` is empty. 400 bad_file when
// the bytes are not a workbook or the sheet does not exist, when a row or cell lies outside
// Excel's sheet (rows 1–1,048,576, columns A–XFD), or when the cells placed would make a table
// of more than 4 million cells (what a small hostile upload could otherwise make the server
// allocate).
Table read_xlsx(const std::string& bytes, const std::string& sheet_name = "");

}  // namespace yilian::io

// A spreadsheet as plain text cells: what the CSV and xlsx readers produce and the
// writers consume. Row i of the table is row i+1 of the file, so importers can name
// rows the way a person sees them in Excel.
#pragma once
#include <string>
#include <vector>

namespace yilian::io {

using Row = std::vector<std::string>;
using Table = std::vector<Row>;

enum class TableFormat { csv, xlsx };

// From a file name's extension (case-insensitive); 400 for anything else.
TableFormat format_from_filename(const std::string& filename);
// Reads CSV text or xlsx bytes (the first worksheet).
Table read_table(const std::string& bytes, TableFormat format);
// Writes the table with its first `header_rows` rows styled as headers; CSV gets a
// UTF-8 byte order mark so that Excel shows Chinese text correctly.
std::string write_table(const Table& table, TableFormat format, const std::string& sheet_name, int header_rows = 1);
const char* content_type(TableFormat format);
// A cell without the spaces and line breaks around it.
std::string trim_cell(const std::string& cell);
// A header cell as importers match it: trimmed, without the leading "*" that templates
// use to mark a required column ("*机构代码").
std::string header_text(const std::string& cell);
const char* extension(TableFormat format);

}  // namespace yilian::io

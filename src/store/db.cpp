#include "store/db.h"

namespace yilian::store {

const char* backend_name(Backend b) { return b == Backend::sqlite ? "sqlite" : "postgresql"; }

int Result::column(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

int64_t Db::insert(std::string_view sql, const Params& params) {
  std::string q(sql);
  q += " RETURNING id";
  return query(q, params).scalar().as_int();
}

Transaction::Transaction(Db& db) : db_(db) {
  if (!db_.in_transaction()) {
    db_.begin();
    owner_ = true;
  }
}

Transaction::~Transaction() {
  if (owner_ && !done_) {
    try {
      db_.rollback();
    } catch (...) {
      // A failed rollback leaves nothing to undo: the connection dropped the transaction.
    }
  }
}

void Transaction::commit() {
  if (owner_ && !done_) db_.commit();
  done_ = true;
}

std::string rewrite_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += ":p";
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace yilian::store

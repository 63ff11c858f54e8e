#include "demo/batch_insert.h"

#include <algorithm>
#include <stdexcept>

namespace yilian::demo {

BatchInsert::BatchInsert(store::Db& db, std::string table, std::vector<std::string> columns, size_t rows_per_statement)
    : db_(db), table_(std::move(table)), columns_(std::move(columns)), per_statement_(rows_per_statement) {
  if (per_statement_ == 0)
    per_statement_ = db_.backend() == store::Backend::sqlite ? std::max<size_t>(1, 256 / columns_.size()) : 200;
  full_statement_ = statement(per_statement_);
  pending_.reserve(per_statement_ * columns_.size());
}

std::string BatchInsert::statement(size_t rows) const {
  std::string tuple = "(";
  for (size_t i = 0; i < columns_.size(); ++i) tuple += i ? ",?" : "?";
  tuple += ")";
  std::string sql = "INSERT INTO " + table_ + " (";
  for (size_t i = 0; i < columns_.size(); ++i) sql += (i ? ", " : "") + columns_[i];
  sql += ") VALUES ";
  sql.reserve(sql.size() + rows * (tuple.size() + 1));
  for (size_t r = 0; r < rows; ++r) sql += (r ? "," : "") + tuple;
  return sql;
}

void BatchInsert::add(store::Params row) {
  if (row.size() != columns_.size())
    throw std::logic_error("BatchInsert into " + table_ + ": row has " + std::to_string(row.size()) + " values for " +
                           std::to_string(columns_.size()) + " columns");
  for (auto& v : row) pending_.push_back(std::move(v));
  if (++pending_rows_ == per_statement_) flush();
}

void BatchInsert::flush() {
  if (pending_rows_ == 0) return;
  db_.exec(pending_rows_ == per_statement_ ? full_statement_ : statement(pending_rows_), pending_);
  written_ += static_cast<int64_t>(pending_rows_);
  pending_.clear();
  pending_rows_ = 0;
}

}  // namespace yilian::demo

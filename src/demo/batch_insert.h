// Multi-row INSERT for bulk loads: rows are buffered and written as
// INSERT … VALUES (?,…),(?,…), which is what makes a province of 400,000+ rows load in
// reasonable time. How many rows go in one statement depends on the backend: PostgreSQL
// takes 200; SQLite gets about 256 parameters per statement, because the store names its
// placeholders (:p1, :p2 …) and SQLite resolves each name by a linear search, so the cost
// of a statement grows with the square of its parameter count (measured: a province loads
// in 7 s of CPU at 16 staff rows per statement, 36 s at 200).
#pragma once
#include <string>
#include <vector>

#include "store/db.h"

namespace yilian::demo {

class BatchInsert {
 public:
  // rows_per_statement 0: the backend's best (see above).
  BatchInsert(store::Db& db, std::string table, std::vector<std::string> columns, size_t rows_per_statement = 0);
  BatchInsert(const BatchInsert&) = delete;
  BatchInsert& operator=(const BatchInsert&) = delete;

  // `row` holds one value per column, in column order.
  void add(store::Params row);
  void flush();
  int64_t rows_written() const { return written_; }

 private:
  std::string statement(size_t rows) const;

  store::Db& db_;
  std::string table_;
  std::vector<std::string> columns_;
  size_t per_statement_;
  store::Params pending_;
  size_t pending_rows_ = 0;
  std::string full_statement_;  // the SQL of a full batch, built once
  int64_t written_ = 0;
};

}  // namespace yilian::demo

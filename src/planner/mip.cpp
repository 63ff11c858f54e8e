#include "planner/mip.h"

#include <coin/Cbc_C_Interface.h>

#include <chrono>
#include <memory>
#include <string>

namespace yilian::planner {

int Mip::add_column(double cost, double lower, double upper, bool integer) {
  cost_.push_back(cost);
  lower_.push_back(lower);
  upper_.push_back(upper);
  integer_.push_back(integer);
  column_entries_.emplace_back();
  return columns() - 1;
}

void Mip::add_row(double lower, double upper, const std::vector<std::pair<int, double>>& terms) {
  int row = rows();
  row_lower_.push_back(lower);
  row_upper_.push_back(upper);
  for (auto [column, coef] : terms) column_entries_[column].push_back({row, coef});
}

Mip::Result Mip::solve(double time_limit_seconds, const std::vector<std::pair<int, double>>& start) const {
  auto began = std::chrono::steady_clock::now();
  std::vector<CoinBigIndex> starts{0};
  std::vector<int> index;
  std::vector<double> value;
  for (const auto& entries : column_entries_) {
    for (auto [row, coef] : entries) {
      index.push_back(row);
      value.push_back(coef);
    }
    starts.push_back(static_cast<CoinBigIndex>(index.size()));
  }
  std::unique_ptr<Cbc_Model, void (*)(Cbc_Model*)> model(Cbc_newModel(), Cbc_deleteModel);
  Cbc_Model* m = model.get();
  Cbc_loadProblem(m, columns(), rows(), starts.data(), index.data(), value.data(), lower_.data(), upper_.data(),
                  cost_.data(), row_lower_.data(), row_upper_.data());
  for (int c = 0; c < columns(); ++c)
    if (integer_[c]) Cbc_setInteger(m, c);
  Cbc_setLogLevel(m, 0);
  Cbc_setMaximumSeconds(m, time_limit_seconds);
  // Wall-clock time: on a shared machine CPU time runs slower and the limit would stretch.
  Cbc_setParameter(m, "timeMode", "elapsed");
  // Objectives are km; a proof to within a metre is proof enough.
  Cbc_setAllowableGap(m, 1e-3);
  Cbc_setAllowableFractionGap(m, 0);
  if (!start.empty()) {
    std::vector<int> idx;
    std::vector<double> val;
    for (auto [c, v] : start) {
      idx.push_back(c);
      val.push_back(v);
    }
    Cbc_setMIPStartI(m, static_cast<int>(idx.size()), idx.data(), val.data());
  }
  Cbc_solve(m);

  Result r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  const double* best = Cbc_bestSolution(m);
  if (best) {
    r.values.assign(best, best + columns());
    r.objective = Cbc_getObjValue(m);
    r.status = Cbc_isProvenOptimal(m) ? Status::optimal : Status::feasible;
  }
  r.bound = Cbc_getBestPossibleObjValue(m);
  return r;
}

}  // namespace yilian::planner

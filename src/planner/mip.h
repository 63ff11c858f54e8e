// A small mixed-integer program and its solution by COIN-OR CBC. Kept apart from the round
// model so the model reads as the rules it states, and so the solver could be swapped.
#pragma once
#include <utility>
#include <vector>

namespace yilian::planner {

class Mip {
 public:
  int add_binary(double cost) { return add_column(cost, 0, 1, true); }
  int add_integer(double cost, double upper) { return add_column(cost, 0, upper, true); }
  int add_continuous(double cost, double lower, double upper) { return add_column(cost, lower, upper, false); }
  // lower ≤ Σ coef × column ≤ upper; use ±kInfinity for an open side.
  void add_row(double lower, double upper, const std::vector<std::pair<int, double>>& terms);
  int columns() const { return static_cast<int>(cost_.size()); }
  int rows() const { return static_cast<int>(row_lower_.size()); }
  static constexpr double kInfinity = 1e30;

  enum class Status { optimal, feasible, no_solution };
  struct Result {
    Status status = Status::no_solution;
    std::vector<double> values;  // per column, when a solution was found
    double objective = 0;
    double bound = 0;  // best lower bound proven
    double seconds = 0;
  };
  // `start` gives values of integer columns (others are completed by the solver).
  Result solve(double time_limit_seconds, const std::vector<std::pair<int, double>>& start = {}) const;

 private:
  int add_column(double cost, double lower, double upper, bool integer);
  std::vector<double> cost_, lower_, upper_;
  std::vector<bool> integer_;
  std::vector<double> row_lower_, row_upper_;
  std::vector<std::vector<std::pair<int, double>>> column_entries_;  // per column: (row, coef)
};

}  // namespace yilian::planner

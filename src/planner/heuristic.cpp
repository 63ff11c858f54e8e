#include "planner/heuristic.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "planner/check.h"
#include "planner/construct.h"
#include "planner/moves.h"

namespace yilian::planner {
namespace {

// One missing visit must outweigh whatever travel and load the visit adds: a trip to the
// village alone is the most a visit can add, by the triangle inequality.
double visit_penalty(const Instance& in) {
  double longest = 0;
  for (int v = 0; v < in.villages(); ++v)
    for (int t : in.serving_teams(v)) longest = std::max(longest, 2 * in.home_km(t, v));
  return 1 + 2 * (longest + in.problem().balance_weight * (2 * in.slots() + 1));
}

// Annealing starts where a typical single-village trip can be traded for another and ends
// where only improvements pass.
double start_temperature(const Instance& in) {
  double sum = 0;
  int n = 0;
  for (int v = 0; v < in.villages(); ++v)
    for (int t : in.serving_teams(v)) sum += 2 * in.home_km(t, v), ++n;
  return n ? 0.3 * sum / n + 1e-3 : 1;
}

}  // namespace

HeuristicResult solve_heuristic(const Problem& problem, const HeuristicOptions& options) {
  using Clock = std::chrono::steady_clock;
  auto began = Clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - began).count(); };
  Instance in(problem);
  const double penalty = visit_penalty(in);
  SearchState st(in, penalty);
  construct_plan(st);

  Rng rng(options.seed);
  MoveLog log;
  const double t0 = start_temperature(in), t1 = t0 * 1e-4;
  auto best = st.snapshot();
  double best_objective = st.objective();
  int best_unmet = st.unmet();
  double all_rules_met_at = st.unmet() == 0 ? elapsed() : -1;
  long it = 0;

  // One annealing run of `budget` moves from the current plan. Until a plan meets every
  // rule, `oscillate` makes a missing visit cheap early on, so the search can pass through
  // plans short of one visit to reach a different packing of doctors' half-days (full price
  // from 72% of the run on). Once a plan meets every rule the rules are hard: only plans
  // meeting them all are explored, so a long run can never trade a visit for travel.
  auto anneal = [&](long budget, bool oscillate) {
    for (long i = 0; i < budget && it < options.max_iterations; ++i, ++it) {
      if ((it & 255) == 0 && elapsed() > options.time_limit_seconds) return false;
      const double progress = static_cast<double>(i) / budget;
      const double temperature = t0 * std::pow(t1 / t0, progress);
      const double discount =
          best_unmet == 0 || !oscillate ? 0 : penalty * (1 - std::min(1.0, 0.1 + progress / 0.8));
      const int unmet_before = st.unmet();
      double delta = 0;
      if (!random_move(st, rng, log, delta)) continue;
      if (best_unmet == 0 && st.unmet() > 0) {
        log.undo(st);
        continue;
      }
      delta -= discount * (st.unmet() - unmet_before);
      if (delta <= 1e-9 || rng.unit() < std::exp(-delta / temperature)) {
        log.forget();
        if (all_rules_met_at < 0 && st.unmet() == 0) all_rules_met_at = elapsed();
        if (st.unmet() < best_unmet || (st.unmet() == best_unmet && st.objective() < best_objective - 1e-9)) {
          best_unmet = st.unmet();
          best_objective = st.objective();
          best = st.snapshot();
        }
      } else {
        log.undo(st);
      }
    }
    return true;
  };

  // First reach every rule with short, fast-cooling runs (each from the best plan so far),
  // then spend what is left of the budget improving travel and balance.
  constexpr long kShortRun = 20000;
  for (int attempt = 0; attempt < 5 && best_unmet > 0 && it < options.max_iterations; ++attempt) {
    if (!anneal(std::min(kShortRun, options.max_iterations - it), false)) break;
    st.reset_to(best);
  }
  if (it < options.max_iterations) anneal(options.max_iterations - it, true);
  st.reset_to(best);

  HeuristicResult result;
  result.plan = st.to_plan();
  result.cost = plan_cost(in, result.plan);
  result.unmet = unmet_visits(in, result.plan);
  result.explanations = explain(in, result.unmet);
  result.iterations = it;
  result.seconds_to_all_rules = all_rules_met_at;
  result.seconds = std::chrono::duration<double>(Clock::now() - began).count();
  return result;
}

}  // namespace yilian::planner

// The local search's repair move: adds one visit a village is missing, freeing the half-day
// of a team or a senior doctor when that is what stands in the way.
#pragma once
#include "planner/moves.h"
#include "planner/search_state.h"

namespace yilian::planner {

// False (nothing changed) when no village lacks a visit or none of the tries fits.
bool repair_missing_visit(SearchState& st, Rng& rng, MoveLog& log, double& delta);

}  // namespace yilian::planner

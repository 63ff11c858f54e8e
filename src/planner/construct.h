// Greedy plans for the local search: the first plan — weekly visits first (they pin
// single-village half-days), then senior visits packed into trips on the half-days a
// senior doctor is free, then doctors riding along on weekly trips, then what villages on
// weekly rounds still owe — and the ruin-and-recreate move that repacks one team's month.
#pragma once
#include "planner/moves.h"
#include "planner/search_state.h"

namespace yilian::planner {

void construct_plan(SearchState& state);

// Takes the senior doctors off the team's trips in the month (weekly visits stay) and packs
// the senior visits its villages then owe again, with random choices; the edits go through
// `log` so the move can be undone. Returns the change of the objective.
double repack_senior_trips(SearchState& state, int team, int month, Rng& rng, MoveLog& log);

}  // namespace yilian::planner

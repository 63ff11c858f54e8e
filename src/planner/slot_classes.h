// Half-days a part's model may treat as one: same week and month, and the same teams and
// senior doctors of the part available. No trip, doctor or rule can tell them apart, so the
// exact model counts trips per class instead of choosing among interchangeable half-days —
// which removes the symmetry that otherwise swamps branch and bound — and the counts are
// spread back over the half-days afterwards, always possible (see color_pairs).
#pragma once
#include <utility>
#include <vector>

#include "planner/instance.h"
#include "planner/parts.h"

namespace yilian::planner {

struct SlotClass {
  std::vector<int> slots;  // ascending
  int week = 0;
  int month = 0;
};

// One class per half-day when a visit lasts several half-days: then adjacency matters.
std::vector<SlotClass> slot_classes(const Instance& instance, const Part& part);

// Gives each (doctor, team) pairing a colour in [0, colours) so that no doctor and no team
// has a colour twice; every doctor and team must appear at most `colours` times. König's
// theorem guarantees such a colouring of a bipartite multigraph; found by Kempe-chain swaps.
std::vector<int> color_pairs(const std::vector<std::pair<int, int>>& pairs, int colours);

}  // namespace yilian::planner

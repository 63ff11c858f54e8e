#include "planner/parts.h"

#include <map>
#include <numeric>

#include "planner/trips.h"

namespace yilian::planner {
namespace {

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(int n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
  void join(int a, int b) { parent[find(a)] = find(b); }
};

}  // namespace

std::vector<Part> independent_parts(const Instance& in) {
  UnionFind uf(in.teams());
  for (int v = 0; v < in.villages(); ++v) {
    const auto& teams = in.serving_teams(v);
    for (size_t i = 1; i < teams.size(); ++i) uf.join(teams[0], teams[i]);
  }
  for (int d = 0; d < in.doctors(); ++d) {
    int first = -1;
    for (int t = 0; t < in.teams(); ++t)
      if (in.doctor_may_join(d, t)) {
        if (first < 0) first = t;
        else uf.join(first, t);
      }
  }
  std::map<int, int> part_of_root;
  std::vector<Part> parts;
  auto part_of = [&](int team) -> Part& {
    auto [it, fresh] = part_of_root.emplace(uf.find(team), static_cast<int>(parts.size()));
    if (fresh) parts.emplace_back();
    return parts[it->second];
  };
  for (int t = 0; t < in.teams(); ++t) part_of(t).teams.push_back(t);
  for (int v = 0; v < in.villages(); ++v)
    if (!in.serving_teams(v).empty() && needs_visits(in, v)) part_of(in.serving_teams(v)[0]).villages.push_back(v);
  for (int d = 0; d < in.doctors(); ++d)
    for (int t = 0; t < in.teams(); ++t)
      if (in.doctor_may_join(d, t)) {
        part_of(t).doctors.push_back(d);
        break;
      }
  return parts;
}

Part whole_problem(const Instance& in) {
  Part all;
  for (int t = 0; t < in.teams(); ++t) all.teams.push_back(t);
  for (int v = 0; v < in.villages(); ++v)
    if (!in.serving_teams(v).empty() && needs_visits(in, v)) all.villages.push_back(v);
  for (int d = 0; d < in.doctors(); ++d) all.doctors.push_back(d);
  return all;
}

}  // namespace yilian::planner

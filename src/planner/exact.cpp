#include "planner/exact.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>

#include "planner/check.h"
#include "planner/diagnose.h"
#include "planner/instance.h"
#include "planner/mip.h"
#include "planner/parts.h"
#include "planner/slot_classes.h"
#include "planner/trips.h"

namespace yilian::planner {
namespace {

using Terms = std::vector<std::pair<int, double>>;

// One part's model over classes of interchangeable half-days (slot_classes.h). Columns, per
// class and team: how many times each candidate trip is made without a senior doctor (only
// single-village trips to a village owing weekly visits — no other trip serves a rule
// without one) and with one; how many times each doctor joins the team; visit blocks when a
// visit lasts several half-days; slacks; and the pieces of each team's load² for balance.
class PartModel {
 public:
  PartModel(const Instance& in, const Part& part) : in_(in), part_(part), classes_(slot_classes(in, part)) { build(); }

  const Mip& mip() const { return mip_; }
  Terms start_from(const Plan& plan) const;
  void extract(const std::vector<double>& values, Plan& plan) const;

 private:
  struct TripColumn {
    int column, cls, team, trip;
    bool senior;
  };
  struct DoctorColumn {
    int column, cls, team, doctor;
  };
  void build();
  void add_team_class(int team, int cls);
  void add_visit_rows(double penalty);
  void add_balance(int team, const Terms& used);
  double slack_penalty() const;
  bool team_available(int team, int cls) const { return in_.team_available(team, classes_[cls].slots[0]); }
  bool doctor_available(int doctor, int cls) const { return in_.doctor_available(doctor, classes_[cls].slots[0]); }

  const Instance& in_;
  const Part& part_;
  std::vector<SlotClass> classes_;
  Mip mip_;
  std::map<int, std::vector<CandidateTrip>> trips_;  // by team
  std::vector<TripColumn> trip_columns_;
  std::vector<DoctorColumn> doctor_columns_;
  std::map<std::pair<int, int>, Terms> weekly_, senior_;  // (village, week|month) → visit terms
  std::map<std::tuple<int, int, int>, Terms> single_;     // (team, village, class) → weekly-visit trips
};

double PartModel::slack_penalty() const {
  // More than the travel and balance of any plan at all: every team on its longest trip in
  // every half-day. So one unit of slack never buys a cheaper plan.
  double bound = 1;
  for (int t : part_.teams) {
    double longest = 0;
    for (const auto& trip : trips_.at(t)) longest = std::max(longest, trip.km);
    double n = in_.slots();
    bound += n * longest + in_.problem().balance_weight * n * n;
  }
  return bound;
}

void PartModel::build() {
  for (int t : part_.teams) trips_[t] = candidate_trips(in_, t);
  for (int t : part_.teams) {
    size_t first = trip_columns_.size();
    for (int c = 0; c < static_cast<int>(classes_.size()); ++c)
      if (team_available(t, c)) add_team_class(t, c);
    Terms used;
    for (size_t i = first; i < trip_columns_.size(); ++i) used.push_back({trip_columns_[i].column, 1});
    add_balance(t, used);
  }
  // A senior doctor is in one place per half-day.
  std::map<std::pair<int, int>, Terms> doctor_class;
  for (const auto& dc : doctor_columns_) doctor_class[{dc.doctor, dc.cls}].push_back({dc.column, 1});
  for (const auto& [key, terms] : doctor_class)
    if (terms.size() > 1) mip_.add_row(-Mip::kInfinity, static_cast<double>(classes_[key.second].slots.size()), terms);
  add_visit_rows(slack_penalty());
}

void PartModel::add_team_class(int t, int c) {
  const SlotClass& cls = classes_[c];
  const double size = static_cast<double>(cls.slots.size());
  std::vector<int> doctors;
  for (int d : in_.team_doctors(t))
    if (doctor_available(d, c)) doctors.push_back(d);
  Terms team_class, senior_trips;
  const auto& trips = trips_.at(t);
  for (int r = 0; r < static_cast<int>(trips.size()); ++r) {
    const auto& trip = trips[r];
    bool weekly = trip.villages.size() == 1 && in_.weekly_visits_required(trip.villages[0], cls.week) > 0;
    bool senior_need = false;
    for (int v : trip.villages) senior_need |= in_.senior_visits_required(v, cls.month) > 0;
    for (bool senior : {false, true}) {
      if (senior ? doctors.empty() || !(senior_need || weekly) : !weekly) continue;
      int column = mip_.add_integer(trip.km, size);
      trip_columns_.push_back({column, c, t, r, senior});
      team_class.push_back({column, 1});
      if (senior) {
        senior_trips.push_back({column, 1});
        for (int v : trip.villages) senior_[{v, cls.month}].push_back({column, 1});
      }
      if (weekly) single_[{t, trip.villages[0], c}].push_back({column, 1});
    }
  }
  if (team_class.size() > 1) mip_.add_row(-Mip::kInfinity, size, team_class);  // one place per half-day
  if (senior_trips.empty()) return;
  // Exactly one senior doctor on each trip that has one: a second adds no visit.
  Terms link = senior_trips;
  for (int d : doctors) {
    int column = mip_.add_integer(0, size);
    doctor_columns_.push_back({column, c, t, d});
    link.push_back({column, -1});
  }
  mip_.add_row(0, 0, link);
}

void PartModel::add_visit_rows(double penalty) {
  const int h = in_.visit_length();
  if (h == 1) {
    for (const auto& [key, terms] : single_) {
      auto& w = weekly_[{std::get<1>(key), classes_[std::get<2>(key)].week}];
      w.insert(w.end(), terms.begin(), terms.end());
    }
  } else {
    // Weekly visits (V2) of h half-days: h consecutive single-village half-days of one team in
    // one week. Classes are single half-days here, so class order is half-day order.
    std::map<std::tuple<int, int, int>, int> class_at;  // (team, village, slot) → class
    for (const auto& [key, terms] : single_)
      class_at[{std::get<0>(key), std::get<1>(key), classes_[std::get<2>(key)].slots[0]}] = std::get<2>(key);
    std::map<std::tuple<int, int, int>, Terms> covering;  // blocks covering (team, village, class)
    for (const auto& [key, c] : class_at) {
      auto [t, v, s] = key;
      bool fits = true;
      for (int i = 1; i < h && fits; ++i) fits = class_at.count({t, v, s + i}) && in_.week_of(s + i) == in_.week_of(s);
      if (!fits) continue;
      int block = mip_.add_continuous(0, 0, 1);
      weekly_[{v, in_.week_of(s)}].push_back({block, 1});
      for (int i = 0; i < h; ++i) covering[{t, v, class_at.at({t, v, s + i})}].push_back({block, 1});
    }
    for (const auto& [key, blocks] : covering) {
      Terms row = blocks;
      for (auto [column, coef] : single_.at(key)) row.push_back({column, -coef});
      mip_.add_row(-Mip::kInfinity, 0, row);
    }
  }
  for (int v : part_.villages) {
    for (int w = 0; w < in_.weeks(); ++w)
      if (int need = in_.weekly_visits_required(v, w); need > 0) {
        Terms row = weekly_[{v, w}];
        row.push_back({mip_.add_continuous(penalty, 0, need), 1});
        mip_.add_row(need, Mip::kInfinity, row);
      }
    for (int m = 0; m < in_.months(); ++m)
      if (int need = in_.senior_visits_required(v, m); need > 0) {
        Terms row = senior_[{v, m}];
        row.push_back({mip_.add_continuous(penalty, 0, need), 1});
        mip_.add_row(need, Mip::kInfinity, row);
      }
  }
}

// Σ load² as a convex piecewise-linear sum: the k-th half-day a team works costs (2k−1)·weight.
void PartModel::add_balance(int team, const Terms& used) {
  const double weight = in_.problem().balance_weight;
  if (weight <= 0 || used.empty()) return;
  Terms row = used;
  int available = 0;
  for (int s = 0; s < in_.slots(); ++s) available += in_.team_available(team, s);
  for (int k = 1; k <= available; ++k) row.push_back({mip_.add_continuous(weight * (2 * k - 1), 0, 1), -1});
  mip_.add_row(-Mip::kInfinity, 0, row);
}

Terms PartModel::start_from(const Plan& plan) const {
  std::vector<int> class_of(in_.slots());
  for (int c = 0; c < static_cast<int>(classes_.size()); ++c)
    for (int s : classes_[c].slots) class_of[s] = c;
  std::map<std::tuple<int, int, std::vector<int>, bool>, int> trip_column;
  for (const auto& tc : trip_columns_) {
    auto villages = trips_.at(tc.team)[tc.trip].villages;
    std::sort(villages.begin(), villages.end());
    trip_column[{tc.cls, tc.team, villages, tc.senior}] = tc.column;
  }
  std::map<std::tuple<int, int, int>, int> doctor_column;
  for (const auto& dc : doctor_columns_) doctor_column[{dc.cls, dc.team, dc.doctor}] = dc.column;
  std::map<int, double> count;
  for (const auto& trip : plan.trips) {
    int t = in_.team_index(trip.team);
    if (t < 0 || trip.day < 0 || trip.day * 2 >= in_.slots()) continue;
    std::vector<int> villages;
    for (const auto& id : trip.villages) villages.push_back(in_.village_index(id));
    std::sort(villages.begin(), villages.end());
    int c = class_of[slot_of(trip.day, trip.half)];
    bool senior = !trip.senior_doctors.empty();
    auto it = trip_column.find({c, t, villages, senior});
    if (it == trip_column.end()) continue;
    count[it->second] += 1;
    if (senior)
      if (auto d = doctor_column.find({c, t, in_.doctor_index(trip.senior_doctors[0])}); d != doctor_column.end())
        count[d->second] += 1;
  }
  return {count.begin(), count.end()};
}

// Spreads each class's counts over its half-days: doctor–team pairings first, coloured so no
// doctor or team gets a half-day twice; each team's senior trips take its pairings'
// half-days, its other trips the half-days it has left.
void PartModel::extract(const std::vector<double>& x, Plan& plan) const {
  const auto& p = in_.problem();
  auto times = [&](int column) { return static_cast<int>(x[column] + 0.5); };
  for (int c = 0; c < static_cast<int>(classes_.size()); ++c) {
    const auto& slots = classes_[c].slots;
    std::vector<std::pair<int, int>> pairs;
    for (const auto& dc : doctor_columns_)
      if (dc.cls == c)
        for (int k = times(dc.column); k > 0; --k) pairs.push_back({dc.doctor, dc.team});
    std::vector<int> colour = color_pairs(pairs, static_cast<int>(slots.size()));
    std::map<int, std::vector<std::pair<int, int>>> senior_slots;  // team → (slot, doctor)
    std::map<int, std::vector<bool>> taken;                        // team → slot index used
    for (size_t i = 0; i < pairs.size(); ++i) {
      senior_slots[pairs[i].second].push_back({colour[i], pairs[i].first});
      auto& used = taken[pairs[i].second];
      used.resize(slots.size(), false);
      used[colour[i]] = true;
    }
    for (const auto& tc : trip_columns_) {
      if (tc.cls != c) continue;
      for (int k = times(tc.column); k > 0; --k) {
        int index = -1, doctor = -1;
        if (tc.senior) {
          auto& paired = senior_slots[tc.team];
          if (paired.empty()) throw std::logic_error("solve_exact: more senior trips than doctors in a class");
          std::tie(index, doctor) = paired.back();
          paired.pop_back();
        } else {
          auto& used = taken[tc.team];
          used.resize(slots.size(), false);
          index = static_cast<int>(std::find(used.begin(), used.end(), false) - used.begin());
          if (index == static_cast<int>(slots.size())) throw std::logic_error("solve_exact: more trips than half-days in a class");
          used[index] = true;
        }
        int s = slots[index];
        Trip trip{p.teams[tc.team].id, s / 2, s % 2 == 0 ? Half::am : Half::pm};
        for (int v : trips_.at(tc.team)[tc.trip].villages) trip.villages.push_back(p.villages[v].id);
        if (doctor >= 0) trip.senior_doctors.push_back(p.doctors[doctor].id);
        plan.trips.push_back(std::move(trip));
      }
    }
  }
}

}  // namespace

ExactResult solve_exact(const Problem& problem, const ExactOptions& options) {
  auto began = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count(); };
  Instance in(problem);
  std::vector<Part> parts = options.decompose ? independent_parts(in) : std::vector<Part>{whole_problem(in)};
  std::erase_if(parts, [](const Part& part) { return part.villages.empty(); });
  // Smaller parts first, each given an even share of the time left, so one hard part cannot
  // starve the others.
  std::stable_sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.teams.size() < b.teams.size(); });
  ExactResult result;
  result.proven_optimal = true;
  std::vector<int> unsolved;  // villages of parts the time limit left without a plan
  for (size_t i = 0; i < parts.size(); ++i) {
    PartModel model(in, parts[i]);
    ++result.parts;
    result.columns += model.mip().columns();
    result.rows += model.mip().rows();
    Terms start = options.start ? model.start_from(*options.start) : Terms{};
    double share = std::max(0.1, (options.time_limit_seconds - elapsed()) / static_cast<double>(parts.size() - i));
    auto solved = model.mip().solve(share, start);
    if (solved.status == Mip::Status::no_solution) {
      // Out of time before any plan: keep the start plan's trips of this part, if given,
      // and say so for every rule left unmet here.
      result.found_plan = false;
      result.proven_optimal = false;
      unsolved.insert(unsolved.end(), parts[i].villages.begin(), parts[i].villages.end());
      if (options.start)
        for (const auto& trip : options.start->trips)
          if (int t = in.team_index(trip.team); t >= 0 && std::count(parts[i].teams.begin(), parts[i].teams.end(), t))
            result.plan.trips.push_back(trip);
      continue;
    }
    result.proven_optimal &= solved.status == Mip::Status::optimal;
    result.gap += std::max(0.0, solved.objective - solved.bound);
    model.extract(solved.values, result.plan);
  }
  std::sort(result.plan.trips.begin(), result.plan.trips.end(), [](const Trip& a, const Trip& b) {
    return std::tie(a.day, a.half, a.team) < std::tie(b.day, b.half, b.team);
  });
  result.cost = plan_cost(in, result.plan);
  result.unmet = unmet_visits(in, result.plan);
  result.explanations = explain(in, result.unmet);
  for (auto& e : result.explanations)
    if (std::count(unsolved.begin(), unsolved.end(), in.village_index(e.villages.front())))
      e.message = e.message.substr(0, e.message.find("。原因:")) + "。原因:求解时限(" +
                  std::to_string(static_cast<int>(options.time_limit_seconds)) +
                  "秒)内未找到包含该村的方案,可延长时限,或以快速排班的结果作为初始方案";
  result.seconds = elapsed();
  return result;
}

}  // namespace yilian::planner

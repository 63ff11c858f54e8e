// A Problem checked and turned into indexes, once, for every part of the planner: who may
// serve whom, who is available when, what each rule asks per week and month, and distances.
// Building it validates the problem and throws std::invalid_argument listing every fault
// (in Chinese), so a malformed input never yields a silently wrong plan.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "planner/model.h"

namespace yilian::planner {

class Instance {
 public:
  // Keeps a reference: the problem must outlive the instance.
  explicit Instance(const Problem& problem);
  explicit Instance(Problem&&) = delete;

  const Problem& problem() const { return *problem_; }
  int teams() const { return static_cast<int>(problem_->teams.size()); }
  int villages() const { return static_cast<int>(problem_->villages.size()); }
  int doctors() const { return static_cast<int>(problem_->doctors.size()); }
  int slots() const { return problem_->horizon.half_days(); }
  int weeks() const { return weeks_; }
  int months() const { return months_; }
  int visit_length() const { return problem_->min_half_days_per_visit; }

  int week_of(int slot) const { return week_of_day_[slot / 2]; }
  int month_of(int slot) const { return month_of_day_[slot / 2]; }
  int working_days_in_week(int week) const { return week_days_[week]; }
  std::string week_label(int week) const;   // "第2周(2026-03-09起)"
  std::string month_label(int month) const;  // "2026-03" or "本期"
  std::string slot_label(int slot) const;    // "2026-03-09上午" or "第3天下午"

  bool team_available(int team, int slot) const { return team_avail_[team][slot]; }
  bool doctor_available(int doctor, int slot) const { return doctor_avail_[doctor][slot]; }
  int team_available_slots_in_week(int team, int week) const;

  // V1 and V8: teams listed for the village that can reach it alone within their trip limit.
  const std::vector<int>& serving_teams(int village) const { return serving_teams_[village]; }
  // Teams listed for the village, reachable or not.
  const std::vector<int>& listed_teams(int village) const { return listed_teams_[village]; }
  bool may_serve(int team, int village) const;  // listed, whether reachable or not
  bool can_reach(int team, int village) const;  // listed and reachable alone
  const std::vector<int>& team_villages(int team) const { return team_villages_[team]; }  // reachable ones
  const std::vector<int>& team_doctors(int team) const { return team_doctors_[team]; }
  bool doctor_may_join(int doctor, int team) const;

  int weekly_visits_required(int village, int week) const { return weekly_req_[village][week]; }
  int senior_visits_required(int village, int month) const { return senior_req_[village][month]; }

  double home_km(int team, int village) const { return home_km_[team][village]; }
  double village_km(int a, int b) const { return village_km_[a * villages() + b]; }
  // The shortest round trip from the team's home through the villages (in the best order,
  // written back into `villages`); villages.size() ≤ 3.
  double best_tour(int team, std::vector<int>& villages) const;
  double tour_in_order(int team, const std::vector<int>& villages) const;
  bool trip_within_limit(int team, double km) const;

  int team_index(const std::string& id) const;  // -1 when unknown
  int village_index(const std::string& id) const;
  int doctor_index(const std::string& id) const;
  std::string team_name(int team) const;
  std::string village_name(int village) const;
  std::string doctor_name(int doctor) const;

 private:
  const Problem* problem_;
  int weeks_ = 0, months_ = 0;
  std::vector<int> week_of_day_, month_of_day_, week_days_;
  std::vector<std::vector<bool>> team_avail_, doctor_avail_;
  std::vector<std::vector<int>> serving_teams_, listed_teams_, team_villages_, team_doctors_;
  std::vector<std::vector<bool>> doctor_team_;
  std::vector<std::vector<int>> weekly_req_, senior_req_;
  std::vector<std::vector<double>> home_km_;
  std::vector<double> village_km_;
  std::unordered_map<std::string, int> team_ids_, village_ids_, doctor_ids_;
};

}  // namespace yilian::planner

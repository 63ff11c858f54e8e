// Shared by the county mobile-rounds steps (step_rounds_*.cpp): the rounds year, what the
// earlier rounds steps wrote (read back from the database, so each step stands on the
// rows as stored rather than on a second copy in memory), the preset's numbers, and the
// writer every visit goes through.
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "demo/batch_insert.h"
#include "demo/generator.h"
#include "demo/step_support_common.h"
#include "rounds/rounds_policy.h"

namespace yilian::demo::rounds_data {

using support_data::Day;

// Teams and the 包干 grid date from the 2023 plan (seeds/002); the senior-doctor pool
// (千医巡诊万村行) is renewed each year, so its doctors join on the demo year's first day.
inline constexpr const char* kTeamStart = "2023-03-01";
inline constexpr const char* kSeniorStart = "2026-01-01";
// Visits run from the year's first working day to the demo's today (support_data::kToday).
inline constexpr const char* kYearStart = "2026-01-01";
inline constexpr const char* kYearEnd = "2026-12-31";
// V8: how far a team without a vehicle gets in a half-day round trip, on foot or by e-bike
// (stored as rounds_team.max_trip_km, which the planner holds the team to).
inline constexpr double kFootTripKm = 30;

struct Member {
  int64_t staff_id = 0;
  std::string role;  // rounds::member_roles()
};

struct Team {
  int64_t id = 0, institution_id = 0;
  std::string township_code, name;
  bool has_vehicle = false;
  double max_trip_km = 0;             // 0: no limit recorded
  std::vector<Member> members;        // gp first
  std::vector<std::string> villages;  // its 包干 villages, in code order
};

struct Senior {
  int64_t staff_id = 0;
  std::string affiliation;             // lead_hospital / external_tertiary
  std::vector<std::string> townships;  // township codes it joins
};

// The rounds rows of the loaded region, as the earlier rounds steps stored them.
struct World {
  std::vector<Team> teams;  // by township, then id
  std::unordered_map<int64_t, size_t> team_index;
  std::map<std::string, std::vector<size_t>> teams_of_township;
  std::vector<Senior> seniors;
  std::map<std::string, std::vector<size_t>> seniors_of_township;
  std::map<std::string, std::string> affiliation;  // "staff_id:township_code" → affiliation
};
World load_world(store::Db& db, const DemoData& d);

// The preset the demo's rounds follow (rounds-dispatch-2023), as the rounds reports read it.
const rounds::RoundsPolicy& policy();
// Villages the preset puts on weekly rounds (V2: no fixed doctor, small, relocation site),
// by code, judged by rounds::village_needs over the loaded region.
std::set<std::string> weekly_round_villages(store::Db& db, const DemoData& d);

// The weekdays (0 Monday … 4 Friday) a senior doctor is free of hospital duty for rounds:
// three, or four for one who joins two townships (with two, a township of 20 villages
// cannot get its 2 visits a village a month next to the weekly rounds: the planner's
// diagnosis says so). Fixed by the person, so the planner and
// the province rotation agree.
std::vector<int> senior_weekdays(uint64_t seed, int64_t staff_id, size_t townships);

// Monday–Friday of the demo year up to `last`.
std::vector<Day> working_days(Day first, Day last);

// Counts of one visit (V7, 附件2 columns), drawn plausibly for a village of `population`.
struct VisitCounts {
  int64_t patients = 0, referrals = 0, education_sessions = 0, education_audience = 0;
  int64_t maternal = 0, elderly = 0, hypertension = 0, diabetes = 0, mental = 0, other = 0;
};
VisitCounts draw_counts(Random& rng, int64_t population);

// One visit with the people present; ids are given here rather than by the database, so
// a province's millions of visits and their people stream through BatchInsert.
struct Visit {
  int64_t team_id = 0;
  std::string village_code, client_id;
  Day day;
  bool am = true;
  int64_t plan_slot_id = 0;  // 0: unplanned
  VisitCounts counts;
  GeoPoint at;
  int64_t recorder_staff_id = 0;
  std::vector<int64_t> members;
  std::vector<std::pair<int64_t, std::string>> seniors;  // staff id, affiliation
};

class VisitWriter {
 public:
  VisitWriter(store::Db& db, const DemoData& d);
  void add(const Visit& v);
  // Flushes, and on PostgreSQL moves the id sequence past the ids given here.
  void finish();
  int64_t visits() const { return visits_.rows_written(); }
  int64_t people() const { return people_.rows_written(); }

 private:
  static constexpr size_t kPeoplePerFlush = 4000;
  void flush_people();

  store::Db& db_;
  const DemoData& d_;
  int64_t next_id_;
  BatchInsert visits_, people_;
  std::vector<store::Params> pending_;  // people whose visits may not be written yet
  size_t pending_people_ = 0;
};

}  // namespace yilian::demo::rounds_data

#include "demo/step_rounds_common.h"

#include <algorithm>
#include <stdexcept>

#include "policy/startup.h"
#include "rounds/needs.h"
#include "rounds/report_region.h"

namespace yilian::demo::rounds_data {

World load_world(store::Db& db, const DemoData& d) {
  std::unordered_map<int64_t, std::string> township_of_centre;
  for (const auto& t : d.townships) township_of_centre[t.health_centre_id] = t.code;
  World w;
  for (const auto& row :
       db.query(
             "SELECT id, institution_id, name, has_vehicle, max_trip_km FROM rounds_team WHERE active = 1 ORDER BY id")
           .rows) {
    Team t;
    t.id = row[0].as_int();
    t.institution_id = row[1].as_int();
    t.name = row[2].as_text();
    t.has_vehicle = row[3].as_int() != 0;
    t.max_trip_km = row[4].is_null() ? 0 : row[4].as_real();
    t.township_code = township_of_centre.at(t.institution_id);
    w.team_index[t.id] = w.teams.size();
    w.teams_of_township[t.township_code].push_back(w.teams.size());
    w.teams.push_back(std::move(t));
  }
  for (const auto& row : db.query("SELECT team_id, staff_id, role FROM team_member WHERE active = 1 ORDER BY id").rows)
    w.teams[w.team_index.at(row[0].as_int())].members.push_back({row[1].as_int(), row[2].as_text()});
  for (const auto& row :
       db.query("SELECT team_id, village_code FROM village_assignment WHERE active = 1 ORDER BY village_code").rows)
    w.teams[w.team_index.at(row[0].as_int())].villages.push_back(row[1].as_text());

  std::map<int64_t, size_t> senior_index;
  for (const auto& row : db.query("SELECT staff_id, township_institution_id, affiliation FROM senior_doctor WHERE "
                                  "active = 1 ORDER BY staff_id, id")
                             .rows) {
    int64_t staff = row[0].as_int();
    auto [it, added] = senior_index.try_emplace(staff, w.seniors.size());
    if (added) w.seniors.push_back({staff, row[2].as_text(), {}});
    const std::string& township = township_of_centre.at(row[1].as_int());
    w.seniors[it->second].townships.push_back(township);
    w.seniors_of_township[township].push_back(it->second);
    w.affiliation[std::to_string(staff) + ":" + township] = row[2].as_text();
  }
  return w;
}

const rounds::RoundsPolicy& policy() {
  static const auto presets = policy::shipped_presets();
  static const rounds::RoundsPolicy p = [] {
    const policy::Preset* preset = presets->find(support_data::kTownshipVillagePreset);
    if (!preset)
      throw std::runtime_error(std::string("policy preset missing: ") + support_data::kTownshipVillagePreset);
    return rounds::RoundsPolicy(*preset);
  }();
  return p;
}

std::set<std::string> weekly_round_villages(store::Db& db, const DemoData& d) {
  std::set<std::string> out;
  auto region = rounds::region_of(db, d.province_code, "region");
  for (const auto& v : rounds::village_needs(db, policy(), region, kYearStart))
    if (!v.rounds_reasons.empty()) out.insert(v.code);
  return out;
}

std::vector<int> senior_weekdays(uint64_t seed, int64_t staff_id, size_t townships) {
  Random rng(seed, "rounds-senior-days:" + std::to_string(staff_id));
  std::vector<int> days = {0, 1, 2, 3, 4};
  for (size_t i = 4; i > 0; --i) std::swap(days[i], days[rng.below(i + 1)]);
  days.resize(townships > 1 ? 4 : 3);
  std::sort(days.begin(), days.end());
  return days;
}

std::vector<Day> working_days(Day first, Day last) {
  std::vector<Day> out;
  for (Day d = first; d <= last; d += std::chrono::days{1})
    if (support_data::is_workday(d)) out.push_back(d);
  return out;
}

VisitCounts draw_counts(Random& rng, int64_t population) {
  VisitCounts c;
  // Bigger villages bring more patients; 5–40 a half-day either way.
  int64_t top = std::clamp<int64_t>(10 + population / 100, 15, 40);
  c.patients = rng.between(5, top);
  c.referrals = rng.chance(600) ? 0 : rng.between(1, 3);
  if (rng.chance(350)) {  // a talk in the village square or the clinic (P5)
    c.education_sessions = 1;
    c.education_audience = rng.between(12, 60);
  }
  // Key populations (P2) are counted apart from the patients seen.
  c.maternal = rng.chance(300) ? rng.between(1, 2) : 0;
  c.elderly = rng.between(2, 15);
  c.hypertension = rng.between(1, 10);
  c.diabetes = rng.between(0, 6);
  c.mental = rng.chance(150) ? 1 : 0;
  c.other = rng.between(0, 5);
  return c;
}

VisitWriter::VisitWriter(store::Db& db, const DemoData& d)
    : db_(db),
      d_(d),
      next_id_(db.query("SELECT COALESCE(MAX(id), 0) FROM round_visit").scalar().as_int() + 1),
      visits_(db, "round_visit",
              {"id",
               "client_id",
               "team_id",
               "village_code",
               "day",
               "half",
               "plan_slot_id",
               "planned",
               "patients",
               "referrals",
               "education_sessions",
               "education_audience",
               "guidance_maternal",
               "guidance_elderly",
               "guidance_hypertension",
               "guidance_diabetes",
               "guidance_mental",
               "guidance_other",
               "latitude",
               "longitude",
               "recorder_staff_id",
               "created_at",
               "updated_at"}),
      people_(db, "round_visit_person", {"visit_id", "staff_id", "role", "affiliation", "created_at"}) {}

void VisitWriter::add(const Visit& v) {
  int64_t id = next_id_++;
  const VisitCounts& c = v.counts;
  visits_.add({id,
               v.client_id,
               v.team_id,
               v.village_code,
               support_data::iso(v.day),
               v.am ? "am" : "pm",
               v.plan_slot_id ? store::Value(v.plan_slot_id) : store::Value(),
               v.plan_slot_id != 0,
               c.patients,
               c.referrals,
               c.education_sessions,
               c.education_audience,
               c.maternal,
               c.elderly,
               c.hypertension,
               c.diabetes,
               c.mental,
               c.other,
               v.at.latitude,
               v.at.longitude,
               v.recorder_staff_id ? store::Value(v.recorder_staff_id) : store::Value(),
               d_.created_at,
               d_.created_at});
  // The people reference the visit: its batch goes first whenever theirs is written.
  if (pending_people_ + v.members.size() + v.seniors.size() > kPeoplePerFlush) flush_people();
  for (int64_t s : v.members) pending_.push_back({id, s, "member", store::Value(), d_.created_at});
  for (const auto& [s, affiliation] : v.seniors) pending_.push_back({id, s, "senior", affiliation, d_.created_at});
  pending_people_ = pending_.size();
}

void VisitWriter::flush_people() {
  visits_.flush();
  for (auto& row : pending_) people_.add(std::move(row));
  people_.flush();
  pending_.clear();
  pending_people_ = 0;
}

void VisitWriter::finish() {
  flush_people();
  if (db_.backend() == store::Backend::postgresql && visits_.rows_written() > 0)
    db_.query("SELECT setval(pg_get_serial_sequence('round_visit', 'id'), (SELECT MAX(id) FROM round_visit))");
}

}  // namespace yilian::demo::rounds_data

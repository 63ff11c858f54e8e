// Dispatched staff (D1–D3, D5) for 2026: real doctors of the supporting institutions.
//   城市医院→县级医院: about 5 city doctors on site at each county hospital, as a team of
//     内科, 外科 and 妇产/儿/麻醉 plus two more (huang-2013), in two 6-month batches.
//   县级医院→乡镇卫生院: at least one 主治/副主任医师 per centre and batch, two at a 中心卫生院.
//   乡镇卫生院→村卫生室: a few village-level dispatches (V4), 6 months each.
//   The dense benchmark data also: the county MCH hospital's and CDC's 主治/副主任 staff at
//     the central centres they are paired with (V5), everyone they can send, both batches.
// The demo account "doctor" (the city hospital's first 副主任医师) serves at the focus
// county's general hospital in the second batch, so the doctor's pages are live.
//
// Planted on purpose, per county (DemoData::breaches, with who and when):
//   D2        the TCM hospital has only 3 city doctors on site in the first batch;
//   D3/D5     one city doctor at the general hospital went home after 4 months (2026-04-30),
//             a replacement covers May–June;
//   D4        one city doctor at the general hospital in the second batch comes only on
//             Tuesdays and Thursdays;
//   D5        one city doctor, a promotion candidate, refused the second-batch dispatch
//             (refused, cancelled);
//   D1        the second-batch doctor of one township centre is a 医师 (junior title);
//   D3        at another centre the second batch arrived on 2026-07-20: ~3 weeks without anyone;
//   D4        the only doctor at a third centre took leave Wed–Fri 2026-09-16..18: nobody on site;
// and, carried out by the later steps: D10 a centre that stopped confirming presence on
// 2026-10-12, D10 a centre with hardly any lecture records, D6 an unqualified appraisal.
// The township breaches go to different ordinary centres of the general hospital, ones
// without an A2 gap first, so each shows on its own.
#include <algorithm>
#include <optional>
#include <set>

#include "demo/step_support_common.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

using namespace support_data;

struct Batch {
  const char* label;
  const char* start;
  const char* end;
};
constexpr Batch kFirstHalf = {"2026年上半年", "2026-01-01", "2026-06-30"};
constexpr Batch kSecondHalf = {"2026年下半年", "2026-07-01", "2026-12-31"};
constexpr Batch kFirstHalfStandIn = {"2026年上半年(补派)", "2026-05-01", "2026-06-30"};
constexpr Batch kVillageFirst = {"2026年村级第一期", "2026-03-01", "2026-08-31"};
constexpr Batch kVillageSecond = {"2026年村级第二期", "2026-09-01", "2027-02-28"};

constexpr const char* kShortTermEnd = "2026-04-30";
constexpr const char* kLateArrival = "2026-07-20";
constexpr const char* kUncoveredFrom = "2026-09-16";
constexpr const char* kUncoveredTo = "2026-09-18";
constexpr const char* kUnconfirmedFrom = "2026-10-12";

struct Planned {
  size_t relationship = 0;
  const DemoStaff* staff = nullptr;
  std::string level, role = "resident";
  Batch batch{};
  std::string actual_start, actual_end;  // "" = as planned; refused: none
  bool refused = false;
  PresencePattern pattern = PresencePattern::weekdays;
  std::optional<BreachKind> breach;
  std::string breach_from, breach_to;
};

// Doctors of one institution who may be sent, each at most once a term: the demo's term
// is the year (rotation sends someone else each batch); the dense benchmark data makes
// each batch a term and sends nurses too. Promotion candidates are sent first (D1, D5).
class DoctorPool {
 public:
  DoctorPool(const Directory& dir, int64_t institution_id, const std::set<int64_t>& excluded,
             const std::set<int64_t>& promotion_candidates, bool nurses = false, bool public_health = false)
      : promotion_(promotion_candidates) {
    for (const DemoStaff* s : dir.staff_of(institution_id)) {
      const DemoDepartment* dept = dir.department(s->department_id);
      if (excluded.count(s->id) || !sendable(*s, dept, nurses, public_health)) continue;
      doctors_.push_back({s, family_of(dept->name)});
    }
  }

  // Who was sent in one term may be sent again in another.
  void set_term(const std::string& term) {
    term_ = term;
    used_by_term_[term];
  }

  // An unused doctor with a grade in `grades` ("23" = 副主任 or 主治), of `family` when
  // one is left (with `candidates_only`, one who applies for promotion this year, when
  // one is left); nullptr when none fits.
  const DemoStaff* take(Random& rng, std::string_view grades, std::optional<Family> family,
                        bool candidates_only = false) {
    for (int strictness : {2, 1, 0}) {
      if (strictness == 2 && !candidates_only) continue;
      if (strictness == 1 && !family) continue;
      std::vector<size_t> fitting;
      std::vector<int> weights;
      for (size_t i = 0; i < doctors_.size(); ++i) {
        const auto& [s, f] = doctors_[i];
        if (used().count(s->id) || grades.find(title_grade(*s)) == std::string_view::npos) continue;
        if (strictness == 2 && !promotion_.count(s->id)) continue;
        if (strictness >= 1 && family && f != *family) continue;
        fitting.push_back(i);
        weights.push_back(promotion_.count(s->id) ? 3 : 1);
      }
      if (fitting.empty()) continue;
      const DemoStaff* s = doctors_[fitting[rng.weighted(weights)]].first;
      used().insert(s->id);
      return s;
    }
    return nullptr;
  }

  size_t available(std::string_view grades) const {
    size_t n = 0;
    for (const auto& [s, _] : doctors_)
      n += !used().count(s->id) && grades.find(title_grade(*s)) != std::string_view::npos;
    return n;
  }

  bool take_specific(const DemoStaff* s) {
    for (const auto& [doctor, _] : doctors_)
      if (doctor == s) return used().insert(s->id).second;
    return false;
  }

 private:
  std::vector<std::pair<const DemoStaff*, Family>> doctors_;
  std::set<int64_t>& used() { return used_by_term_[term_]; }
  const std::set<int64_t>& used() const { return used_by_term_.at(term_); }

  std::map<std::string, std::set<int64_t>> used_by_term_{{"", {}}};
  std::string term_;
  const std::set<int64_t>& promotion_;
};

class Planner {
 public:
  Planner(const DemoData& d, const Directory& dir, const std::set<int64_t>& excluded,
          const std::set<int64_t>& promotion, int dispatch_scale)
      : d_(d), dir_(dir), excluded_(excluded), promotion_(promotion), scale(dispatch_scale) {}

  // The pool of a supporting institution; `dense` pools (the township and village
  // dispatch of the benchmark data) include nurses and count each batch as a term. A
  // CDC's pool holds its public-health physicians.
  DoctorPool& pool(int64_t institution_id, const Batch& batch, bool dense = false) {
    auto it = pools_.find(institution_id);
    if (it == pools_.end()) {
      bool cdc = dir_.institution(institution_id).facility == Facility::county_cdc;
      it = pools_.emplace(institution_id, DoctorPool(dir_, institution_id, excluded_, promotion_, dense, cdc)).first;
    }
    it->second.set_term(dense ? batch.label : "");
    return it->second;
  }

  std::optional<size_t> relationship(const std::string& tier, int64_t recipient_id) const {
    for (size_t i = 0; i < d_.support_relationships.size(); ++i) {
      const auto& r = d_.support_relationships[i];
      if (r.tier == tier && r.recipient_id == recipient_id) return i;
    }
    return std::nullopt;
  }

  std::vector<Planned> plans;

 private:
  const DemoData& d_;
  const Directory& dir_;
  const std::set<int64_t>& excluded_;
  const std::set<int64_t>& promotion_;
  std::map<int64_t, DoctorPool> pools_;

 public:
  const int scale;  // Options::dispatch_scale
};

// The family the next member of a city team comes from: the team of huang-2013 is 内科,
// 外科 and one of 妇产科/儿科/麻醉科 (D2), so whatever of those is missing, then anyone.
std::optional<Family> next_team_family(Random& rng, const Directory& dir, const std::vector<const DemoStaff*>& team) {
  auto has = [&](std::initializer_list<Family> wanted) {
    for (const DemoStaff* s : team)
      for (Family f : wanted)
        if (family_of(dir.department_name(s->department_id)) == f) return true;
    return false;
  };
  if (!has({Family::internal})) return Family::internal;
  if (!has({Family::surgical})) return Family::surgical;
  if (!has({Family::women_children, Family::anaesthesia}))
    return rng.chance(600) ? Family::women_children : Family::anaesthesia;
  return std::nullopt;
}

// The demo account "doctor": the city hospital's first clinical 副主任医师 (create_accounts).
const DemoStaff* demo_doctor(const Directory& dir, int64_t city_hospital) {
  for (const DemoStaff* s : dir.staff_of(city_hospital))
    if (s->profession == "clinical" && s->title_code == "232") return s;
  return nullptr;
}

// The city hospital's teams at the county hospitals of every county of the city. Doctors
// are dealt round the recipients one slot at a time, so when the city runs short (a
// province has one tertiary hospital per city here) every county hospital is short alike.
void plan_city_teams(Random& rng, Planner& planner, const Directory& dir, const DemoCity& city,
                     const std::vector<const DemoCounty*>& counties, const DemoCounty* focus) {
  struct Recipient {
    size_t relationship;
    const DemoCounty* county;
    bool general;
  };
  std::vector<Recipient> recipients;
  for (const DemoCounty* c : counties) {
    if (auto r = planner.relationship("tertiary_county", c->hospital_id)) recipients.push_back({*r, c, true});
    if (auto r = planner.relationship("tertiary_county", c->tcm_hospital_id)) recipients.push_back({*r, c, false});
  }
  DoctorPool& pool = planner.pool(city.hospital_id, kFirstHalf);
  const DemoStaff* account = demo_doctor(dir, city.hospital_id);
  bool account_reserved = account && focus && pool.take_specific(account);

  for (const Batch& batch : {kFirstHalf, kSecondHalf}) {
    bool first = batch.start == kFirstHalf.start;
    std::vector<std::vector<const DemoStaff*>> teams(recipients.size());
    for (size_t i = 0; i < recipients.size(); ++i)
      if (!first && account_reserved && recipients[i].general && recipients[i].county == focus)
        teams[i].push_back(account);
    // Five each (D2), three at the TCM hospital in the first batch (the planted D2 breach);
    // fewer for all alike when the city has not the doctors for every county of a province.
    size_t fair = recipients.empty() ? 0 : pool.available("123") / ((first ? 2 : 1) * recipients.size());
    auto quota = [&](size_t i) {
      size_t nominal = first && !recipients[i].general ? 3 : 5;
      return std::min(nominal, std::max<size_t>(fair, 1));
    };
    for (size_t slot = 0; slot < 5; ++slot)
      for (size_t i = 0; i < recipients.size(); ++i)
        if (teams[i].size() == slot && slot < quota(i))
          if (const DemoStaff* s = pool.take(rng, "123", next_team_family(rng, dir, teams[i]))) teams[i].push_back(s);

    for (size_t i = 0; i < recipients.size(); ++i) {
      const Recipient& r = recipients[i];
      size_t first_plan = planner.plans.size();
      for (const DemoStaff* s : teams[i]) {
        Planned p{r.relationship, s, "county"};
        p.batch = batch;
        planner.plans.push_back(p);
      }
      if (teams[i].empty()) continue;
      auto& plans = planner.plans;  // this team is plans[first_plan …]
      if (first && !r.general && teams[i].size() <= 3) {
        plans[first_plan].breach = BreachKind::understaffed_county;
        plans[first_plan].breach_from = batch.start;
        plans[first_plan].breach_to = batch.end;
      }
      if (first && r.general) {
        // The team leader takes a post as 业务副院长 (挂职) when senior enough.
        if (title_grade(*plans[first_plan].staff) <= '2') plans[first_plan].role = "secondment";
        if (teams[i].size() >= 2) {
          Planned& early = plans[first_plan + 1 + rng.below(teams[i].size() - 1)];
          early.actual_end = kShortTermEnd;
          early.breach = BreachKind::short_term;
          early.breach_from = batch.start;
          early.breach_to = kShortTermEnd;
          Family f = family_of(dir.department_name(early.staff->department_id));
          if (const DemoStaff* s = pool.take(rng, "123", f)) {
            Planned stand_in{r.relationship, s, "county"};
            stand_in.batch = kFirstHalfStandIn;
            plans.push_back(stand_in);  // `early` is not used after this
          }
        }
      }
      if (!first && r.general && teams[i].size() >= 2) {
        std::vector<size_t> others;
        for (size_t k = first_plan; k < first_plan + teams[i].size(); ++k)
          if (plans[k].staff != account) others.push_back(k);
        Planned& part_timer = plans[pick(rng, others)];
        part_timer.pattern = PresencePattern::two_days_a_week;
        part_timer.breach = BreachKind::two_days_a_week;
        part_timer.breach_from = batch.start;
        part_timer.breach_to = kToday;
        // Refusing costs a promotion candidate this year's promotion (D5): that is who refuses.
        if (const DemoStaff* s = pool.take(rng, "23", std::nullopt, true)) {
          Planned refusal{r.relationship, s, "county"};
          refusal.batch = batch;
          refusal.refused = true;
          refusal.breach = BreachKind::refused;
          refusal.breach_from = batch.start;
          refusal.breach_to = batch.end;
          plans.push_back(refusal);
        }
      }
    }
  }
}

// The county hospitals' doctors at the township centres, and the breaches planted there.
void plan_township_dispatch(Random& rng, Planner& planner, const DemoData& d, const Directory& dir,
                            const DemoCounty& county) {
  std::vector<size_t> relationships, breach_candidates;
  for (size_t i = 0; i < d.support_relationships.size(); ++i) {
    const auto& r = d.support_relationships[i];
    if (r.county_code != county.code || r.tier != "county_township" || r.status == "draft") continue;
    if (r.supporting_id == county.hospital_id || r.supporting_id == county.tcm_hospital_id) relationships.push_back(i);
  }
  // Breaches go to ordinary (non-central) centres of the general hospital, where one doctor
  // a batch is all there is, so each one shows on its own.
  for (size_t i : relationships) {
    const auto& r = d.support_relationships[i];
    if (r.supporting_id == county.hospital_id &&
        dir.institution(r.recipient_id).facility != Facility::central_health_centre)
      breach_candidates.push_back(i);
  }
  for (size_t i = breach_candidates.size(); i > 1; --i)
    std::swap(breach_candidates[i - 1], breach_candidates[rng.below(i)]);
  std::stable_partition(breach_candidates.begin(), breach_candidates.end(),
                        [&](size_t i) { return !has_breach(d, d.support_relationships[i].recipient_id); });
  enum Role { gap, junior, uncovered, unconfirmed, sparse_lectures, unqualified, roles };
  auto role_of = [&](size_t relationship) -> std::optional<Role> {
    for (size_t k = 0; k < breach_candidates.size() && k < roles; ++k)
      if (breach_candidates[k] == relationship) return static_cast<Role>(k);
    return std::nullopt;
  };

  for (size_t rel : relationships) {
    const auto& r = d.support_relationships[rel];
    const DemoInstitution& centre = dir.institution(r.recipient_id);
    size_t base = centre.facility == Facility::central_health_centre ? 2 : 1;
    size_t per_batch = base * static_cast<size_t>(planner.scale);
    std::optional<Role> role = role_of(rel);
    for (const Batch& batch : {kFirstHalf, kSecondHalf}) {
      DoctorPool& pool = planner.pool(r.supporting_id, batch, planner.scale > 1);
      bool first = batch.start == kFirstHalf.start;
      for (size_t k = 0; k < per_batch; ++k) {
        // The first is an internist (中医内科 at the TCM hospital), a second one surgical or 妇儿;
        // the dense data's further staff from wherever the hospital has them.
        std::optional<Family> family =
            k == 0 ? std::optional<Family>(Family::internal)
            : k < base ? std::optional<Family>(rng.chance(500) ? Family::surgical : Family::women_children)
                       : std::nullopt;
        bool junior_breach = !first && role == junior && k == 0;
        const DemoStaff* s = pool.take(rng, junior_breach ? "4" : "23", family);
        if (!s) continue;
        Planned p{rel, s, "township"};
        p.batch = batch;
        if (junior_breach) {
          p.breach = BreachKind::junior_title;
          p.breach_from = batch.start;
          p.breach_to = batch.end;
        }
        if (!first && role == gap) {
          p.actual_start = kLateArrival;
          if (k == 0) {
            p.breach = BreachKind::rotation_gap;
            p.breach_from = kSecondHalf.start;
            p.breach_to = iso(day(kLateArrival) - std::chrono::days{1});
          }
        }
        if (!first && role == uncovered && k == 0) {
          p.breach = BreachKind::uncovered_days;
          p.breach_from = kUncoveredFrom;
          p.breach_to = kUncoveredTo;
        }
        if (first && role == unqualified && k == 0) p.breach = BreachKind::unqualified_evaluation;
        planner.plans.push_back(p);
      }
    }
    if (role == unconfirmed || role == sparse_lectures) {
      // Carried out by the presence and activity steps, which find the centre here.
      Planned marker{rel, nullptr, "township"};
      marker.breach = role == unconfirmed ? BreachKind::unconfirmed_presence : BreachKind::sparse_lectures;
      marker.breach_from = role == unconfirmed ? kUnconfirmedFrom : kFirstHalf.start;
      marker.breach_to = kToday;
      planner.plans.push_back(marker);
    }
  }
}

// The dense data's MCH hospital and CDC staff (V5), dealt round their centres a person at a
// time so that each centre has someone in both batches.
void plan_unit_dispatch(Random& rng, Planner& planner, const DemoData& d, const DemoCounty& county) {
  for (int64_t unit : {county.mch_id, county.cdc_id}) {
    std::vector<size_t> relationships;
    for (size_t i = 0; i < d.support_relationships.size(); ++i) {
      const auto& r = d.support_relationships[i];
      if (r.county_code == county.code && r.tier == "county_township" && r.supporting_id == unit)
        relationships.push_back(i);
    }
    if (relationships.empty()) continue;
    for (const Batch& batch : {kFirstHalf, kSecondHalf}) {
      DoctorPool& pool = planner.pool(unit, batch, true);
      for (bool dealt = true; dealt;) {
        dealt = false;
        for (size_t rel : relationships) {
          const DemoStaff* s = pool.take(rng, "23", std::nullopt);
          if (!s) break;
          Planned p{rel, s, "township"};
          p.batch = batch;
          planner.plans.push_back(p);
          dealt = true;
        }
      }
    }
  }
}

// Village-level dispatch (V4) from a township centre to up to three of its paired village
// clinics (the dense data: all of them), the neediest first: two consecutive half-year terms.
void plan_village_dispatch(Random& rng, Planner& planner, const DemoData& d, const Directory& dir,
                           const DemoCounty& county) {
  std::vector<size_t> candidates;
  for (size_t i = 0; i < d.support_relationships.size(); ++i) {
    const auto& r = d.support_relationships[i];
    if (r.county_code == county.code && r.tier == "township_village" && r.status != "draft") candidates.push_back(i);
  }
  for (size_t i = candidates.size(); i > 1; --i) std::swap(candidates[i - 1], candidates[rng.below(i)]);
  if (planner.scale == 1 && candidates.size() > 3) candidates.resize(3);  // the dense data staffs every pairing
  for (size_t rel : candidates) {
    int64_t centre = d.support_relationships[rel].supporting_id;
    for (const Batch& batch : {kVillageFirst, kVillageSecond}) {
      DoctorPool& pool = planner.pool(centre, batch, planner.scale > 1);
      const DemoStaff* s = pool.take(rng, "345", Family::general);
      if (!s) break;
      Planned p{rel, s, "village"};
      p.batch = batch;
      p.pattern = PresencePattern::village_mornings;
      planner.plans.push_back(p);
    }
  }
}

std::string status_of(const Planned& p) {
  if (p.refused) return "cancelled";
  std::string start = p.actual_start.empty() ? p.batch.start : p.actual_start;
  std::string end = p.actual_end.empty() ? p.batch.end : p.actual_end;
  if (end <= kToday) return "completed";
  return start <= kToday ? "active" : "planned";
}

// Where a public-health physician works at a centre: its 公共卫生科.
std::string public_health_department(const Directory& dir, int64_t recipient_id) {
  for (const DemoDepartment* dept : dir.departments_of(recipient_id))
    if (dept->role == DepartmentRole::public_health) return dept->name;
  return "";
}

void write(store::Db& db, DemoData& d, const Directory& dir, const Planned& p) {
  if (!p.staff) {  // a breach marker for a recipient
    d.breaches.push_back({*p.breach, "D10", d.support_relationships[p.relationship].id, 0,
                          d.support_relationships[p.relationship].recipient_id, 0, p.breach_from, p.breach_to});
    return;
  }
  const auto& r = d.support_relationships[p.relationship];
  std::string status = status_of(p);
  std::string start = p.refused ? "" : p.actual_start.empty() ? p.batch.start : p.actual_start;
  std::string end = p.refused ? "" : p.actual_end.empty() ? p.batch.end : p.actual_end;
  bool ended = status == "completed";
  std::string recipient_department =
      p.level == "village" ? ""
      : p.staff->profession == "public_health"
          ? public_health_department(dir, r.recipient_id)
          : dir.matching_department(r.recipient_id, family_of(dir.department_name(p.staff->department_id)));
  auto opt = [](const std::string& s) { return s.empty() ? store::Value() : store::Value(s); };
  int64_t id = db.insert(
      "INSERT INTO assignment (relationship_id, staff_id, home_institution_id, home_department_id, "
      "recipient_institution_id, recipient_department, level, role, batch, planned_start, planned_end, actual_start, "
      "actual_end, status, refused, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      {r.id, p.staff->id, p.staff->institution_id,
       p.staff->department_id ? store::Value(p.staff->department_id) : store::Value(), r.recipient_id,
       opt(recipient_department), p.level, p.role, p.batch.label, p.batch.start, p.batch.end,
       status == "planned" ? store::Value() : opt(start), ended ? opt(end) : store::Value(), status, p.refused,
       d.created_at, d.created_at});
  d.assignments.push_back({id, p.relationship, p.staff->id, p.staff->institution_id, r.recipient_id, p.level,
                           p.batch.label, start, end, p.refused, p.pattern});
  if (p.breach) {
    static const std::map<BreachKind, const char*> rules = {
        {BreachKind::understaffed_county, "D2"}, {BreachKind::short_term, "D3"},
        {BreachKind::two_days_a_week, "D4"},     {BreachKind::refused, "D5"},
        {BreachKind::junior_title, "D1"},        {BreachKind::rotation_gap, "D3"},
        {BreachKind::uncovered_days, "D4"},      {BreachKind::unqualified_evaluation, "D6"}};
    d.breaches.push_back(
        {*p.breach, rules.at(*p.breach), r.id, id, r.recipient_id, p.staff->id, p.breach_from, p.breach_to});
  }
}

// Who is never sent: the leadership groups (A6) and the heads of township centres.
std::set<int64_t> not_dispatched(store::Db& db, const DemoData& d, const Directory& dir) {
  std::set<int64_t> out;
  for (const auto& row : db.query("SELECT staff_id FROM leadership_member WHERE staff_id IS NOT NULL").rows)
    out.insert(row[0].as_int());
  for (const auto& t : d.townships)
    if (const DemoStaff* head = dir.director_of(t.health_centre_id)) out.insert(head->id);
  return out;
}

}  // namespace

void create_support_assignments(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  Directory dir(d);
  std::set<int64_t> promotion;
  for (const auto& row : db.query("SELECT id FROM staff WHERE promotion_year IS NOT NULL").rows)
    promotion.insert(row[0].as_int());
  std::set<int64_t> excluded = not_dispatched(db, d, dir);
  Planner planner(d, dir, excluded, promotion, o.dispatch_scale);
  const DemoCounty* focus = d.counties.empty() ? nullptr : &d.counties[d.focus_county];

  for (const auto& city : d.cities) {
    std::vector<const DemoCounty*> counties;
    for (const auto& c : d.counties)
      if (c.city_code == city.code) counties.push_back(&c);
    Random rng(o.seed, "support-assignments:" + city.code);
    bool has_focus = focus && focus->city_code == city.code;
    plan_city_teams(rng, planner, dir, city, counties, has_focus ? focus : nullptr);
  }
  for (const auto& county : d.counties) {
    Random rng(o.seed, "support-assignments:" + county.code);
    plan_township_dispatch(rng, planner, d, dir, county);
    plan_village_dispatch(rng, planner, d, dir, county);
    Random unit_rng(o.seed, "support-assignments-units:" + county.code);  // leaves the streams above as they were
    plan_unit_dispatch(unit_rng, planner, d, county);
  }
  for (const auto& p : planner.plans) write(db, d, dir, p);
  progress << d.assignments.size() << " assignments";
}

}  // namespace yilian::demo

// Medical alliances (A5): per county a 医共体 led by the county general hospital with
// every township centre as a member, and per city a 医联体 led by the city's tertiary
// hospital with the county hospitals as members; councils with 4-year terms.
//
// One township centre per county left the 医共体 in 2022 and rejoined in 2023, so the
// membership history has two periods (not a breach: A5 reviews membership every 2–3 years).
#include <set>

#include "demo/batch_insert.h"
#include "demo/step_support_common.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

using namespace support_data;

struct Term {
  const char* start;
  const char* end;
};
constexpr Term kCommunityPreviousTerm = {"2019-01-01", "2022-12-31"};
constexpr Term kCommunityTerm = {"2023-01-01", "2026-12-31"};
constexpr Term kAllianceTerm = {"2024-01-01", "2027-12-31"};

class AllianceWriter {
 public:
  AllianceWriter(store::Db& db, const DemoData& d, const Directory& dir)
      : db_(db),
        d_(d),
        dir_(dir),
        members_(db, "alliance_member",
                 {"alliance_id", "institution_id", "role", "specialty", "branch_sign", "start_date", "end_date",
                  "created_at", "updated_at"}),
        council_(
            db, "council_role",
            {"alliance_id", "name", "institution_id", "role", "term_start", "term_end", "created_at", "updated_at"}) {}

  int64_t alliance(const std::string& name, const char* kind, int64_t lead_id, const char* start, int review_years) {
    return db_.insert(
        "INSERT INTO alliance (name, kind, lead_institution_id, start_date, review_years, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?)",
        {name, kind, lead_id, start, review_years, d_.created_at, d_.created_at});
  }

  void member(int64_t alliance_id, int64_t institution_id, const char* role, const std::string& start,
              const std::string& end = "", const std::string& specialty = "", const std::string& branch_sign = "") {
    auto opt = [](const std::string& s) { return s.empty() ? store::Value() : store::Value(s); };
    members_.add({alliance_id, institution_id, role, opt(specialty), opt(branch_sign), start, opt(end), d_.created_at,
                  d_.created_at});
  }

  void seat(int64_t alliance_id, const DemoStaff* person, const char* role, const Term& term) {
    if (!person) return;
    council_.add(
        {alliance_id, person->name, person->institution_id, role, term.start, term.end, d_.created_at, d_.created_at});
  }

  // The standing office (A5: 5–7 people) from the lead's 医务科 and 办公室.
  void standing_office(Random& rng, int64_t alliance_id, int64_t lead_id, const Term& term, std::set<int64_t>& seated) {
    std::vector<const DemoStaff*> office;
    for (const DemoStaff* s : dir_.staff_of(lead_id)) {
      const std::string& dept = dir_.department_name(s->department_id);
      if ((dept == "医务科" || dept == "办公室") && !seated.count(s->id)) office.push_back(s);
    }
    size_t n = std::min<size_t>(office.size(), static_cast<size_t>(rng.between(5, 7)));
    for (size_t i = 0; i < n; ++i) {
      seated.insert(office[i]->id);
      seat(alliance_id, office[i], i == 0 ? "secretary_general" : "office", term);
    }
  }

  void flush() {
    members_.flush();
    council_.flush();
  }

  const Directory& dir() const { return dir_; }

 private:
  store::Db& db_;
  const DemoData& d_;
  const Directory& dir_;
  BatchInsert members_, council_;
};

void write_county_community(Random& rng, AllianceWriter& w, const std::string& city_name, const DemoCounty& county) {
  const Directory& dir = w.dir();
  const std::string lead_name = dir.institution(county.hospital_id).name;
  // Named with the city too: county names repeat within a province (市中区).
  int64_t id = w.alliance(city_name + county.name + "医疗服务共同体", "community", county.hospital_id, "2019-01-01", 3);
  w.member(id, county.hospital_id, "lead", "2019-01-01");
  w.member(id, county.tcm_hospital_id, "specialty_partner", "2019-01-01", "", "中医");
  w.member(id, county.mch_id, "specialty_partner", "2020-07-01", "", "妇幼保健");

  auto townships = dir.townships_of(county);
  size_t rejoined = townships.empty() ? 0 : rng.below(townships.size());
  for (size_t i = 0; i < townships.size(); ++i) {
    const DemoTownship& t = *townships[i];
    std::string sign = t.central ? lead_name + t.name + "分院" : "";
    if (i == rejoined && townships.size() > 1) {
      // Left when the township merged its centre's management with a private hospital;
      // came back after the 2023 membership review.
      w.member(id, t.health_centre_id, "member", "2019-01-01", "2022-06-30", "", sign);
      w.member(id, t.health_centre_id, "member", "2023-07-01", "", "", sign);
    } else {
      w.member(id, t.health_centre_id, "member", "2019-01-01", "", "", sign);
    }
  }

  std::set<int64_t> seated;
  auto seat = [&](int64_t institution, const char* role, const Term& term) {
    const DemoStaff* head = dir.director_of(institution);
    if (head) seated.insert(head->id);
    w.seat(id, head, role, term);
  };
  seat(county.hospital_id, "chair", kCommunityPreviousTerm);
  seat(county.hospital_id, "chair", kCommunityTerm);
  seat(county.tcm_hospital_id, "vice_chair", kCommunityTerm);
  for (const DemoTownship* t : townships)
    seat(t->health_centre_id, t->central ? "vice_chair" : "member", kCommunityTerm);
  w.standing_office(rng, id, county.hospital_id, kCommunityTerm, seated);
}

void write_city_alliance(Random& rng, AllianceWriter& w, int64_t city_hospital,
                         const std::vector<const DemoCounty*>& counties) {
  const Directory& dir = w.dir();
  int64_t id =
      w.alliance(dir.institution(city_hospital).name + "医疗联合体", "alliance", city_hospital, "2018-03-01", 2);
  w.member(id, city_hospital, "lead", "2018-03-01");
  std::set<int64_t> seated;
  auto seat = [&](int64_t institution, const char* role) {
    const DemoStaff* head = dir.director_of(institution);
    if (head) seated.insert(head->id);
    w.seat(id, head, role, kAllianceTerm);
  };
  seat(city_hospital, "chair");
  for (const DemoCounty* c : counties) {
    w.member(id, c->hospital_id, "member", "2018-03-01", "", "",
             dir.institution(city_hospital).name + c->name + "分院");
    w.member(id, c->tcm_hospital_id, "member", "2020-01-01");
    seat(c->hospital_id, "vice_chair");
    seat(c->tcm_hospital_id, "member");
  }
  w.standing_office(rng, id, city_hospital, kAllianceTerm, seated);
}

}  // namespace

void create_support_alliances(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  Directory dir(d);
  AllianceWriter writer(db, d, dir);
  size_t alliances = 0;
  for (const auto& county : d.counties) {
    Random rng(o.seed, "support-alliances:" + county.code);
    const DemoCity* city = dir.city_of(county);
    write_county_community(rng, writer, city ? city_label(d, *city) : "", county);
    ++alliances;
  }
  for (const auto& city : d.cities) {
    std::vector<const DemoCounty*> counties;
    for (const auto& c : d.counties)
      if (c.city_code == city.code) counties.push_back(&c);
    if (counties.empty()) continue;
    Random rng(o.seed, "support-alliances:" + city.code);
    write_city_alliance(rng, writer, city.hospital_id, counties);
    ++alliances;
  }
  writer.flush();
  progress << alliances << " alliances";
}

}  // namespace yilian::demo

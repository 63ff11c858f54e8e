// Support relationships (A1) in three tiers, their 2026 agreements with measurable
// targets (A2), the specialties recipients ask for (A4), the supporting hospitals'
// leadership groups (A6) and the dated work steps (A7).
//
// The dense benchmark data (Options::dispatch_scale > 1) also pairs the county MCH
// hospital and the CDC with the central centres (县域医疗卫生次中心), as many as they can
// staff, as county_township relationships under the county hospitals' terms (V5).
//
// Planted on purpose (DemoData::breaches): per county, one county→township relationship
// without any agreement and one with only a draft, two township→village relationships
// without an agreement and the one still in draft with a draft agreement (A2 coverage
// gaps); the agreement step of those, and the mid-year review of two county→township
// relationships, are overdue (A7).
#include <algorithm>
#include <set>

#include "demo/batch_insert.h"
#include "demo/step_support_common.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

using namespace support_data;

struct Period {
  const char* start;
  const char* end;
};
// Three-year terms (A1): the city–county pairing is older than the county plan, and the
// village pairings began with the 2026 巡回医疗 plan.
constexpr Period kCityCountyTerm = {"2024-01-01", "2026-12-31"};
constexpr Period kCountyTownshipTerm = {"2025-01-01", "2027-12-31"};
constexpr Period kTownshipVillageTerm = {"2026-01-01", "2028-12-31"};

// Numbers the source documents leave open, agreed in every relationship of the tier, so
// the engine checks them as the agreement says (policy overrides, "关系协议约定").
const char* const kCityCountyOverrides = R"({"dispatch.min_concurrent_staff_city_to_county": 5})";
const char* const kCountyTownshipOverrides =
    R"({"dispatch.min_days_per_week": 3, "dispatch.daily_coverage_required": true, )"
    R"("support.lectures_per_year": 6, "support.leadership_visits_per_year": 2, "evaluation.pass_score": 60})";

struct PlannedRelationship {
  int64_t supporting_id, recipient_id;
  std::string tier, status, preset, overrides, notes;
  Period term;
  std::string agreement_status;  // "filed", "signed", "draft" or "" for none
  bool tripartite = false;
  std::string third_party;
};

// The 1–2 village clinics of a township that most need help: fewest village doctors per
// resident (V4 counts doctors per 1,000 people), then the largest population. The dense
// benchmark data (Options::dispatch_scale) pairs scale/2 times as many.
std::vector<const DemoVillage*> neediest_villages(Random& rng, std::vector<const DemoVillage*> villages,
                                                  int dispatch_scale) {
  std::stable_sort(villages.begin(), villages.end(), [](const DemoVillage* a, const DemoVillage* b) {
    int64_t lhs = a->doctor_count * b->population, rhs = b->doctor_count * a->population;
    return lhs != rhs ? lhs < rhs : a->population > b->population;
  });
  size_t n = std::min<size_t>(villages.size(),
                              (rng.chance(450) ? 2 : 1) * static_cast<size_t>(std::max(1, dispatch_scale / 2)));
  return {villages.begin(), villages.begin() + static_cast<std::ptrdiff_t>(n)};
}

// Applies `mark` to `n` distinct indices drawn from `candidates` (fewer when there are fewer).
template <typename Mark>
void mark_some(Random& rng, std::vector<size_t> candidates, size_t n, Mark mark) {
  for (size_t i = 0; i < n && !candidates.empty(); ++i) {
    size_t k = rng.below(candidates.size());
    mark(candidates[k]);
    candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(k));
  }
}

class RelationshipWriter {
 public:
  RelationshipWriter(store::Db& db, DemoData& d, const Directory& dir, uint64_t seed)
      : db_(db),
        d_(d),
        dir_(dir),
        seed_(seed),
        targets_(db, "agreement_target",
                 {"agreement_id", "metric", "description", "baseline", "target", "unit", "deadline", "created_at",
                  "updated_at"}),
        specialties_(db, "requested_specialty",
                     {"relationship_id", "year", "specialty", "status", "created_at", "updated_at"}),
        steps_(db, "work_step",
               {"relationship_id", "stage", "title", "due_date", "done_date", "created_at", "updated_at"}) {
    for (const auto& v : d.villages) village_of_clinic_[v.clinic_id] = &v;
  }

  void write(Random& rng, const DemoCounty& county, const PlannedRelationship& p, bool mid_year_review_overdue) {
    const std::string& now = d_.created_at;
    int64_t id = db_.insert(
        "INSERT INTO support_relationship (supporting_institution_id, recipient_institution_id, tier, start_date, "
        "end_date, status, preset_id, overrides, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        {p.supporting_id, p.recipient_id, p.tier, p.term.start, p.term.end, p.status, p.preset,
         p.overrides.empty() ? store::Value() : store::Value(p.overrides), p.notes, now, now});
    d_.support_relationships.push_back({id, p.supporting_id, p.recipient_id, p.tier, p.status, county.code});
    if (p.agreement_status.empty())
      d_.breaches.push_back({BreachKind::missing_agreement, "A2", id, 0, p.recipient_id});
    else if (p.agreement_status == "draft")
      d_.breaches.push_back({BreachKind::draft_agreement, "A2", id, 0, p.recipient_id});

    if (p.tier == "tertiary_county") write_mid_term_agreement(id, p);
    std::string filed = p.agreement_status.empty() ? "" : write_annual_agreement(rng, id, p);
    if (p.tier != "township_village") write_specialties(rng, id, p);
    write_work_steps(rng, id, p, filed, mid_year_review_overdue);
  }

  void flush() {
    targets_.flush();
    specialties_.flush();
    steps_.flush();
  }

 private:
  std::string name(int64_t id) const { return dir_.institution(id).name; }

  // The recipient's 2025 outpatient visits: its statistics, or for a village clinic
  // about two visits per resident a year.
  double outpatient_baseline(int64_t recipient_id) const {
    auto v = village_of_clinic_.find(recipient_id);
    if (v != village_of_clinic_.end()) return static_cast<double>(v->second->population * 2);
    return static_cast<double>(yearly_outpatient_visits(seed_, dir_.institution(recipient_id), kBaselineYear));
  }

  void write_mid_term_agreement(int64_t relationship_id, const PlannedRelationship& p) {
    const std::string& now = d_.created_at;
    db_.exec(
        "INSERT INTO agreement (relationship_id, title, kind, status, signed_date, filed_date, goals, tasks, "
        "support_modes, obligations, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        {relationship_id, "2024—2026年对口帮扶协议书(" + name(p.supporting_id) + "—" + name(p.recipient_id) + ")",
         "mid_term", "filed", "2023-12-20", "2024-01-05",
         "三年内帮助受援医院建成胸痛中心、卒中中心,创建1—2个市级重点专科,县域内就诊率达到90%以上。",
         "每年同时派驻不少于5名中级以上职称医师,每6个月轮换;开展新技术新项目;免费接收进修人员。",
         "派驻、进修、远程会诊、专科共建、管理输出", "支援方负责派驻人员工资福利待遇不变;受援方提供食宿并如实考核。",
         now, now});
  }

  // Returns the filing day ("" when not filed).
  std::string write_annual_agreement(Random& rng, int64_t relationship_id, const PlannedRelationship& p) {
    const std::string& now = d_.created_at;
    bool signed_ = p.agreement_status != "draft";
    Day signed_day = day("2026-01-05") + std::chrono::days{rng.between(0, 18)};
    Day filed_day = signed_day + std::chrono::days{rng.between(3, 15)};
    std::string signed_date = signed_ ? iso(signed_day) : "";
    std::string filed_date = p.agreement_status == "filed" ? iso(filed_day) : "";
    bool village = p.tier == "township_village";
    int growth = p.tier == "tertiary_county" ? 8 : village ? 5 : 10;
    int techniques = p.tier == "tertiary_county" ? 3 : 2;
    int trainees = p.tier == "tertiary_county" ? 4 : 3;
    std::string goals = "2026年门诊人次同比增长" + std::to_string(growth) + "%以上" +
                        (village ? ";村民常见病、慢性病在村得到规范诊治。"
                                 : ";开展新技术新项目" + std::to_string(techniques) + "项,免费接收进修" +
                                       std::to_string(trainees) + "人;提升急危重症救治能力。");
    std::string tasks =
        village ? "乡镇卫生院派驻医师每周在村卫生室工作不少于5天、每天不少于半天;开展巡诊、健康宣教和家庭医生签约服务。"
                : "派驻中级以上职称医师,每6个月轮换,每周驻点不少于3天;坐诊、查房、会诊、手术指导、带教;"
                  "每年举办讲座不少于6期;院领导每年督导不少于2次。";
    std::string modes = village ? "村级派驻、巡回医疗、业务培训" : "派驻、进修、远程会诊、专题讲座、设备支持";
    std::string obligations =
        "支援方:选派合格人员,派驻期间工资福利待遇不变,定期督导考核;"
        "受援方:提供工作和生活条件,如实记录在岗和工作情况并反馈评价。";
    int64_t id = db_.insert(
        "INSERT INTO agreement (relationship_id, title, kind, status, signed_date, filed_date, tripartite, "
        "third_party, goals, tasks, support_modes, obligations, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        {relationship_id, "2026年度对口支援协议书(" + name(p.supporting_id) + "—" + name(p.recipient_id) + ")",
         "annual", p.agreement_status, signed_date.empty() ? store::Value() : store::Value(signed_date),
         filed_date.empty() ? store::Value() : store::Value(filed_date), p.tripartite,
         p.third_party.empty() ? store::Value() : store::Value(p.third_party), goals, tasks, modes, obligations, now,
         now});

    const std::string deadline = "2026-12-31";
    double baseline = outpatient_baseline(p.recipient_id);
    targets_.add({id, "outpatient_visits", "门诊人次同比增长" + std::to_string(growth) + "%", baseline,
                  static_cast<double>(static_cast<int64_t>(baseline * (100 + growth) / 100)), "人次", deadline, now,
                  now});
    if (village) {
      targets_.add({id, "custom", "派驻或巡诊每周到村不少于5天", store::Value(), 5.0, "天/周", deadline, now, now});
    } else {
      targets_.add({id, "new_techniques", "开展新技术新项目" + std::to_string(techniques) + "项", 0.0,
                    static_cast<double>(techniques), "项", deadline, now, now});
      targets_.add({id, "trainees", "免费接收进修人员" + std::to_string(trainees) + "名", 0.0,
                    static_cast<double>(trainees), "人", deadline, now, now});
    }
    return filed_date;
  }

  void write_specialties(Random& rng, int64_t relationship_id, const PlannedRelationship& p) {
    static const std::vector<std::string> county_needs = {"心血管内科", "神经内科", "重症医学科", "病理科",   "影像科",
                                                          "骨科",       "儿科",     "麻醉科",     "消化内科", "急诊科"};
    static const std::vector<std::string> tcm_needs = {"骨伤科", "针灸推拿科", "康复医学科",
                                                       "影像科", "病理科",     "心血管内科"};
    static const std::vector<std::string> township_needs = {"中医科", "影像科",     "全科医疗科", "儿科",    "妇产科",
                                                            "骨科",   "康复医学科", "检验科",     "慢病管理"};
    static const std::vector<std::string> mch_needs = {"妇产科", "儿科", "妇女保健", "儿童保健", "产科急救"};
    static const std::vector<std::string> cdc_needs = {"预防接种", "传染病防控", "慢病管理", "健康教育",
                                                       "突发公共卫生事件应急处置"};
    Facility f = dir_.institution(p.recipient_id).facility, by = dir_.institution(p.supporting_id).facility;
    const auto& pool = by == Facility::county_mch           ? mch_needs
                       : by == Facility::county_cdc         ? cdc_needs
                       : f == Facility::county_hospital     ? county_needs
                       : f == Facility::county_tcm_hospital ? tcm_needs
                                                            : township_needs;
    for (int year : {kBaselineYear, kYear}) {
      std::set<std::string> chosen;
      size_t n = static_cast<size_t>(rng.between(2, 3));
      while (chosen.size() < n) chosen.insert(pick(rng, pool));
      for (const auto& specialty : chosen) {
        uint64_t r = rng.below(10);
        std::string status = year == kBaselineYear ? (r < 8 ? "fulfilled" : "arranged")
                                                   : (r < 6   ? "arranged"
                                                      : r < 8 ? "fulfilled"
                                                              : "requested");
        specialties_.add({relationship_id, year, specialty, status, d_.created_at, d_.created_at});
      }
    }
  }

  void step(int64_t relationship_id, const char* stage, const std::string& title, const std::string& due,
            const std::string& done) {
    steps_.add({relationship_id, stage, title, due, done.empty() ? store::Value() : store::Value(done), d_.created_at,
                d_.created_at});
  }

  // A7: 调研 → 签协议 → 落实下派人员 → 实施 → 总结, as dated tasks.
  void write_work_steps(Random& rng, int64_t id, const PlannedRelationship& p, const std::string& filed,
                        bool mid_year_review_overdue) {
    auto done_before = [&](const char* due, int max_days_early) {
      return iso(day(due) - std::chrono::days{rng.between(0, max_days_early)});
    };
    step(id, "survey", "开展受援单位需求调研,摸清人员、设备、技术和业务台帐", "2025-12-15",
         done_before("2025-12-15", 12));
    step(id, "agreement", "签订2026年度对口支援协议并报卫健局备案", "2026-01-31", filed);
    if (p.status == "draft") return;  // nothing is staffed before the pairing is agreed
    if (p.tier == "township_village") {
      step(id, "staffing", "确定村级派驻和巡诊人员", "2026-02-27", done_before("2026-02-27", 10));
    } else {
      step(id, "staffing", "落实2026年上半年派驻人员", "2025-12-31", done_before("2025-12-31", 10));
      step(id, "staffing", "落实2026年下半年派驻人员", "2026-06-25", done_before("2026-06-25", 10));
      step(id, "implementation", "开展年中督导检查并形成半年工作总结", "2026-07-31",
           mid_year_review_overdue ? "" : done_before("2026-07-31", 14));
    }
    step(id, "summary", "形成2026年度对口支援工作总结报卫健局", "2026-12-31", "");
  }

  store::Db& db_;
  DemoData& d_;
  const Directory& dir_;
  uint64_t seed_;
  BatchInsert targets_, specialties_, steps_;
  std::unordered_map<int64_t, const DemoVillage*> village_of_clinic_;
};

// Staff a county MCH hospital or CDC can send each batch; its head leads its
// leadership group and stays (write_unit_leadership).
size_t sendable_staff(const Directory& dir, int64_t institution_id) {
  bool cdc = dir.institution(institution_id).facility == Facility::county_cdc;
  const DemoStaff* head = dir.director_of(institution_id);
  size_t n = 0;
  for (const DemoStaff* s : dir.staff_of(institution_id))
    n += s != head && (title_grade(*s) == '2' || title_grade(*s) == '3') &&
         sendable(*s, dir.department(s->department_id), true, cdc);
  return n;
}

// The dense data's MCH hospital and CDC at the central centres, one pairing per person
// they can send at most, so every pairing is staffed every day of both batches.
void plan_units(std::vector<PlannedRelationship>& plans, const Directory& dir, const DemoCounty& county) {
  const std::string terms =
      "协议约定同县级医院:派驻人员每周驻点不少于3天、每天至少1人在岗,每年讲座不少于6期,领导每年督导不少于2次,"
      "派驻考核60分合格。";
  const std::string mch_notes =
      "县卫健局统一结对:县妇幼保健院对口指导乡镇卫生院妇幼保健工作,派驻妇产科、儿科医师和护士;" + terms;
  const std::string cdc_notes =
      "县卫健局统一结对:县疾控中心派驻公共卫生医师,指导基本公共卫生服务、传染病防控和家庭医生签约服务;" + terms;
  std::vector<int64_t> centres;
  for (const DemoTownship* t : dir.townships_of(county))
    if (t->central) centres.push_back(t->health_centre_id);
  for (int64_t unit : {county.mch_id, county.cdc_id}) {
    if (!unit) continue;
    size_t n = std::min(centres.size(), sendable_staff(dir, unit));
    for (size_t i = 0; i < n; ++i)
      plans.push_back({unit, centres[i], "county_township", "filed", kCountyTownshipPreset, kCountyTownshipOverrides,
                       unit == county.mch_id ? mch_notes : cdc_notes, kCountyTownshipTerm, "filed"});
  }
}

// The relationships of one county: the city hospital → both county hospitals, the county
// hospitals → the township centres (split between the general and the TCM hospital),
// each township centre → its 1–2 neediest village clinics.
std::vector<PlannedRelationship> plan_county(Random& rng, const Directory& dir, const DemoCounty& county,
                                             const DemoCity& city, int dispatch_scale) {
  std::vector<PlannedRelationship> plans;
  const std::string city_notes =
      "市卫健委按“功能对应、双方自愿、尊重历史”确定;协议约定每家受援医院同时在岗派驻人员不少于5名。";
  for (int64_t hospital : {county.hospital_id, county.tcm_hospital_id})
    plans.push_back({city.hospital_id, hospital, "tertiary_county", "filed", kCityCountyPreset, kCityCountyOverrides,
                     city_notes, kCityCountyTerm, "filed"});

  const std::string township_notes =
      "县卫健局统一结对;协议约定派驻人员每周驻点不少于3天、每天至少1人在岗,每年讲座不少于6期,院领导每年督导不少于2次,"
      "派驻考核60分合格。";
  auto townships = dir.townships_of(county);
  std::vector<size_t> county_township, township_village;
  for (size_t i = 0; i < townships.size(); ++i) {
    // Every third centre goes to the TCM hospital, which has fewer doctors to send.
    int64_t supporter = i % 3 == 1 ? county.tcm_hospital_id : county.hospital_id;
    PlannedRelationship p{supporter,
                          townships[i]->health_centre_id,
                          "county_township",
                          "filed",
                          kCountyTownshipPreset,
                          kCountyTownshipOverrides,
                          township_notes,
                          kCountyTownshipTerm,
                          "filed"};
    if (rng.chance(300)) {
      p.tripartite = true;
      const std::string& name = townships[i]->name;
      bool street = name.size() >= 6 && name.compare(name.size() - 6, 6, "街道") == 0;
      p.third_party = name + (street ? "办事处" : "人民政府");
    }
    county_township.push_back(plans.size());
    plans.push_back(std::move(p));
  }
  for (const DemoTownship* t : townships) {
    for (const DemoVillage* v : neediest_villages(rng, dir.villages_of(*t), dispatch_scale)) {
      township_village.push_back(plans.size());
      plans.push_back({t->health_centre_id, v->clinic_id, "township_village", "filed", kTownshipVillagePreset, "",
                       "按县域巡回医疗和派驻服务实施方案包干联系", kTownshipVillageTerm, "filed"});
    }
  }

  // A few pairings are still on paper (A1 status), and some agreements missing (A2).
  mark_some(rng, county_township, 1, [&](size_t i) { plans[i].status = plans[i].agreement_status = "signed"; });
  std::vector<size_t> unmarked_township;
  for (size_t i : county_township)
    if (plans[i].status == "filed") unmarked_township.push_back(i);
  mark_some(rng, unmarked_township, 2,
            [&, n = 0](size_t i) mutable { plans[i].agreement_status = n++ == 0 ? "" : "draft"; });
  mark_some(rng, township_village, 4, [&, n = 0](size_t i) mutable {
    if (n == 0)
      plans[i].status = plans[i].agreement_status = "draft";
    else if (n == 1)
      plans[i].status = plans[i].agreement_status = "signed";
    else
      plans[i].agreement_status = "";
    ++n;
  });
  if (dispatch_scale > 1) plan_units(plans, dir, county);
  return plans;
}

// A6: the leadership group of a supporting hospital, its office in 医务科.
void write_leadership(BatchInsert& rows, const Directory& dir, const DemoData& d, int64_t hospital_id) {
  const auto& staff = dir.staff_of(hospital_id);
  std::set<int64_t> taken;
  auto add = [&](const DemoStaff* s, const char* role, const std::string& duties) {
    if (!s) return;
    taken.insert(s->id);
    rows.add({hospital_id, s->name, s->id, role, duties, d.created_at, d.created_at});
  };
  auto senior_doctor = [&](char worst_grade) -> const DemoStaff* {
    const DemoStaff* best = nullptr;
    for (const DemoStaff* s : staff)
      if (is_doctor(*s) && !taken.count(s->id) && title_grade(*s) <= worst_grade &&
          (!best || title_grade(*s) < title_grade(*best)))
        best = s;
    return best;
  };
  auto in_department = [&](const char* name) -> const DemoStaff* {
    for (const DemoStaff* s : staff)
      if (!taken.count(s->id) && dir.department_name(s->department_id) == name) return s;
    return nullptr;
  };
  add(senior_doctor('2'), "leader", "院长,领导小组组长:全面负责对口支援工作,审定年度计划和年度总结");
  add(senior_doctor('2'), "deputy", "业务副院长,副组长:分管派驻人员选派、轮换和考核,带队到受援单位督导");
  add(senior_doctor('2'), "deputy", "副院长,副组长:分管进修培训和设备支持");
  add(in_department("医务科"), "office", "医务科科长,领导小组办公室主任:制定计划、检查进度、年度总结、向卫健局报告");
  add(in_department("护理部"), "member", "护理部主任:护理人员带教和进修安排");
  add(in_department("办公室"), "member", "院办主任:派驻人员后勤保障和补助发放");
  add(in_department("药剂科"), "member", "药剂科主任:临床药学指导和药品捐赠");
}

// A6 at a county MCH hospital or CDC that supports centres: its head, a deputy from the
// administration and the office, none of whom is dispatched.
void write_unit_leadership(BatchInsert& rows, const Directory& dir, const DemoData& d, int64_t unit) {
  bool cdc = dir.institution(unit).facility == Facility::county_cdc;
  const DemoStaff* head = dir.director_of(unit);
  const DemoStaff *deputy = nullptr, *office = nullptr;
  for (const DemoStaff* s : dir.staff_of(unit)) {
    if (s == head || s->profession != "management") continue;
    if (!deputy)
      deputy = s;
    else if (!office && dir.department_name(s->department_id) == "办公室")
      office = s;
  }
  auto add = [&](const DemoStaff* s, const char* role, const std::string& duties) {
    if (s) rows.add({unit, s->name, s->id, role, duties, d.created_at, d.created_at});
  };
  add(head, "leader", std::string(cdc ? "主任" : "院长") + ",领导小组组长:全面负责对口支援工作,审定年度计划和年度总结");
  add(deputy, "deputy",
      std::string(cdc ? "副主任" : "副院长") + ",副组长:分管派驻人员选派、轮换和考核,带队到受援单位督导");
  add(office, "office", "办公室主任,领导小组办公室主任:制定计划、检查进度、年度总结、向卫健局报告");
}

}  // namespace

void create_support_relationships(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  Directory dir(d);
  RelationshipWriter writer(db, d, dir, o.seed);
  BatchInsert leaders(db, "leadership_member",
                      {"institution_id", "name", "staff_id", "role", "duties", "created_at", "updated_at"});
  std::set<int64_t> hospitals_with_group;
  for (const auto& county : d.counties) {
    const DemoCity* city = dir.city_of(county);
    if (!city) continue;
    Random rng(o.seed, "support-relationships:" + county.code);
    auto plans = plan_county(rng, dir, county, *city, o.dispatch_scale);
    std::vector<size_t> county_township;
    auto county_hospital = [&](int64_t id) { return id == county.hospital_id || id == county.tcm_hospital_id; };
    for (size_t i = 0; i < plans.size(); ++i)
      if (plans[i].tier == "county_township" && plans[i].agreement_status == "filed" &&
          county_hospital(plans[i].supporting_id))
        county_township.push_back(i);
    std::set<size_t> review_overdue;
    mark_some(rng, county_township, 2, [&](size_t i) { review_overdue.insert(i); });
    for (size_t i = 0; i < plans.size(); ++i) writer.write(rng, county, plans[i], review_overdue.count(i) > 0);
    for (int64_t hospital : {city->hospital_id, county.hospital_id, county.tcm_hospital_id})
      if (hospitals_with_group.insert(hospital).second) write_leadership(leaders, dir, d, hospital);
    std::set<int64_t> units;
    for (const auto& p : plans)
      if (!county_hospital(p.supporting_id) && p.tier == "county_township") units.insert(p.supporting_id);
    for (int64_t unit : units) write_unit_leadership(leaders, dir, d, unit);
  }
  writer.flush();
  leaders.flush();
  progress << d.support_relationships.size() << " relationships";
}

}  // namespace yilian::demo

// The recipients' ledgers: the equipment ledger of every township centre (R7) and the
// monthly operating statistics (R6) of every township centre and both county hospitals
// from 2025-01 to 2026-10, the last month reported by the demo's today.
//
// The statistics follow a model, not noise alone: winter peaks, a Spring Festival dip in
// February, and growth in 2026 of 5–15 % at the supported township centres (3–8 % at the
// county hospitals), which is what the agreements' 门诊人次 targets are measured against.
#include <array>
#include <cmath>

#include "demo/batch_insert.h"
#include "demo/step_support_common.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace support_data {
namespace {

struct OperatingProfile {
  int64_t outpatients_min, outpatients_max;  // a month, before seasons and growth
  int64_t occupancy_min, occupancy_max;      // % of beds: admissions follow from beds and stays
  int64_t surgeries_min, surgeries_max;
  int64_t outpatient_fee_min, outpatient_fee_max;  // 元 per visit
  int64_t inpatient_fee_min, inpatient_fee_max;    // 元 per stay
  double length_of_stay;                           // days
  int growth_min, growth_max;                      // % in 2026
};

const OperatingProfile& operating_profile(Facility f) {
  static const OperatingProfile county = {30000, 42000, 82, 92, 600, 900, 230, 280, 8500, 10500, 8.0, 3, 8};
  static const OperatingProfile tcm = {12000, 18000, 72, 88, 120, 250, 170, 220, 6500, 8000, 9.5, 3, 8};
  static const OperatingProfile central = {3000, 6000, 58, 82, 20, 50, 85, 120, 2800, 3600, 6.5, 5, 15};
  static const OperatingProfile township = {1500, 3500, 48, 78, 3, 15, 70, 100, 2200, 3000, 6.0, 5, 15};
  switch (f) {
    case Facility::county_hospital:
      return county;
    case Facility::county_tcm_hospital:
      return tcm;
    case Facility::central_health_centre:
      return central;
    default:
      return township;
  }
}

// Month factors (January first): respiratory winters, the Spring Festival in February.
constexpr std::array<double, 12> kOutpatientSeason = {1.10, 0.86, 1.00, 0.97, 0.96, 0.94,
                                                      0.97, 0.98, 0.99, 0.95, 1.04, 1.12};
constexpr std::array<double, 12> kInpatientSeason = {1.08, 0.85, 1.02, 1.00, 0.98, 0.96,
                                                     0.98, 0.98, 1.00, 0.97, 1.03, 1.08};

int days_in_month(const std::string& first_of_month) {
  Day first = day(first_of_month);
  return static_cast<int>((add_months(first, 1) - first).count());
}

}  // namespace

OperatingMonth operating_month(uint64_t seed, const DemoInstitution& inst, int year, int month) {
  const OperatingProfile& p = operating_profile(inst.facility);
  Random base(seed, "support-stats:" + inst.code);  // what the institution is like
  double outpatients = static_cast<double>(base.between(p.outpatients_min, p.outpatients_max));
  double occupancy = static_cast<double>(base.between(p.occupancy_min, p.occupancy_max)) / 100;
  double admissions = std::max(inst.beds, 1) * 30.4 * occupancy / p.length_of_stay;
  double surgeries = static_cast<double>(base.between(p.surgeries_min, p.surgeries_max));
  double outpatient_fee = static_cast<double>(base.between(p.outpatient_fee_min, p.outpatient_fee_max));
  double inpatient_fee = static_cast<double>(base.between(p.inpatient_fee_min, p.inpatient_fee_max));
  double growth = year >= kYear ? 1 + static_cast<double>(base.between(p.growth_min, p.growth_max)) / 100 : 1.0;

  char label[8];
  std::snprintf(label, sizeof label, "%04d-%02d", year, month);
  Random noise(seed, "support-stats:" + inst.code + ":" + label);
  auto jitter = [&] { return 1 + static_cast<double>(noise.between(-40, 40)) / 1000; };
  OperatingMonth m;
  m.outpatient_visits = std::llround(outpatients * kOutpatientSeason[month - 1] * growth * jitter());
  m.inpatient_admissions = std::llround(admissions * kInpatientSeason[month - 1] * growth * jitter());
  m.surgeries = std::llround(surgeries * kInpatientSeason[month - 1] * growth * jitter());
  m.cases = m.outpatient_visits + m.inpatient_admissions;
  double fees = year >= kYear ? 1.02 : 1.0;
  m.revenue = std::round((static_cast<double>(m.outpatient_visits) * outpatient_fee +
                          static_cast<double>(m.inpatient_admissions) * inpatient_fee) *
                         fees * jitter());
  m.cost = std::round(m.revenue * static_cast<double>(noise.between(880, 950)) / 1000);
  double bed_days = static_cast<double>(std::max(inst.beds, 1) * days_in_month(std::string(label) + "-01"));
  m.bed_occupancy_rate =
      std::round(static_cast<double>(m.inpatient_admissions) * p.length_of_stay * jitter() / bed_days * 1000) / 10;
  return m;
}

int64_t yearly_outpatient_visits(uint64_t seed, const DemoInstitution& inst, int year) {
  int64_t total = 0;
  for (int month = 1; month <= 12; ++month) total += operating_month(seed, inst, year, month).outpatient_visits;
  return total;
}

}  // namespace support_data

namespace {

using namespace support_data;

struct Equipment {
  const char* item;
  const char* model;
  int64_t min_value, max_value;
};
const std::vector<Equipment> kPurchases = {{"DR数字化X射线摄影系统", "万东 HF52-1", 380000, 650000},
                                           {"彩色多普勒超声诊断仪", "迈瑞 DC-40", 260000, 480000},
                                           {"全自动生化分析仪", "迈瑞 BS-240", 150000, 280000},
                                           {"十二导联心电图机", "光电 ECG-2350", 18000, 35000},
                                           {"全自动血细胞分析仪", "迈瑞 BC-5000", 60000, 120000},
                                           {"除颤监护仪", "迈瑞 BeneHeart D3", 45000, 80000},
                                           {"电子胃镜", "奥林巴斯 GIF-Q150", 280000, 420000},
                                           {"中药煎药机", "东华原 YJX-20", 15000, 40000},
                                           {"负压救护车", "江铃 特顺", 300000, 450000},
                                           {"全自动尿液分析仪", "优利特 URIT-500B", 20000, 45000}};
const std::vector<std::string> kRepairs = {"更换超声探头", "更换打印模块", "更换电池组", "主板维修", "管路清洗保养"};
const std::vector<std::string> kInspections = {"县人民医院设备科专家组巡检:设备运行正常,维护保养记录完整",
                                               "专家组检查:提出计量校准整改意见1条,已落实",
                                               "专家组检查:设备使用培训到位,运行良好"};

int64_t rounded(int64_t value) { return value / 100 * 100; }

Day some_day(Random& rng, std::string_view from, std::string_view to) {
  Day a = day(from), b = day(to);
  Day d = a + std::chrono::days{rng.below(static_cast<uint64_t>((b - a).count()) + 1)};
  while (!is_workday(d)) d -= std::chrono::days{1};
  return d;
}

class EquipmentWriter {
 public:
  EquipmentWriter(store::Db& db, const DemoData& d)
      : d_(d),
        rows_(db, "equipment_event",
              {"institution_id", "item", "model", "action", "day", "value", "donor_institution_id", "notes",
               "created_at", "updated_at"}) {}

  void centre(Random& rng, int64_t centre_id, int64_t supporter_id) {
    std::vector<std::pair<const Equipment*, Day>> owned;
    size_t purchases = static_cast<size_t>(rng.between(2, 3));
    for (size_t i = 0; i < purchases; ++i) {
      const Equipment& e = pick(rng, kPurchases);
      Day d = some_day(rng, "2025-03-01", "2026-09-30");
      add(centre_id, e.item, e.model, "purchase", d, rounded(rng.between(e.min_value, e.max_value)), 0,
          "政府采购,县卫健局统一招标");
      owned.push_back({&e, d});
    }
    if (supporter_id) {  // the donation made when the pairing began (the 2026 ones come from the activity records)
      const Equipment& e = kPurchases[3];
      Day d = some_day(rng, "2025-03-01", "2025-06-30");
      add(centre_id, e.item, e.model, "donation", d, rounded(rng.between(e.min_value, e.max_value)), supporter_id,
          "结对帮扶启动时支援医院捐赠");
      owned.push_back({&e, d});
    }
    for (const char* from : {"2025-06-01", "2025-12-01", "2026-06-01"}) {
      Day d = some_day(rng, from, iso(day(from) + std::chrono::days{25}));
      add(centre_id, "在用医疗设备", "", "inspection", d, std::nullopt, 0, pick(rng, kInspections));
    }
    size_t repairs = static_cast<size_t>(rng.between(1, 2));
    for (size_t i = 0; i < repairs && !owned.empty(); ++i) {
      const auto& [e, bought] = owned[rng.below(owned.size())];
      Day d = std::min(bought + std::chrono::days{rng.between(60, 300)}, today());
      while (!is_workday(d)) d -= std::chrono::days{1};
      add(centre_id, e->item, e->model, "repair", d, rounded(rng.between(300, 15000)), 0, pick(rng, kRepairs));
    }
    if (rng.chance(400) && !owned.empty()) {
      const auto& [e, bought] = owned.front();
      add(centre_id, e->item, e->model, "update", some_day(rng, "2026-01-05", "2026-10-30"),
          rounded(rng.between(2000, 10000)), 0, "软件系统升级");
    }
  }

  void donation(const DemoDonation& dn) {
    add(dn.recipient_id, dn.item, dn.model, "donation", day(dn.day), static_cast<int64_t>(dn.value), dn.donor_id,
        "派驻人员随队捐赠");
  }

  void flush() { rows_.flush(); }
  int64_t rows() const { return rows_.rows_written(); }

 private:
  void add(int64_t institution_id, const std::string& item, const std::string& model, const char* action, Day d,
           std::optional<int64_t> value, int64_t donor, const std::string& notes) {
    rows_.add({institution_id, item, model.empty() ? store::Value() : store::Value(model), action, iso(d),
               value ? store::Value(static_cast<double>(*value)) : store::Value(),
               donor ? store::Value(donor) : store::Value(), notes, d_.created_at, d_.created_at});
  }

  const DemoData& d_;
  BatchInsert rows_;
};

int64_t write_operating_stats(store::Db& db, const Options& o, const DemoData& d, const Directory& dir) {
  BatchInsert rows(db, "operating_stat",
                   {"institution_id", "month", "outpatient_visits", "inpatient_admissions", "surgeries", "cases",
                    "revenue", "cost", "bed_occupancy_rate", "created_at", "updated_at"});
  std::vector<int64_t> reporting;
  for (const auto& c : d.counties) {
    reporting.push_back(c.hospital_id);
    reporting.push_back(c.tcm_hospital_id);
  }
  for (const auto& t : d.townships) reporting.push_back(t.health_centre_id);
  const std::string current_month = std::string(kToday).substr(0, 7);  // not reported until it is over
  for (int64_t id : reporting) {
    const DemoInstitution& inst = dir.institution(id);
    for (int year : {kBaselineYear, kYear}) {
      for (int month = 1; month <= 12; ++month) {
        char label[8];
        std::snprintf(label, sizeof label, "%04d-%02d", year, month);
        if (label >= current_month) break;
        OperatingMonth m = operating_month(o.seed, inst, year, month);
        rows.add({id, label, m.outpatient_visits, m.inpatient_admissions, m.surgeries, m.cases, m.revenue, m.cost,
                  m.bed_occupancy_rate, d.created_at, d.created_at});
      }
    }
  }
  rows.flush();
  return rows.rows_written();
}

}  // namespace

void create_support_ledgers(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  Directory dir(d);
  EquipmentWriter equipment(db, d);
  std::unordered_map<int64_t, int64_t> supporter_of;
  for (const auto& r : d.support_relationships)
    if (r.tier == "county_township") supporter_of.emplace(r.recipient_id, r.supporting_id);  // its county hospital
  for (const auto& t : d.townships) {
    Random rng(o.seed, "support-equipment:" + t.code);
    auto s = supporter_of.find(t.health_centre_id);
    equipment.centre(rng, t.health_centre_id, s == supporter_of.end() ? 0 : s->second);
  }
  for (const auto& dn : d.donations) equipment.donation(dn);
  equipment.flush();
  int64_t months = write_operating_stats(db, o, d, dir);
  progress << equipment.rows() << " equipment events, " << months << " monthly statistics";
}

}  // namespace yilian::demo

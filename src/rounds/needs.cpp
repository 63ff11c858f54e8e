#include "rounds/needs.h"

#include <cmath>
#include <map>

#include "rounds/checks.h"

namespace yilian::rounds {
namespace {

using nlohmann::json;

std::string number_text(double v) {
  if (v == std::floor(v)) return std::to_string(static_cast<int64_t>(v));
  std::string s = std::to_string(std::round(v * 100) / 100);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

void judge(VillageNeeds& v, const RoundsPolicy& policy) {
  // V6: “巡诊服务要覆盖到所有行政村”, so every village, registered or not.
  v.senior_visits = policy.number("rounds.senior_doctor_visits_per_month").has_value() &&
                    policy.flag("rounds.cover_all_villages");
  if (!v.registered) return;
  if (policy.number("rounds.min_visits_per_week")) {
    if (!v.fixed_doctor) v.rounds_reasons.push_back("无固定村医");
    if (auto max = policy.number("rounds.small_village_max_population"); max && v.population <= *max) {
      v.rounds_reasons.push_back("常住人口" + std::to_string(v.population) + "人,不超过" + number_text(*max) + "人");
      v.rounds_keys.push_back("rounds.small_village_max_population");
    }
    if (v.relocation_site && policy.flag("rounds.include_relocation_sites")) {
      v.rounds_reasons.push_back("搬迁安置点");
      v.rounds_keys.push_back("rounds.include_relocation_sites");
    }
  }
  // V4: doctors below ratio‰ of the population (原文“不足1%。”即1‰).
  if (auto ratio = policy.number("village_dispatch.doctor_ratio_per_mille")) {
    double required = *ratio * static_cast<double>(v.population) / 1000.0;
    if (static_cast<double>(v.village_doctors) < required)
      v.dispatch_reason = "村医" + std::to_string(v.village_doctors) + "人,低于常住人口" + std::to_string(v.population) +
                          "人的" + number_text(*ratio) + "‰(应不少于" + number_text(required) + "人)";
  }
}

json cites(const RoundsPolicy& policy, const std::vector<std::string>& keys) {
  json out = json::array();
  for (const auto& k : keys)
    if (auto c = policy.cite(k); !c.is_null()) out.push_back(c);
  return out;
}

std::vector<std::string> plus(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string n(const RoundsPolicy& policy, const char* key) { return number_text(policy.number(key).value_or(0)); }

}  // namespace

std::vector<VillageNeeds> village_needs(store::Db& db, const RoundsPolicy& policy, const ReportRegion& region,
                                        const std::string& day) {
  store::Params p;
  std::string in = region.contains("r.code", p);
  auto r = db.query("SELECT r.code, r.name, tr.code, tr.name, v.id, v.population, v.village_doctor_count, "
                    "v.has_fixed_doctor, v.is_relocation_site FROM region r LEFT JOIN region tr ON tr.code = "
                    "r.parent_code LEFT JOIN village v ON v.region_code = r.code AND v.active = 1 WHERE " +
                        rural_village_sql("r") + " AND " + in + " ORDER BY r.code",
                    p);
  std::vector<VillageNeeds> out;
  std::map<std::string, size_t> index;
  for (const auto& row : r.rows) {
    VillageNeeds v;
    v.code = row[0].as_text();
    v.name = row[1].as_text();
    v.township_code = row[2].as_text();
    v.township_name = row[3].as_text();
    v.registered = !row[4].is_null();
    v.population = row[5].as_int();
    v.village_doctors = row[6].as_int();
    v.fixed_doctor = row[7].is_null() || row[7].as_int() != 0;
    v.relocation_site = row[8].as_int() != 0;
    judge(v, policy);
    index[v.code] = out.size();
    out.push_back(std::move(v));
  }
  p = {day, day};
  in = region.contains("a.village_code", p);
  auto teams = db.query("SELECT a.village_code, rt.id, rt.name FROM village_assignment a JOIN rounds_team rt ON rt.id = "
                        "a.team_id WHERE a.active = 1 AND rt.active = 1 AND " + checks::overlaps("a") + " AND " + in,
                        p);
  for (const auto& row : teams.rows)
    if (auto it = index.find(row[0].as_text()); it != index.end()) {
      out[it->second].team_id = row[1].as_int();
      out[it->second].team_name = row[2].as_text();
    }
  return out;
}

json needs_json(const VillageNeeds& v, const RoundsPolicy& policy) {
  json out = json::array();
  if (!v.rounds_reasons.empty())
    out.push_back({{"kind", "rounds"},
                   {"label", "加密巡诊"},
                   {"requirement", "每周至少" + n(policy, "rounds.min_visits_per_week") + "次,每次至少" +
                                       n(policy, "rounds.min_half_days_per_visit") + "个半天"},
                   {"per_week", policy.number("rounds.min_visits_per_week").value_or(0)},
                   {"reasons", v.rounds_reasons},
                   {"citations", cites(policy, plus({"rounds.min_visits_per_week", "rounds.min_half_days_per_visit"},
                                                     v.rounds_keys))}});
  if (!v.dispatch_reason.empty())
    out.push_back({{"kind", "village_dispatch"},
                   {"label", "村级派驻"},
                   {"requirement", "每周在村卫生室工作不少于" + n(policy, "village_dispatch.min_days_per_week") +
                                       "日,每日不少于" + n(policy, "village_dispatch.min_half_days_per_day") +
                                       "个半天,连续服务至少" + n(policy, "village_dispatch.min_continuous_months") + "个月"},
                   {"days_per_week", policy.number("village_dispatch.min_days_per_week").value_or(0)},
                   {"reasons", json::array({v.dispatch_reason})},
                   {"citations", cites(policy, {"village_dispatch.doctor_ratio_per_mille",
                                                "village_dispatch.min_days_per_week",
                                                "village_dispatch.min_half_days_per_day",
                                                "village_dispatch.min_continuous_months"})}});
  if (v.senior_visits)
    out.push_back({{"kind", "senior_visits"},
                   {"label", "二级以上医院医疗骨干巡诊"},
                   {"requirement", "每月至少" + n(policy, "rounds.senior_doctor_visits_per_month") + "次"},
                   {"per_month", policy.number("rounds.senior_doctor_visits_per_month").value_or(0)},
                   {"reasons", json::array({"巡诊服务覆盖所有行政村"})},
                   {"citations", cites(policy, {"rounds.senior_doctor_visits_per_month", "rounds.cover_all_villages"})}});
  return out;
}

}  // namespace yilian::rounds

#include "rounds/weekly_table.h"

#include <map>
#include <set>

#include "rounds/checks.h"

namespace yilian::rounds {
namespace {

std::string county_of(const std::string& column) { return "SUBSTR(" + column + ", 1, 6)"; }

}  // namespace

const std::array<WeeklyColumnInfo, kWeeklyColumnCount>& weekly_columns() {
  static const std::array<WeeklyColumnInfo, kWeeklyColumnCount> c = {{
      {"townships", "乡镇数(含涉农街道)"},
      {"villages", "行政村数(含涉农社区)"},
      {"teams", "巡诊团队数"},
      {"senior_lead_hospital", "医共体牵头医院"},
      {"senior_external_tertiary", "医联体外部协作三级医院"},
      {"covered_townships", "乡镇数"},
      {"covered_villages", "行政村数"},
      {"patients", "诊疗人次"},
      {"referrals", "转诊人次"},
      {"education_sessions", "开展场次"},
      {"education_audience", "受益人数"},
      {"guidance_maternal", "孕产妇"},
      {"guidance_elderly", "老年人"},
      {"guidance_hypertension", "高血压患者"},
      {"guidance_diabetes", "糖尿病患者"},
      {"guidance_mental", "严重精神障碍患者"},
      {"guidance_other", "其他"},
      {"guidance_total", "合计"},
  }};
  return c;
}

std::vector<std::pair<std::string, std::string>> expected_counties(store::Db& db, const ReportRegion& region) {
  store::Params p;
  std::string in = region.contains("r.code", p);
  std::set<std::string> with_villages;
  for (const auto& row : db.query("SELECT DISTINCT " + county_of("r.code") + " FROM region r WHERE " +
                                      rural_village_sql("r") + " AND " + in,
                                  p)
                             .rows)
    with_villages.insert(row[0].as_text());
  p.clear();
  in = region.contains("c.code", p);
  std::vector<std::pair<std::string, std::string>> out;
  auto counties = db.query("SELECT c.code, c.name FROM region c WHERE c.level = 3 AND c.active = 1 AND " + in +
                               " ORDER BY c.code",
                           p);
  for (const auto& row : counties.rows)
    if (with_villages.count(row[0].as_text())) out.emplace_back(row[0].as_text(), row[1].as_text());
  return out;
}

std::vector<WeeklyRow> weekly_rows(store::Db& db, const ReportRegion& region, const calendar::IsoWeek& week) {
  std::string monday = week.monday(), sunday = week.sunday();
  std::map<std::string, WeeklyRow> by_county;
  std::vector<std::string> order;
  // Villages per township in one pass over the region table; the counties with villages
  // are the form's rows (what expected_counties() gives, without a second scan).
  store::Params p;
  std::string in = region.contains("r.code", p);
  std::map<std::string, std::pair<int64_t, int64_t>> villages_of;  // county → (townships, villages)
  for (const auto& row : db.query("SELECT SUBSTR(r.code, 1, 9), COUNT(*) FROM region r WHERE " + rural_village_sql("r") +
                                      " AND " + in + " GROUP BY SUBSTR(r.code, 1, 9)",
                                  p)
                             .rows) {
    auto& [townships_n, villages_n] = villages_of[row[0].as_text().substr(0, 6)];
    townships_n += 1;
    villages_n += row[1].as_int();
  }
  p.clear();
  in = region.contains("c.code", p);
  for (const auto& row :
       db.query("SELECT c.code, c.name FROM region c WHERE c.level = 3 AND c.active = 1 AND " + in + " ORDER BY c.code", p)
           .rows) {
    auto it = villages_of.find(row[0].as_text());
    if (it == villages_of.end()) continue;
    WeeklyRow r{row[0].as_text(), row[1].as_text(), {}};
    r.values[townships] = it->second.first;
    r.values[villages] = it->second.second;
    by_county[r.county_code] = r;
    order.push_back(r.county_code);
  }
  // Each query returns (county, numbers…) rows; numbers land in `columns`, in order.
  auto add = [&](const std::string& sql, store::Params p, std::vector<WeeklyColumn> columns) {
    for (const auto& row : db.query(sql, p).rows) {
      auto it = by_county.find(row[0].as_text().substr(0, 6));
      if (it == by_county.end()) continue;
      for (size_t i = 0; i < columns.size(); ++i) it->second.values[columns[i]] += row[i + 1].as_int();
    }
  };

  p = {sunday, monday};
  in = region.contains("i.region_code", p);
  add("SELECT " + county_of("i.region_code") + ", COUNT(*) FROM rounds_team t JOIN institution i ON i.id = "
          "t.institution_id WHERE t.active = 1 AND " + checks::overlaps("t") + " AND " + in + " GROUP BY " +
          county_of("i.region_code"),
      p, {teams});

  // People in the pool (建立巡诊团队), not only those out this week; one person joining
  // two townships of a county is one person.
  for (auto [affiliation, column] : {std::pair{"lead_hospital", senior_lead_hospital},
                                     std::pair{"external_tertiary", senior_external_tertiary}}) {
    p = {affiliation, sunday, monday};
    in = region.contains("i.region_code", p);
    add("SELECT " + county_of("i.region_code") + ", COUNT(DISTINCT x.staff_id) FROM senior_doctor x JOIN institution i "
            "ON i.id = x.township_institution_id WHERE x.active = 1 AND x.affiliation = ? AND " + checks::overlaps("x") +
            " AND " + in + " GROUP BY " + county_of("i.region_code"),
        p, {column});
  }

  // Visits per township (a few thousand groups, no distinct count over the county): a
  // township with visits is one covered township of its county.
  p = {monday, sunday};
  in = region.contains("v.village_code", p);
  add("SELECT SUBSTR(v.village_code, 1, 9), 1, COUNT(DISTINCT v.village_code), SUM(v.patients), SUM(v.referrals), "
          "SUM(v.education_sessions), SUM(v.education_audience), SUM(v.guidance_maternal), SUM(v.guidance_elderly), "
          "SUM(v.guidance_hypertension), SUM(v.guidance_diabetes), SUM(v.guidance_mental), SUM(v.guidance_other) FROM "
          "round_visit v WHERE v.active = 1 AND v.day >= ? AND v.day <= ? AND " + in +
          " GROUP BY SUBSTR(v.village_code, 1, 9)",
      p,
      {covered_townships, covered_villages, patients, referrals, education_sessions, education_audience,
       guidance_maternal, guidance_elderly, guidance_hypertension, guidance_diabetes, guidance_mental, guidance_other});

  std::vector<WeeklyRow> out;
  for (const auto& code : order) {
    WeeklyRow row = by_county[code];
    for (int c = guidance_maternal; c <= guidance_other; ++c) row.values[guidance_total] += row.values[c];
    out.push_back(row);
  }
  return out;
}

WeeklyRow total_row(const std::vector<WeeklyRow>& rows) {
  WeeklyRow total{"", "合计", {}};
  for (const auto& r : rows)
    for (int c = 0; c < kWeeklyColumnCount; ++c) total.values[c] += r.values[c];
  return total;
}

nlohmann::json row_json(const WeeklyRow& row) {
  using nlohmann::json;
  json j = {{"county_code", row.county_code.empty() ? json(nullptr) : json(row.county_code)},
            {"county_name", row.county_name}};
  for (int c = 0; c < kWeeklyColumnCount; ++c) j[weekly_columns()[c].key] = row.values[c];
  return j;
}

}  // namespace yilian::rounds

// The numbers of the weekly table (V7, 附件2), one row per county, computed from the
// registry, the teams, the senior-doctor pool and the week's visit records.
#pragma once
#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "calendar/date.h"
#include "rounds/report_region.h"
#include "store/db.h"

namespace yilian::rounds {

// The form's number columns, left to right.
enum WeeklyColumn {
  townships,                 // 乡镇数(含涉农街道)
  villages,                  // 行政村数(含涉农社区)
  teams,                     // 巡诊团队数
  senior_lead_hospital,      // 二级以上医院医疗骨干参加人数: 医共体牵头医院
  senior_external_tertiary,  //                              医联体外部协作三级医院
  covered_townships,         // 本周巡诊服务覆盖区域: 乡镇数
  covered_villages,          //                       行政村数
  patients,                  // 诊疗人次
  referrals,                 // 转诊人次
  education_sessions,        // 健康宣教: 开展场次
  education_audience,        //           受益人数
  guidance_maternal,         // 重点人群健康指导、咨询等人次数: 孕产妇
  guidance_elderly,          // 老年人
  guidance_hypertension,     // 高血压患者
  guidance_diabetes,         // 糖尿病患者
  guidance_mental,           // 严重精神障碍患者
  guidance_other,            // 其他
  guidance_total,            // 合计
  kWeeklyColumnCount
};

// JSON key and the leaf header of each column.
struct WeeklyColumnInfo {
  const char* key;
  const char* label;
};
const std::array<WeeklyColumnInfo, kWeeklyColumnCount>& weekly_columns();

struct WeeklyRow {
  std::string county_code, county_name;
  std::array<int64_t, kWeeklyColumnCount> values{};
};

// Counties of the region that have villages to serve (the rows the form expects), in
// code order, with the region's name.
std::vector<std::pair<std::string, std::string>> expected_counties(store::Db& db, const ReportRegion& region);
// One row per expected county for the week.
std::vector<WeeklyRow> weekly_rows(store::Db& db, const ReportRegion& region, const calendar::IsoWeek& week);
// The 合计 row: the sum of the rows.
WeeklyRow total_row(const std::vector<WeeklyRow>& rows);

// {county_code, county_name, townships, villages, …, guidance_total}
nlohmann::json row_json(const WeeklyRow& row);

}  // namespace yilian::rounds

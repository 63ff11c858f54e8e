// What each kind of demo institution looks like: its WS 218 kind, level and beds, its
// departments (诊疗科目名录 codes where one exists), and how its staff divide over
// professions, GB/T 8561 titles, sexes and ages (R2, R4). Tables only; the steps use them.
#pragma once
#include <string>
#include <vector>

#include "demo/random.h"

namespace yilian::demo {

enum class Facility {
  city_hospital,           // 市级三级甲等综合医院
  county_hospital,         // 县人民医院, 二级甲等综合
  county_tcm_hospital,     // 县中医医院
  county_cdc,              // 县疾病预防控制中心
  county_mch,              // 县妇幼保健院
  central_health_centre,   // 中心卫生院
  township_health_centre,  // 乡镇卫生院
  village_clinic,          // 村卫生室
};

struct FacilityProfile {
  const char* kind;   // WS 218
  const char* level;  // hospital level, or nullptr
  const char* grade;  // hospital grade, or nullptr
  int beds_min, beds_max;
  int staff_mean;  // ±10 %; village clinics are staffed by the village's doctor count instead
};
const FacilityProfile& profile(Facility f);

// Which staff a department takes: doctors and nurses go to clinical ones, technicians to
// medical-technology ones, and so on.
enum class DepartmentRole { clinical, medtech, pharmacy, nursing_office, administration, public_health };

struct DepartmentSpec {
  const char* name;
  const char* code;  // 诊疗科目代码, or nullptr for non-clinical offices
  DepartmentRole role;
  int weight;  // share of the staff of its role
};
const std::vector<DepartmentSpec>& departments(Facility f);

struct StaffDraw {
  std::string profession;  // codes::professions()
  std::string title_code;  // GB/T 8561, or "" for none
  std::string sex;         // "1" / "2"
  int age = 0;
  bool plans_promotion = false;  // R4: applies for the next title this year
  DepartmentRole department = DepartmentRole::clinical;
};
StaffDraw draw_staff(Random& rng, Facility f);

}  // namespace yilian::demo

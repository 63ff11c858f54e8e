#include "demo/staffing.h"

namespace yilian::demo {
namespace {

using R = DepartmentRole;

// Professions in the order of the weight tables below.
const char* const kProfessions[] = {"clinical", "nursing", "technician", "pharmacy", "management", "public_health"};

const std::vector<int>& profession_weights(Facility f) {
  static const std::vector<int> hospital = {36, 44, 9, 5, 5, 1};
  static const std::vector<int> mch = {38, 40, 10, 4, 5, 3};
  static const std::vector<int> cdc = {8, 0, 25, 0, 12, 55};
  static const std::vector<int> township = {40, 30, 8, 6, 4, 12};
  switch (f) {
    case Facility::county_mch:
      return mch;
    case Facility::county_cdc:
      return cdc;
    case Facility::central_health_centre:
    case Facility::township_health_centre:
      return township;
    default:
      return hospital;
  }
}

// Weights of the title grade digit 1 (正高) … 5 (士), then "no title". Tertiary hospitals
// are senior-heavy; township centres have few above 中级.
const std::vector<int>& title_weights(Facility f) {
  static const std::vector<int> city = {8, 16, 32, 30, 6, 8};
  static const std::vector<int> county = {3, 12, 33, 34, 10, 8};
  static const std::vector<int> township = {0, 3, 22, 40, 20, 15};
  switch (f) {
    case Facility::city_hospital:
      return city;
    case Facility::central_health_centre:
    case Facility::township_health_centre:
      return township;
    default:
      return county;
  }
}

// The series digit of GB/T 8561 health titles: 医 3, 药 4, 护 5, 技 6.
char title_series(const std::string& profession) {
  if (profession == "pharmacy") return '4';
  if (profession == "nursing") return '5';
  if (profession == "technician") return '6';
  return '3';
}

// Per mille of men, by profession (nursing is overwhelmingly female, village doctors mostly male).
int male_per_mille(const std::string& profession) {
  if (profession == "clinical") return 580;
  if (profession == "nursing") return 40;
  if (profession == "technician") return 480;
  if (profession == "pharmacy") return 350;
  if (profession == "management") return 550;
  if (profession == "public_health") return 470;
  return 720;  // village_doctor
}

// Age range by title grade digit ('0' = none): a 主任医师 is rarely under 45.
std::pair<int, int> age_range(char grade, const std::string& profession) {
  if (profession == "village_doctor") return {28, 66};
  switch (grade) {
    case '1':
      return {46, 60};
    case '2':
      return {38, 58};
    case '3':
      return {30, 54};
    case '4':
      return {24, 45};
    case '5':
      return {21, 40};
    default:
      return profession == "management" ? std::pair{26, 58} : std::pair{21, 45};
  }
}

DepartmentRole department_role(Random& rng, const std::string& profession) {
  if (profession == "clinical") {
    uint64_t r = rng.below(100);
    return r < 85 ? R::clinical : r < 95 ? R::medtech : R::public_health;  // radiologists, pathologists, 预防保健
  }
  if (profession == "nursing") return rng.chance(50) ? R::nursing_office : R::clinical;
  if (profession == "technician") return R::medtech;
  if (profession == "pharmacy") return R::pharmacy;
  if (profession == "management") return R::administration;
  return R::public_health;
}

}  // namespace

const FacilityProfile& profile(Facility f) {
  static const FacilityProfile p[] = {
      {"A100", "3", "A", 1100, 1300, 450},   // city_hospital
      {"A100", "2", "A", 500, 700, 220},     // county_hospital
      {"A210", "2", "A", 300, 420, 120},     // county_tcm_hospital
      {"J100", nullptr, nullptr, 0, 0, 35},  // county_cdc
      {"G100", "2", "A", 100, 180, 55},      // county_mch
      {"C210", "1", nullptr, 60, 99, 28},    // central_health_centre
      {"C220", "1", nullptr, 20, 49, 14},    // township_health_centre
      {"D600", nullptr, nullptr, 0, 0, 0},   // village_clinic
  };
  return p[static_cast<int>(f)];
}

const std::vector<DepartmentSpec>& departments(Facility f) {
  static const std::vector<DepartmentSpec> city = {
      {"心血管内科", "03.04", R::clinical, 8},
      {"呼吸内科", "03.01", R::clinical, 6},
      {"消化内科", "03.02", R::clinical, 6},
      {"神经内科", "03.03", R::clinical, 6},
      {"肾内科", "03.06", R::clinical, 4},
      {"内分泌科", "03.07", R::clinical, 4},
      {"普通外科", "04.01", R::clinical, 8},
      {"骨科", "04.03", R::clinical, 7},
      {"神经外科", "04.02", R::clinical, 4},
      {"泌尿外科", "04.04", R::clinical, 4},
      {"胸外科", "04.05", R::clinical, 3},
      {"妇产科", "05", R::clinical, 8},
      {"儿科", "07", R::clinical, 7},
      {"眼科", "10", R::clinical, 3},
      {"耳鼻咽喉科", "11", R::clinical, 3},
      {"口腔科", "12", R::clinical, 3},
      {"皮肤科", "13", R::clinical, 2},
      {"感染性疾病科", "16", R::clinical, 3},
      {"肿瘤科", "19", R::clinical, 4},
      {"急诊科", "20", R::clinical, 6},
      {"康复医学科", "21", R::clinical, 3},
      {"麻醉科", "26", R::clinical, 5},
      {"重症医学科", "28", R::clinical, 4},
      {"中医科", "50", R::clinical, 3},
      {"检验科", "30", R::medtech, 5},
      {"病理科", "31", R::medtech, 2},
      {"影像科", "32", R::medtech, 5},
      {"超声科", "32", R::medtech, 3},
      {"药剂科", nullptr, R::pharmacy, 1},
      {"护理部", nullptr, R::nursing_office, 1},
      {"医务科", nullptr, R::administration, 2},
      {"办公室", nullptr, R::administration, 2},
      {"公共卫生科", "01", R::public_health, 1},
  };
  static const std::vector<DepartmentSpec> county = {
      {"内科", "03", R::clinical, 14},
      {"外科", "04", R::clinical, 10},
      {"骨科", "04.03", R::clinical, 5},
      {"妇产科", "05", R::clinical, 7},
      {"儿科", "07", R::clinical, 6},
      {"眼科", "10", R::clinical, 2},
      {"耳鼻咽喉科", "11", R::clinical, 2},
      {"口腔科", "12", R::clinical, 2},
      {"感染性疾病科", "16", R::clinical, 2},
      {"急诊科", "20", R::clinical, 5},
      {"康复医学科", "21", R::clinical, 2},
      {"麻醉科", "26", R::clinical, 4},
      {"重症医学科", "28", R::clinical, 3},
      {"中医科", "50", R::clinical, 2},
      {"检验科", "30", R::medtech, 5},
      {"病理科", "31", R::medtech, 1},
      {"影像科", "32", R::medtech, 5},
      {"超声科", "32", R::medtech, 2},
      {"药剂科", nullptr, R::pharmacy, 1},
      {"护理部", nullptr, R::nursing_office, 1},
      {"医务科", nullptr, R::administration, 2},
      {"办公室", nullptr, R::administration, 2},
      {"公共卫生科", "01", R::public_health, 1},
  };
  static const std::vector<DepartmentSpec> tcm = {
      {"中医内科", "50", R::clinical, 12},       {"中医外科", "50", R::clinical, 5},
      {"中医妇科", "50", R::clinical, 4},        {"中医儿科", "50", R::clinical, 3},
      {"骨伤科", "50", R::clinical, 5},          {"针灸推拿科", "50", R::clinical, 5},
      {"治未病科", "50", R::clinical, 2},        {"康复医学科", "21", R::clinical, 3},
      {"急诊科", "20", R::clinical, 3},          {"麻醉科", "26", R::clinical, 2},
      {"检验科", "30", R::medtech, 4},           {"影像科", "32", R::medtech, 4},
      {"药剂科", nullptr, R::pharmacy, 2},       {"中药房", nullptr, R::pharmacy, 3},
      {"护理部", nullptr, R::nursing_office, 1}, {"医务科", nullptr, R::administration, 2},
      {"办公室", nullptr, R::administration, 2}, {"公共卫生科", "01", R::public_health, 1},
  };
  static const std::vector<DepartmentSpec> cdc = {
      {"传染病防制科", nullptr, R::public_health, 6},
      {"免疫规划科", nullptr, R::public_health, 5},
      {"慢性病防制科", nullptr, R::public_health, 4},
      {"健康教育科", nullptr, R::public_health, 2},
      {"职业卫生与环境卫生科", nullptr, R::public_health, 2},
      {"检验科", "30", R::medtech, 1},
      {"办公室", nullptr, R::administration, 1},
  };
  static const std::vector<DepartmentSpec> mch = {
      {"妇产科", "05", R::clinical, 10},         {"儿科", "07", R::clinical, 8},
      {"妇女保健科", "06", R::clinical, 5},      {"儿童保健科", "09", R::clinical, 5},
      {"检验科", "30", R::medtech, 3},           {"超声科", "32", R::medtech, 2},
      {"药剂科", nullptr, R::pharmacy, 1},       {"护理部", nullptr, R::nursing_office, 1},
      {"办公室", nullptr, R::administration, 1}, {"公共卫生科", "01", R::public_health, 1},
  };
  static const std::vector<DepartmentSpec> central = {
      {"全科医疗科", "02", R::clinical, 4},
      {"内科", "03", R::clinical, 6},
      {"外科", "04", R::clinical, 4},
      {"妇产科", "05", R::clinical, 3},
      {"儿科", "07", R::clinical, 2},
      {"急诊科", "20", R::clinical, 2},
      {"中医科", "50", R::clinical, 3},
      {"检验科", "30", R::medtech, 1},
      {"影像科", "32", R::medtech, 1},
      {"药剂科", nullptr, R::pharmacy, 1},
      {"护理部", nullptr, R::nursing_office, 1},
      {"办公室", nullptr, R::administration, 1},
      {"公共卫生科", "01", R::public_health, 1},
  };
  static const std::vector<DepartmentSpec> township = {
      {"全科医疗科", "02", R::clinical, 6},      {"内科", "03", R::clinical, 3},
      {"中医科", "50", R::clinical, 2},          {"检验科", "30", R::medtech, 1},
      {"药剂科", nullptr, R::pharmacy, 1},       {"办公室", nullptr, R::administration, 1},
      {"公共卫生科", "01", R::public_health, 1},
  };
  static const std::vector<DepartmentSpec> none;
  switch (f) {
    case Facility::city_hospital:
      return city;
    case Facility::county_hospital:
      return county;
    case Facility::county_tcm_hospital:
      return tcm;
    case Facility::county_cdc:
      return cdc;
    case Facility::county_mch:
      return mch;
    case Facility::central_health_centre:
      return central;
    case Facility::township_health_centre:
      return township;
    case Facility::village_clinic:
      return none;
  }
  return none;
}

StaffDraw draw_staff(Random& rng, Facility f) {
  StaffDraw s;
  char grade = '0';
  if (f == Facility::village_clinic) {
    // 乡村医生: mostly 医士 or no title at all, a few 医师/主治.
    s.profession = "village_doctor";
    static const std::vector<int> weights = {3, 12, 45, 40};  // 233, 234, 235, none
    size_t i = rng.weighted(weights);
    if (i < 3) grade = static_cast<char>('3' + i);
  } else {
    s.profession = kProfessions[rng.weighted(profession_weights(f))];
    // Most administrators hold no health title.
    if (s.profession != "management" || rng.chance(300)) {
      size_t i = rng.weighted(title_weights(f));
      if (i < 5) grade = static_cast<char>('1' + i);
    }
  }
  if (grade != '0') s.title_code = std::string("2") + title_series(s.profession) + grade;
  s.sex = rng.chance(male_per_mille(s.profession)) ? "1" : "2";
  auto [lo, hi] = age_range(grade, s.profession);
  s.age = static_cast<int>(rng.between(lo, hi));
  // R4/D5: some 中级 and 初级 staff (and a few 副高) apply for the next title this year.
  bool eligible = f != Facility::village_clinic && (grade == '3' || grade == '4' || grade == '2');
  s.plans_promotion = eligible && rng.chance(grade == '2' ? 60 : 120);
  s.department = f == Facility::village_clinic ? R::clinical : department_role(rng, s.profession);
  return s;
}

}  // namespace yilian::demo

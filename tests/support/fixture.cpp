#include "support/fixture.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "app/modules.h"
#include "auth/password.h"
#include "auth/routes.h"
#include "auth/session.h"
#include "store/migrations.h"

namespace yilian::testing {
namespace {

std::string test_url() {
  const char* env = std::getenv("YILIAN_TEST_DB");
  return env ? env : "";
}

}  // namespace

bool on_postgresql() { return test_url().rfind("postgres", 0) == 0; }

std::unique_ptr<store::Db> fresh_db(std::string* url) {
  std::unique_ptr<store::Db> db;
  if (on_postgresql()) {
    if (url) *url = test_url();
    db = store::open(test_url());
    db->exec_script("DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public");
  } else {
    static std::atomic<int> n{0};
    auto dir = std::filesystem::temp_directory_path() / "yilian-tests";
    std::filesystem::create_directories(dir);
    auto path = dir / ("t" + std::to_string(getpid()) + "-" + std::to_string(n++) + ".db");
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
    if (url) *url = "sqlite:" + path.string();
    db = store::open("sqlite:" + path.string());
  }
  store::migrate(*db, app::all_migrations());
  return db;
}

void ApiTest::SetUp() {
  auth::use_minimal_password_cost_for_tests();
  db = fresh_db(&db_url);
  app = std::make_unique<api::App>();
  app::install_routes(*app);
  auto& d = *db;
  auto now = std::string("2026-01-01T00:00:00Z");
  auto region = [&](const std::string& code, const std::string& name, int level, const char* parent) {
    d.exec("INSERT INTO region (code, name, level, parent_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
           {code, name, level, parent ? store::Value(parent) : store::Value(), now, now});
  };
  region("370000", "山东省", 1, nullptr);
  region("370100", "济南市", 2, "370000");
  region("370102", "历下区", 3, "370100");
  region("370103", "市中区", 3, "370100");
  region("370102001000", "解放路街道", 4, "370102");
  region("370102002000", "千佛山街道", 4, "370102");
  region("370102001001", "甲村", 5, "370102001000");
  region("370102002001", "乙村", 5, "370102002000");
  region("370103001000", "大观园街道", 4, "370103");
  region("370103001001", "丙村", 5, "370103001000");
  auto inst = [&](const std::string& code, const std::string& name, const std::string& kind, const std::string& rc) {
    return d.insert(
        "INSERT INTO institution (code, name, kind, ownership, beds, region_code, created_at, updated_at) "
        "VALUES (?, ?, ?, 'public', 100, ?, ?, ?)",
        {code, name, kind, rc, now, now});
  };
  seed.city_hospital = inst("H0001", "济南市第一人民医院", "A100", "370100");
  seed.county_a_hospital = inst("H0002", "历下区人民医院", "A100", "370102");
  seed.county_b_hospital = inst("H0003", "市中区人民医院", "A100", "370103");
  seed.township_a1 = inst("T0001", "解放路卫生院", "C210", "370102001000");
  seed.township_a2 = inst("T0002", "千佛山卫生院", "C220", "370102002000");
  seed.township_b1 = inst("T0003", "大观园卫生院", "C220", "370103001000");
  seed.clinic_a1 = inst("V0001", "甲村卫生室", "D600", "370102001001");
  seed.clinic_b1 = inst("V0002", "丙村卫生室", "D600", "370103001001");
  auto dept = [&](int64_t inst_id, const std::string& name) {
    return d.insert("INSERT INTO department (institution_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                    {inst_id, name, now, now});
  };
  seed.dept_a_internal = dept(seed.county_a_hospital, "内科");
  seed.dept_b_internal = dept(seed.county_b_hospital, "内科");
  auto staff = [&](int64_t inst_id, const std::string& name, const std::string& title) {
    return d.insert(
        "INSERT INTO staff (institution_id, name, sex, birth_date, profession, title_code, title_level, created_at, "
        "updated_at) VALUES (?, ?, '1', '1980-01-01', 'clinical', ?, 'intermediate', ?, ?)",
        {inst_id, name, title, now, now});
  };
  seed.staff_a = staff(seed.county_a_hospital, "张三", "233");
  seed.staff_b = staff(seed.county_b_hospital, "李四", "233");
  seed.staff_township_a1 = staff(seed.township_a1, "王五", "234");
  seed.staff_clinic_a1 = staff(seed.clinic_a1, "赵六", "235");
  d.exec("INSERT INTO village (region_code, population, village_doctor_count, has_fixed_doctor, created_at, updated_at) "
         "VALUES ('370102001001', 800, 1, 1, ?, ?)", {now, now});
  d.exec("INSERT INTO village (region_code, population, village_doctor_count, has_fixed_doctor, created_at, updated_at) "
         "VALUES ('370102002001', 300, 0, 0, ?, ?)", {now, now});
  d.exec("INSERT INTO village (region_code, population, village_doctor_count, has_fixed_doctor, created_at, updated_at) "
         "VALUES ('370103001001', 500, 1, 1, ?, ?)", {now, now});

  struct U {
    const char* name;
    const char* role;
    std::string region;
    int64_t inst, staff;
  };
  std::vector<U> users = {
      {"admin", "admin", "", 0, 0},
      {"bureau_city", "bureau", "370100", 0, 0},
      {"bureau_a", "bureau", "370102", 0, 0},
      {"bureau_b", "bureau", "370103", 0, 0},
      {"hospital_a", "hospital", "", seed.county_a_hospital, 0},
      {"hospital_b", "hospital", "", seed.county_b_hospital, 0},
      {"township_a1", "township", "", seed.township_a1, 0},
      {"doctor_a", "doctor", "", 0, seed.staff_a},
      {"villager_a1", "village_doctor", "", 0, seed.staff_clinic_a1},
  };
  for (const auto& u : users) auth::create_user(d, nullptr, "test", {u.name, u.name, kPassword, u.role, u.region, u.inst, u.staff});
  for (const auto& u : users) seed.tokens[u.name] = auth::login(d, u.name, kPassword, "127.0.0.1").token;
}

ApiTest::Reply ApiTest::call(const std::string& method, const std::string& target, const std::string& user,
                             const nlohmann::json& body, const std::string& raw_body) {
  return call_on(*db, method, target, user, body, raw_body);
}

ApiTest::Reply ApiTest::call_on(store::Db& conn, const std::string& method, const std::string& target,
                                const std::string& user, const nlohmann::json& body, const std::string& raw_body) {
  http::Request req;
  req.method = method;
  auto q = target.find('?');
  req.path = target.substr(0, q);
  if (q != std::string::npos) req.query = http::parse_query(target.substr(q + 1));
  req.remote_addr = "127.0.0.1";
  if (!user.empty()) req.headers["authorization"] = "Bearer " + seed.tokens.at(user);
  req.body = raw_body.empty() ? (body.is_null() ? "" : body.dump()) : raw_body;
  http::Response res = app->handle(conn, req);
  Reply r{res.status, nlohmann::json::parse(res.body, nullptr, false), res.body};
  return r;
}

int64_t ApiTest::count(const std::string& table) {
  return db->query("SELECT COUNT(*) FROM " + table).scalar().as_int();
}

}  // namespace yilian::testing

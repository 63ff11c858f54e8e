#include "fuzz_db.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "audit/schema.h"
#include "auth/password.h"
#include "admin/accounts.h"
#include "auth/schema.h"
#include "auth/session.h"
#include "registry/schema.h"
#include "store/migrations.h"

namespace yilian::fuzz {
namespace {

FuzzDb make() {
  FuzzDb f;
  auth::use_minimal_password_cost_for_tests();
  f.db = store::open_sqlite(":memory:");
  std::vector<store::Migration> all;
  for (auto part : {audit::migrations(), registry::migrations(), auth::migrations()})
    all.insert(all.end(), part.begin(), part.end());
  store::migrate(*f.db, all);
  auto& d = *f.db;
  const std::string now = "2026-01-01T00:00:00Z";
  auto region = [&](const char* code, const char* name, int level, const char* parent) {
    d.exec("INSERT INTO region (code, name, level, parent_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
           {code, name, level, parent ? store::Value(parent) : store::Value(), now, now});
  };
  region("370000", "山东省", 1, nullptr);
  region("371300", "临沂市", 2, "370000");
  region("371327", "莒南县", 3, "371300");
  region("371327100000", "十字路街道", 4, "371327");
  region("371327100001", "东村", 5, "371327100000");
  auto inst = [&](const char* code, const char* name, const char* kind, const char* region_code) {
    return d.insert("INSERT INTO institution (code, name, kind, ownership, beds, region_code, created_at, updated_at) "
                    "VALUES (?, ?, ?, 'public', 100, ?, ?, ?)",
                    {code, name, kind, region_code, now, now});
  };
  int64_t hospital = inst("H0001", "莒南县人民医院", "A100", "371327");
  int64_t centre = inst("T0001", "十字路卫生院", "C210", "371327100000");
  inst("V0001", "东村卫生室", "D600", "371327100001");
  d.exec("INSERT INTO department (institution_id, name, created_at, updated_at) VALUES (?, '内科', ?, ?)",
         {hospital, now, now});
  d.exec("INSERT INTO staff (institution_id, name, sex, birth_date, profession, title_code, title_level, id_number, "
         "created_at, updated_at) VALUES (?, '张三', '1', '1980-01-01', 'clinical', '233', 'intermediate', "
         "'371327198001010014', ?, ?)",
         {hospital, now, now});
  auto user = [&](const char* name, const char* role, const char* region_code, int64_t institution) {
    int64_t id = admin::create_user(d, nullptr, "fuzz", {name, name, "Fuzz2026!pass", role, region_code, institution, 0});
    return auth::principal_for_user(d, id);
  };
  f.admin = user("admin", "admin", "", 0);
  f.bureau = user("bureau", "bureau", "371327", 0);
  f.township = user("township", "township", "", centre);
  return f;
}

}  // namespace

FuzzDb& fuzz_db() {
  static FuzzDb db = make();
  return db;
}

void server_error(std::string_view what, const char* message) {
  std::fprintf(stderr, "%.*s: the server would answer 500: %s\n", static_cast<int>(what.size()), what.data(), message);
  std::abort();
}

}  // namespace yilian::fuzz

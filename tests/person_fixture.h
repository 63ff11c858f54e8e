// Shared by the person tests: the API fixture with a known data key installed, a few
// people, and a stand-in for another module's table that references person (id).
#pragma once
#include "person/keyring.h"
#include "person/person.h"
#include "store/migrations.h"
#include "fixture/fixture.h"

namespace yilian::testing {

inline person::MasterKey test_data_key(unsigned char fill = 0x42) {
  person::MasterKey k{};
  k.fill(fill);
  return k;
}

class PersonTest : public ApiTest {
 protected:
  void SetUp() override {
    person::install_keyring(test_data_key());
    ApiTest::SetUp();
  }
  void TearDown() override {
    person::unregister_reference("person_ref_test", "person_id");
    person::install_keyring(test_data_key());
  }

  // 张明, 身份证 370102198001011237 (male, 1980-01-01), living in 甲村 of county A.
  static person::PersonInput zhang() {
    return {.id_type = "resident_id", .id_number = "370102198001011237", .name = "张明", .phone = "13812345678",
            .address_region = "370102001001", .address = "甲村幸福路12号"};
  }
  // 李红, 身份证 37010219900228002X (female, 1990-02-28), in 丙村 of county B.
  static person::PersonInput li() {
    return {.id_type = "resident_id", .id_number = "37010219900228002X", .name = "李红", .phone = "13900001111",
            .address_region = "370103001001", .address = "丙村东街3号"};
  }

  // Another module's table with a person reference (versioned like an entity's table).
  void create_reference_table(bool unique = false) {
    db->exec_script(store::apply_dialect(
        "CREATE TABLE person_ref_test (id {{ID}}, person_id BIGINT REFERENCES person (id), "
        "version BIGINT NOT NULL DEFAULT 1, updated_at TEXT NOT NULL DEFAULT '')",
        db->backend()));
    if (unique) db->exec_script("CREATE UNIQUE INDEX person_ref_test_person ON person_ref_test (person_id)");
    person::register_reference({"person_ref_test", "person_id", "id", true});
  }
  int64_t add_reference(int64_t person_id) {
    return db->insert("INSERT INTO person_ref_test (person_id) VALUES (?)", {person_id});
  }
  int64_t referenced_person(int64_t row) {
    return db->query("SELECT person_id FROM person_ref_test WHERE id = ?", {row}).scalar().as_int();
  }

  person::Actor actor{nullptr, "127.0.0.1", "test"};
};

}  // namespace yilian::testing

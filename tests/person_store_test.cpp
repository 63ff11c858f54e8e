// The person store (src/person/person.h) on both backends: one record per document,
// refusals that reveal nothing, optimistic updates, lookups through the blind indexes,
// duplicate groups, and merges that an unmerge reverses exactly.
#include <mutex>
#include <set>
#include <thread>

#include "common/error.h"
#include "person/id_number.h"
#include "person/mask.h"
#include "person_fixture.h"

namespace yilian::testing {

using person::PersonInput;

class PersonStore : public PersonTest {
 protected:
  // The ApiError a call throws (status, code, field, message), or status 0.
  template <typename F>
  static common::ApiError error_of(F&& f) {
    try {
      f();
    } catch (const common::ApiError& e) {
      return e;
    }
    return common::ApiError(0, "", "");
  }
  int64_t audits() { return count("audit_log"); }
};

TEST_F(PersonStore, ADocumentGetsOneRecordWhateverItsSpellingAndTheIdNumberImpliesBirthAndSex) {
  auto first = person::find_or_create(*db, actor, zhang());
  EXPECT_TRUE(first.created);
  EXPECT_EQ(first.person.birth_date, "1980-01-01");
  EXPECT_EQ(first.person.sex, "1");
  EXPECT_EQ(first.person.id_number, "370102198001011237");
  EXPECT_EQ(first.person.phone, "13812345678");
  EXPECT_EQ(first.person.address, "甲村幸福路12号");
  PersonInput again = zhang();
  again.id_number = " 370102 19800101 1237 ";
  again.phone = "";
  auto second = person::find_or_create(*db, actor, again);
  EXPECT_FALSE(second.created);
  EXPECT_EQ(second.person.id, first.person.id);
  EXPECT_EQ(second.person.phone, "13812345678");  // found, not overwritten
  EXPECT_EQ(count("person"), 1);
}

TEST_F(PersonStore, AKnownNumberWithAnotherNameIsRefusedWithoutRevealingTheStoredRecord) {
  person::find_or_create(*db, actor, zhang());
  int64_t before = audits();
  PersonInput other = zhang();
  other.name = "王强";
  auto e = error_of([&] { person::find_or_create(*db, actor, other); });
  EXPECT_EQ(e.status, 409);
  EXPECT_EQ(e.code, "person_mismatch");
  EXPECT_EQ(e.field, "id_number");
  std::string message = e.what();
  for (const char* stored : {"张明", "1980", "13812345678", "甲村"}) EXPECT_EQ(message.find(stored), std::string::npos);
  EXPECT_EQ(count("person"), 1);
  EXPECT_EQ(audits(), before);
}

TEST_F(PersonStore, APassportHolderEnteredWithAnotherSexOrBirthDateIsRefused) {
  PersonInput p{.id_type = "passport", .id_number = "E12345678", .name = "Anna", .sex = "2", .birth_date = "1985-05-05"};
  person::find_or_create(*db, actor, p);
  PersonInput other_sex = p;
  other_sex.sex = "1";
  EXPECT_EQ(error_of([&] { person::find_or_create(*db, actor, other_sex); }).code, "person_mismatch");
  PersonInput other_birth = p;
  other_birth.birth_date = "1985-05-06";
  EXPECT_EQ(error_of([&] { person::find_or_create(*db, actor, other_birth); }).code, "person_mismatch");
  // What the caller does not know does not contradict.
  PersonInput unknown = p;
  unknown.birth_date = "";
  unknown.sex = "0";
  EXPECT_FALSE(person::find_or_create(*db, actor, unknown).created);
}

TEST_F(PersonStore, BadInputNamesTheFieldInChineseAndWritesNothing) {
  struct Bad {
    const char* why;
    PersonInput in;
    const char* field;
  };
  PersonInput base = zhang();
  auto with = [&](auto change) {
    PersonInput p = base;
    change(p);
    return p;
  };
  std::vector<Bad> cases = {
      {"no name", with([](PersonInput& p) { p.name = "  "; }), "name"},
      {"name too long", with([](PersonInput& p) { p.name = std::string(51 * 3, 'a'); }), "name"},
      {"unknown document type", with([](PersonInput& p) { p.id_type = "id_card"; }), "id_type"},
      {"number without type", with([](PersonInput& p) { p.id_type = ""; }), "id_type"},
      {"wrong check digit", with([](PersonInput& p) { p.id_number = "370102198001011234"; }), "id_number"},
      {"birth date against the number", with([](PersonInput& p) { p.birth_date = "1980-01-02"; }), "birth_date"},
      {"sex against the number", with([](PersonInput& p) { p.sex = "2"; }), "sex"},
      {"unknown sex code", with([](PersonInput& p) { p.id_type = p.id_number = ""; p.sex = "M"; }), "sex"},
      {"no sex at all", with([](PersonInput& p) { p.id_type = p.id_number = ""; }), "sex"},
      {"future birth date", with([](PersonInput& p) { p.id_type = p.id_number = ""; p.sex = "1"; p.birth_date = "2999-01-01"; }),
       "birth_date"},
      {"impossible date", with([](PersonInput& p) { p.id_type = p.id_number = ""; p.sex = "1"; p.birth_date = "1990-02-30"; }),
       "birth_date"},
      {"bad phone", with([](PersonInput& p) { p.phone = "12345"; }), "phone"},
      {"unknown region", with([](PersonInput& p) { p.address_region = "379999001001"; }), "address_region"},
      {"malformed region", with([](PersonInput& p) { p.address_region = "37abc"; }), "address_region"},
      {"address without region", with([](PersonInput& p) { p.address_region = ""; }), "address_region"},
      {"control character in name", with([](PersonInput& p) { p.name = "张\x01明"; }), "name"},
  };
  int64_t before = audits();
  for (const auto& c : cases) {
    auto e = error_of([&] { person::find_or_create(*db, actor, c.in); });
    EXPECT_EQ(e.status, 422) << c.why;
    EXPECT_EQ(e.field, c.field) << c.why;
    EXPECT_GT(std::string(e.what()).size(), 0u) << c.why;
  }
  EXPECT_EQ(count("person"), 0);
  EXPECT_EQ(audits(), before);
}

TEST_F(PersonStore, AnUpdateNeedsTheCurrentVersion) {
  auto p = person::find_or_create(*db, actor, zhang()).person;
  PersonInput changed = zhang();
  changed.phone = "13700002222";
  auto after = person::update(*db, actor, p.id, p.version, changed);
  EXPECT_EQ(after.version, p.version + 1);
  EXPECT_EQ(after.phone, "13700002222");
  EXPECT_EQ(person::find_by_phone(*db, "13812345678").size(), 0u);
  ASSERT_EQ(person::find_by_phone(*db, "13700002222").size(), 1u);
  changed.phone = "13600003333";
  auto stale = error_of([&] { person::update(*db, actor, p.id, p.version, changed); });
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.code, "version_conflict");
  EXPECT_EQ(person::load(*db, p.id)->phone, "13700002222");
  EXPECT_EQ(error_of([&] { person::update(*db, actor, 999999, 1, changed); }).status, 404);
}

TEST_F(PersonStore, AnUpdateContradictingTheIdNumberIsRefusedOnTheMergedRecord) {
  auto p = person::find_or_create(*db, actor, zhang()).person;
  PersonInput changed = zhang();
  changed.birth_date = "1981-01-01";
  EXPECT_EQ(error_of([&] { person::update(*db, actor, p.id, p.version, changed); }).field, "birth_date");
  EXPECT_EQ(person::load(*db, p.id)->version, p.version);
}

TEST_F(PersonStore, AnUpdateToANumberAnotherRecordHoldsSaysOnlyThatItCannotBeUsed) {
  person::find_or_create(*db, actor, zhang());
  auto l = person::find_or_create(*db, actor, li()).person;
  PersonInput changed = li();
  changed.id_number = "370102198001011237";
  changed.birth_date = "";
  changed.sex = "1";
  auto e = error_of([&] { person::update(*db, actor, l.id, l.version, changed); });
  EXPECT_EQ(e.status, 409);
  EXPECT_EQ(e.code, "id_number_unavailable");
  EXPECT_EQ(std::string(e.what()).find("张明"), std::string::npos);
  EXPECT_EQ(person::load(*db, l.id)->id_number, "37010219900228002X");
}

TEST_F(PersonStore, LookupsByIdNumberAndPhoneGoThroughTheBlindIndexes) {
  auto z = person::find_or_create(*db, actor, zhang()).person;
  PersonInput son{.name = "张小明", .sex = "1", .birth_date = "2010-06-01", .phone = "138-1234-5678"};
  auto s = person::find_or_create(*db, actor, son).person;
  EXPECT_EQ(s.phone, "13812345678");
  EXPECT_EQ(person::find_by_id_number(*db, "resident_id", "370102198001011237")->id, z.id);
  EXPECT_EQ(person::find_by_id_number(*db, "resident_id", "440304199912315676"), std::nullopt);
  // The same number as another document type is another document.
  EXPECT_EQ(person::find_by_id_number(*db, "passport", "370102198001011237"), std::nullopt);
  EXPECT_EQ(error_of([&] { person::find_by_id_number(*db, "resident_id", "370102198001011234"); }).field, "id_number");
  for (const char* spelling : {"13812345678", "138 1234 5678", "+8613812345678"}) {
    auto family = person::find_by_phone(*db, spelling);
    ASSERT_EQ(family.size(), 2u) << spelling;
    EXPECT_EQ(family[0].id, z.id);
    EXPECT_EQ(family[1].id, s.id);
  }
}

TEST_F(PersonStore, ARenewedHongKongPermitFindsTheSamePerson) {
  PersonInput old_card{.id_type = "hk_macao_permit", .id_number = "H1234567801", .name = "陈大文", .sex = "1"};
  auto first = person::find_or_create(*db, actor, old_card);
  PersonInput new_card = old_card;
  new_card.id_number = "h12345678";
  auto second = person::find_or_create(*db, actor, new_card);
  EXPECT_FALSE(second.created);
  EXPECT_EQ(second.person.id, first.person.id);
  EXPECT_EQ(person::find_by_id_number(*db, "hk_macao_permit", "H1234567802")->id, first.person.id);
}

TEST_F(PersonStore, PossibleDuplicatesAreSameIdentityOrSamePhoneAcrossDocumentsWithinTheRegion) {
  auto a = person::find_or_create(*db, actor, zhang()).person;
  PersonInput b_in{.name = "张明", .sex = "1", .birth_date = "1980-01-01", .address_region = "370102002001"};
  auto b = person::find_or_create(*db, actor, b_in).person;
  PersonInput c_in{.id_type = "passport", .id_number = "E99887766", .name = "Zhang Ming", .sex = "1",
                   .phone = "13812345678", .address_region = "370102001001"};
  auto c = person::find_or_create(*db, actor, c_in).person;
  person::find_or_create(*db, actor, li());  // another county, nobody like her
  auto page = person::possible_duplicates(*db, "", 50, 0);
  ASSERT_EQ(page.total, 2);
  ASSERT_EQ(page.groups.size(), 2u);
  EXPECT_EQ(page.groups[0].reason, "same_identity");
  EXPECT_EQ(page.groups[0].person_ids, (std::vector<int64_t>{a.id, b.id}));
  EXPECT_EQ(page.groups[1].reason, "same_phone");
  EXPECT_EQ(page.groups[1].person_ids, (std::vector<int64_t>{a.id, c.id}));
  EXPECT_EQ(person::possible_duplicates(*db, "370102", 50, 0).total, 2);
  // Only the members inside the region: B lives in another township than A and C.
  auto township = person::possible_duplicates(*db, "370102001000", 50, 0);
  ASSERT_EQ(township.total, 1);
  EXPECT_EQ(township.groups[0].reason, "same_phone");
  EXPECT_EQ(person::possible_duplicates(*db, "370103", 50, 0).total, 0);
  EXPECT_EQ(person::possible_duplicates(*db, "", 1, 1).groups.size(), 1u);
  // A merged record is no longer a candidate.
  person::merge(*db, actor, a.id, b.id, "同一人,重复登记");
  EXPECT_EQ(person::possible_duplicates(*db, "", 50, 0).total, 1);
}

TEST_F(PersonStore, AMergeRepointsRegisteredReferencesAndTheUnmergeReversesExactlyThoseRows) {
  create_reference_table();
  auto keep = person::find_or_create(*db, actor, zhang()).person;
  auto drop = person::find_or_create(*db, actor, {.name = "张明", .sex = "1", .birth_date = "1980-01-01"}).person;
  int64_t r1 = add_reference(drop.id), r2 = add_reference(drop.id), r3 = add_reference(keep.id);
  auto merged = person::merge(*db, actor, keep.id, drop.id, "同一人,重复登记");
  EXPECT_EQ(merged.drop.merged_into, keep.id);
  EXPECT_FALSE(merged.drop.active);
  ASSERT_EQ(merged.repointed.size(), 1u);
  EXPECT_EQ(merged.repointed[0], (std::pair<std::string, int64_t>{"person_ref_test.person_id", 2}));
  for (int64_t r : {r1, r2, r3}) EXPECT_EQ(referenced_person(r), keep.id);
  EXPECT_EQ(db->query("SELECT version FROM person_ref_test WHERE id = ?", {r1}).scalar().as_int(), 2);
  EXPECT_EQ(db->query("SELECT version FROM person_ref_test WHERE id = ?", {r3}).scalar().as_int(), 1);
  EXPECT_EQ(person::resolve(*db, drop.id)->id, keep.id);
  // A merged record is not edited.
  EXPECT_EQ(error_of([&] { person::update(*db, actor, drop.id, merged.drop.version, {.name = "x", .sex = "1"}); }).code,
            "person_merged");
  // Written after the merge: belongs to the survivor and stays there.
  int64_t r4 = add_reference(keep.id);
  auto undone = person::unmerge(*db, actor, drop.id, "经核实为两人");
  EXPECT_EQ(undone.drop.merged_into, 0);
  EXPECT_TRUE(undone.drop.active);
  EXPECT_EQ(referenced_person(r1), drop.id);
  EXPECT_EQ(referenced_person(r2), drop.id);
  EXPECT_EQ(referenced_person(r3), keep.id);
  EXPECT_EQ(referenced_person(r4), keep.id);
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM person_merge WHERE undone_at IS NOT NULL").scalar().as_int(), 1);
  // Everything else about the record is as before the merge.
  auto restored = *person::load(*db, drop.id);
  EXPECT_EQ(restored.name, drop.name);
  EXPECT_EQ(restored.birth_date, drop.birth_date);
  EXPECT_EQ(error_of([&] { person::unmerge(*db, actor, drop.id, "再来一次"); }).code, "not_merged");
  // And it can be merged again.
  EXPECT_EQ(person::merge(*db, actor, keep.id, drop.id, "再次核实为同一人").repointed[0].second, 2);
}

TEST_F(PersonStore, AMergeOfARecordWithItselfAMergedOrAMissingRecordIsRefused) {
  auto a = person::find_or_create(*db, actor, zhang()).person;
  auto b = person::find_or_create(*db, actor, li()).person;
  auto c = person::find_or_create(*db, actor, {.name = "王五", .sex = "1"}).person;
  EXPECT_EQ(error_of([&] { person::merge(*db, actor, a.id, a.id, "x"); }).field, "drop");
  EXPECT_EQ(error_of([&] { person::merge(*db, actor, a.id, b.id, "  "); }).field, "reason");
  EXPECT_EQ(error_of([&] { person::merge(*db, actor, a.id, b.id, std::string(201 * 3, 'a')); }).field, "reason");
  EXPECT_EQ(error_of([&] { person::merge(*db, actor, a.id, 999999, "x"); }).status, 404);
  person::merge(*db, actor, a.id, b.id, "同一人");
  EXPECT_EQ(error_of([&] { person::merge(*db, actor, c.id, b.id, "x"); }).code, "person_merged");
  EXPECT_EQ(error_of([&] { person::merge(*db, actor, b.id, c.id, "x"); }).code, "person_merged");
  EXPECT_EQ(error_of([&] { person::unmerge(*db, actor, a.id, "x"); }).code, "not_merged");
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM person_merge").scalar().as_int(), 1);
}

TEST_F(PersonStore, AMergeThatAReferencingTableForbidsChangesNothing) {
  create_reference_table(/*unique=*/true);
  auto keep = person::find_or_create(*db, actor, zhang()).person;
  auto drop = person::find_or_create(*db, actor, li()).person;
  int64_t rk = add_reference(keep.id), rd = add_reference(drop.id);
  int64_t before = audits();
  auto e = error_of([&] { person::merge(*db, actor, keep.id, drop.id, "同一人"); });
  EXPECT_EQ(e.status, 409);
  EXPECT_EQ(e.code, "merge_conflict");
  EXPECT_EQ(referenced_person(rk), keep.id);
  EXPECT_EQ(referenced_person(rd), drop.id);
  EXPECT_EQ(person::load(*db, drop.id)->merged_into, 0);
  EXPECT_EQ(person::load(*db, drop.id)->version, drop.version);
  EXPECT_EQ(count("person_merge"), 0);
  EXPECT_EQ(audits(), before);
}

TEST_F(PersonStore, AnUnmergeAfterARepointedRowChangedIsRefusedAndChangesNothing) {
  create_reference_table();
  auto keep = person::find_or_create(*db, actor, zhang()).person;
  auto drop = person::find_or_create(*db, actor, {.name = "张明", .sex = "1", .birth_date = "1980-01-01"}).person;
  auto third = person::find_or_create(*db, actor, li()).person;
  int64_t r1 = add_reference(drop.id), r2 = add_reference(drop.id);
  person::merge(*db, actor, keep.id, drop.id, "同一人");
  db->exec("UPDATE person_ref_test SET person_id = ? WHERE id = ?", {third.id, r2});
  auto e = error_of([&] { person::unmerge(*db, actor, drop.id, "经核实为两人"); });
  EXPECT_EQ(e.code, "unmerge_conflict");
  EXPECT_EQ(referenced_person(r1), keep.id);
  EXPECT_EQ(person::load(*db, drop.id)->merged_into, keep.id);
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM person_merge WHERE undone_at IS NULL").scalar().as_int(), 1);
}

TEST_F(PersonStore, AnUnmergeWaitsUntilALaterMergeOfTheSurvivorIsUndone) {
  auto a = person::find_or_create(*db, actor, zhang()).person;
  auto b = person::find_or_create(*db, actor, {.name = "张明", .sex = "1", .birth_date = "1980-01-01"}).person;
  auto c = person::find_or_create(*db, actor, {.name = "张明", .sex = "1"}).person;
  person::merge(*db, actor, b.id, a.id, "同一人");  // a into b
  person::merge(*db, actor, c.id, b.id, "同一人");  // then b into c
  EXPECT_EQ(person::resolve(*db, a.id)->id, c.id);
  EXPECT_EQ(person::find_or_create(*db, actor, zhang()).person.id, c.id);  // the survivor answers
  EXPECT_EQ(error_of([&] { person::unmerge(*db, actor, a.id, "x"); }).code, "merged_later");
  person::unmerge(*db, actor, b.id, "撤销后一次");
  EXPECT_EQ(person::unmerge(*db, actor, a.id, "撤销前一次").drop.merged_into, 0);
}

TEST_F(PersonStore, EveryWriteIsAuditedWithMaskedValuesOnly) {
  create_reference_table();
  auto keep = person::find_or_create(*db, actor, zhang()).person;
  auto drop = person::find_or_create(*db, actor, li()).person;
  add_reference(drop.id);
  PersonInput changed = zhang();
  changed.phone = "13700002222";
  person::update(*db, actor, keep.id, keep.version, changed);
  person::merge(*db, actor, keep.id, drop.id, "同一人");
  person::unmerge(*db, actor, drop.id, "两人");
  auto rows = db->query("SELECT action, before_json, after_json, region_code FROM audit_log WHERE entity = 'person' ORDER BY id");
  std::vector<std::string> actions;
  for (const auto& r : rows.rows) {
    actions.push_back(r[0].as_text());
    for (int col : {1, 2}) {
      std::string text = r[col].as_text();
      for (const char* plain : {"370102198001011237", "37010219900228002X", "13812345678", "13700002222",
                                "13900001111", "幸福路", "东街", "1980-01-01", "1990-02-28"})
        EXPECT_EQ(text.find(plain), std::string::npos) << r[0].as_text() << ": " << text;
    }
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "create", "update", "merge", "merge_keep", "unmerge",
                                                "unmerge_keep"}));
  auto merge_row = db->query("SELECT after_json FROM audit_log WHERE action = 'merge'").scalar().as_text();
  auto after = nlohmann::json::parse(merge_row);
  EXPECT_EQ(after["merged_into"], keep.id);
  EXPECT_EQ(after["id_number"], "370102********002X");
  EXPECT_EQ(after["birth_date"], "****-**-**");
  EXPECT_EQ(after["phone"], "139****1111");
  EXPECT_EQ(after["reason"], "同一人");
  EXPECT_EQ(after["repointed"]["person_ref_test.person_id"].size(), 1u);
  EXPECT_EQ(db->query("SELECT region_code FROM audit_log WHERE action = 'merge'").scalar().as_text(), "370103001001");
}

TEST_F(PersonStore, ConcurrentWritersRegisteringTheSameDocumentsGetOneRecordEach) {
  constexpr int kThreads = 4, kDocuments = 12;
  std::vector<std::string> numbers;
  for (int i = 0; i < kDocuments; ++i) {
    std::string first17 = "3701021985060" + std::to_string(1000 + i);
    numbers.push_back(first17 + person::id_number_check_char(first17));
  }
  std::mutex mu;
  std::map<std::string, std::set<int64_t>> ids;
  std::vector<std::string> failures;
  std::vector<std::thread> pool;
  for (int t = 0; t < kThreads; ++t)
    pool.emplace_back([&] {
      auto conn = store::open(db_url);
      for (const auto& n : numbers) {
        try {
          auto r = person::find_or_create(*conn, actor, {.id_type = "resident_id", .id_number = n, .name = "同一人"});
          std::lock_guard lock(mu);
          ids[n].insert(r.person.id);
        } catch (const std::exception& e) {
          std::lock_guard lock(mu);
          failures.push_back(e.what());
        }
      }
    });
  for (auto& t : pool) t.join();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, first: " << failures.front();
  EXPECT_EQ(count("person"), kDocuments);
  for (const auto& [n, seen] : ids) EXPECT_EQ(seen.size(), 1u) << n;
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM audit_log WHERE entity = 'person' AND action = 'create'").scalar().as_int(),
            kDocuments);
}

}  // namespace yilian::testing

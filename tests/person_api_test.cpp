// The person endpoints (src/person/routes.h) on both backends: who may ask, what they see,
// that out-of-scope records answer exactly as missing ones, and that bad input writes
// nothing.
#include "person_fixture.h"

namespace yilian::testing {

using nlohmann::json;
using person::PersonInput;

class PersonApi : public PersonTest {
 protected:
  void SetUp() override {
    PersonTest::SetUp();
    zhang_id = person::find_or_create(*db, actor, zhang()).person.id;
    li_id = person::find_or_create(*db, actor, li()).person.id;
  }
  static std::string lookup_path(const std::string& type, const std::string& number) {
    return "/api/v1/persons/lookup?id_type=" + type + "&id_number=" + number;
  }
  // A second 张明 in county A (no document) and a second 李红 in county B.
  std::pair<int64_t, int64_t> add_duplicates() {
    int64_t a = person::find_or_create(*db, actor,
                                       {.name = "张明", .sex = "1", .birth_date = "1980-01-01",
                                        .address_region = "370102002001"})
                    .person.id;
    int64_t b = person::find_or_create(*db, actor,
                                       {.name = "李红", .sex = "2", .birth_date = "1990-02-28",
                                        .address_region = "370103001001"})
                    .person.id;
    return {a, b};
  }
  json merge_body(int64_t keep, int64_t drop, const std::string& reason = "同一人,重复登记") {
    return {{"keep", keep}, {"drop", drop}, {"reason", reason}};
  }
  // What must not change when a request is refused.
  std::tuple<int64_t, int64_t, int64_t> writes() {
    return {count("audit_log"), count("person_merge"),
            db->query("SELECT COALESCE(SUM(version), 0) FROM person").scalar().as_int()};
  }
  int64_t zhang_id = 0, li_id = 0;
};

TEST_F(PersonApi, TheAdministratorLooksUpAPersonByIdNumberInFull) {
  auto r = get(lookup_path("resident_id", "370102198001011237"), "admin");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["id"], zhang_id);
  EXPECT_EQ(r.body["id_number"], "370102198001011237");
  EXPECT_EQ(r.body["birth_date"], "1980-01-01");
  EXPECT_EQ(r.body["address"], "甲村幸福路12号");
  // Any spelling of the same number.
  EXPECT_EQ(get(lookup_path("resident_id", "370102%2019800101%201237"), "admin").body["id"], zhang_id);
}

TEST_F(PersonApi, ABureauLooksUpOnlyItsRegionsPersonsMaskedAndOthersAnswerAsMissing) {
  auto mine = get(lookup_path("resident_id", "370102198001011237"), "bureau_a");
  ASSERT_EQ(mine.status, 200) << mine.raw;
  EXPECT_EQ(mine.body["id_number"], "370102********1237");
  EXPECT_EQ(mine.body["birth_date"], "****-**-**");
  EXPECT_EQ(mine.body["phone"], "138****5678");
  EXPECT_TRUE(mine.body["address"].is_null());
  auto elsewhere = get(lookup_path("resident_id", "37010219900228002X"), "bureau_a");
  auto nobody = get(lookup_path("resident_id", "440304199912315676"), "bureau_a");
  EXPECT_EQ(elsewhere.status, 404);
  EXPECT_EQ(nobody.status, 404);
  EXPECT_EQ(elsewhere.raw, nobody.raw);
  // The city's bureau sees both counties.
  EXPECT_EQ(get(lookup_path("resident_id", "37010219900228002X"), "bureau_city").status, 200);
  EXPECT_EQ(get(lookup_path("resident_id", "37010219900228002X"), "bureau_b").status, 200);
}

TEST_F(PersonApi, APersonWithoutRegionIsInNoBureausScope) {
  person::find_or_create(*db, actor, {.id_type = "passport", .id_number = "E12345678", .name = "Anna", .sex = "2"});
  EXPECT_EQ(get(lookup_path("passport", "E12345678"), "bureau_city").status, 404);
  EXPECT_EQ(get(lookup_path("passport", "E12345678"), "admin").status, 200);
}

TEST_F(PersonApi, OtherRolesAreRefusedWhetherOrNotThePersonExists) {
  for (const char* user : {"hospital_a", "township_a1", "doctor_a", "villager_a1"}) {
    auto known = get(lookup_path("resident_id", "370102198001011237"), user);
    auto unknown = get(lookup_path("resident_id", "440304199912315676"), user);
    EXPECT_EQ(known.status, 403) << user;
    EXPECT_EQ(known.raw, unknown.raw) << user;
    EXPECT_EQ(get("/api/v1/persons/" + std::to_string(zhang_id), user).status, 403) << user;
    EXPECT_EQ(get("/api/v1/persons/duplicates", user).status, 403) << user;
    EXPECT_EQ(post("/api/v1/persons/merge", user, merge_body(zhang_id, li_id)).status, 403) << user;
    EXPECT_EQ(post("/api/v1/persons/unmerge", user, {{"person_id", li_id}, {"reason", "x"}}).status, 403) << user;
  }
  EXPECT_EQ(get(lookup_path("resident_id", "370102198001011237"), "").status, 401);
}

TEST_F(PersonApi, ABadLookupIsA4xxNamingTheFieldInChineseAndWritesNothing) {
  auto before = writes();
  struct Bad {
    std::string path;
    int status;
    const char* field;
  };
  for (const Bad& b : std::vector<Bad>{{"/api/v1/persons/lookup?id_number=370102198001011237", 400, "id_type"},
                                       {"/api/v1/persons/lookup?id_type=resident_id", 400, "id_number"},
                                       {lookup_path("id_card", "370102198001011237"), 422, "id_type"},
                                       {lookup_path("resident_id", "370102198001011234"), 422, "id_number"},
                                       {lookup_path("taiwan_permit", "T1234567"), 422, "id_number"}}) {
    auto r = get(b.path, "admin");
    EXPECT_EQ(r.status, b.status) << b.path << " " << r.raw;
    EXPECT_EQ(r.body["error"]["field"], b.field) << b.path;
    std::string message = r.body["error"]["message"];
    EXPECT_TRUE(std::any_of(message.begin(), message.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
        << message;
  }
  EXPECT_EQ(writes(), before);
}

TEST_F(PersonApi, ASuccessfulLookupIsAuditedMaskedInTheBureausOwnTrail) {
  ASSERT_EQ(get(lookup_path("resident_id", "370102198001011237"), "bureau_a").status, 200);
  auto trail = get("/api/v1/audit?entity=person&action=lookup", "bureau_a");
  ASSERT_EQ(trail.status, 200) << trail.raw;
  ASSERT_EQ(trail.body["items"].size(), 1u);
  const json& e = trail.body["items"][0];
  EXPECT_EQ(e["username"], "bureau_a");
  EXPECT_EQ(e["entity_id"], std::to_string(zhang_id));
  EXPECT_EQ(e["after"]["id_number"], "370102********1237");
  EXPECT_EQ(get("/api/v1/audit?entity=person&action=lookup", "bureau_b").body["items"].size(), 0u);
}

TEST_F(PersonApi, ARecordIsShownMaskedUnlessToTheAdministratorAndOutOfScopeAsMissing) {
  auto full = get("/api/v1/persons/" + std::to_string(zhang_id), "admin");
  ASSERT_EQ(full.status, 200);
  EXPECT_EQ(full.body["id_number"], "370102198001011237");
  EXPECT_EQ(full.body["masked"], false);
  auto masked = get("/api/v1/persons/" + std::to_string(zhang_id), "bureau_a");
  ASSERT_EQ(masked.status, 200);
  EXPECT_EQ(masked.body["id_number"], "370102********1237");
  EXPECT_EQ(masked.body["birth_date"], "****-**-**");
  EXPECT_EQ(masked.body["masked"], true);
  auto out_of_scope = get("/api/v1/persons/" + std::to_string(li_id), "bureau_a");
  auto missing = get("/api/v1/persons/999999", "bureau_a");
  EXPECT_EQ(out_of_scope.status, 404);
  EXPECT_EQ(out_of_scope.raw, missing.raw);
  EXPECT_EQ(get("/api/v1/persons/abc", "admin").status, 404);
  // The administrator's full view is in the trail; the bureau's masked one is not needed there.
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM audit_log WHERE action = 'view_full'").scalar().as_int(), 1);
}

TEST_F(PersonApi, DuplicatesAreListedPerRegionMaskedForABureau) {
  auto [a2, b2] = add_duplicates();
  auto mine = get("/api/v1/persons/duplicates", "bureau_a");
  ASSERT_EQ(mine.status, 200) << mine.raw;
  ASSERT_EQ(mine.body["total"], 1);
  const json& group = mine.body["items"][0];
  EXPECT_EQ(group["reason"], "same_identity");
  EXPECT_EQ(group["reason_label"], "姓名、性别、出生日期相同");
  ASSERT_EQ(group["persons"].size(), 2u);
  EXPECT_EQ(group["persons"][0]["id"], zhang_id);
  EXPECT_EQ(group["persons"][1]["id"], a2);
  EXPECT_EQ(group["persons"][0]["id_number"], "370102********1237");
  EXPECT_EQ(group["persons"][0]["birth_date"], "****-**-**");
  EXPECT_EQ(get("/api/v1/persons/duplicates?region=370102001000", "bureau_a").body["total"], 0);
  auto all = get("/api/v1/persons/duplicates", "admin");
  EXPECT_EQ(all.body["total"], 2);
  EXPECT_EQ(all.body["items"][1]["persons"][1]["id"], b2);
  EXPECT_EQ(get("/api/v1/persons/duplicates?region=370103", "admin").body["total"], 1);
  EXPECT_EQ(get("/api/v1/persons/duplicates?page_size=1&page=2", "admin").body["items"].size(), 1u);
  // Another bureau's region is refused outright (the region is public; its persons are not).
  auto other = get("/api/v1/persons/duplicates?region=370103", "bureau_a");
  EXPECT_EQ(other.status, 403);
  auto bad = get("/api/v1/persons/duplicates?region=37x", "bureau_a");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["error"]["field"], "region");
  EXPECT_EQ(get("/api/v1/persons/duplicates?page_size=abc", "admin").status, 400);
}

TEST_F(PersonApi, ABureauMergesTwoRecordsOfItsRegionAndTheMergeIsAudited) {
  create_reference_table();
  auto [a2, b2] = add_duplicates();
  int64_t row = add_reference(a2);
  auto r = post("/api/v1/persons/merge", "bureau_a", merge_body(zhang_id, a2));
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["drop"]["merged_into"], zhang_id);
  EXPECT_EQ(r.body["drop"]["active"], false);
  EXPECT_EQ(r.body["keep"]["id_number"], "370102********1237");
  EXPECT_EQ(r.body["repointed"]["person_ref_test.person_id"], 1);
  EXPECT_EQ(referenced_person(row), zhang_id);
  auto trail = get("/api/v1/audit?entity=person&action=merge", "bureau_a");
  ASSERT_EQ(trail.body["items"].size(), 1u);
  EXPECT_EQ(trail.body["items"][0]["after"]["reason"], "同一人,重复登记");
  EXPECT_EQ(trail.body["items"][0]["before"]["merged_into"], nullptr);
  EXPECT_EQ(trail.body["items"][0]["after"]["merged_into"], zhang_id);
  EXPECT_EQ(get("/api/v1/persons/duplicates", "bureau_a").body["total"], 0);
}

TEST_F(PersonApi, AMergeInvolvingARecordOutsideTheBureausRegionAnswersAsMissingAndWritesNothing) {
  auto [a2, b2] = add_duplicates();
  auto before = writes();
  auto across = post("/api/v1/persons/merge", "bureau_a", merge_body(zhang_id, li_id));
  auto missing = post("/api/v1/persons/merge", "bureau_a", merge_body(zhang_id, 999999));
  EXPECT_EQ(across.status, 404);
  EXPECT_EQ(across.raw, missing.raw);
  auto theirs = post("/api/v1/persons/merge", "bureau_b", merge_body(zhang_id, a2));
  EXPECT_EQ(theirs.status, 404);
  EXPECT_EQ(theirs.raw, missing.raw);
  EXPECT_EQ(writes(), before);
  EXPECT_EQ(post("/api/v1/persons/merge", "bureau_b", merge_body(li_id, b2)).status, 200);
}

TEST_F(PersonApi, ABadMergeRequestIsA4xxNamingTheFieldAndWritesNothing) {
  auto [a2, b2] = add_duplicates();
  auto before = writes();
  struct Bad {
    json body;
    int status;
    const char* field;
  };
  for (const Bad& b : std::vector<Bad>{
           {{{"keep", zhang_id}, {"drop", a2}}, 422, "reason"},
           {merge_body(zhang_id, a2, "   "), 422, "reason"},
           {merge_body(zhang_id, zhang_id), 422, "drop"},
           {{{"keep", "abc"}, {"drop", a2}, {"reason", "x"}}, 422, "keep"},
           {{{"keep", zhang_id}, {"drop", -1}, {"reason", "x"}}, 422, "drop"},
           {{{"keep", zhang_id}, {"drop", 1.5}, {"reason", "x"}}, 422, "drop"},
           {{{"drop", a2}, {"reason", "x"}}, 422, "keep"},
           {{{"keep", zhang_id}, {"drop", a2}, {"reason", 7}}, 422, "reason"},
           {{{"keep", zhang_id}, {"drop", a2}, {"reason", "x"}, {"force", true}}, 422, "force"},
       }) {
    auto r = post("/api/v1/persons/merge", "admin", b.body);
    EXPECT_EQ(r.status, b.status) << b.body.dump() << " " << r.raw;
    EXPECT_EQ(r.body["error"]["field"], b.field) << b.body.dump();
  }
  EXPECT_EQ(call("POST", "/api/v1/persons/merge", "admin", nullptr, "{\"keep\":").status, 400);
  EXPECT_EQ(call("POST", "/api/v1/persons/merge", "admin", nullptr, "[1,2]").status, 400);
  EXPECT_EQ(writes(), before);
}

TEST_F(PersonApi, AnUnmergeRestoresTheRecordForTheBureauOfItsRegionOnly) {
  auto [a2, b2] = add_duplicates();
  ASSERT_EQ(post("/api/v1/persons/merge", "bureau_a", merge_body(zhang_id, a2)).status, 200);
  auto before = writes();
  auto theirs = post("/api/v1/persons/unmerge", "bureau_b", {{"person_id", a2}, {"reason", "两人"}});
  auto missing = post("/api/v1/persons/unmerge", "bureau_b", {{"person_id", 999999}, {"reason", "两人"}});
  EXPECT_EQ(theirs.status, 404);
  EXPECT_EQ(theirs.raw, missing.raw);
  EXPECT_EQ(post("/api/v1/persons/unmerge", "bureau_a", {{"person_id", a2}}).body["error"]["field"], "reason");
  EXPECT_EQ(post("/api/v1/persons/unmerge", "bureau_a", {{"person_id", "x"}, {"reason", "两人"}}).status, 422);
  EXPECT_EQ(writes(), before);
  auto r = post("/api/v1/persons/unmerge", "bureau_a", {{"person_id", a2}, {"reason", "经核实为两人"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["drop"]["merged_into"], nullptr);
  EXPECT_EQ(r.body["drop"]["active"], true);
  auto again = post("/api/v1/persons/unmerge", "bureau_a", {{"person_id", a2}, {"reason", "经核实为两人"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body["error"]["code"], "not_merged");
  EXPECT_EQ(get("/api/v1/audit?entity=person&action=unmerge", "bureau_a").body["items"].size(), 1u);
}

}  // namespace yilian::testing

// One person record for everyone the county keeps data on: staff, referral patients,
// residents. Other modules hold a person_id and ask this module for the person.
//
// Invariants the functions below keep:
// - Every write validates first and writes nothing on bad input (common::ApiError, a
//   Chinese message naming the field), runs in one transaction (joining the caller's) and
//   is audited through audit::record with masked values only (person/mask.h): no audit row
//   holds a plain ID number, phone or address.
// - The ID number, phone and address are stored only encrypted, under the process keyring
//   (person/keyring.h); lookups go through their blind indexes. A write under a key other
//   than the one the database was first written with is refused (KeyError), so rows never
//   mix keys.
// - A document (type + holder's number) belongs to one record. When a person is entered
//   again with the same document, find_or_create answers the existing record; when the
//   name, sex or birth date disagree it refuses without saying what is stored.
// - A merged record keeps its data (for unmerge) with merged_into set and active = 0; it
//   can no longer be updated or merged. resolve() follows merged_into to the survivor.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.h"
#include "store/db.h"

namespace yilian::person {

// Who writes, for the audit trail.
struct Actor {
  const auth::Principal* user = nullptr;  // null for the command line and start-up jobs
  std::string remote_addr;
  std::string name;  // the audit's username when user is null ("cli" when empty)
};

// What a caller knows about a person. Empty text means "not given".
struct PersonInput {
  std::string id_type;  // person/identity.h code ("resident_id" …); empty: no document
  std::string id_number;
  std::string name;
  std::string sex;         // GB/T 2261.1: "1" 男, "2" 女, "0" 未知, "9" 未说明; implied by a 身份证
  std::string birth_date;  // YYYY-MM-DD; implied by a 身份证; may stay unknown otherwise
  std::string phone;
  std::string address_region;  // region code (required with an address)
  std::string address;         // street and house, below the region
  std::string notes;
};

struct Person {
  int64_t id = 0;
  int64_t version = 0;
  bool active = true;
  std::string created_at, updated_at;
  std::string id_type, id_number;  // decrypted; empty when none
  std::string name, sex, birth_date;
  std::string phone;  // decrypted
  std::string address_region;
  std::string address;  // decrypted
  int64_t merged_into = 0;  // 0 when not merged
  std::string notes;
};

struct FoundOrCreated {
  Person person;  // the surviving record (merged_into followed)
  bool created = false;
};

// Validates `in`, fills sex and birth date from a 身份证, then answers the record holding the
// document or creates one. Without a document it always creates (possible_duplicates finds
// repeats). 409 person_mismatch when the document's record names someone else.
FoundOrCreated find_or_create(store::Db& db, const Actor& actor, const PersonInput& in);

// Replaces the record's fields with `in` (a full record, as load() gave it, changed) when
// its version is still `expected_version`: 409 version_conflict otherwise, 409
// id_number_unavailable when another record holds the new document (without saying whose),
// 409 person_merged for a merged record, 404 when there is none.
Person update(store::Db& db, const Actor& actor, int64_t id, int64_t expected_version, const PersonInput& in);

// Decrypted; nullopt when there is no such record. KeyError when it cannot be decrypted.
std::optional<Person> load(store::Db& db, int64_t id);
// The survivor of a chain of merges (at most a few links), or nullopt.
std::optional<Person> resolve(store::Db& db, int64_t id);
// The record holding the document, merged or not; 422 when the number is not valid.
std::optional<Person> find_by_id_number(store::Db& db, const std::string& id_type, const std::string& id_number);
// Active, unmerged records with this phone (a family may share one), by id.
std::vector<Person> find_by_phone(store::Db& db, const std::string& phone);

// Groups of active, unmerged records that may be one person: the same name, sex and birth
// date, or the same phone — necessarily across different documents or none, since a
// document has one record. Restricted to records whose address_region lies in
// `region_code`'s subtree ("" = everywhere); a record without region is only in "".
struct DuplicateGroup {
  std::string reason;  // "same_identity" (name, sex, birth date) or "same_phone"
  std::vector<int64_t> person_ids;
};
struct DuplicatePage {
  int64_t total = 0;  // groups
  std::vector<DuplicateGroup> groups;
};
DuplicatePage possible_duplicates(store::Db& db, const std::string& region_code, int64_t limit, int64_t offset);

// A column of another module's table that holds a person id. Modules declare theirs at
// start-up; merge re-points them and unmerge puts them back.
struct Reference {
  std::string table;
  std::string column;
  std::string key = "id";  // the table's primary key, recorded per re-pointed row
  // The table has the entity layer's version and updated_at columns: a re-pointed row gets a
  // new version, so a client holding the old one cannot overwrite the change unseen.
  bool versioned = false;
};
// Identifiers must be lower-case SQL names ([a-z_][a-z0-9_]*): they are spliced into SQL.
// Registering the same (table, column) again replaces the declaration.
void register_reference(const Reference& ref);
void register_reference(const std::string& table, const std::string& column);
void unregister_reference(const std::string& table, const std::string& column);
std::vector<Reference> references();

struct MergeResult {
  int64_t merge_id = 0;
  Person keep, drop;  // after the change
  // "table.column" → how many rows were re-pointed (merge) or put back (unmerge).
  std::vector<std::pair<std::string, int64_t>> repointed;
};

// Records `drop` as the same person as `keep`: every registered reference to drop is
// re-pointed to keep, drop gets merged_into = keep and active = 0, and a person_merge row
// lists the re-pointed rows. 422 for keep = drop or no reason; 404 when either is missing;
// 409 person_merged when either is already merged, merge_conflict when a referencing
// table's uniqueness forbids the re-pointing (nothing is changed then).
MergeResult merge(store::Db& db, const Actor& actor, int64_t keep, int64_t drop, const std::string& reason);

// Reverses the latest merge of `drop` exactly: the rows it re-pointed go back to drop (rows
// that point to keep for other reasons stay), drop is active and unmerged again. 409
// not_merged when drop is not merged; 409 merged_later when keep was itself merged since
// (undo that first); 409 unmerge_conflict when a re-pointed row has changed since.
MergeResult unmerge(store::Db& db, const Actor& actor, int64_t drop, const std::string& reason);

// Stores the keyring's fingerprint on first use and compares it afterwards: KeyError when
// the database was written with another key. Every write calls it; the server may call it
// at start-up to refuse to run with the wrong key.
void check_key(store::Db& db);

}  // namespace yilian::person

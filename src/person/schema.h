// The person tables (versions 160–169: after the core's 1xx, before the registry's 2xx, so
// staff and later referral and resident tables can reference person (id)).
//
// person: one row per human being, whatever role they have (staff, referral patient,
// resident). Invariants:
// - name, sex, birth_date and address_region are clear: searches, ages and scope need them;
// - the ID number, phone and address are only stored encrypted (*_enc, person/keyring.h);
//   id_number_hash and phone_hash are their blind indexes, for exact lookup;
// - id_number_hash is unique (one record per document type + holder's number); id_type,
//   id_number_enc and id_number_hash are all set or all NULL, and so are phone_enc and
//   phone_hash;
// - a merged record has merged_into = the surviving record and active = 0.
// person_merge: one row per merge, listing exactly which rows of which referencing tables
// were re-pointed, so an unmerge puts back those rows and no others.
// person_key: the fingerprint of the data key the rows were written with (one row).
#pragma once
#include <vector>

#include "store/migrations.h"

namespace yilian::person {
std::vector<store::Migration> migrations();
}

// The person module's HTTP routes and API schemas, installed by app/modules.cpp.
//
// Who may use them, for now: the administrator (everything, in full) and a bureau (persons
// whose address_region lies in its region, masked). A person outside the reader's scope
// answers exactly like a missing one (404), so lookups by ID number never confirm that
// someone is registered elsewhere. Other roles are refused (403) whatever they ask, which
// tells them nothing about any record. Successful lookups by ID number and full views are
// audited (who searched whose record), as writes are.
#pragma once
#include "api/app.h"

namespace yilian::person {
void install(api::App& app);
}

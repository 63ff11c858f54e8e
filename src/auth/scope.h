// Turns a user's scope into an SQL condition, so that every list, read, count and
// write check of every module filters in the database and out-of-scope rows are never
// even counted. A module describes how its rows relate to regions and institutions
// (ScopeColumns); this file decides what each role may see.
#pragma once
#include <string>

#include "auth/principal.h"
#include "store/value.h"

namespace yilian::auth {

struct ScopeColumns {
  // SQL expressions over the row (alias t and whatever the module's FROM joins).
  std::string region;       // the row's region code (required)
  std::string institution;  // the row's institution id, if it has one
  std::string kind;         // the institution kind (WS 218), to let a township see its village clinics
  std::string staff;        // the row's staff id, for the personal roles
  // Personal roles (doctor, village doctor) see rows of their own institution
  // (reference data such as departments) instead of nothing.
  bool personal_sees_institution = false;
  // Personal roles see rows in their institution's region subtree (regions, villages).
  bool personal_sees_region = false;
  // A second party of the row (e.g. the supporting hospital of a support relationship,
  // whose recipient is the first party): the row is visible to the scope of either.
  std::string other_region;
  std::string other_institution;
  std::string other_kind;
};

struct Condition {
  std::string sql;  // "1=1" for everything, "1=0" for nothing
  store::Params params;
};

Condition scope_condition(const Principal& p, const ScopeColumns& cols);

}  // namespace yilian::auth

// Building blocks shared by the support module's entity descriptions: who may see a
// row that hangs from a relationship, an assignment or an institution, and common checks.
#pragma once
#include <memory>
#include <string>

#include "api/entity.h"

namespace yilian::support::helpers {

using nlohmann::json;

std::string text(const json& row, const char* k);
int64_t integer(const json& row, const char* k);
void check_period(const json& row, const char* from, const char* to, const std::string& label);

// Joins institution ri (recipient) and si (supporting) for a relationship aliased r.
extern const char* kRelationshipJoins;
auth::ScopeColumns relationship_scope(const std::string& r);
// Joins assignment a and its institutions ri (recipient) and hi (home) for rows with assignment_id.
extern const char* kAssignmentJoins;
auth::ScopeColumns assignment_scope(const std::string& a);
// For rows with institution_id, joined as institution i.
auth::ScopeColumns institution_scope();

std::shared_ptr<api::EntitySpec> make(const std::string& name, const std::string& table, const std::string& route,
                                      const std::string& label);
void check_day_in_assignment(api::Context& ctx, int64_t assignment_id, const std::string& day);
void check_recent_for_personal(api::Context& ctx, const std::string& day);
// The first day field staff may still record or change on their own (the entry window).
std::string entry_window_start();

}  // namespace yilian::support::helpers

// A data-driven description of a table that the API exposes with list, read, create,
// update and (soft) delete. Every registry table and most later records are plain
// rows with typed, validated fields; describing them once gives each one the same
// paging, filtering, scope checks, optimistic concurrency, audit, error messages and
// OpenAPI schema, instead of five hand-written handlers per table.
#pragma once
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/context.h"
#include "api/lifecycle.h"
#include "auth/role.h"
#include "auth/scope.h"
#include "api/router.h"

namespace yilian::api {

enum class FieldType { text, integer, real, boolean, date };

enum class Mask { none, id_number, phone, birth_date };

// How a reference to another table is checked, before any other check reads the row.
enum class ReferenceCheck {
  // The writer must be able to read the referenced row through its entity's scope; a row
  // outside it is refused exactly as a missing one (same code, same message), so writes
  // never reveal what reads hide. Entities marked public_reference (regions,
  // institutions: public bodies, not personal data) only need to exist and be active.
  scoped,
  // The module's prepare hook decides from the domain rule who may be named (a mentee
  // must be staff of the recipient; a senior doctor staff of a level 2+ hospital) and
  // refuses a missing row and a non-candidate with the same message.
  candidate,
};

struct FieldSpec {
  std::string name;
  FieldType type = FieldType::text;
  std::string label;  // 中文, used in error messages
  bool required = false;
  bool writable = true;   // false: derived by the server (prepare hook)
  bool immutable = false; // settable on create only
  bool filter = false;    // ?name=value filters lists
  bool sort = false;      // ?sort=name / -name
  bool search = false;    // ?q= matches a substring
  bool unique = false;    // checked before writing, so the error names the field
  Mask mask = Mask::none; // masked in lists; in full only for those who may edit the row
  size_t max_length = 100;
  std::optional<double> min, max;
  std::string unit;  // of min/max, said in range messages: "元", "年", "人次"
  std::vector<std::pair<std::string, std::string>> choices;  // value → 中文
  std::string references;             // table that must hold an active row with this value
  std::string reference_column = "id";
  ReferenceCheck reference_check = ReferenceCheck::scoped;
};

class EntitySpec {
 public:
  std::string name;   // singular, for audit and schema names: "institution"
  std::string table;  // SQL table, aliased t
  std::string route;  // "/api/v1/institutions"
  std::string label;  // "医疗卫生机构"
  std::string tag;    // module
  std::string key = "id";  // the path key ("code" for regions)
  std::vector<FieldSpec> fields;
  std::string joins;  // appended after "FROM table t"; what scope and filters need
  std::string display_joins;  // LEFT JOINs only the extra columns need (not used to count)
  std::vector<std::pair<std::string, std::string>> extra_columns;  // (SQL, JSON name), read-only
  auth::ScopeColumns scope;
  // May create, update and delete rows inside their scope, unless an action below says
  // otherwise (its roles non-empty).
  std::vector<auth::Role> writers;
  Permission create, update, remove;
  // The record's lifecycle, if it has one: its state field changes only by transitions.
  std::optional<StateMachine> lifecycle;
  // Reasons a stored row may be neither changed nor withdrawn (judged before the change).
  std::vector<Lock> locks;
  // Rows other entities may reference whatever the writer's scope (see ReferenceCheck).
  bool public_reference = false;
  // A field whose value a client chooses once per record (an offline phone's client_id):
  // a repeated create with the same value answers the stored record (200) instead of a
  // second row, concurrent or not; with a different body it is 409 naming the field.
  std::string idempotency_key;
  std::string default_sort = "id";
  bool generic_create = true;  // false when the module writes its own POST handler
  // Hooks, each inside the write's one transaction, so anything they refuse writes nothing.
  // Cross-field checks and derived fields on the merged record, after each field passed
  // its own checks; `before` is null on create.
  std::function<void(Context&, nlohmann::json& row, const nlohmann::json* before)> prepare;
  // Before a soft delete, on the stored row.
  std::function<void(Context&, const nlohmann::json& row)> before_delete;
  // After any write (create, update, delete, transition), with the row as it now is;
  // `before` is null on create. For rows of other tables that follow this one.
  std::function<void(Context&, const std::string& action, const nlohmann::json* before, const nlohmann::json& after)>
      after_write;

  const FieldSpec* field(const std::string& n) const;
  // The permission of an action, `writers` standing in for one that names no roles.
  Permission permission_for(const Permission& action) const;
  bool may_write(const auth::Principal& p) const;  // may update (and so see in full)
};

void register_entity(api::Router& router, std::shared_ptr<const EntitySpec> spec);

// Helpers for modules with their own handlers on top of an entity.
nlohmann::json load_entity(Context& ctx, const EntitySpec& spec, const std::string& key, bool full);
// The same checks, scope test and audit as POST and PATCH, for importers and modules.
// Both join an open transaction, so a batch of rows can be all-or-nothing.
nlohmann::json create_entity(Context& ctx, const EntitySpec& spec, const nlohmann::json& body);
nlohmann::json update_entity(Context& ctx, const EntitySpec& spec, const std::string& key,
                             const nlohmann::json& body);
// The stored record a repeated create names through the spec's idempotency key, if any:
// the record (the caller answers 200) when the user may see it and the body agrees with
// it; 409 naming the key when it belongs to a record the user may not see, or differs.
std::optional<nlohmann::json> replayed_create(Context& ctx, const EntitySpec& spec, const nlohmann::json& body);
// The entity registered for a table (reference checks), or null.
const EntitySpec* entity_for_table(const std::string& table);
std::vector<std::shared_ptr<const EntitySpec>> registered_entities();
nlohmann::json entity_schema(const EntitySpec& spec);
nlohmann::json entity_input_schema(const EntitySpec& spec);
// Whether the key's row is visible to the user (used for write checks and by modules).
bool entity_in_scope(Context& ctx, const EntitySpec& spec, const std::string& key);

// Counts characters, not bytes, for length limits on Chinese text.
size_t utf8_length(const std::string& s);

}  // namespace yilian::api

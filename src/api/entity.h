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
#include "auth/role.h"
#include "auth/scope.h"
#include "http/router.h"

namespace yilian::api {

enum class FieldType { text, integer, real, boolean, date };

enum class Mask { none, id_number, phone };

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
  std::vector<std::pair<std::string, std::string>> choices;  // value → 中文
  std::string references;             // table that must hold an active row with this value
  std::string reference_column = "id";
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
  std::vector<auth::Role> writers;   // may create/update/delete rows inside their scope
  std::string default_sort = "id";
  bool generic_create = true;  // false when the module writes its own POST handler
  // Cross-field checks and derived fields, after each field passed its own checks.
  // `row` holds the merged record; `before` is null on create.
  std::function<void(Context&, nlohmann::json& row, const nlohmann::json* before)> prepare;

  const FieldSpec* field(const std::string& n) const;
  bool may_write(const auth::Principal& p) const;
};

void register_entity(http::Router& router, std::shared_ptr<const EntitySpec> spec);

// Helpers for modules with their own handlers on top of an entity.
nlohmann::json load_entity(Context& ctx, const EntitySpec& spec, const std::string& key, bool full);
// The same checks, scope test and audit as POST and PATCH, for importers and modules.
// Both join an open transaction, so a batch of rows can be all-or-nothing.
nlohmann::json create_entity(Context& ctx, const EntitySpec& spec, const nlohmann::json& body);
nlohmann::json update_entity(Context& ctx, const EntitySpec& spec, const std::string& key,
                             const nlohmann::json& body);
nlohmann::json entity_schema(const EntitySpec& spec);
nlohmann::json entity_input_schema(const EntitySpec& spec);
// Whether the key's row is visible to the user (used for write checks and by modules).
bool entity_in_scope(Context& ctx, const EntitySpec& spec, const std::string& key);

// Counts characters, not bytes, for length limits on Chinese text.
size_t utf8_length(const std::string& s);

}  // namespace yilian::api

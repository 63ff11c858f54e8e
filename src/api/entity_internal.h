// What the entity layer's files share (entity_row, entity_check, entity_list,
// entity_write, lifecycle, entity_schema). Not for modules: they use api/entity.h.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "api/entity.h"
#include "store/db.h"

namespace yilian::api::detail {

using nlohmann::json;

// A stored row as JSON, with the scope columns it was judged by.
struct Loaded {
  json row;
  std::string region;
  int64_t institution = 0;
  int64_t staff = 0;
};

// entity_row.cpp: reading rows.
std::string select_list(const EntitySpec& s);
json value_to_json(const store::Value& v, FieldType type);
store::Value json_to_value(const json& j, FieldType type);
std::string mask_value(Mask m, const std::string& v);
Loaded row_to_json(const EntitySpec& s, const std::vector<store::Value>& r);
// One list row as JSON text, masked: the fast path of lists.
void append_row(std::string& out, const EntitySpec& s, const std::vector<store::Value>& r);
bool sees_full(const EntitySpec& s, const auth::Principal& p, const Loaded& l);
void apply_masks(const EntitySpec& s, json& row);
store::Value key_value(const EntitySpec& s, const std::string& key);
// The row if the user may see it.
std::optional<Loaded> load(Context& ctx, const EntitySpec& s, const std::string& key);
std::string key_of(const EntitySpec& s, const json& row);

// entity_check.cpp: checking what a client sends.
void remember_entity(std::shared_ptr<const EntitySpec> spec);
void merge_body(Context& ctx, const EntitySpec& s, const json& body, json& row, bool creating);
void check_unique(Context& ctx, const EntitySpec& s, const json& row, int64_t self_id);
store::Params row_values(const EntitySpec& s, const json& row);
json strip_for_audit(const EntitySpec& s, json row);
int64_t parse_version(Context& ctx, const json& body);

// The handlers register_entity installs.
http::Response handle_list(Context& ctx, const EntitySpec& s);
http::Response handle_get(Context& ctx, const EntitySpec& s);
http::Response handle_create(Context& ctx, const EntitySpec& s);
http::Response handle_update(Context& ctx, const EntitySpec& s);
http::Response handle_delete(Context& ctx, const EntitySpec& s);
http::Response handle_transition(Context& ctx, const EntitySpec& s, const std::string& action);

}  // namespace yilian::api::detail

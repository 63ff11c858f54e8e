// The entity layer's public helpers for modules (api/entity.h). The rest lives in
// entity_row (reading rows), entity_check (field checks), entity_list (lists and exports),
// entity_write (create, update, delete), lifecycle (transitions, locks, permissions) and
// entity_schema (schemas and routes).
#include "api/entity.h"

#include "api/entity_internal.h"
#include "common/error.h"

namespace yilian::api {

using nlohmann::json;

const FieldSpec* EntitySpec::field(const std::string& n) const {
  for (const auto& f : fields)
    if (f.name == n) return &f;
  return nullptr;
}

json load_entity(Context& ctx, const EntitySpec& s, const std::string& key, bool full) {
  auto l = detail::load(ctx, s, key);
  if (!l) common::not_found(s.label + "不存在或无权访问");
  if (!full || !detail::sees_full(s, ctx.me(), *l)) detail::apply_masks(s, l->row);
  return l->row;
}

bool entity_in_scope(Context& ctx, const EntitySpec& s, const std::string& key) {
  return detail::load(ctx, s, key).has_value();
}

}  // namespace yilian::api

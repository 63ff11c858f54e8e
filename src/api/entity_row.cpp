// Reading entity rows: the select list, JSON conversion, masks, and the scoped load.
#include "api/entity.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <mutex>

#include "api/entity_internal.h"
#include "api/lifecycle.h"
#include "audit/audit.h"
#include "common/clock.h"
#include "common/error.h"
#include "common/mask.h"
#include "io/table.h"
#include "common/region_code.h"

namespace yilian::api::detail {

using store::Params;
using store::Value;

std::string select_list(const EntitySpec& s) {
  std::string sql = "SELECT t.id, t.version, t.active, t.created_at, t.updated_at";
  for (const auto& f : s.fields) sql += ", t." + f.name;
  for (const auto& [expr, name] : s.extra_columns) sql += ", " + expr + " AS " + name;
  sql += ", " + s.scope.region + " AS scope_region";
  sql += ", " + (s.scope.institution.empty() ? std::string("NULL") : s.scope.institution) + " AS scope_institution";
  sql += ", " + (s.scope.staff.empty() ? std::string("NULL") : s.scope.staff) + " AS scope_staff";
  return sql + " FROM " + s.table + " t " + s.joins + " " + s.display_joins;
}

json value_to_json(const Value& v, FieldType type) {
  if (v.is_null()) return nullptr;
  switch (type) {
    case FieldType::integer: return v.as_int();
    case FieldType::real: return v.as_real();
    case FieldType::boolean: return v.as_int() != 0;
    default: return v.as_text();
  }
}

Value json_to_value(const json& j, FieldType type) {
  if (j.is_null()) return Value();
  switch (type) {
    case FieldType::integer: return Value(static_cast<long long>(j.get<int64_t>()));
    case FieldType::real: return Value(j.get<double>());
    case FieldType::boolean: return Value(j.get<bool>());
    default: return Value(j.get<std::string>());
  }
}

std::string mask_value(Mask m, const std::string& v) {
  switch (m) {
    case Mask::id_number: return common::mask_id_number(v);
    case Mask::phone: return common::mask_phone(v);
    case Mask::birth_date: return common::mask_birth_date(v);
    default: return v;
  }
}


Loaded row_to_json(const EntitySpec& s, const std::vector<Value>& r) {
  Loaded out;
  json& j = out.row;
  j["id"] = r[0].as_int();
  j["version"] = r[1].as_int();
  j["active"] = r[2].as_int() != 0;
  j["created_at"] = r[3].as_text();
  j["updated_at"] = r[4].as_text();
  size_t i = 5;
  for (const auto& f : s.fields) j[f.name] = value_to_json(r[i++], f.type);
  for (const auto& e : s.extra_columns) {
    const Value& v = r[i++];
    j[e.second] = v.is_null() ? json(nullptr) : (v.is_text() ? json(v.as_text()) : json(v.as_int()));
  }
  out.region = r[i++].as_text();
  out.institution = r[i++].as_int();
  out.staff = r[i++].as_int();
  return out;
}

static void append_string(std::string& out, const std::string& v) {
  out += '"';
  for (unsigned char c : v) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

static void append_value(std::string& out, const Value& v, FieldType type) {
  if (v.is_null()) {
    out += "null";
    return;
  }
  switch (type) {
    case FieldType::integer: out += std::to_string(v.as_int()); break;
    case FieldType::real: out += json(v.as_real()).dump(); break;
    case FieldType::boolean: out += v.as_int() != 0 ? "true" : "false"; break;
    default: append_string(out, v.as_text());
  }
}

void append_row(std::string& out, const EntitySpec& s, const std::vector<Value>& r) {
  out += "{\"id\":" + std::to_string(r[0].as_int()) + ",\"version\":" + std::to_string(r[1].as_int()) +
         ",\"active\":" + (r[2].as_int() != 0 ? "true" : "false") + ",\"created_at\":";
  append_string(out, r[3].as_text());
  out += ",\"updated_at\":";
  append_string(out, r[4].as_text());
  size_t i = 5;
  for (const auto& f : s.fields) {
    out += ",\"" + f.name + "\":";
    const Value& v = r[i++];
    if (f.mask != Mask::none && !v.is_null())
      append_string(out, mask_value(f.mask, v.as_text()));
    else
      append_value(out, v, f.type);
  }
  for (const auto& e : s.extra_columns) {
    out += ",\"" + e.second + "\":";
    const Value& v = r[i++];
    if (v.is_null())
      out += "null";
    else if (v.is_text())
      append_string(out, v.as_text());
    else
      out += std::to_string(v.as_int());
  }
  out += '}';
}

bool sees_full(const EntitySpec& s, const auth::Principal& p, const Loaded& l) {
  if (s.may_write(p)) return true;
  return (p.is(auth::Role::doctor) || p.is(auth::Role::village_doctor)) && l.staff == p.staff_id;
}

void apply_masks(const EntitySpec& s, json& row) {
  for (const auto& f : s.fields)
    if (f.mask != Mask::none && row[f.name].is_string()) row[f.name] = mask_value(f.mask, row[f.name].get<std::string>());
}

Value key_value(const EntitySpec& s, const std::string& key) {
  if (s.key != "id") return Value(key);
  auto id = parse_integer(key);
  if (!id || *id <= 0) common::not_found();
  return Value(static_cast<long long>(*id));
}

std::optional<Loaded> load(Context& ctx, const EntitySpec& s, const std::string& key) {
  auto cond = auth::scope_condition(ctx.me(), s.scope);
  Params params{key_value(s, key)};
  params.insert(params.end(), cond.params.begin(), cond.params.end());
  auto r = ctx.db.query(select_list(s) + " WHERE t." + s.key + " = ? AND " + cond.sql, params);
  if (r.empty()) return std::nullopt;
  return row_to_json(s, r.rows[0]);
}


std::string key_of(const EntitySpec& s, const json& row) {
  return row[s.key].is_string() ? row[s.key].get<std::string>() : row[s.key].dump();
}

}  // namespace yilian::api::detail

// Checking what a client sends against the entity's fields: types, ranges, choices,
// references under the writer's scope, uniqueness.
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

namespace {

const char* kSystemColumns[] = {"id", "version", "active", "created_at", "updated_at"};

std::mutex registry_mutex;
std::map<std::string, std::shared_ptr<const EntitySpec>>& registry() {
  static std::map<std::string, std::shared_ptr<const EntitySpec>> by_table;
  return by_table;
}

// Refused as missing unless the writer may read the row (ReferenceCheck::scoped).
void check_reference(Context& ctx, const FieldSpec& f, const json& v) {
  const EntitySpec* target = entity_for_table(f.references);
  std::string sql = "SELECT t.active FROM " + f.references + " t ";
  Params params{json_to_value(v, f.type)};
  std::string where = " WHERE t." + f.reference_column + " = ?";
  if (target && !target->public_reference && ctx.user) {
    auto cond = auth::scope_condition(*ctx.user, target->scope);
    sql += target->joins;
    where += " AND " + cond.sql;
    params.insert(params.end(), cond.params.begin(), cond.params.end());
  }
  auto r = ctx.db.query(sql + where, params);
  if (r.empty()) common::invalid(f.name, f.label + "引用的记录不存在");
  if (r.scalar().as_int() == 0) common::invalid(f.name, f.label + "引用的记录已停用");
}

// A bound as people write it: 2000, 0.5, 1000000000 — never "2000.0" or "1e+09".
std::string format_bound(double d) {
  if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", d);
  return buf;
}

[[noreturn]] void out_of_range(const FieldSpec& f, double d) {
  if (f.min && (d < *f.min || !f.max)) common::invalid(f.name, f.label + "不能小于" + format_bound(*f.min) + f.unit);
  if (f.max) common::invalid(f.name, f.label + "不能大于" + format_bound(*f.max) + f.unit);
  common::invalid(f.name, f.label + "超出可处理的数值范围");
}

// Checks one incoming value against its field; returns the normalised JSON value.
json check_field(Context& ctx, const FieldSpec& f, const json& in) {
  const std::string& name = f.name;
  if (in.is_null()) {
    if (f.required) common::invalid(name, f.label + "不能为空");
    return nullptr;
  }
  json v = in;
  switch (f.type) {
    case FieldType::text:
    case FieldType::date: {
      if (!in.is_string()) common::invalid(name, f.label + "须为字符串");
      std::string s = in.get<std::string>();
      s.erase(0, s.find_first_not_of(" \t\r\n"));
      s.erase(s.find_last_not_of(" \t\r\n") + 1);
      if (s.empty()) {
        if (f.required) common::invalid(name, f.label + "不能为空");
        return nullptr;
      }
      if (utf8_length(s) > f.max_length)
        common::invalid(name, f.label + "不能超过" + std::to_string(f.max_length) + "个字符");
      if (f.type == FieldType::date && !common::is_valid_date(s))
        common::invalid(name, f.label + "须为有效日期(YYYY-MM-DD)");
      v = s;
      break;
    }
    case FieldType::integer: {
      // 2.0 is an integer; 1e30 is not one we can hold, and casting it would be undefined.
      constexpr double kLimit = 9007199254740992.0;  // 2^53: every integer below is exact in a double
      bool whole_float = in.is_number_float() && std::floor(in.get<double>()) == in.get<double>() &&
                         std::fabs(in.get<double>()) < kLimit;
      if (in.is_number_float() && std::floor(in.get<double>()) == in.get<double>() && !whole_float) {
        out_of_range(f, in.get<double>());
      }
      if (!in.is_number_integer() && !whole_float) common::invalid(name, f.label + "须为整数");
      if (in.is_number_unsigned() && in.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
        out_of_range(f, in.get<double>());
      v = in.is_number_integer() ? in.get<int64_t>() : static_cast<int64_t>(in.get<double>());
      break;
    }
    case FieldType::real:
      if (!in.is_number() || !std::isfinite(in.get<double>())) common::invalid(name, f.label + "须为数字");
      v = in.get<double>();
      break;
    case FieldType::boolean:
      if (in.is_boolean())
        v = in.get<bool>();
      else if (in.is_number_integer() && (in.get<int64_t>() == 0 || in.get<int64_t>() == 1))
        v = in.get<int64_t>() == 1;
      else
        common::invalid(name, f.label + "须为true或false");
      break;
  }
  if (v.is_number()) {
    double d = v.get<double>();
    if ((f.min && d < *f.min) || (f.max && d > *f.max)) out_of_range(f, d);
  }
  if (!f.choices.empty()) {
    std::string sv = v.is_string() ? v.get<std::string>() : v.dump();
    bool ok = std::any_of(f.choices.begin(), f.choices.end(), [&](const auto& c) { return c.first == sv; });
    if (!ok) {
      std::string allowed;
      for (size_t i = 0; i < f.choices.size() && i < 12; ++i)
        allowed += (i ? "、" : "") + f.choices[i].first + "(" + f.choices[i].second + ")";
      common::invalid(name, f.label + "取值无效,可选: " + allowed);
    }
  }
  if (!f.references.empty() && f.reference_check == ReferenceCheck::scoped) check_reference(ctx, f, v);
  return v;
}

}  // namespace

// Merges the body into `row`, checking every field. Unknown keys are errors, so a
// misspelt field name never silently does nothing.
void merge_body(Context& ctx, const EntitySpec& s, const json& body, json& row, bool creating) {
  for (auto it = body.begin(); it != body.end(); ++it) {
    const std::string& k = it.key();
    if (k == "version") continue;
    if (std::find(std::begin(kSystemColumns), std::end(kSystemColumns), k) != std::end(kSystemColumns)) {
      if (k == "id" || k == "created_at" || k == "updated_at" || k == "active") continue;  // server-managed, echoed back by clients
    }
    const FieldSpec* f = s.field(k);
    if (!f) {
      bool extra = std::any_of(s.extra_columns.begin(), s.extra_columns.end(), [&](auto& e) { return e.second == k; });
      if (extra) continue;  // display-only columns echoed back by a client
      common::invalid(k, "未知字段: " + k);
    }
    if (!f->writable) {
      if (row.contains(k) && row[k] == it.value()) continue;
      common::invalid(k, f->label + "由系统生成,不能填写");
    }
    if (!creating && s.lifecycle && k == s.lifecycle->field) {
      if (row[k] == it.value()) continue;
      std::string actions;
      for (const auto& t : s.lifecycle->transitions) actions += (actions.empty() ? "" : "、") + t.label;
      common::invalid(k, f->label + "只能通过操作变更(" + actions + "),不能直接修改");
    }
    if (!creating && f->immutable) {
      if (row[k] == it.value()) continue;
      common::invalid(k, f->label + "创建后不能修改");
    }
    row[k] = check_field(ctx, *f, it.value());
  }
  for (const auto& f : s.fields) {
    if (s.lifecycle && f.name == s.lifecycle->field) continue;  // the initial state applies
    if (f.required && f.writable && (!row.contains(f.name) || row[f.name].is_null()))
      common::invalid(f.name, f.label + "不能为空");
  }
}

// Uniqueness is global, so a clash cannot be hidden; what it must not say is whose record
// holds the value when the writer may not see that record (docs/SECURITY.md).
void check_unique(Context& ctx, const EntitySpec& s, const json& row, int64_t self_id) {
  for (const auto& f : s.fields) {
    if (!f.unique || !row.contains(f.name) || row[f.name].is_null() || f.name == s.idempotency_key) continue;
    auto r = ctx.db.query("SELECT id FROM " + s.table + " WHERE " + f.name + " = ? AND id <> ?",
                          {json_to_value(row[f.name], f.type), self_id});
    if (r.empty()) continue;
    std::string holder = std::to_string(r.scalar().as_int());
    if (s.key == "id" && ctx.user && load(ctx, s, holder))
      common::conflict("duplicate", f.label + "已存在(" + s.label + "编号" + holder + ")", f.name);
    common::conflict("duplicate", f.label + "不能使用:已被其他单位的记录占用,如有疑问请联系主管卫健部门", f.name);
  }
}

Params row_values(const EntitySpec& s, const json& row) {
  Params p;
  for (const auto& f : s.fields) p.push_back(json_to_value(row.contains(f.name) ? row[f.name] : json(nullptr), f.type));
  return p;
}

json strip_for_audit(const EntitySpec& s, json row) {
  apply_masks(s, row);  // logs never hold personal data in full
  for (const auto& e : s.extra_columns) row.erase(e.second);
  return row;
}

int64_t parse_version(Context& ctx, const json& body) {
  auto it = body.find("version");
  if (it == body.end()) {
    auto q = ctx.req.query.find("version");
    if (q == ctx.req.query.end()) common::invalid("version", "更新须提供版本号version(乐观并发控制)");
    auto v = parse_integer(q->second);
    if (!v) common::invalid("version", "版本号须为整数");
    return *v;
  }
  if (!it->is_number_integer()) common::invalid("version", "版本号须为整数");
  return it->get<int64_t>();
}


void remember_entity(std::shared_ptr<const EntitySpec> spec) {
  std::lock_guard lock(registry_mutex);
  registry()[spec->table] = std::move(spec);
}

}  // namespace yilian::api::detail

namespace yilian::api {

using nlohmann::json;

size_t utf8_length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::vector<std::shared_ptr<const EntitySpec>> registered_entities() {
  std::lock_guard lock(detail::registry_mutex);
  std::vector<std::shared_ptr<const EntitySpec>> out;
  for (const auto& [table, spec] : detail::registry()) out.push_back(spec);
  return out;
}

const EntitySpec* entity_for_table(const std::string& table) {
  std::lock_guard lock(detail::registry_mutex);
  auto it = detail::registry().find(table);
  return it == detail::registry().end() ? nullptr : it->second.get();
}

}  // namespace yilian::api

#include "api/entity.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <mutex>

#include "audit/audit.h"
#include "common/clock.h"
#include "common/error.h"
#include "common/mask.h"
#include "io/table.h"
#include "registry/region_code.h"

namespace yilian::api {
namespace {

using nlohmann::json;
using store::Params;
using store::Value;

const char* kSystemColumns[] = {"id", "version", "active", "created_at", "updated_at"};

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

struct Loaded {
  json row;
  std::string region;
  int64_t institution = 0;
  int64_t staff = 0;
};

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

void append_string(std::string& out, const std::string& v) {
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

void append_value(std::string& out, const Value& v, FieldType type) {
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

// One list row as JSON text, masked: the fast path of handle_list.
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
    if (!creating && f->immutable) {
      if (row[k] == it.value()) continue;
      common::invalid(k, f->label + "创建后不能修改");
    }
    row[k] = check_field(ctx, *f, it.value());
  }
  for (const auto& f : s.fields)
    if (f.required && f.writable && (!row.contains(f.name) || row[f.name].is_null()))
      common::invalid(f.name, f.label + "不能为空");
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

// A list as a spreadsheet (?format=xlsx|csv): the same filters, sort and scope as the JSON
// list, every matching row up to kMaxExportRows, Chinese headers and choice labels, and
// personal data masked as in lists.
constexpr int64_t kMaxExportRows = 50000;

std::string export_cell(const FieldSpec& f, const json& v) {
  if (v.is_null()) return "";
  if (f.type == FieldType::boolean) return v.get<bool>() ? "是" : "否";
  if (v.is_string()) {
    const std::string text = v.get<std::string>();
    for (const auto& [value, label] : f.choices)
      if (value == text) return label;
    return text;
  }
  return v.dump();
}

std::string extra_header(const EntitySpec& s, const std::string& name) {
  // "staff_name" beside the field "staff_id" (人员) reads 人员(名称).
  const std::string suffix = "_name";
  if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
    if (const FieldSpec* f = s.field(name.substr(0, name.size() - suffix.size()) + "_id")) return f->label + "(名称)";
  return name;
}

http::Response export_list(Context& ctx, const EntitySpec& s, const std::string& format, const std::string& from,
                           const std::string& where, const Params& params, const std::string& order) {
  Params limited = params;
  limited.push_back(static_cast<long long>(kMaxExportRows + 1));
  auto ids = ctx.db.query("SELECT t.id" + from + where + " ORDER BY " + order + " LIMIT ?", limited);
  if (static_cast<int64_t>(ids.size()) > kMaxExportRows)
    common::bad_request("too_many_rows", "导出超过" + std::to_string(kMaxExportRows) + "行,请先筛选缩小范围", "format");
  io::Table table;
  io::Row header{"编号"};
  for (const auto& f : s.fields) header.push_back(f.label);
  for (const auto& e : s.extra_columns) header.push_back(extra_header(s, e.second));
  table.push_back(std::move(header));
  constexpr size_t kBatch = 500;
  for (size_t at = 0; at < ids.size(); at += kBatch) {
    std::string in = "t.id IN (";
    Params id_params;
    for (size_t i = at; i < std::min(ids.size(), at + kBatch); ++i) {
      in += i > at ? ",?" : "?";
      id_params.push_back(ids.rows[i][0]);
    }
    auto r = ctx.db.query(select_list(s) + " WHERE " + in + ") ORDER BY " + order, id_params);
    for (const auto& values : r.rows) {
      json row = row_to_json(s, values).row;
      apply_masks(s, row);
      io::Row cells{std::to_string(row["id"].get<int64_t>())};
      for (const auto& f : s.fields) cells.push_back(export_cell(f, row[f.name]));
      for (const auto& e : s.extra_columns)
        cells.push_back(row[e.second].is_null() ? "" : row[e.second].is_string() ? row[e.second].get<std::string>()
                                                                                 : row[e.second].dump());
      table.push_back(std::move(cells));
    }
  }
  const io::TableFormat kind = format == "xlsx" ? io::TableFormat::xlsx : io::TableFormat::csv;
  http::Response res;
  res.content_type = io::content_type(kind);
  res.body = io::write_table(table, kind, s.label);
  res.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + s.name + "." + io::extension(kind) + "\"");
  return res;
}

http::Response handle_list(Context& ctx, const EntitySpec& s) {
  const auto& me = ctx.me();
  Page page = parse_page(ctx.req);
  auto cond = auth::scope_condition(me, s.scope);
  std::string where = " WHERE " + cond.sql;
  Params params = cond.params;

  std::string active = ctx.req.query_or("active", "1");
  if (active == "1" || active == "0") {
    where += " AND t.active = ?";
    params.push_back(static_cast<long long>(active == "1"));
  } else if (active != "all") {
    common::bad_request("bad_query", "参数active须为1、0或all", "active");
  }
  for (const auto& f : s.fields) {
    auto it = ctx.req.query.find(f.name);
    if (!f.filter || it == ctx.req.query.end()) continue;
    where += " AND t." + f.name + " = ?";
    if (f.type == FieldType::boolean) {
      const std::string& b = it->second;
      if (b != "true" && b != "false" && b != "1" && b != "0")
        common::bad_request("bad_query", "参数" + f.name + "须为true、false、1或0", f.name);
      params.push_back(Value(b == "true" || b == "1"));
    } else if (f.type == FieldType::integer) {
      auto v = parse_integer(it->second);
      if (!v) common::bad_request("bad_query", "参数" + f.name + "须为整数", f.name);
      params.push_back(Value(static_cast<long long>(*v)));
    } else if (f.type == FieldType::real) {
      char* end = nullptr;
      double d = std::strtod(it->second.c_str(), &end);
      if (it->second.empty() || *end != '\0' || !std::isfinite(d))
        common::bad_request("bad_query", "参数" + f.name + "须为数字", f.name);
      params.push_back(Value(d));
    } else if (f.type == FieldType::date && !common::is_valid_date(it->second)) {
      common::bad_request("bad_query", "参数" + f.name + "须为日期(YYYY-MM-DD)", f.name);
    } else {
      params.push_back(it->second);
    }
  }
  // Date fields that filter also take a range: ?day_from=2026-03-01&day_to=2026-03-31 (inclusive).
  for (const auto& f : s.fields) {
    if (!f.filter || f.type != FieldType::date) continue;
    for (const char* suffix : {"_from", "_to"}) {
      auto it = ctx.req.query.find(f.name + suffix);
      if (it == ctx.req.query.end() || it->second.empty()) continue;
      if (!common::is_valid_date(it->second))
        common::bad_request("bad_query", "参数" + f.name + suffix + "须为日期(YYYY-MM-DD)", f.name + suffix);
      where += " AND t." + f.name + (suffix == std::string("_from") ? " >= ?" : " <= ?");
      params.push_back(it->second);
    }
  }
  if (auto it = ctx.req.query.find("region"); it != ctx.req.query.end() && !it->second.empty()) {
    if (registry::region_level(it->second) == registry::RegionLevel::invalid)
      common::bad_request("bad_region_code", "行政区划代码无效: " + it->second, "region");
    auto [lo, hi] = registry::prefix_range(registry::region_prefix(it->second));
    where += " AND " + s.scope.region + " >= ? AND " + s.scope.region + " < ?";
    params.push_back(lo);
    params.push_back(hi);
  }
  if (auto it = ctx.req.query.find("q"); it != ctx.req.query.end() && !it->second.empty()) {
    std::string pattern = "%";
    for (char c : it->second) {
      if (c == '%' || c == '_' || c == '!') pattern += '!';
      pattern += c;
    }
    pattern += "%";
    std::string any;
    for (const auto& f : s.fields) {
      if (!f.search) continue;
      any += (any.empty() ? "" : " OR ") + std::string("t.") + f.name + " LIKE ? ESCAPE '!'";
      params.push_back(pattern);
    }
    if (!any.empty()) where += " AND (" + any + ")";
  }

  std::string order = "t." + s.default_sort;
  if (auto it = ctx.req.query.find("sort"); it != ctx.req.query.end() && !it->second.empty()) {
    bool desc = it->second[0] == '-';
    std::string name = desc ? it->second.substr(1) : it->second;
    const FieldSpec* f = s.field(name);
    // Never by a masked field: the order would give back what the mask hides.
    if (!(f && f->sort && f->mask == Mask::none) && name != "id" && name != "updated_at")
      common::bad_request("bad_sort", "不支持按" + name + "排序", "sort");
    order = "t." + name + (desc ? " DESC" : " ASC");
  }
  if (order != "t.id" && order != "t.id ASC") order += ", t.id";

  // Counting and choosing the page touch only the joins the conditions need (index-only
  // where possible); the full rows with their display joins are read for the page alone.
  std::string from = " FROM " + s.table + " t " + s.joins;
  if (auto format = ctx.req.query_or("format", "json"); format != "json") {
    if (format != "xlsx" && format != "csv") common::bad_request("bad_format", "format须为json、xlsx或csv", "format");
    return export_list(ctx, s, format, from, where, params, order);
  }
  int64_t total = ctx.db.query("SELECT COUNT(*)" + from + where, params).scalar().as_int();
  Params page_params = params;
  page_params.push_back(page.size);
  page_params.push_back(page.offset());
  auto ids = ctx.db.query("SELECT t.id" + from + where + " ORDER BY " + order + " LIMIT ? OFFSET ?", page_params);
  json items = json::array();
  if (ids.empty()) return http::Response::json(page_json(page, total, std::move(items)));
  std::string in = "t.id IN (";
  Params id_params;
  for (size_t i = 0; i < ids.size(); ++i) {
    in += i ? ",?" : "?";
    id_params.push_back(ids.rows[i][0]);
  }
  auto r = ctx.db.query(select_list(s) + " WHERE " + in + ") ORDER BY " + order, id_params);
  // Pages are the hottest answer: rows are written straight to text, without building
  // a JSON tree per row (the same keys, types and masks as row_to_json + apply_masks).
  http::Response res;
  std::string& out = res.body;
  out.reserve(r.size() * 64 * (s.fields.size() + 6));
  out += "{\"items\":[";
  for (size_t i = 0; i < r.rows.size(); ++i) {
    if (i) out += ',';
    append_row(out, s, r.rows[i]);
  }
  out += "],\"total\":" + std::to_string(total) + ",\"page\":" + std::to_string(page.page) +
         ",\"page_size\":" + std::to_string(page.size) + "}";
  return res;
}

http::Response handle_get(Context& ctx, const EntitySpec& s) {
  return http::Response::json(load_entity(ctx, s, ctx.path_param(0), true));
}

void require_writer(Context& ctx, const EntitySpec& s) {
  if (!s.may_write(ctx.me())) common::forbidden("当前角色无权修改" + s.label);
}

std::string key_of(const EntitySpec& s, const json& row) {
  return row[s.key].is_string() ? row[s.key].get<std::string>() : row[s.key].dump();
}

struct Created {
  json row;
  bool replayed = false;  // an earlier create with the same idempotency key
};

json insert_row(Context& ctx, const EntitySpec& s, const json& body);

// With `replay`, a create whose idempotency key names a stored record answers that
// record (the HTTP POST); without, the caller deals with keys (modules, importers).
Created create_row(Context& ctx, const EntitySpec& s, const json& body, bool replay) {
  require_writer(ctx, s);
  if (!replay) return {insert_row(ctx, s, body), false};
  if (auto prior = replayed_create(ctx, s, body)) return {std::move(*prior), true};
  const bool owns_transaction = !ctx.db.in_transaction();
  try {
    return {insert_row(ctx, s, body), false};
  } catch (const std::exception& e) {
    // A concurrent create with the same key won the race: ours rolled back (its
    // transaction is gone with the exception), and the retry contract says one row and
    // the stored record for every retry. Only a transaction of our own can be retried on;
    // a caller's bigger transaction is left to the caller.
    auto* api_error = dynamic_cast<const common::ApiError*>(&e);
    auto* db_error = dynamic_cast<const store::DbError*>(&e);
    bool clash = (api_error && api_error->status == 409) || (db_error && db_error->kind == store::DbError::Kind::unique);
    if (!clash || !owns_transaction || s.idempotency_key.empty()) throw;
    if (auto prior = replayed_create(ctx, s, body)) return {std::move(*prior), true};
    throw;
  }
}

json insert_row(Context& ctx, const EntitySpec& s, const json& body) {
  json row = json::object();
  merge_body(ctx, s, body, row, true);
  store::Transaction tx(ctx.db);
  // Inside the write transaction (SQLite takes the write lock at BEGIN IMMEDIATE), so a
  // request that waited for a concurrent one sees what it wrote.
  if (s.prepare) s.prepare(ctx, row, nullptr);
  check_unique(ctx, s, row, 0);
  std::string now = common::now_iso();
  // Absent fields are left out so the column's default applies (NULL would override it).
  std::string cols, marks;
  Params p;
  for (const auto& f : s.fields) {
    if (!row.contains(f.name) || row[f.name].is_null()) continue;
    cols += f.name + ", ";
    marks += "?, ";
    p.push_back(json_to_value(row[f.name], f.type));
  }
  p.push_back(now);
  p.push_back(now);
  int64_t id = ctx.db.insert("INSERT INTO " + s.table + " (" + cols + "created_at, updated_at) VALUES (" + marks + "?, ?)", p);
  std::string key = s.key == "id" ? std::to_string(id) : key_of(s, row);
  auto after = load(ctx, s, key);
  if (!after) common::forbidden("无权在该范围内新建" + s.label);  // the transaction rolls back
  audit::record(ctx.db, ctx.user, ctx.req.remote_addr,
                {"create", s.name, key, after->region, after->institution, nullptr, strip_for_audit(s, after->row)});
  tx.commit();
  return after->row;
}

http::Response handle_create(Context& ctx, const EntitySpec& s) {
  Created c = create_row(ctx, s, ctx.json_body(), true);
  return http::Response::json(c.row, c.replayed ? 200 : 201);
}

json update_row(Context& ctx, const EntitySpec& s, const std::string& key, const json& body) {
  store::Transaction tx(ctx.db);
  auto before = load(ctx, s, key);
  if (!before) common::not_found();
  require_writer(ctx, s);
  int64_t version = parse_version(ctx, body);
  json row = before->row;
  merge_body(ctx, s, body, row, false);
  if (s.prepare) s.prepare(ctx, row, &before->row);
  check_unique(ctx, s, row, before->row["id"].get<int64_t>());

  std::string sets;
  for (const auto& f : s.fields) sets += f.name + " = ?, ";
  Params p = row_values(s, row);
  p.push_back(common::now_iso());
  p.push_back(before->row["id"].get<int64_t>());
  p.push_back(version);
  int64_t n = ctx.db.exec("UPDATE " + s.table + " SET " + sets + "version = version + 1, updated_at = ? WHERE id = ? AND version = ?", p);
  if (n == 0)
    common::conflict("version_conflict",
                     "记录已被他人修改(当前版本" + std::to_string(before->row["version"].get<int64_t>()) + "),请刷新后重试",
                     "version");
  auto after = load(ctx, s, key_of(s, row));
  if (!after) common::forbidden("不能把" + s.label + "移出自己的管辖范围");
  audit::record(ctx.db, ctx.user, ctx.req.remote_addr,
                {"update", s.name, key_of(s, row), after->region, after->institution, strip_for_audit(s, before->row),
                 strip_for_audit(s, after->row)});
  tx.commit();
  return after->row;
}

http::Response handle_update(Context& ctx, const EntitySpec& s) {
  return http::Response::json(update_row(ctx, s, ctx.path_param(0), ctx.json_body()));
}

http::Response handle_delete(Context& ctx, const EntitySpec& s) {
  store::Transaction tx(ctx.db);
  auto before = load(ctx, s, ctx.path_param(0));
  if (!before) common::not_found();
  require_writer(ctx, s);
  Params p{common::now_iso(), before->row["id"].get<int64_t>()};
  std::string sql = "UPDATE " + s.table + " SET active = 0, version = version + 1, updated_at = ? WHERE id = ?";
  if (ctx.req.query.count("version")) {
    sql += " AND version = ?";
    p.push_back(parse_version(ctx, json::object()));
  }
  if (ctx.db.exec(sql, p) == 0) common::conflict("version_conflict", "记录已被他人修改,请刷新后重试", "version");
  auto after = load(ctx, s, ctx.path_param(0));
  audit::record(ctx.db, ctx.user, ctx.req.remote_addr,
                {"delete", s.name, ctx.path_param(0), before->region, before->institution,
                 strip_for_audit(s, before->row), after ? strip_for_audit(s, after->row) : json(nullptr)});
  tx.commit();
  return http::Response::json(after ? after->row : json::object());
}

json field_schema(const FieldSpec& f) {
  json j;
  switch (f.type) {
    case FieldType::integer: j["type"] = "integer"; break;
    case FieldType::real: j["type"] = "number"; break;
    case FieldType::boolean: j["type"] = "boolean"; break;
    case FieldType::date: j = {{"type", "string"}, {"format", "date"}}; break;
    default: j["type"] = "string"; j["maxLength"] = f.max_length;
  }
  j["description"] = f.label;
  if (!f.required) j["nullable"] = true;
  if (f.min) j["minimum"] = *f.min;
  if (f.max) j["maximum"] = *f.max;
  if (!f.choices.empty()) {
    json e = json::array();
    std::string desc = f.label + ":";
    for (const auto& [v, l] : f.choices) {
      e.push_back(v);
      desc += " " + v + "=" + l;
    }
    if (f.type == FieldType::text) j["enum"] = e;
    j["description"] = desc;
  }
  if (!f.writable) j["readOnly"] = true;
  return j;
}

}  // namespace

size_t utf8_length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

const FieldSpec* EntitySpec::field(const std::string& n) const {
  for (const auto& f : fields)
    if (f.name == n) return &f;
  return nullptr;
}

bool EntitySpec::may_write(const auth::Principal& p) const {
  return std::find(writers.begin(), writers.end(), p.role) != writers.end();
}

json load_entity(Context& ctx, const EntitySpec& s, const std::string& key, bool full) {
  auto l = load(ctx, s, key);
  if (!l) common::not_found(s.label + "不存在或无权访问");
  if (!full || !sees_full(s, ctx.me(), *l)) apply_masks(s, l->row);
  return l->row;
}

json create_entity(Context& ctx, const EntitySpec& spec, const json& body) {
  return create_row(ctx, spec, body, false).row;
}

std::optional<json> replayed_create(Context& ctx, const EntitySpec& s, const json& body) {
  if (s.idempotency_key.empty()) return std::nullopt;
  auto given = body.find(s.idempotency_key);
  if (given == body.end() || !given->is_string() || given->get<std::string>().empty()) return std::nullopt;
  const FieldSpec& key_field = *s.field(s.idempotency_key);
  auto r = ctx.db.query("SELECT id FROM " + s.table + " WHERE " + s.idempotency_key + " = ?", {given->get<std::string>()});
  if (r.empty()) return std::nullopt;
  auto stored = load(ctx, s, std::to_string(r.scalar().as_int()));
  // Someone else's record: say no more than that the key is taken.
  if (!stored) common::conflict("duplicate", key_field.label + "已被使用,请换一个重新提交", s.idempotency_key);
  json incoming = json::object();
  merge_body(ctx, s, body, incoming, true);
  for (auto it = body.begin(); it != body.end(); ++it) {
    const FieldSpec* f = s.field(it.key());
    if (!f || !f->writable || !incoming.contains(f->name)) continue;
    const json& was = stored->row[f->name];
    const json& now = incoming[f->name];
    bool same = was == now || (was.is_number() && now.is_number() && std::fabs(was.get<double>() - now.get<double>()) < 1e-9);
    if (!same)
      common::conflict("idempotency_mismatch",
                       key_field.label + "“" + given->get<std::string>() + "”已用于另一条内容不同的记录(" + f->label +
                           "不一致),请勿重复使用",
                       s.idempotency_key);
  }
  if (!sees_full(s, ctx.me(), *stored)) apply_masks(s, stored->row);
  return stored->row;
}

std::vector<std::shared_ptr<const EntitySpec>> registered_entities() {
  std::lock_guard lock(registry_mutex);
  std::vector<std::shared_ptr<const EntitySpec>> out;
  for (const auto& [table, spec] : registry()) out.push_back(spec);
  return out;
}

const EntitySpec* entity_for_table(const std::string& table) {
  std::lock_guard lock(registry_mutex);
  auto it = registry().find(table);
  return it == registry().end() ? nullptr : it->second.get();
}

json update_entity(Context& ctx, const EntitySpec& spec, const std::string& key, const json& body) {
  return update_row(ctx, spec, key, body);
}

bool entity_in_scope(Context& ctx, const EntitySpec& s, const std::string& key) {
  return load(ctx, s, key).has_value();
}

json entity_schema(const EntitySpec& s) {
  json props = {{"id", {{"type", "integer"}, {"readOnly", true}}},
                {"version", {{"type", "integer"}, {"description", "版本号,更新时须回传(乐观并发)"}}},
                {"active", {{"type", "boolean"}, {"readOnly", true}, {"description", "是否有效(停用即软删除)"}}},
                {"created_at", {{"type", "string"}, {"readOnly", true}}},
                {"updated_at", {{"type", "string"}, {"readOnly", true}}}};
  json required = json::array({"id", "version"});
  for (const auto& f : s.fields) {
    props[f.name] = field_schema(f);
    if (f.required) required.push_back(f.name);
  }
  for (const auto& e : s.extra_columns) props[e.second] = {{"readOnly", true}};
  return {{"type", "object"}, {"description", s.label}, {"properties", props}, {"required", required}};
}

json entity_input_schema(const EntitySpec& s) {
  json props = {{"version", {{"type", "integer"}, {"description", "更新时必填"}}}};
  json required = json::array();
  for (const auto& f : s.fields) {
    if (!f.writable) continue;
    props[f.name] = field_schema(f);
    if (f.required) required.push_back(f.name);
  }
  return {{"type", "object"}, {"description", s.label}, {"properties", props}, {"required", required},
          {"additionalProperties", false}};
}

void register_entity(http::Router& router, std::shared_ptr<const EntitySpec> spec) {
  const EntitySpec& s = *spec;
  {
    std::lock_guard lock(registry_mutex);
    registry()[s.table] = spec;
  }
  std::string item = s.route + "/{" + s.key + "}";
  std::vector<std::string> qp = {"page", "page_size", "sort", "q", "region", "active", "format"};
  for (const auto& f : s.fields) {
    if (!f.filter) continue;
    qp.push_back(f.name);
    if (f.type == FieldType::date) {
      qp.push_back(f.name + "_from");
      qp.push_back(f.name + "_to");
    }
  }
  router.add({"GET", s.route, "查询" + s.label + "列表", s.tag, true, "", s.name, true, qp},
             [spec](Context& c) { return handle_list(c, *spec); });
  if (s.generic_create)
    router.add({"POST", s.route, "新建" + s.label, s.tag, true, s.name + "_input", s.name},
               [spec](Context& c) { return handle_create(c, *spec); });
  router.add({"GET", item, "查看" + s.label, s.tag, true, "", s.name},
             [spec](Context& c) { return handle_get(c, *spec); });
  router.add({"PATCH", item, "修改" + s.label + "(须带version)", s.tag, true, s.name + "_input", s.name},
             [spec](Context& c) { return handle_update(c, *spec); });
  router.add({"DELETE", item, "停用" + s.label + "(软删除)", s.tag, true, "", s.name, false, {"version"}},
             [spec](Context& c) { return handle_delete(c, *spec); });
}

}  // namespace yilian::api

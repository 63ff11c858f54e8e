// Lists (paging, filters, sorting, search, scope) and their spreadsheet export, and reads.
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

// A list as a spreadsheet (?format=xlsx|csv): the same filters, sort and scope as the JSON
// list, every matching row up to kMaxExportRows, Chinese headers and choice labels, and
// personal data masked as in lists.
namespace {

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

}  // namespace

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
    if (common::region_level(it->second) == common::RegionLevel::invalid)
      common::bad_request("bad_region_code", "行政区划代码无效: " + it->second, "region");
    auto [lo, hi] = common::prefix_range(common::region_prefix(it->second));
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


}  // namespace yilian::api::detail

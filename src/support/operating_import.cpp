#include "support/operating_import.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "audit/audit.h"
#include "common/error.h"
#include "store/db.h"
#include "support/entities.h"

namespace yilian::support {
namespace {

using nlohmann::json;

using io::trim_cell;

// A column of the sheet: the code (the field, or institution_code / institution_name)
// and the Chinese header people see.
struct Column {
  std::string name, label;
};

std::vector<Column> columns(const api::EntitySpec& spec) {
  std::vector<Column> out = {{"institution_code", "机构代码"}, {"institution_name", "机构名称"}};
  for (const auto& f : spec.fields)
    if (f.name != "institution_id") out.push_back({f.name, f.name == "month" ? "月份" : f.label});
  return out;
}

std::optional<size_t> column_of(const std::vector<Column>& cols, const std::string& header, const api::EntitySpec& spec) {
  for (size_t i = 0; i < cols.size(); ++i) {
    const auto* f = spec.field(cols[i].name);
    if (header == cols[i].label || header == cols[i].name || (f && header == f->label)) return i;
  }
  return std::nullopt;
}

// "1,234" and "85.5%" as spreadsheets show them; text that is no number goes on as
// text, so that the entity's own message ("须为整数") reaches the user.
json number_cell(const api::FieldSpec& f, std::string text) {
  std::erase(text, ',');
  if (f.type == api::FieldType::real && !text.empty() && text.back() == '%') text.pop_back();
  char* end = nullptr;
  double d = std::strtod(text.c_str(), &end);
  if (text.empty() || *end) return text;
  if (f.type == api::FieldType::real) return d;
  if (std::floor(d) == d && std::fabs(d) < 9e15) return static_cast<int64_t>(d);
  return text;
}

std::string db_error_message(const store::DbError& e) {
  return e.kind == store::DbError::Kind::unique ? "记录重复,违反唯一性约束" : "数据库拒绝写入该行";
}

class Importer {
 public:
  Importer(api::Context& ctx, registry::ImportResult& result)
      : ctx_(ctx), result_(result), spec_(operating_stat_entity()), columns_(columns(*spec_)) {}

  bool read_header(const io::Row& header);
  void import_row(const io::Row& cells, int row);
  std::string label_of(const std::string& field) const;

 private:
  int64_t institution(const std::string& code);

  api::Context& ctx_;
  registry::ImportResult& result_;
  std::shared_ptr<const api::EntitySpec> spec_;
  std::vector<Column> columns_;
  std::vector<int> layout_;                       // cell index → column index, -1 for none
  std::map<std::pair<int64_t, std::string>, int> seen_;  // (institution, month) → first row
  std::map<std::string, int64_t> institutions_;
};

bool Importer::read_header(const io::Row& header) {
  std::vector<bool> used(columns_.size(), false);
  std::string known;
  for (const auto& c : columns_) known += (known.empty() ? "" : "、") + c.label;
  for (const auto& raw : header) {
    std::string h = io::header_text(raw);
    auto found = column_of(columns_, h, *spec_);
    int at = -1;
    if (!found && !h.empty()) {
      result_.errors.push_back({"", 1, h, "未知的列,可用的列: " + known});
    } else if (found && used[*found]) {
      result_.errors.push_back({"", 1, h, "列重复"});
    } else if (found) {
      used[*found] = true;
      at = static_cast<int>(*found);
    }
    layout_.push_back(at);
  }
  for (size_t i = 0; i < columns_.size(); ++i)
    if ((columns_[i].name == "institution_code" || columns_[i].name == "month") && !used[i])
      result_.errors.push_back({"", 1, columns_[i].label, "缺少该列"});
  return result_.errors.empty();
}

int64_t Importer::institution(const std::string& code) {
  if (auto it = institutions_.find(code); it != institutions_.end()) return it->second;
  auto r = ctx_.db.query("SELECT id FROM institution WHERE code = ? AND active = 1", {code});
  if (r.empty()) common::invalid("institution_id", "机构代码" + code + "不存在或已停用");
  return institutions_[code] = r.scalar().as_int();
}

void Importer::import_row(const io::Row& cells, int row) {
  json body = json::object();
  std::string code;
  for (size_t i = 0; i < cells.size() && i < layout_.size(); ++i) {
    std::string text = trim_cell(cells[i]);
    if (layout_[i] < 0 || text.empty()) continue;  // an empty cell leaves the stored figure alone
    const std::string& name = columns_[layout_[i]].name;
    if (name == "institution_code") {
      code = text;
    } else if (name == "month") {
      body["month"] = normalise_month(text);
    } else if (const auto* f = spec_->field(name)) {
      body[name] = number_cell(*f, text);
    }
  }
  if (code.empty()) common::invalid("institution_id", "须填写机构代码");
  if (!body.contains("month")) common::invalid("month", "须填写月份");
  int64_t inst = institution(code);
  body["institution_id"] = inst;
  std::string month = body["month"].get<std::string>();
  auto [first, fresh] = seen_.emplace(std::make_pair(inst, month), row);
  if (!fresh) common::invalid("month", "与第" + std::to_string(first->second) + "行重复(同一机构同一月份)");

  auto existing = ctx_.db.query("SELECT id, active FROM operating_stat WHERE institution_id = ? AND month = ?", {inst, month});
  if (existing.empty()) {
    api::create_entity(ctx_, *spec_, body);
    ++result_.created;
    return;
  }
  if (existing.rows[0][1].as_int() == 0) common::invalid("month", "该机构本月统计已停用,不能通过导入修改");
  std::string key = existing.rows[0][0].as_text();
  json current;
  try {
    current = api::load_entity(ctx_, *spec_, key, true);
  } catch (const common::ApiError& e) {
    if (e.status != 404) throw;  // the row exists, so 404 means: outside the caller's scope
    throw common::ApiError(403, "forbidden", "该机构不在您的管辖范围内,不能修改其统计", "institution_id");
  }
  bool same = std::all_of(body.items().begin(), body.items().end(), [&](const auto& kv) {
    const json& now = current[kv.key()];
    const json& in = kv.value();
    return now.is_number() && in.is_number() ? std::fabs(now.get<double>() - in.get<double>()) < 1e-9 : now == in;
  });
  if (same) {
    ++result_.unchanged;
    return;
  }
  body.erase("institution_id");  // immutable: the row is found by it
  body.erase("month");
  body["version"] = current["version"];
  api::update_entity(ctx_, *spec_, key, body);
  ++result_.updated;
}

std::string Importer::label_of(const std::string& field) const {
  if (field == "institution_id") return "机构代码";
  for (const auto& c : columns_)
    if (c.name == field) return c.label;
  return field;
}

http::Response import_sheet(api::Context& ctx) {
  bool dry_run = registry::import_dry_run(ctx.req);
  auto sheet = io::read_table(ctx.req.body, registry::upload_format(ctx.req));
  return registry::import_response(import_operating_stats(ctx, sheet, dry_run), dry_run);
}

}  // namespace

std::string normalise_month(const std::string& text) {
  int y = 0, m = 0;
  char sep = 0, tail = 0;
  bool parsed = false;
  if (text.size() == 6 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    parsed = std::sscanf(text.c_str(), "%4d%2d", &y, &m) == 2;
  } else if (std::sscanf(text.c_str(), "%4d%c%2d%c", &y, &sep, &m, &tail) == 3) {
    parsed = sep == '-' || sep == '/' || sep == '.';
  } else if (text.find("年") != std::string::npos) {
    parsed = std::sscanf(text.c_str(), "%4d年%2d月", &y, &m) == 2;
  }
  if (!parsed || m < 1 || m > 12 || y < 1900) return text;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

registry::ImportResult import_operating_stats(api::Context& ctx, const io::Table& sheet, bool dry_run) {
  auto spec = operating_stat_entity();
  if (!spec->may_write(ctx.me())) common::forbidden("当前角色无权导入" + spec->label);
  if (ctx.db.in_transaction()) throw std::logic_error("import_operating_stats must own its transaction");
  registry::ImportResult result;
  if (sheet.empty()) {
    result.errors.push_back({"", 1, "", "文件为空,第1行应为列标题"});
    return result;
  }
  Importer importer(ctx, result);
  store::Transaction tx(ctx.db);
  if (!importer.read_header(sheet[0])) return result;
  for (size_t r = 1; r < sheet.size(); ++r) {
    const io::Row& cells = sheet[r];
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return trim_cell(c).empty(); })) continue;
    int row = static_cast<int>(r) + 1;
    // A savepoint per row undoes a half-written row and keeps a PostgreSQL transaction
    // usable after a refused statement, so every later row is still checked.
    ctx.db.exec("SAVEPOINT import_row");
    try {
      importer.import_row(cells, row);
      ctx.db.exec("RELEASE SAVEPOINT import_row");
      continue;
    } catch (const common::ApiError& e) {
      result.errors.push_back({"", row, importer.label_of(e.field), e.what()});
    } catch (const store::DbError& e) {
      result.errors.push_back({"", row, "", db_error_message(e)});
    }
    ctx.db.exec("ROLLBACK TO SAVEPOINT import_row");
    ctx.db.exec("RELEASE SAVEPOINT import_row");
  }
  if (!result.errors.empty() || dry_run) return result;  // the transaction rolls back
  audit::record(ctx.db, ctx.user, ctx.req.remote_addr,
                {"import", spec->name, "", ctx.me().region_code, ctx.me().institution_id, nullptr,
                 {{"created", result.created}, {"updated", result.updated}, {"unchanged", result.unchanged}}});
  tx.commit();
  result.written = true;
  return result;
}

void register_operating_import_route(api::Router& router) {
  router.add({"POST", "/api/v1/operating-stats/import",
              "导入受援单位月度业务统计(请求体为CSV文本或xlsx文件;列:机构代码、月份及各项指标;任一行有误则全部不写入,返回422及逐行错误)",
              "support", true, "", "", false, {"dry_run"}},
             import_sheet);
}

}  // namespace yilian::support

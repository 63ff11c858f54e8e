// Merging two records of one person, and undoing it. The person_merge row is the undo
// log: it lists exactly which rows of which referencing tables were re-pointed, so an
// unmerge moves back those rows and leaves alone rows that point to the survivor for
// other reasons (written after the merge). The audit trail carries the same lists.
#include <algorithm>
#include <mutex>
#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "common/error.h"
#include "person/person.h"
#include "person/row.h"

namespace yilian::person {
namespace {

using nlohmann::json;

constexpr size_t kMaxReason = 200;
// Bound parameters per statement when putting rows back (SQLite's default limit is 32,766).
constexpr size_t kChunk = 500;

std::mutex refs_mutex;
std::vector<Reference>& refs() {
  static std::vector<Reference> all;
  return all;
}

std::string checked_reason(const std::string& reason) {
  size_t b = reason.find_first_not_of(" \t\r\n"), e = reason.find_last_not_of(" \t\r\n");
  std::string r = b == std::string::npos ? "" : reason.substr(b, e - b + 1);
  if (r.empty()) common::invalid("reason", "请填写原因");
  size_t chars = 0;
  for (unsigned char c : r) {
    if ((c & 0xC0) != 0x80) ++chars;
    if (c < 0x20 || c == 0x7F) common::invalid("reason", "原因不能含控制字符");
  }
  if (chars > kMaxReason) common::invalid("reason", "原因不能超过" + std::to_string(kMaxReason) + "个字");
  return r;
}

// Takes both rows' locks in id order (PostgreSQL row locks; SQLite's writer lock is already
// held), so two merges over the same records run one after the other and never deadlock.
void lock_rows(store::Db& db, int64_t a, int64_t b) {
  for (int64_t id : {std::min(a, b), std::max(a, b)}) db.exec("UPDATE person SET version = version WHERE id = ?", {id});
}

std::string actor_name(const Actor& a) {
  if (a.user) return a.user->username;
  return a.name.empty() ? "cli" : a.name;
}

// "UPDATE t SET col = ? [, version = version + 1, updated_at = ?] WHERE col = ?" and its
// first parameters.
std::string repoint_sql(const Reference& r, int64_t to, const std::string& now, store::Params& params) {
  std::string sql = "UPDATE " + r.table + " SET " + r.column + " = ?";
  params = {to};
  if (r.versioned) {
    sql += ", version = version + 1, updated_at = ?";
    params.push_back(now);
  }
  return sql + " WHERE " + r.column + " = ?";
}

Reference reference_from_log(const json& entry) {
  Reference r{entry.at("table").get<std::string>(), entry.at("column").get<std::string>(),
              entry.at("key").get<std::string>(), entry.at("versioned").get<bool>()};
  // The log is data read back from the database; it is spliced into SQL only when it still
  // has the shape register_reference allows.
  if (!detail::is_sql_identifier(r.table) || !detail::is_sql_identifier(r.column) || !detail::is_sql_identifier(r.key))
    throw std::runtime_error("person_merge log names an invalid identifier");
  return r;
}

}  // namespace

void register_reference(const Reference& ref) {
  if (!detail::is_sql_identifier(ref.table) || !detail::is_sql_identifier(ref.column) ||
      !detail::is_sql_identifier(ref.key))
    throw std::logic_error("person::register_reference: not a plain SQL identifier: " + ref.table + "." + ref.column);
  std::lock_guard lock(refs_mutex);
  auto& all = refs();
  for (auto& r : all)
    if (r.table == ref.table && r.column == ref.column) {
      r = ref;
      return;
    }
  all.push_back(ref);
}

void register_reference(const std::string& table, const std::string& column) { register_reference({table, column}); }

void unregister_reference(const std::string& table, const std::string& column) {
  std::lock_guard lock(refs_mutex);
  auto& all = refs();
  all.erase(std::remove_if(all.begin(), all.end(),
                           [&](const Reference& r) { return r.table == table && r.column == column; }),
            all.end());
}

std::vector<Reference> references() {
  std::lock_guard lock(refs_mutex);
  return refs();
}

MergeResult merge(store::Db& db, const Actor& actor, int64_t keep, int64_t drop, const std::string& reason) {
  if (keep <= 0) common::invalid("keep", "请指定保留的人员记录");
  if (drop <= 0) common::invalid("drop", "请指定要合并的人员记录");
  if (keep == drop) common::invalid("drop", "不能将记录与自身合并");
  std::string why = checked_reason(reason);
  store::Transaction tx(db);
  lock_rows(db, keep, drop);
  auto k = load(db, keep);
  auto d = load(db, drop);
  if (!k || !d) common::not_found();
  if (k->merged_into || !k->active) common::conflict("person_merged", "保留的记录已合并到其他记录", "keep");
  if (d->merged_into || !d->active) common::conflict("person_merged", "要合并的记录已合并到其他记录", "drop");

  std::string now = common::now_iso();
  MergeResult res;
  json log = json::array();
  json counts = json::object();
  for (const Reference& ref : references()) {
    store::Params params;
    std::string sql = repoint_sql(ref, keep, now, params) + " RETURNING " + ref.key;
    params.push_back(drop);
    // RETURNING: the log lists exactly the rows this statement changed, even when another
    // writer adds a reference to drop meanwhile.
    store::Result rows;
    try {
      rows = db.query(sql, params);
    } catch (const store::DbError& e) {
      if (e.kind == store::DbError::Kind::unique)
        common::conflict("merge_conflict",
                         "两条记录在其他业务数据(" + ref.table + ")中不能同属一人,请先处理后再合并", "drop");
      throw;
    }
    if (rows.empty()) continue;
    std::vector<int64_t> changed;
    for (const auto& row : rows.rows) changed.push_back(row[0].as_int());
    std::sort(changed.begin(), changed.end());
    json ids = changed;
    int64_t n = static_cast<int64_t>(changed.size());
    log.push_back({{"table", ref.table}, {"column", ref.column}, {"key", ref.key}, {"versioned", ref.versioned},
                   {"ids", ids}});
    counts[ref.table + "." + ref.column] = ids;
    res.repointed.emplace_back(ref.table + "." + ref.column, n);
  }
  db.exec("UPDATE person SET merged_into = ?, active = 0, version = version + 1, updated_at = ? WHERE id = ?",
          {keep, now, drop});
  db.exec("UPDATE person SET version = version + 1, updated_at = ? WHERE id = ?", {now, keep});
  res.merge_id = db.insert(
      "INSERT INTO person_merge (keep_id, drop_id, reason, repointed, merged_at, merged_by) VALUES (?, ?, ?, ?, ?, ?)",
      {keep, drop, why, log.dump(), now, actor_name(actor)});
  res.keep = *load(db, keep);
  res.drop = *load(db, drop);
  json extra = {{"merge_id", res.merge_id}, {"keep_id", keep}, {"drop_id", drop}, {"reason", why}, {"repointed", counts}};
  detail::audit_person(db, actor, "merge", &*d, &res.drop, extra);
  detail::audit_person(db, actor, "merge_keep", &*k, &res.keep, extra);
  tx.commit();
  return res;
}

MergeResult unmerge(store::Db& db, const Actor& actor, int64_t drop, const std::string& reason) {
  if (drop <= 0) common::invalid("person_id", "请指定要撤销合并的人员记录");
  std::string why = checked_reason(reason);
  store::Transaction tx(db);
  auto first = load(db, drop);
  if (!first) common::not_found();
  if (!first->merged_into) common::conflict("not_merged", "该记录未被合并,无需撤销", "person_id");
  int64_t keep = first->merged_into;
  lock_rows(db, keep, drop);
  auto d = load(db, drop);
  auto k = load(db, keep);
  if (!d->merged_into || d->merged_into != keep) common::conflict("not_merged", "该记录未被合并,无需撤销", "person_id");
  auto m = db.query(
      "SELECT id, keep_id, repointed FROM person_merge WHERE drop_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
      {drop});
  if (m.empty() || m.rows[0][1].as_int() != keep)
    common::conflict("not_merged", "找不到该记录的合并记录,无法撤销", "person_id");
  if (k->merged_into)
    common::conflict("merged_later", "保留的记录之后又被合并到其他记录,请先撤销那次合并", "person_id");
  int64_t merge_id = m.rows[0][0].as_int();

  std::string now = common::now_iso();
  MergeResult res;
  res.merge_id = merge_id;
  json counts = json::object();
  for (const json& entry : json::parse(m.rows[0][2].as_text())) {
    Reference ref = reference_from_log(entry);
    std::vector<int64_t> ids = entry.at("ids").get<std::vector<int64_t>>();
    int64_t moved = 0;
    for (size_t from = 0; from < ids.size(); from += kChunk) {
      size_t to = std::min(ids.size(), from + kChunk);
      store::Params params;
      std::string sql = repoint_sql(ref, drop, now, params);
      params.push_back(keep);
      sql += " AND " + ref.key + " IN (";
      for (size_t i = from; i < to; ++i) {
        sql += i == from ? "?" : ", ?";
        params.push_back(ids[i]);
      }
      sql += ")";
      try {
        moved += db.exec(sql, params);
      } catch (const store::DbError& e) {
        if (e.kind == store::DbError::Kind::unique)
          common::conflict("unmerge_conflict", "合并后相关业务记录已被修改,无法按原样撤销,请人工处理", "person_id");
        throw;
      }
    }
    // A row that no longer points to keep was changed after the merge: putting the rest
    // back would not be the exact reverse.
    if (moved != static_cast<int64_t>(ids.size()))
      common::conflict("unmerge_conflict", "合并后相关业务记录已被修改,无法按原样撤销,请人工处理", "person_id");
    counts[ref.table + "." + ref.column] = entry.at("ids");
    res.repointed.emplace_back(ref.table + "." + ref.column, moved);
  }
  db.exec("UPDATE person SET merged_into = NULL, active = 1, version = version + 1, updated_at = ? WHERE id = ?",
          {now, drop});
  db.exec("UPDATE person SET version = version + 1, updated_at = ? WHERE id = ?", {now, keep});
  db.exec("UPDATE person_merge SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?",
          {now, actor_name(actor), why, merge_id});
  res.keep = *load(db, keep);
  res.drop = *load(db, drop);
  json extra = {{"merge_id", merge_id}, {"keep_id", keep}, {"drop_id", drop}, {"reason", why}, {"restored", counts}};
  detail::audit_person(db, actor, "unmerge", &*d, &res.drop, extra);
  detail::audit_person(db, actor, "unmerge_keep", &*k, &res.keep, extra);
  tx.commit();
  return res;
}

}  // namespace yilian::person

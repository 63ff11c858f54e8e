#include "audit/chain.h"

#include <sodium.h>

#include <stdexcept>

namespace yilian::audit {

const char* const kHashedColumns =
    "at, user_id, username, remote_addr, action, entity, entity_id, region_code, institution_id, before_json, "
    "after_json";

namespace {

constexpr size_t kContentColumns = 11;

// Length-prefixed, so no two different rows share an encoding; NULL differs from "".
void append_field(std::string& out, const store::Value& v) {
  if (v.is_null()) {
    out += "-\n";
    return;
  }
  std::string text = v.is_text() ? v.as_text() : std::to_string(v.as_int());
  out += std::to_string(text.size()) + ":" + text + "\n";
}

std::string hex_digest(const std::string& data) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

}  // namespace

std::string row_hash(const std::string& prev_hash, const std::vector<store::Value>& content) {
  std::string data = "yilian-audit-v1\n" + prev_hash + "\n";
  for (const auto& v : content) append_field(data, v);
  return hex_digest(data);
}

std::string chain_head_for_append(store::Db& db) {
  if (db.backend() == store::Backend::postgresql) db.exec("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7427100)) AS serialised_audit_append");
  auto r = db.query("SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1");
  return r.empty() || r.scalar().is_null() ? "" : r.scalar().as_text();
}

ChainReport verify_chain(store::Db& db) {
  ChainReport report;
  bool chained = false;
  std::string prev;
  int64_t after = 0;
  constexpr int64_t kBatch = 5000;
  for (;;) {
    auto r = db.query(std::string("SELECT id, prev_hash, row_hash, ") + kHashedColumns +
                          " FROM audit_log WHERE id > ? ORDER BY id LIMIT ?",
                      {after, kBatch});
    for (const auto& row : r.rows) {
      ++report.rows;
      int64_t id = row[0].as_int();
      after = id;
      if (!chained && row[2].is_null()) {
        ++report.unchained;
        continue;
      }
      auto fail = [&](const std::string& why) {
        report.broken_at = id;
        report.problem = why;
      };
      if (row[2].is_null()) {
        fail("第" + std::to_string(id) + "条审计记录缺少哈希值(哈希链开始后的记录均应有哈希)");
        return report;
      }
      std::string stored_prev = row[1].is_null() ? "" : row[1].as_text();
      if (!chained && !stored_prev.empty()) {
        fail("第" + std::to_string(id) + "条审计记录指向一条不存在的前序记录(哈希链开头的记录被删除)");
        return report;
      }
      if (chained && stored_prev != prev) {
        fail("第" + std::to_string(id) + "条审计记录与前一条记录的哈希不衔接(前面的记录被删除、插入或修改)");
        return report;
      }
      std::vector<store::Value> content(row.begin() + 3, row.begin() + 3 + kContentColumns);
      std::string expected = row_hash(stored_prev, content);
      if (expected != row[2].as_text()) {
        fail("第" + std::to_string(id) + "条审计记录的内容与其哈希不符(记录被修改)");
        return report;
      }
      chained = true;
      prev = row[2].as_text();
      report.last_id = id;
      report.last_hash = prev;
    }
    if (static_cast<int64_t>(r.size()) < kBatch) break;
  }
  return report;
}

}  // namespace yilian::audit

#include "store/db.h"

#include <stdexcept>

namespace yilian::store {

const char* backend_name(Backend b) { return b == Backend::sqlite ? "sqlite" : "postgresql"; }

SqliteSync parse_sqlite_sync(const std::string& name) {
  if (name == "full") return SqliteSync::full;
  if (name == "normal") return SqliteSync::normal;
  throw std::invalid_argument("--sqlite-sync must be full or normal, not '" + name + "'");
}

const char* sqlite_sync_name(SqliteSync s) { return s == SqliteSync::full ? "full" : "normal"; }

int Result::column(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

int64_t Db::insert(std::string_view sql, const Params& params) {
  std::string q(sql);
  q += " RETURNING id";
  return query(q, params).scalar().as_int();
}

Transaction::Transaction(Db& db) : db_(db) {
  if (!db_.in_transaction()) {
    db_.begin();
    owner_ = true;
  }
}

Transaction::~Transaction() {
  if (owner_ && !done_) {
    try {
      db_.rollback();
    } catch (...) {
      // A failed rollback leaves nothing to undo: the connection dropped the transaction.
    }
  }
}

void Transaction::commit() {
  if (owner_ && !done_) db_.commit();
  done_ = true;
}

namespace {

std::string conninfo_value(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string url_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string postgres_conninfo(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string dbname;
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    dbname = url_decode(rest.substr(slash + 1));
    rest = rest.substr(0, slash);
  }
  std::string user, password;
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    std::string cred = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = cred.find(':');
    user = url_decode(cred.substr(0, colon));
    if (colon != std::string::npos) password = url_decode(cred.substr(colon + 1));
  }
  std::string host = rest, port;
  if (auto colon = rest.rfind(':'); colon != std::string::npos && rest.find(']') == std::string::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  std::string out;
  auto add = [&](const char* k, const std::string& v) {
    if (v.empty()) return;
    if (!out.empty()) out += ' ';
    out += std::string(k) + "=" + conninfo_value(v);
  };
  add("host", url_decode(host));
  add("port", port);
  add("user", user);
  add("password", password);
  add("dbname", dbname);
  size_t start = 0;
  while (start < query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    std::string kv = query.substr(start, end - start);
    if (auto eq = kv.find('='); eq != std::string::npos) {
      std::string key = kv.substr(0, eq);
      if (!out.empty()) out += ' ';
      out += key + "=" + conninfo_value(url_decode(kv.substr(eq + 1)));
    }
    start = end + 1;
  }
  return out;
}

std::string rewrite_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += ":p";
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace yilian::store

#include "support/recipient_staff.h"

#include <charconv>

#include "common/error.h"
#include "codes/codes.h"
#include "support/entities.h"

namespace yilian::support {
namespace {

using nlohmann::json;

// A picker shows one screenful; typing narrows it, so there is no paging.
constexpr int64_t kDefaultPageSize = 30;
constexpr int64_t kMaxPageSize = 50;

int64_t page_size(const http::Request& req) {
  std::string s = req.query_or("page_size");
  if (s.empty()) return kDefaultPageSize;
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 1 || v > kMaxPageSize)
    common::bad_request("bad_query", "参数 page_size 须为1到" + std::to_string(kMaxPageSize) + "之间的整数",
                        "page_size");
  return v;
}

std::string like_pattern(const std::string& q) {
  std::string pattern = "%";
  for (char c : q) {
    if (c == '%' || c == '_' || c == '!') pattern += '!';
    pattern += c;
  }
  return pattern + "%";
}

json text_or_null(const store::Value& v) { return v.is_null() ? json(nullptr) : json(v.as_text()); }

}  // namespace

http::Response list_recipient_staff(api::Context& ctx) {
  // The assignment's own read decides who may ask, with the same 404 for "not yours".
  json assignment = api::load_entity(ctx, *assignment_entity(), ctx.path_param(0), false);
  int64_t limit = page_size(ctx.req);
  std::string sql =
      "SELECT s.id, s.name, s.title_code, d.name FROM staff s LEFT JOIN department d ON d.id = s.department_id "
      "WHERE s.institution_id = ? AND s.active = 1";
  store::Params params{assignment["recipient_institution_id"].get<int64_t>()};
  if (std::string q = ctx.req.query_or("q"); !q.empty()) {
    sql += " AND s.name LIKE ? ESCAPE '!'";
    params.emplace_back(like_pattern(q));
  }
  sql += " ORDER BY s.name, s.id LIMIT ?";
  params.emplace_back(limit);
  json items = json::array();
  for (const auto& row : ctx.db.query(sql, params).rows) {
    std::string code = row[2].as_text();
    items.push_back({{"id", row[0].as_int()},
                     {"name", row[1].as_text()},
                     {"title_code", text_or_null(row[2])},
                     {"title", code.empty() ? json(nullptr) : json(codes::label_of(codes::titles(), code))},
                     {"department_name", text_or_null(row[3])}});
  }
  return http::Response::json({{"items", items}});
}

json recipient_staff_schema() {
  json nullable_text = {{"type", "string"}, {"nullable", true}};
  json item = {{"type", "object"},
               {"properties",
                {{"id", {{"type", "integer"}}},
                 {"name", {{"type", "string"}}},
                 {"title_code", nullable_text},
                 {"title", nullable_text},
                 {"department_name", nullable_text}}}};
  return {{"type", "object"},
          {"description", "受援单位在职人员(仅姓名、职称、科室,不含身份证号、手机号)"},
          {"properties", {{"items", {{"type", "array"}, {"items", item}}}}}};
}

bool is_recipient_staff(store::Db& db, int64_t assignment_id, int64_t staff_id) {
  return !db.query("SELECT s.id FROM staff s JOIN assignment a ON a.recipient_institution_id = s.institution_id "
                   "WHERE a.id = ? AND s.id = ? AND s.active = 1",
                   {assignment_id, staff_id})
              .empty();
}

}  // namespace yilian::support

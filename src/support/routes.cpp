#include "support/routes.h"

#include <sodium.h>

#include "api/context.h"
#include "audit/audit.h"
#include "common/clock.h"
#include "common/error.h"
#include "support/entities.h"
#include "support/operating_import.h"
#include "support/presence_confirm.h"
#include "support/recipient_staff.h"

namespace yilian::support {
namespace {

using auth::Role;
using nlohmann::json;

std::string detect_document_type(const std::string& bytes) {
  if (bytes.rfind("%PDF-", 0) == 0) return "application/pdf";
  if (bytes.rfind("\x89PNG\r\n\x1a\n", 0) == 0) return "image/png";
  if (bytes.size() > 3 && bytes.compare(0, 3, "\xFF\xD8\xFF") == 0) return "image/jpeg";
  return "";
}

constexpr size_t kMaxDocumentBytes = 5 * 1024 * 1024;

http::Response upload_document(api::Context& ctx) {
  const auto& me = ctx.me();
  json row = api::load_entity(ctx, *agreement_entity(), ctx.path_param(0), false);
  if (!agreement_entity()->may_write(me)) common::forbidden("当前角色无权上传协议扫描件");
  const std::string& bytes = ctx.req.body;
  if (bytes.empty()) common::bad_request("empty_body", "请上传签字盖章的协议扫描件");
  if (bytes.size() > kMaxDocumentBytes) throw common::ApiError(413, "body_too_large", "扫描件不能超过5MB", "document");
  std::string type = detect_document_type(bytes);
  if (type.empty()) common::invalid("document", "扫描件须为PDF、PNG或JPEG文件");
  std::string name = ctx.req.query_or("filename", "协议扫描件");
  if (api::utf8_length(name) > 100) common::invalid("filename", "文件名过长");
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  std::string b64(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  b64.pop_back();  // the terminating NUL
  store::Transaction tx(ctx.db);
  ctx.db.exec("UPDATE agreement SET document_name = ?, document_type = ?, document_size = ?, document_sha256 = ?, "
              "document_base64 = ?, version = version + 1, updated_at = ? WHERE id = ?",
              {name, type, static_cast<long long>(bytes.size()), std::string(hex), b64, common::now_iso(),
               row["id"].get<int64_t>()});
  json after = api::load_entity(ctx, *agreement_entity(), ctx.path_param(0), false);
  audit::record(ctx.db, &me, ctx.req.remote_addr,
                {"upload", "agreement", ctx.path_param(0), "", 0,
                 {{"document_sha256", row["document_sha256"]}},
                 {{"document_sha256", hex}, {"document_size", bytes.size()}, {"document_name", name}}});
  tx.commit();
  return http::Response::json(after);
}

http::Response download_document(api::Context& ctx) {
  json row = api::load_entity(ctx, *agreement_entity(), ctx.path_param(0), false);
  auto r = ctx.db.query("SELECT document_base64, document_type, document_name FROM agreement WHERE id = ?",
                        {row["id"].get<int64_t>()});
  if (r.rows[0][0].is_null()) common::not_found("该协议尚未上传扫描件");
  std::string b64 = r.rows[0][0].as_text();
  std::string bytes(b64.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), b64.data(), b64.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    throw std::runtime_error("stored agreement document is not valid base64");
  bytes.resize(len);
  http::Response res;
  res.content_type = r.rows[0][1].as_text();
  res.body = std::move(bytes);
  std::string encoded;
  for (unsigned char c : r.rows[0][2].as_text()) {
    char buf[4];
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      encoded += buf;
    }
  }
  res.headers.emplace_back("Content-Disposition", "attachment; filename*=UTF-8''" + encoded);
  return res;
}

}  // namespace

void register_routes(api::Router& router) {
  router.add({"POST", "/api/v1/presence/confirm", "受援单位批量确认、驳回或撤销确认在岗记录(全部成功或全部不写入,每次≤500条)",
              "support", true, "presence_confirm_input", "presence"},
             confirm_presence_bulk);
  router.add({"PUT", "/api/v1/agreements/{id}/document", "上传协议签字扫描件(PDF/PNG/JPEG,≤5MB,请求体为文件本身)",
              "support", true, "", "agreement", false, {"filename"}},
             upload_document);
  router.add({"GET", "/api/v1/agreements/{id}/document", "下载协议签字扫描件", "support"}, download_document);
  router.add({"GET", "/api/v1/assignments/{id}/recipient-staff",
              "受援单位在职人员(选择带教对象;能查看该派驻记录者可用,不含身份证号、手机号)", "support", true, "",
              "recipient_staff_list", false, {"q", "page_size"}},
             list_recipient_staff);
  register_operating_import_route(router);
}

}  // namespace yilian::support

// HTTP access to registry import and export. Both run as the caller: an export holds
// only the rows the caller's lists would show, masked; an import is refused row by row
// wherever the caller could not have made the same change through the API.
#include <nlohmann/json.hpp>

#include "api/context.h"
#include "common/error.h"
#include "io/table.h"
#include "registry/transfer.h"

namespace yilian::registry {
namespace {

using nlohmann::json;

TransferKind kind_of(api::Context& ctx) {
  auto kind = parse_transfer_kind(ctx.path_param(0));
  if (!kind) common::not_found("不支持的数据类型: " + ctx.path_param(0) + "(可用 regions、institutions、villages、staff)");
  return *kind;
}

// RFC 5987 encoding for filename*=, so Chinese file names survive every browser.
std::string rfc5987(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

http::Response export_sheet(api::Context& ctx) {
  TransferKind kind = kind_of(ctx);
  std::string format_name = ctx.req.query_or("format", "csv");
  if (format_name != "csv" && format_name != "xlsx")
    common::bad_request("bad_format", "format须为csv或xlsx", "format");
  io::TableFormat format = format_name == "csv" ? io::TableFormat::csv : io::TableFormat::xlsx;
  auto table = export_rows(ctx, kind, {ctx.req.query_or("region"), false});

  http::Response res;
  res.content_type = io::content_type(format);
  res.body = io::write_table(table, format, transfer_label(kind));
  std::string ascii_name = std::string(transfer_kind_name(kind)) + "." + io::extension(format);
  std::string name = transfer_label(kind) + "." + io::extension(format);
  res.headers.push_back({"Content-Disposition",
                         "attachment; filename=\"" + ascii_name + "\"; filename*=UTF-8''" + rfc5987(name)});
  return res;
}

http::Response import_sheet(api::Context& ctx) {
  TransferKind kind = kind_of(ctx);
  bool dry_run = import_dry_run(ctx.req);
  std::vector<ImportSource> sources{{"", io::read_table(ctx.req.body, upload_format(ctx.req))}};
  return import_response(import_sources(ctx, kind, sources, {dry_run, ""}), dry_run);
}

}  // namespace

bool import_dry_run(const http::Request& req) {
  std::string dry = req.query_or("dry_run", "0");
  return dry == "1" || dry == "true";
}

http::Response import_response(const ImportResult& result, bool dry_run) {
  json errors = json::array();
  for (const auto& e : result.errors) errors.push_back({{"row", e.row}, {"field", e.field}, {"message", e.message}});
  return http::Response::json({{"created", result.created},
                               {"updated", result.updated},
                               {"unchanged", result.unchanged},
                               {"dry_run", dry_run},
                               {"written", result.written},
                               {"errors", errors}},
                              errors.empty() ? 200 : 422);
}

io::TableFormat upload_format(const http::Request& req) {
  std::string type = req.header("content-type");
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (type.find("spreadsheetml") != std::string::npos) return io::TableFormat::xlsx;
  if (type.rfind("text/csv", 0) == 0 || type.rfind("application/csv", 0) == 0) return io::TableFormat::csv;
  if (type.empty() || type.rfind("application/octet-stream", 0) == 0 || type.rfind("text/plain", 0) == 0)
    return req.body.rfind("PK\x03\x04", 0) == 0 ? io::TableFormat::xlsx : io::TableFormat::csv;
  throw common::ApiError(415, "unsupported_media_type",
                         "请以text/csv或application/vnd.openxmlformats-officedocument.spreadsheetml.sheet上传");
}

void register_transfer_routes(api::Router& router) {
  router.add({"GET", "/api/v1/export/{kind}", "导出区划、机构、行政村或人员(CSV/xlsx,按权限范围,个人信息脱敏)", "registry",
              true, "", "", false, {"format", "region"}},
             export_sheet);
  router.add({"POST", "/api/v1/import/{kind}",
              "导入区划、机构、行政村或人员(请求体为CSV文本或xlsx文件;任一行有误则全部不写入,返回422及逐行错误)",
              "registry", true, "", "", false, {"dry_run"}},
             import_sheet);
}

}  // namespace yilian::registry

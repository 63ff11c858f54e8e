#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/app.h"
#include "http/gzip.h"

namespace yilian::api {
namespace {

std::string content_type(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "application/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".webmanifest") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".ttf") return "font/ttf";
  return "application/octet-stream";
}

bool read_file(const std::filesystem::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace

// The web build writes a gzip copy beside each compressible file (web/scripts/precompress.mjs):
// a phone on a slow connection gets a third of the bytes, and the server compresses nothing
// at run time. The copy is used only when the browser accepts gzip.
bool read_preferring_gzip(const std::filesystem::path& p, bool gzip_ok, http::Response& res) {
  std::error_code ec;
  if (gzip_ok) {
    std::filesystem::path gz = p;
    gz += ".gz";
    if (std::filesystem::is_regular_file(gz, ec) && read_file(gz, res.body)) {
      res.headers.emplace_back("Content-Encoding", "gzip");
      res.headers.emplace_back("Vary", "Accept-Encoding");
      return true;
    }
  }
  if (!read_file(p, res.body)) return false;
  if (std::filesystem::is_regular_file(std::filesystem::path(p.string() + ".gz"), ec))
    res.headers.emplace_back("Vary", "Accept-Encoding");
  return true;
}

http::Response serve_static(const std::string& root, const std::string& path, const std::string& accept_encoding) {
  const bool gzip_ok = http::accepts_gzip(accept_encoding);
  namespace fs = std::filesystem;
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec))
    return http::Response::error(404, "not_found", "未安装网页界面(web/dist 不存在)");
  fs::path base = fs::weakly_canonical(root, ec);
  fs::path want = fs::weakly_canonical(base / fs::path(path).relative_path(), ec);
  // Refuse anything that resolves outside the web root ("/../../etc/passwd").
  auto rel = want.lexically_relative(base);
  bool inside = !rel.empty() && *rel.begin() != "..";
  http::Response res;
  if (inside && fs::is_regular_file(want, ec) && read_preferring_gzip(want, gzip_ok, res)) {
    res.content_type = content_type(want);
    bool hashed = want.parent_path().filename() == "assets";
    res.headers.emplace_back("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    return res;
  }
  if (fs::path(path).has_extension()) return http::Response::error(404, "not_found", "文件不存在");
  if (!read_preferring_gzip(base / "index.html", gzip_ok, res))
    return http::Response::error(404, "not_found", "文件不存在");
  res.content_type = "text/html; charset=utf-8";
  res.headers.emplace_back("Cache-Control", "no-cache");
  return res;
}

}  // namespace yilian::api

// yilian import / export: the registry's spreadsheets (and, import only, the recipients'
// monthly operating statistics) from the command line, run as an administrator named
// "cli" (the audit trail records that name).
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "api/context.h"
#include "cli/commands.h"
#include "common/error.h"
#include "io/table.h"
#include "registry/transfer.h"
#include "support/operating_import.h"

namespace yilian::cli {
namespace {

const char* kImportUsage =
    "usage: yilian import --db URL --kind regions|institutions|villages|staff [--dry-run] [--prefix DIGITS] "
    "FILE.csv|FILE.xlsx...\n"
    "       yilian import --db URL --kind operating-stats [--dry-run] FILE.csv|FILE.xlsx\n";
const char* kExportUsage =
    "usage: yilian export --db URL --kind regions|institutions|villages|staff --out FILE.csv|FILE.xlsx "
    "[--region CODE] [--full]\n";

// Args reads "--flag FILE" as an option with a value; for boolean flags that value
// is really the next positional argument.
bool flag(const Args& a, const std::string& name, std::vector<std::string>* positional = nullptr) {
  if (!a.has(name)) return false;
  std::string v = a.get(name);
  if (positional && !v.empty() && v != "1" && v != "true") positional->insert(positional->begin(), v);
  return v != "0" && v != "false";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

auth::Principal cli_admin() {
  auth::Principal p;
  p.role = auth::Role::admin;
  p.username = "cli";
  p.display_name = "命令行";
  return p;
}

}  // namespace

int cmd_import(const Args& a) {
  auto kind = registry::parse_transfer_kind(a.get("kind"));
  std::vector<std::string> files = a.positional;
  bool dry_run = flag(a, "dry-run", &files);
  // R6 figures are one sheet per upload, keyed by institution and month (support module).
  bool operating = a.get("kind") == "operating-stats";
  if ((!kind && !operating) || files.empty() || (operating && (files.size() > 1 || a.has("prefix")))) {
    std::cerr << kImportUsage;
    return 2;
  }
  try {
    std::vector<registry::ImportSource> sources;
    for (const auto& f : files) {
      std::string name = files.size() > 1 ? std::filesystem::path(f).filename().string() : "";
      try {
        sources.push_back({name, io::read_table(read_file(f), io::format_from_filename(f))});
      } catch (const common::ApiError& e) {
        std::cerr << f << ": " << e.what() << "\n";
        return 1;
      }
    }
    auto db = open_migrated(db_url(a), db_options(a));
    auth::Principal admin = cli_admin();
    http::Request req;
    req.remote_addr = "cli";
    api::Context ctx{*db, req, &admin};
    auto started = std::chrono::steady_clock::now();
    auto result = operating ? support::import_operating_stats(ctx, sources[0].table, dry_run)
                            : registry::import_sources(ctx, *kind, sources, {dry_run, a.get("prefix")});
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    for (const auto& e : result.errors) std::cerr << e.text() << "\n";
    if (!result.errors.empty()) {
      std::cerr << "导入失败: " << result.errors.size() << "处错误,未写入任何数据\n";
      return 1;
    }
    std::cout << (dry_run ? "试运行(未写入): " : "") << "新建 " << result.created << ", 更新 " << result.updated
              << ", 未变 " << result.unchanged;
    if (result.filtered) std::cout << ", 前缀之外跳过 " << result.filtered;
    std::cout << " (" << std::fixed << std::setprecision(1) << seconds << " s)\n";
    return 0;
  } catch (const common::ApiError& e) {
    std::cerr << "import: " << e.what() << "\n";
    return 1;
  }
}

int cmd_export(const Args& a) {
  auto kind = registry::parse_transfer_kind(a.get("kind"));
  std::string out = a.get("out");
  std::vector<std::string> ignored;
  bool full = flag(a, "full", &ignored);
  if (!kind || out.empty() || !ignored.empty()) {
    std::cerr << kExportUsage;
    return 2;
  }
  try {
    auto format = io::format_from_filename(out);
    auto db = open_migrated(db_url(a), db_options(a));
    auth::Principal admin = cli_admin();
    http::Request req;
    req.remote_addr = "cli";
    api::Context ctx{*db, req, &admin};
    auto table = registry::export_rows(ctx, *kind, {a.get("region"), full});
    std::string bytes = io::write_table(table, format, registry::transfer_label(*kind));
    std::ofstream file(out, std::ios::binary);
    if (!file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) throw std::runtime_error("cannot write " + out);
    std::cout << "导出 " << table.size() - 1 << " 行到 " << out << (full ? "(含完整身份证号和电话)" : "") << "\n";
    return 0;
  } catch (const common::ApiError& e) {
    std::cerr << "export: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace yilian::cli

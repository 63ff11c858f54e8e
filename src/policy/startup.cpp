#include "policy/startup.h"

#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace yilian::policy {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::filesystem::path must_exist(const std::filesystem::path& dir, const std::string& named_by) {
  if (!std::filesystem::is_directory(dir))
    throw std::runtime_error("政策方案目录 " + dir.string() + " 不存在(由 " + named_by + " 指定)");
  return dir;
}

std::filesystem::path beside_executable() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path().parent_path() / "policies";
}

}  // namespace

std::filesystem::path locate_policies_dir(const std::string& option) {
  if (!option.empty()) return must_exist(option, "--policies");
  if (auto dir = env("YILIAN_POLICIES"); !dir.empty()) return must_exist(dir, "环境变量 YILIAN_POLICIES");
  std::vector<std::filesystem::path> candidates = {"policies"};
  if (auto source = env("YILIAN_SOURCE_DIR"); !source.empty())
    candidates.push_back(std::filesystem::path(source) / "policies");
  if (auto exe = beside_executable(); !exe.empty()) candidates.push_back(exe);
  for (const auto& dir : candidates)
    if (std::filesystem::is_directory(dir)) return dir;
  throw std::runtime_error("找不到政策方案目录 policies/,请用 --policies DIR 或环境变量 YILIAN_POLICIES 指定");
}

std::shared_ptr<const PresetSet> shipped_presets(const std::string& option) {
  static std::mutex mutex;
  static std::shared_ptr<const PresetSet> loaded;
  static std::filesystem::path loaded_from;
  std::lock_guard lock(mutex);
  if (loaded && (option.empty() || std::filesystem::path(option) == loaded_from)) return loaded;
  auto dir = locate_policies_dir(option);
  loaded = std::make_shared<const PresetSet>(load_presets(dir));
  loaded_from = dir;
  return loaded;
}

}  // namespace yilian::policy

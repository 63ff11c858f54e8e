// Helpers for the policy tests: the shipped presets directory and throwaway preset files.
#pragma once
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

namespace yilian::policy::testing {

inline std::filesystem::path shipped_policies_dir() {
  return std::filesystem::path(YILIAN_SOURCE_DIR) / "policies";
}

// A fresh, empty directory per call, under the system temp directory.
inline std::filesystem::path fresh_dir() {
  static std::atomic<int> n{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("yilian-policy-" + std::to_string(getpid()) + "-" + std::to_string(n++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name,
                                        const std::string& text) {
  auto path = dir / name;
  std::ofstream(path) << text;
  return path;
}

// A valid [preset] header (lines 1–6) with the given id; parameters follow from line 7.
inline std::string header(const std::string& id) {
  return "[preset]\n"
         "id = \"" + id + "\"\n"
         "title = \"测试方案\"\n"
         "document = \"测试文件\"\n"
         "seed = \"000_test.txt\"\n"
         "year = 2020\n";
}

}  // namespace yilian::policy::testing

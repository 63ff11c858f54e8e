// Reads members of a zip archive held in memory (minizip with in-memory I/O callbacks),
// so an uploaded workbook never touches the disk.
#pragma once
#include <optional>
#include <string>

namespace yilian::io {

class ZipReader {
 public:
  // 400 bad_file when the bytes are not a zip archive.
  explicit ZipReader(std::string bytes);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  // The member's uncompressed content, or nothing when the archive has no such member.
  std::optional<std::string> read(const std::string& member);

  struct Memory {
    std::string bytes;
    size_t position = 0;
  };

 private:
  Memory memory_;
  void* zip_ = nullptr;  // unzFile
};

}  // namespace yilian::io

#include "io/zip_reader.h"

#include <minizip/unzip.h>

#include <cstring>

#include "common/error.h"

namespace yilian::io {
namespace {

// Members larger than this are refused, so a crafted upload cannot inflate without bound.
constexpr uint64_t kMaxMemberSize = 256ull << 20;

using Memory = ZipReader::Memory;

voidpf open_memory(voidpf opaque, const void*, int) { return opaque; }

uLong read_memory(voidpf, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<Memory*>(stream);
  size_t n = std::min<size_t>(size, m->bytes.size() - m->position);
  std::memcpy(buf, m->bytes.data() + m->position, n);
  m->position += n;
  return static_cast<uLong>(n);
}

uLong write_memory(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T tell_memory(voidpf, voidpf stream) { return static_cast<Memory*>(stream)->position; }

long seek_memory(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* m = static_cast<Memory*>(stream);
  uint64_t base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->position : m->bytes.size();
  uint64_t target = base + offset;
  if (target > m->bytes.size()) return -1;
  m->position = target;
  return 0;
}

int close_memory(voidpf, voidpf) { return 0; }
int error_memory(voidpf, voidpf) { return 0; }

}  // namespace

ZipReader::ZipReader(std::string bytes) {
  memory_.bytes = std::move(bytes);
  zlib_filefunc64_def io{};
  io.zopen64_file = open_memory;
  io.zread_file = read_memory;
  io.zwrite_file = write_memory;
  io.ztell64_file = tell_memory;
  io.zseek64_file = seek_memory;
  io.zclose_file = close_memory;
  io.zerror_file = error_memory;
  io.opaque = &memory_;
  zip_ = unzOpen2_64("memory", &io);
  if (!zip_) common::bad_request("bad_file", "不是有效的xlsx文件(无法作为zip读取)");
}

ZipReader::~ZipReader() {
  if (zip_) unzClose(zip_);
}

std::optional<std::string> ZipReader::read(const std::string& member) {
  if (unzLocateFile(zip_, member.c_str(), 1) != UNZ_OK) return std::nullopt;
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK ||
      info.uncompressed_size > kMaxMemberSize)
    common::bad_request("bad_file", "xlsx文件内容过大或已损坏: " + member);
  if (unzOpenCurrentFile(zip_) != UNZ_OK) common::bad_request("bad_file", "xlsx文件已损坏: " + member);
  std::string out;
  char buf[65536];
  int n = 0;
  while ((n = unzReadCurrentFile(zip_, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > kMaxMemberSize) break;
  }
  int closed = unzCloseCurrentFile(zip_);  // also verifies the CRC
  if (n < 0 || closed != UNZ_OK || out.size() > kMaxMemberSize)
    common::bad_request("bad_file", "xlsx文件已损坏: " + member);
  return out;
}

}  // namespace yilian::io

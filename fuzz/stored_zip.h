// A zip archive with its members stored (not compressed) and correct CRCs, built in
// memory: the xlsx target wraps mutated sheet XML in one, so that the fuzzer's changes
// reach the XML reader instead of stopping at the archive's CRC check.
#pragma once
#include <zlib.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace yilian::fuzz {

inline std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& members) {
  std::string out, central;
  auto u16 = [](std::string& s, uint32_t v) { s += static_cast<char>(v & 0xff), s += static_cast<char>((v >> 8) & 0xff); };
  auto u32 = [&](std::string& s, uint32_t v) { u16(s, v & 0xffff), u16(s, v >> 16); };
  for (const auto& [name, data] : members) {
    uint32_t crc = static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    uint32_t offset = static_cast<uint32_t>(out.size());
    u32(out, 0x04034b50), u16(out, 20), u16(out, 0), u16(out, 0), u16(out, 0), u16(out, 0x21);
    u32(out, crc), u32(out, static_cast<uint32_t>(data.size())), u32(out, static_cast<uint32_t>(data.size()));
    u16(out, static_cast<uint32_t>(name.size())), u16(out, 0);
    out += name;
    out += data;
    u32(central, 0x02014b50), u16(central, 20), u16(central, 20), u16(central, 0), u16(central, 0), u16(central, 0);
    u16(central, 0x21), u32(central, crc), u32(central, static_cast<uint32_t>(data.size()));
    u32(central, static_cast<uint32_t>(data.size())), u16(central, static_cast<uint32_t>(name.size()));
    u16(central, 0), u16(central, 0), u16(central, 0), u16(central, 0), u32(central, 0), u32(central, offset);
    central += name;
  }
  uint32_t central_offset = static_cast<uint32_t>(out.size());
  out += central;
  u32(out, 0x06054b50), u16(out, 0), u16(out, 0), u16(out, static_cast<uint32_t>(members.size()));
  u16(out, static_cast<uint32_t>(members.size())), u32(out, static_cast<uint32_t>(central.size()));
  u32(out, central_offset), u16(out, 0);
  return out;
}

}  // namespace yilian::fuzz

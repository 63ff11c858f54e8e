#include "io/csv.h"

#include <iconv.h>

#include "common/error.h"
#include "io/cell_guard.h"

namespace yilian::io {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool needs_quotes(const std::string& cell) {
  return cell.find_first_of(",\"\r\n") != std::string::npos ||
         (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
}

bool is_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

std::string from_gb18030(std::string_view text) {
  const char* problem = "文件既不是UTF-8也不是GBK编码,请另存为“CSV UTF-8”或xlsx后再导入";
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) common::bad_request("bad_file", problem);
  std::string in(text), out(text.size() * 2 + 16, '\0');
  char* src = in.data();
  char* dst = out.data();
  size_t src_left = in.size(), dst_left = out.size();
  size_t done = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (done == static_cast<size_t>(-1)) common::bad_request("bad_file", problem);
  out.resize(out.size() - dst_left);
  return out;
}

}  // namespace

Table read_csv(std::string_view text) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  std::string converted;
  if (!is_utf8(text)) {
    converted = from_gb18030(text);
    text = converted;
  }
  Table table;
  Row row;
  std::string cell;
  size_t i = 0;
  const size_t n = text.size();
  auto end_record = [&] {
    row.push_back(std::move(cell));
    cell.clear();
    table.push_back(std::move(row));
    row.clear();
  };
  while (i < n) {
    char c = text[i];
    if (c == '"' && cell.empty()) {
      // A quoted field runs to the next quote that is not doubled.
      size_t start_record = table.size() + 1;
      ++i;
      while (true) {
        if (i >= n) common::bad_request("bad_file", "CSV第" + std::to_string(start_record) + "行: 引号未闭合");
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell += text[i++];
      }
      if (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
        common::bad_request("bad_file", "CSV第" + std::to_string(start_record) + "行: 引号后应为逗号或换行");
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      ++i;
    } else if (c == '\r' || c == '\n') {
      end_record();
      i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
    } else {
      cell += c;
      ++i;
    }
  }
  if (!cell.empty() || !row.empty()) end_record();
  return table;
}

std::string write_csv(const Table& table, bool bom) {
  std::string out = bom ? std::string(kBom) : std::string();
  for (const auto& row : table) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      const std::string cell = guard_cell(row[i]);  // formula injection, io/cell_guard.h
      if (!needs_quotes(cell)) {
        out += cell;
        continue;
      }
      out += '"';
      for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace yilian::io

// (d) xlsx import: bytes → io::read_xlsx (zip in memory, workbook and relationships, shared
// strings, sheet XML, cell references, styles and dates) → the registry importer of every
// kind as a dry run (import_common.h). Two kinds of input:
//   starting with "PK": the uploaded file as it is (archive structure, CRCs, inflate);
//   anything else: "SHEET XML \0 SHARED STRINGS XML \0 STYLES XML" (parts may be missing),
//   wrapped in a well-formed stored workbook, so mutations reach the XML reader, which a
//   zip's CRC check would otherwise stop.
#include <cstdint>
#include <string>
#include <string_view>

#include "import_common.h"
#include "io/xlsx_reader.h"
#include "stored_zip.h"

using namespace yilian;

namespace {

std::string wrap(std::string_view input) {
  std::string_view part[3];
  for (int i = 0; i < 3; ++i) {
    size_t nul = input.find('\0');
    part[i] = input.substr(0, nul);
    input = nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);
  }
  std::vector<std::pair<std::string, std::string>> members = {
      {"[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"xl/workbook.xml",
       "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
       "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
       "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", std::string(part[0])},
  };
  if (!part[1].empty()) members.push_back({"xl/sharedStrings.xml", std::string(part[1])});
  if (!part[2].empty()) members.push_back({"xl/styles.xml", std::string(part[2])});
  return fuzz::stored_zip(members);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string bytes = input.starts_with("PK") ? std::string(input) : wrap(input);
  io::Table table;
  try {
    table = io::read_xlsx(bytes);
  } catch (const common::ApiError&) {
    return 0;  // 400 bad_file, as the import routes answer
  }
  fuzz::import_every_kind(table, "xlsx_import_fuzz");
  return 0;
}

// (c) CSV import: bytes → io::read_csv (BOM, quotes, line ends, GB18030 fallback) → the
// registry importer of every kind as a dry run (import_common.h). Also writes the table
// back with io::write_csv and reads it again: the writer's output must always parse.
#include <cstdint>
#include <string_view>

#include "import_common.h"
#include "io/csv.h"

using namespace yilian;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  io::Table table;
  try {
    table = io::read_csv(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const common::ApiError&) {
    return 0;  // 400 bad_file, as the import routes answer
  }
  try {
    (void)io::read_csv(io::write_csv(table, true));
  } catch (const common::ApiError& e) {
    fuzz::server_error("csv_import_fuzz: write_csv wrote what read_csv refuses", e.what());
  }
  fuzz::import_every_kind(table, "csv_import_fuzz");
  return 0;
}

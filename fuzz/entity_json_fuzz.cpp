// (b) A request body → Context::json_body → api::create_entity on a registry entity
// (staff, institution, department, village, region), as the admin, the county bureau or a
// township centre: JSON parsing, field validation, cross-field rules (the ID number against
// birth date and sex), references, scope and the audit entry, on a real SQLite database.
// Nothing is bounded here (no depth or size limit of the target's own): what the server
// would do with the bytes is what runs. Which entity and account: from the input's length,
// so the bytes themselves stay plain JSON.
#include <cstdint>
#include <string>

#include "api/context.h"
#include "api/entity.h"
#include "fuzz_db.h"
#include "registry/entities.h"

using namespace yilian;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto& f = fuzz::fuzz_db();
  static const std::shared_ptr<const api::EntitySpec> specs[] = {
      registry::staff_entity(), registry::institution_entity(), registry::department_entity(),
      registry::village_entity(), registry::region_entity()};
  const auth::Principal* users[] = {&f.admin, &f.bureau, &f.township};
  const auto& spec = *specs[size % 5];
  const auth::Principal* user = users[(size / 5) % 3];

  http::Request req;
  req.method = "POST";
  req.path = spec.route;
  req.body.assign(reinterpret_cast<const char*>(data), size);
  api::Context ctx{*f.db, req, user};
  store::Transaction tx(*f.db);  // never committed: the next input sees the same database
  fuzz::expect_no_server_error("entity_json_fuzz", [&] { api::create_entity(ctx, spec, ctx.json_body()); });
  return 0;
}

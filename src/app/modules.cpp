// The composition root: the modules of the server, lowest first. Each module owns its
// migrations and installs its own schemas and routes; a new module adds one line to each
// function here.
#include "app/modules.h"

#include "admin/install.h"
#include "api/core_routes.h"
#include "calendar/routes.h"
#include "calendar/schema.h"
#include "compliance/routes.h"
#include "person/routes.h"
#include "person/schema.h"
#include "policy/routes.h"
#include "registry/install.h"
#include "rounds/routes.h"
#include "rounds/schema.h"
#include "support/install.h"

namespace yilian::app {

std::vector<store::Migration> all_migrations() {
  std::vector<store::Migration> all;
  for (auto part : {admin::migrations(), registry::migrations(), support::migrations(), calendar::migrations(),
                    rounds::migrations(), person::migrations()})
    all.insert(all.end(), part.begin(), part.end());
  return all;
}

void install_routes(api::App& app) {
  api::install_core_routes(app);
  admin::install(app);
  registry::install(app);
  support::install(app);
  compliance::register_routes(app.router());
  calendar::register_routes(app);
  policy::register_routes(app);
  rounds::register_routes(app);
  person::install(app);
}

}  // namespace yilian::app

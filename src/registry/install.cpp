#include "registry/install.h"

#include "api/core_routes.h"
#include "registry/entities.h"
#include "registry/routes.h"
#include "registry/transfer.h"

namespace yilian::registry {

void install(api::App& app) {
  for (auto spec : {region_entity(), institution_entity(), department_entity(), village_entity(), staff_entity()})
    api::install_entity(app, spec);
  register_routes(app.router());
  register_transfer_routes(app.router());
}

}  // namespace yilian::registry

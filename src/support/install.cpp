#include "support/install.h"

#include "api/core_routes.h"
#include "support/entities.h"
#include "support/recipient_staff.h"
#include "support/reports.h"
#include "support/routes.h"

namespace yilian::support {

void install(api::App& app) {
  for (auto spec : all_entities()) api::install_entity(app, spec);
  register_routes(app.router());
  app.add_schema("presence_confirm_input",
                 {{"type", "object"},
                  {"properties",
                   {{"ids", {{"type", "array"}, {"items", {{"type", "integer"}}}, {"maxItems", 500}}},
                    {"action", {{"type", "string"}, {"enum", {"confirm", "reject", "reopen"}}}},
                    {"reason", {{"type", "string"}, {"maxLength", 200}}},
                    {"confirmed", {{"type", "boolean"}, {"description", "旧写法:false即撤销确认(reopen)"}}}}},
                  {"required", {"ids"}}});
  app.add_schema("recipient_staff_list", recipient_staff_schema());
  register_report_routes(app.router());
}

}  // namespace yilian::support

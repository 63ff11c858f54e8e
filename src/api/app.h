// The application: the route table plus what every request goes through —
// authentication, error rendering, and the web UI's static files.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "api/router.h"
#include "store/db.h"

namespace yilian::api {

struct AppOptions {
  std::string web_dir;  // built web UI; served when it exists
  bool access_log = false;
};

class App {
 public:
  explicit App(AppOptions options = {});
  api::Router& router() { return router_; }
  const api::Router& router() const { return router_; }
  void add_schema(const std::string& name, nlohmann::json schema) { schemas_[name] = std::move(schema); }
  const std::map<std::string, nlohmann::json>& schemas() const { return schemas_; }

  http::Response handle(store::Db& db, http::Request& req) const;
  nlohmann::json openapi() const;

 private:
  http::Response handle_api(store::Db& db, http::Request& req) const;
  AppOptions options_;
  api::Router router_;
  std::map<std::string, nlohmann::json> schemas_;
};

// Serves a file under `root` for `path`, falling back to index.html for client-side
// routes; 404 JSON when the directory is missing.
// Files of the built web UI; `accept_encoding` is the request's Accept-Encoding header.
http::Response serve_static(const std::string& root, const std::string& path, const std::string& accept_encoding = "");

}  // namespace yilian::api

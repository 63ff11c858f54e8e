// Routes: method + path pattern ("/api/v1/institutions/{id}") → handler, with the
// metadata the OpenAPI document is generated from.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "http/request.h"

namespace yilian::api {

struct Context;

using Handler = std::function<http::Response(Context&)>;

struct RouteInfo {
  std::string method;
  std::string pattern;
  std::string summary;     // Chinese, shown in the API document
  std::string tag;         // module name
  bool authenticated = true;
  std::string request_schema;   // component name of the JSON body, if any
  std::string response_schema;  // component name of the answer, if any
  bool list = false;            // answers a page {items,total,page,page_size}
  std::vector<std::string> query_params;
};

struct Route {
  RouteInfo info;
  std::vector<std::string> segments;
  Handler handler;
};

class Router {
 public:
  void add(RouteInfo info, Handler handler);
  // The matching route, or nullptr. `path_known` tells whether another method
  // would have matched (→ 405 instead of 404).
  const Route* match(const std::string& method, const std::string& path, std::vector<std::string>& params,
                     bool& path_known) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

std::vector<std::string> split_path(const std::string& path);

}  // namespace yilian::api

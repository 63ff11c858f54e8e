#include "api/app.h"

#include <iostream>

#include "api/context.h"
#include "auth/session.h"
#include "common/error.h"
#include "http/gzip.h"

namespace yilian::api {

App::App(AppOptions options) : options_(std::move(options)) {}

http::Response App::handle(store::Db& db, http::Request& req) const {
  if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") {
    http::Response res = handle_api(db, req);
    if (options_.access_log)
      std::cerr << req.remote_addr << " " << req.method << " " << req.path << " " << res.status << "\n";
    http::maybe_gzip(res, req.header("accept-encoding"));
    return res;
  }
  if (req.method != "GET" && req.method != "HEAD")
    return http::Response::error(405, "method_not_allowed", "不支持该请求方法");
  return serve_static(options_.web_dir, req.path, req.header("accept-encoding"));
}

http::Response App::handle_api(store::Db& db, http::Request& req) const {
  bool path_known = false;
  const api::Route* route = router_.match(req.method, req.path, req.path_params, path_known);
  if (!route) {
    if (path_known) return http::Response::error(405, "method_not_allowed", "不支持该请求方法");
    return http::Response::error(404, "not_found", "接口不存在: " + req.path);
  }
  try {
    Context ctx{db, req, nullptr};
    std::optional<auth::Principal> principal;
    if (route->info.authenticated) {
      const std::string& h = req.header("authorization");
      if (h.rfind("Bearer ", 0) != 0) common::unauthorized("请先登录(缺少令牌)");
      principal = auth::authenticate(db, h.substr(7));
      if (!principal) common::unauthorized("登录已过期或令牌无效,请重新登录");
      ctx.user = &*principal;
    }
    if (db.in_transaction()) db.rollback();  // a previous request must never leak an open transaction
    return route->handler(ctx);
  } catch (const common::ApiError& e) {
    return http::Response::error(e.status, e.code, e.what(), e.field);
  } catch (const store::DbError& e) {
    switch (e.kind) {
      case store::DbError::Kind::unique: return http::Response::error(409, "duplicate", "记录重复,违反唯一性约束");
      case store::DbError::Kind::foreign_key:
        return http::Response::error(422, "dangling_reference", "引用的记录不存在或仍被其他记录引用");
      case store::DbError::Kind::check: return http::Response::error(422, "constraint_failed", "数据不满足约束条件");
      case store::DbError::Kind::serialization:
        return http::Response::error(503, "busy", "系统繁忙,请重试");
      default:
        std::cerr << "database error on " << req.method << " " << req.path << ": " << e.what() << "\n";
        return http::Response::error(500, "internal", "服务器内部错误");
    }
  } catch (const nlohmann::json::exception& e) {
    return http::Response::error(400, "bad_request", "请求数据类型错误");
  } catch (const std::exception& e) {
    std::cerr << "error on " << req.method << " " << req.path << ": " << e.what() << "\n";
    return http::Response::error(500, "internal", "服务器内部错误");
  }
}

}  // namespace yilian::api

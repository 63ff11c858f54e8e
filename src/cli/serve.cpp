#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "api/app.h"
#include "app/modules.h"
#include "cli/commands.h"
#include "http/server.h"
#include "policy/startup.h"

namespace yilian::cli {

// yilian serve [--db URL] [--listen HOST:PORT] [--threads N] [--web DIR] [--policies DIR] [--access-log]
//              [--sqlite-sync full|normal]
int cmd_serve(const Args& a) {
  std::string url = db_url(a);
  const store::OpenOptions db_opts = db_options(a);  // before anything starts: a bad value stops here
  // Load the policy presets before touching the database: a broken preset stops the
  // server with every problem listed (file, line, key) and nothing migrated.
  policy::shipped_presets(a.get("policies"));
  {
    auto db = open_migrated(url, db_opts);  // migrate once, before the workers open their own connections
    ensure_admin(*db);
  }
  std::string listen = a.get("listen", "127.0.0.1:8080");
  auto colon = listen.rfind(':');
  http::ServerOptions opts;
  opts.host = colon == std::string::npos ? listen : listen.substr(0, colon);
  opts.port = static_cast<unsigned short>(std::stoi(colon == std::string::npos ? "8080" : listen.substr(colon + 1)));
  opts.threads = std::stoi(a.get("threads", std::to_string(std::max(2u, std::thread::hardware_concurrency()))));

  api::AppOptions app_opts;
  app_opts.web_dir = a.get("web", "web/dist");
  app_opts.access_log = a.has("access-log");
  auto app = std::make_shared<api::App>(app_opts);
  app::install_routes(*app);

  // Block the stop signals in every thread; the main thread waits for them below.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);

  http::Server server(opts, [app, url, db_opts]() -> http::WorkerHandler {
    std::shared_ptr<store::Db> db = store::open(url, db_opts);
    return [app, db](http::Request& req) { return app->handle(*db, req); };
  });
  unsigned short port = server.start();
  std::cout << "Yilian 医联 " << YILIAN_VERSION << " serving http://" << opts.host << ":" << port << "/ ("
            << (url.rfind("sqlite:", 0) == 0 ? std::string("SQLite synchronous=") + store::sqlite_sync_name(db_opts.sqlite_sync)
                                             : std::string("PostgreSQL"))
            << ", " << opts.threads << " threads"
            << (std::filesystem::is_directory(app_opts.web_dir) ? ", web UI from " + app_opts.web_dir : ", no web UI")
            << ")" << std::endl;
  int sig = 0;
  sigwait(&set, &sig);
  std::cout << "stopping" << std::endl;
  server.stop();
  server.wait();
  return 0;
}

}  // namespace yilian::cli

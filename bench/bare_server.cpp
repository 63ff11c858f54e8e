// The baseline the API benchmark is compared with: the same HTTP server, but each
// request is one raw SQLite query of a 100-row staff page rendered to JSON — no
// authentication, no scope, no generic entity layer. Usage: bare_server DB PORT
#include <sqlite3.h>

#include <cstdio>
#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>

#include "http/server.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bare_server DB PORT\n";
    return 2;
  }
  std::string path = argv[1];
  yilian::http::ServerOptions opts;
  opts.port = static_cast<unsigned short>(std::stoi(argv[2]));
  opts.threads = 2;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  yilian::http::Server server(opts, [path]() -> yilian::http::WorkerHandler {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT id, name, sex, birth_date, title_code, institution_id FROM staff ORDER BY id LIMIT 100",
                       -1, &st, nullptr);
    return [st](yilian::http::Request&) {
      nlohmann::json items = nlohmann::json::array();
      sqlite3_reset(st);
      while (sqlite3_step(st) == SQLITE_ROW) {
        auto text = [&](int i) {
          auto p = sqlite3_column_text(st, i);
          return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
        };
        items.push_back({{"id", sqlite3_column_int64(st, 0)}, {"name", text(1)}, {"sex", text(2)},
                         {"birth_date", text(3)}, {"title_code", text(4)}, {"institution_id", sqlite3_column_int64(st, 5)}});
      }
      return yilian::http::Response::json({{"items", items}, {"total", 100}});
    };
  });
  server.start();
  std::cout << "bare server on " << opts.port << std::endl;
  int sig = 0;
  sigwait(&set, &sig);
  server.stop();
  server.wait();
  return 0;
}

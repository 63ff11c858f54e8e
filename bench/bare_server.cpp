// The baseline the API benchmark is compared with: the same HTTP server, but each
// request is one prepared raw SQLite query of the same 100-row staff page (the same
// columns and joins as GET /api/v1/staff) rendered to JSON — no authentication, no
// scope, no count, no generic entity layer. Usage: bare_server DB PORT
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
                       "SELECT t.id, t.version, t.active, t.created_at, t.updated_at, t.institution_id, "
                       "t.department_id, t.name, t.sex, t.birth_date, t.id_number, t.phone, t.profession, "
                       "t.title_code, t.title_level, t.promotion_year, i.name, d.name FROM staff t JOIN institution i "
                       "ON i.id = t.institution_id LEFT JOIN department d ON d.id = t.department_id WHERE t.active = 1 "
                       "ORDER BY t.id LIMIT 100",
                       -1, &st, nullptr);
    return [st](yilian::http::Request&) {
      static const char* names[] = {"id", "version", "active", "created_at", "updated_at", "institution_id",
                                    "department_id", "name", "sex", "birth_date", "id_number", "phone",
                                    "profession", "title_code", "title_level", "promotion_year",
                                    "institution_name", "department_name"};
      nlohmann::json items = nlohmann::json::array();
      sqlite3_reset(st);
      while (sqlite3_step(st) == SQLITE_ROW) {
        nlohmann::json row = nlohmann::json::object();
        for (int i = 0; i < 18; ++i) {
          switch (sqlite3_column_type(st, i)) {
            case SQLITE_INTEGER: row[names[i]] = sqlite3_column_int64(st, i); break;
            case SQLITE_NULL: row[names[i]] = nullptr; break;
            default: row[names[i]] = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
          }
        }
        items.push_back(std::move(row));
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

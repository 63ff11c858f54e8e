// The HTTP/1.1 server. Each worker thread owns an io_context, a listening socket
// (SO_REUSEPORT) and whatever per-thread state `make_worker` returns — in practice a
// database connection — so a request never waits for a connection from a pool.
#pragma once
#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/request.h"

namespace yilian::http {

// Handles one request on the worker thread that received it.
using WorkerHandler = std::function<Response(Request&)>;

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int threads = 2;
  std::size_t body_limit = 8 * 1024 * 1024;  // bytes; larger bodies get 413 (agreement scans, xlsx imports)
  int idle_timeout_seconds = 30;
};

class Server {
 public:
  // `make_worker` runs once on each worker thread before it serves anything.
  Server(ServerOptions options, std::function<WorkerHandler()> make_worker);
  ~Server();
  // Binds; throws when the address is in use. Returns the bound port (useful with port 0).
  unsigned short start();
  void stop();
  void wait();  // blocks until stop()

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace yilian::http

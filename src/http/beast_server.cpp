// The only translation unit that includes Boost.Beast (it dominates compile time).
// <utility> first: Boost 1.74 asio uses std::exchange without including it under C++20.
#include <optional>
#include <utility>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include "http/server.h"

namespace yilian::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

const char* reason_json(unsigned status) {
  switch (status) {
    case 413: return R"({"error":{"code":"body_too_large","message":"请求体过大","field":null}})";
    default: return R"({"error":{"code":"bad_request","message":"请求格式错误","field":null}})";
  }
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, WorkerHandler& handler, const ServerOptions& opts)
      : stream_(std::move(socket)), handler_(handler), opts_(opts) {}

  void run() { read(); }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(opts_.body_limit);
    parser_->header_limit(16 * 1024);
    stream_.expires_after(std::chrono::seconds(opts_.idle_timeout_seconds));
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::connection_reset ||
        ec == asio::error::eof) {
      close();
      return;
    }
    if (ec) {
      unsigned status = ec == bhttp::error::body_limit ? 413 : 400;
      auto res = std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(status), 11);
      res->set(bhttp::field::content_type, "application/json; charset=utf-8");
      res->body() = reason_json(status);
      res->keep_alive(false);
      res->prepare_payload();
      write(res);
      return;
    }
    auto& req = parser_->get();
    Request r;
    r.method = std::string(req.method_string());
    std::string target(req.target());
    auto q = target.find('?');
    r.path = percent_decode(target.substr(0, q), false);
    if (q != std::string::npos) r.query = parse_query(target.substr(q + 1));
    for (const auto& f : req) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers[name] = std::string(f.value());
    }
    r.body = std::move(req.body());
    beast::error_code ep_ec;
    auto ep = stream_.socket().remote_endpoint(ep_ec);
    r.remote_addr = ep_ec ? "" : ep.address().to_string();

    Response out = handler_(r);
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(out.status),
                                                                      req.version());
    res->set(bhttp::field::server, "yilian");
    res->set(bhttp::field::content_type, out.content_type);
    for (auto& [k, v] : out.headers) res->set(k, v);
    res->body() = std::move(out.body);
    res->keep_alive(req.keep_alive());
    res->prepare_payload();
    write(res);
  }

  void write(std::shared_ptr<bhttp::response<bhttp::string_body>> res) {
    bool keep = res->keep_alive();
    bhttp::async_write(stream_, *res, [self = shared_from_this(), res, keep](beast::error_code ec, std::size_t) {
      if (ec || !keep) {
        self->close();
        return;
      }
      self->read();
    });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  WorkerHandler& handler_;
  const ServerOptions& opts_;
};

struct Worker {
  asio::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  WorkerHandler handler;
  std::thread thread;
};

}  // namespace

struct Server::Impl {
  ServerOptions opts;
  std::function<WorkerHandler()> make_worker;
  std::vector<std::unique_ptr<Worker>> workers;
  std::mutex mu;
  std::condition_variable cv;
  bool stopped = false;
  int ready = 0;
  std::exception_ptr init_error;

  void accept(Worker& w) {
    w.acceptor.async_accept([this, &w](beast::error_code ec, tcp::socket socket) {
      if (ec) {
        if (ec == asio::error::operation_aborted) return;
      } else {
        socket.set_option(tcp::no_delay(true));
        std::make_shared<Session>(std::move(socket), w.handler, opts)->run();
      }
      accept(w);
    });
  }
};

Server::Server(ServerOptions options, std::function<WorkerHandler()> make_worker) : impl_(new Impl) {
  impl_->opts = std::move(options);
  impl_->make_worker = std::move(make_worker);
}

Server::~Server() {
  stop();
  wait();
}

unsigned short Server::start() {
  auto& I = *impl_;
  auto addr = asio::ip::make_address(I.opts.host);
  unsigned short port = I.opts.port;
  for (int i = 0; i < std::max(1, I.opts.threads); ++i) {
    auto w = std::make_unique<Worker>();
    tcp::endpoint ep(addr, port);
    w->acceptor.open(ep.protocol());
    w->acceptor.set_option(asio::socket_base::reuse_address(true));
    int one = 1;
    ::setsockopt(w->acceptor.native_handle(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    w->acceptor.bind(ep);  // throws when the port is taken by another process
    w->acceptor.listen(asio::socket_base::max_listen_connections);
    port = w->acceptor.local_endpoint().port();  // the first worker fixes an ephemeral port for the rest
    I.workers.push_back(std::move(w));
  }
  for (auto& wp : I.workers) {
    Worker* w = wp.get();
    w->thread = std::thread([this, w] {
      auto& I = *impl_;
      try {
        w->handler = I.make_worker();
      } catch (...) {
        std::lock_guard lk(I.mu);
        I.init_error = std::current_exception();
        ++I.ready;
        I.cv.notify_all();
        return;
      }
      {
        std::lock_guard lk(I.mu);
        ++I.ready;
        I.cv.notify_all();
      }
      I.accept(*w);
      w->ioc.run();
    });
  }
  std::unique_lock lk(I.mu);
  I.cv.wait(lk, [&] { return I.ready == static_cast<int>(I.workers.size()); });
  if (I.init_error) {
    lk.unlock();
    stop();
    wait();
    std::rethrow_exception(I.init_error);
  }
  return port;
}

void Server::stop() {
  std::lock_guard lk(impl_->mu);
  if (impl_->stopped) return;
  impl_->stopped = true;
  for (auto& w : impl_->workers) {
    asio::post(w->ioc, [w = w.get()] {
      beast::error_code ec;
      w->acceptor.close(ec);
      w->ioc.stop();
    });
  }
  impl_->cv.notify_all();
}

void Server::wait() {
  {
    std::unique_lock lk(impl_->mu);
    impl_->cv.wait(lk, [&] { return impl_->stopped; });
  }
  for (auto& w : impl_->workers)
    if (w->thread.joinable()) w->thread.join();
}

}  // namespace yilian::http

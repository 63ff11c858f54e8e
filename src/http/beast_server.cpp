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

#include "http/framing.h"
#include "http/server.h"
#include "http/wire.h"

namespace yilian::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

using Parser = bhttp::request_parser<bhttp::string_body>;

// After an answer that closes the connection, how long to keep reading and discarding
// what the client still sends (see Session::close).
constexpr int kLingerSeconds = 2;

void configure(Parser& p, std::size_t body_limit) {
  p.body_limit(body_limit);
  p.header_limit(16 * 1024);
}

// An answer that ends the connection: the request could not be read, or its framing is
// ambiguous, so no byte after it can be trusted to start a request.
struct Refusal {
  int status;
  std::string code;
  std::string message;
  std::string field;
};

Refusal refusal_of(beast::error_code ec) {
  if (ec == bhttp::error::body_limit) return {413, "body_too_large", "请求体过大", ""};
  // Beast stops at the field that conflicts (Content-Length after chunked, Content-Length
  // values that differ, Transfer-Encoding after Content-Length or repeated after chunked).
  if (ec == bhttp::error::bad_content_length)
    return {400, kBadFramingCode, "请求头 Content-Length 无效或与其他长度信息冲突,无法确定请求体长度", "content-length"};
  if (ec == bhttp::error::bad_transfer_encoding)
    return {400, kBadFramingCode, "请求头 Transfer-Encoding 无效或与 Content-Length 冲突,无法确定请求体长度",
            "transfer-encoding"};
  return {400, "bad_request", "请求格式错误", ""};
}

std::string_view sv(beast::string_view s) { return {s.data(), s.size()}; }

// The framing judgement (http/framing.h) on a parsed header.
std::optional<FramingProblem> framing_of(const Parser& p) {
  std::vector<HeaderField> fields;
  for (const auto& f : p.get())
    if (f.name() == bhttp::field::content_length || f.name() == bhttp::field::transfer_encoding)
      fields.push_back({sv(f.name_string()), sv(f.value())});
  return framing_problem(fields, p.get().version());
}

Request to_request(Parser& p) {
  auto& req = p.get();
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
  return r;
}

using BeastResponse = bhttp::response<bhttp::string_body>;

std::shared_ptr<BeastResponse> to_beast(Response out, unsigned version, bool keep_alive) {
  auto res = std::make_shared<BeastResponse>(static_cast<bhttp::status>(out.status), version);
  res->set(bhttp::field::server, "yilian");
  res->set(bhttp::field::content_type, out.content_type);
  for (auto& [k, v] : out.headers) res->set(k, v);
  res->body() = std::move(out.body);
  res->keep_alive(keep_alive);
  res->prepare_payload();
  return res;
}

bool connection_gone(beast::error_code ec) {
  return ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::connection_reset ||
         ec == asio::error::eof;
}

// Reads the header first and judges its framing before any body byte is read: a request
// whose length is ambiguous is refused and the connection closed, so whatever follows it
// is never taken for a next request.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, WorkerHandler& handler, const ServerOptions& opts)
      : stream_(std::move(socket)), handler_(handler), opts_(opts) {}

  void run() { read(); }

 private:
  void read() {
    parser_.emplace();
    configure(*parser_, opts_.body_limit);
    stream_.expires_after(std::chrono::seconds(opts_.idle_timeout_seconds));
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (connection_gone(ec)) return close();
    if (ec) return refuse(refusal_of(ec));
    if (auto problem = framing_of(*parser_))
      return refuse({400, kBadFramingCode, problem->message, problem->header});
    if (parser_->is_done()) return on_read({});
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (connection_gone(ec)) return close();
    if (ec) return refuse(refusal_of(ec));
    Request r = to_request(*parser_);
    beast::error_code ep_ec;
    auto ep = stream_.socket().remote_endpoint(ep_ec);
    r.remote_addr = ep_ec ? "" : ep.address().to_string();
    const auto& req = parser_->get();
    write(to_beast(handler_(r), req.version(), req.keep_alive()));
  }

  void refuse(const Refusal& why) {
    unsigned version = parser_->is_header_done() ? parser_->get().version() : 11;
    write(to_beast(Response::error(why.status, why.code, why.message, why.field), version, false));
  }

  void write(std::shared_ptr<BeastResponse> res) {
    bool keep = res->keep_alive();
    bhttp::async_write(stream_, *res, [self = shared_from_this(), res, keep](beast::error_code ec, std::size_t) {
      if (ec || !keep) {
        self->close();
        return;
      }
      self->read();
    });
  }

  // Half-closes, then reads and discards what the client still sends for a short while:
  // closing a socket with unread bytes makes the kernel answer with a reset, which can
  // discard our last answer in the client's buffer before it reads it.
  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(kLingerSeconds));  // one deadline for the whole drain
    drain();
  }

  void drain() {
    stream_.async_read_some(asio::buffer(discard_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (!ec) self->drain();
    });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  WorkerHandler& handler_;
  const ServerOptions& opts_;
  char discard_[4096];
};

struct Worker {
  asio::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  WorkerHandler handler;
  std::thread thread;
};

}  // namespace

WireResult parse_wire(std::string_view bytes, std::size_t body_limit) {
  WireResult out;
  size_t pos = 0;
  auto refuse = [&out](const Refusal& why) {
    out.error_status = why.status;
    out.error_code = why.code;
    return out;
  };
  // Feeds the parser until `done` holds; false when the bytes run out first.
  auto feed = [&](Parser& p, bool header, beast::error_code& ec) {
    while (header ? !p.is_header_done() : !p.is_done()) {
      if (pos == bytes.size()) return false;
      size_t n = p.put(asio::buffer(bytes.data() + pos, bytes.size() - pos), ec);
      pos += n;
      if (ec == bhttp::error::need_more) {
        ec = {};
        if (n == 0) return false;  // Beast wants more than is left (an unfinished line)
        continue;
      }
      if (ec) return true;
    }
    return true;
  };
  while (pos < bytes.size()) {
    Parser p;
    configure(p, body_limit);
    beast::error_code ec;
    if (!feed(p, true, ec)) {
      out.incomplete = true;
      return out;
    }
    if (ec) return refuse(refusal_of(ec));
    if (auto problem = framing_of(p)) return refuse({400, kBadFramingCode, problem->message, problem->header});
    if (!feed(p, false, ec)) {
      out.incomplete = true;
      return out;
    }
    if (ec) return refuse(refusal_of(ec));
    bool keep = p.get().keep_alive();
    out.requests.push_back(to_request(p));
    if (!keep) {
      out.closed = true;
      return out;
    }
  }
  return out;
}

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

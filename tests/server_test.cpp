// The real HTTP server over a socket: keep-alive, body limit, static files, request framing.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/modules.h"
#include "http/server.h"
#include "fixture/fixture.h"

namespace yilian::testing {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_path = std::filesystem::temp_directory_path() / ("yilian-server-" + std::to_string(getpid()) + ".db");
    std::filesystem::remove(db_path);
    url = "sqlite:" + db_path.string();
    { store::migrate(*store::open(url), app::all_migrations()); }
    web = std::filesystem::temp_directory_path() / ("yilian-web-" + std::to_string(getpid()));
    std::filesystem::create_directories(web / "assets");
    std::ofstream(web / "index.html") << "<html>医联</html>";
    std::ofstream(web / "assets" / "app.js") << "console.log(1)";
    app = std::make_shared<api::App>(api::AppOptions{web.string()});
    app::install_routes(*app);
    http::ServerOptions opts;
    opts.port = 0;
    opts.threads = 2;
    opts.body_limit = 1024;
    std::string u = url;
    auto a = app;
    server = std::make_unique<http::Server>(opts, [a, u]() -> http::WorkerHandler {
      std::shared_ptr<store::Db> db = store::open(u);
      return [a, db](http::Request& req) { return a->handle(*db, req); };
    });
    port = server->start();
  }
  void TearDown() override {
    server->stop();
    server->wait();
    std::filesystem::remove_all(web);
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db_path.string() + ext);
  }

  int connect_socket() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    return fd;
  }
  // Sends raw bytes and reads one response (headers + Content-Length body).
  std::string roundtrip(int fd, const std::string& request) {
    EXPECT_EQ(send(fd, request.data(), request.size(), 0), static_cast<ssize_t>(request.size()));
    std::string in;
    char buf[4096];
    while (true) {
      auto head_end = in.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        auto cl = in.find("Content-Length: ");
        size_t len = cl == std::string::npos ? 0 : std::stoul(in.substr(cl + 16));
        if (in.size() >= head_end + 4 + len) return in;
      }
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) return in;
      in.append(buf, static_cast<size_t>(n));
    }
  }


  // Sends raw bytes, then reads until the server closes the connection or `seconds` pass
  // without a byte. `closed` tells which.
  std::string send_and_read_all(int fd, const std::string& bytes, bool& closed, int seconds = 3) {
    timeval tv{seconds, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    EXPECT_EQ(send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL), static_cast<ssize_t>(bytes.size()));
    std::string in;
    char buf[4096];
    closed = false;
    while (true) {
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n == 0) {
        closed = true;
        return in;
      }
      if (n < 0) return in;  // timeout: the connection is still open
      in.append(buf, static_cast<size_t>(n));
    }
  }
  static int count(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
    return n;
  }
  // Status lines ("HTTP/1.1 400 "), not the same words inside a message.
  static int responses(const std::string& bytes) {
    int n = 0;
    for (size_t p = bytes.find("HTTP/1."); p != std::string::npos; p = bytes.find("HTTP/1.", p + 1))
      if (p + 13 <= bytes.size() && std::isdigit(static_cast<unsigned char>(bytes[p + 9])) && bytes[p + 12] == ' ' &&
          (p == 0 || bytes[p - 1] == '}' || bytes[p - 1] == '\n'))
        ++n;
    return n;
  }

  std::filesystem::path db_path, web;
  std::string url;
  std::shared_ptr<api::App> app;
  std::unique_ptr<http::Server> server;
  unsigned short port = 0;
};

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  int fd = connect_socket();
  for (int i = 0; i < 3; ++i) {
    auto res = roundtrip(fd, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_NE(res.find("HTTP/1.1 200"), std::string::npos) << res;
    EXPECT_NE(res.find("\"status\":\"ok\""), std::string::npos);
  }
  close(fd);
}

TEST_F(ServerTest, OversizedBodyGets413WithJsonError) {
  int fd = connect_socket();
  std::string body(4096, 'x');
  auto res = roundtrip(fd, "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_NE(res.find("HTTP/1.1 413"), std::string::npos) << res;
  EXPECT_NE(res.find("body_too_large"), std::string::npos);
  close(fd);
}

TEST_F(ServerTest, ServesWebFilesWithFallbackAndRefusesTraversal) {
  int fd = connect_socket();
  auto index = roundtrip(fd, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(index.find("医联"), std::string::npos);
  auto asset = roundtrip(fd, "GET /assets/app.js HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(asset.find("application/javascript"), std::string::npos);
  EXPECT_NE(asset.find("immutable"), std::string::npos);
  auto route = roundtrip(fd, "GET /registry/institutions HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(route.find("医联"), std::string::npos);  // client-side route → index.html
  auto escape = roundtrip(fd, "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(escape.find("root:"), std::string::npos);
  auto encoded = roundtrip(fd, "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(encoded.find("root:"), std::string::npos);
  close(fd);
}

TEST_F(ServerTest, ServesTheGzipCopyOnlyToBrowsersThatAcceptIt) {
  std::ofstream(web / "assets" / "app.js.gz", std::ios::binary) << "GZIPPED-BYTES";
  int fd = connect_socket();
  auto plain = roundtrip(fd, "GET /assets/app.js HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(plain.find("console.log(1)"), std::string::npos) << plain;
  EXPECT_EQ(plain.find("Content-Encoding"), std::string::npos);
  EXPECT_NE(plain.find("Vary: Accept-Encoding"), std::string::npos);
  auto gz = roundtrip(fd, "GET /assets/app.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n");
  EXPECT_NE(gz.find("Content-Encoding: gzip"), std::string::npos) << gz;
  EXPECT_NE(gz.find("GZIPPED-BYTES"), std::string::npos);
  EXPECT_NE(gz.find("application/javascript"), std::string::npos);  // the type of the file, not of the copy
  auto refused = roundtrip(fd, "GET /assets/app.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip;q=0\r\n\r\n");
  EXPECT_NE(refused.find("console.log(1)"), std::string::npos) << refused;
  close(fd);
}

TEST_F(ServerTest, UnknownApiPathIsJson404) {
  int fd = connect_socket();
  auto res = roundtrip(fd, "GET /api/v1/nope HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(res.find("HTTP/1.1 404"), std::string::npos);
  EXPECT_NE(res.find("\"code\":\"not_found\""), std::string::npos);
  close(fd);
}


// Each request below frames its body in a way a proxy in front may read differently from
// us. The bytes after its header hide a second request; answering it would be request
// smuggling (RFC 9112 §6.1, §6.3). Issue 13, item 2.
TEST_F(ServerTest, AmbiguousRequestFramingGetsOne400AndTheConnectionIsClosed) {
  const std::string hidden = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string chunked_hidden = "0\r\n\r\n" + hidden;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Transfer-Encoding: gzip\r\n", hidden},
      {"Transfer-Encoding: identity\r\n", hidden},
      {"Transfer-Encoding: chunked, gzip\r\n", hidden},
      {"Transfer-Encoding: gzip, chunked\r\n", chunked_hidden},
      {"Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", chunked_hidden},
      {"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", chunked_hidden},
      {"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", chunked_hidden},
      {"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", chunked_hidden},
      {"Transfer-Encoding: gzip\r\nContent-Length: 2\r\n", "{}" + hidden},
      {"Content-Length: 2\r\nContent-Length: 2\r\n", "{}" + hidden},
      {"Content-Length: 2, 2\r\n", "{}" + hidden},
      {"Content-Length: 2\r\nContent-Length: 0\r\n", "{}" + hidden},
  };
  for (const auto& [headers, rest] : cases) {
    int fd = connect_socket();
    bool closed = false;
    auto res = send_and_read_all(
        fd, "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + headers + "\r\n" + rest,
        closed);
    EXPECT_EQ(responses(res), 1) << headers << res;
    EXPECT_EQ(res.rfind("HTTP/1.1 400", 0), 0u) << headers << res;
    EXPECT_NE(res.find("\"code\":\"bad_framing\""), std::string::npos) << headers << res;
    EXPECT_EQ(res.find("\"status\":\"ok\""), std::string::npos) << headers << res;  // the hidden request
    EXPECT_TRUE(closed) << headers;
    close(fd);
  }
}

TEST_F(ServerTest, TransferEncodingOnHttp10GetsOne400AndTheConnectionIsClosed) {
  int fd = connect_socket();
  bool closed = false;
  auto res = send_and_read_all(fd,
                               "POST /api/v1/auth/login HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/v1/health HTTP/1.0\r\n\r\n",
                               closed);
  EXPECT_EQ(responses(res), 1) << res;
  EXPECT_EQ(res.rfind("HTTP/1.0 400", 0), 0u) << res;
  EXPECT_NE(res.find("bad_framing"), std::string::npos) << res;
  EXPECT_TRUE(closed);
  close(fd);
}

TEST_F(ServerTest, APipelineOfWellFramedRequestsIsAnsweredInOrderOnAnOpenConnection) {
  const std::string login = R"({"username":"nobody","password":"x"})";
  // The login body in two chunks (sizes in hex).
  const std::string rest = login.substr(6);
  std::ostringstream chunked;
  chunked << "6\r\n" << login.substr(0, 6) << "\r\n" << std::hex << rest.size() << "\r\n" << rest << "\r\n0\r\n\r\n";
  const std::string pipeline =
      "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
      std::to_string(login.size()) + "\r\n\r\n" + login +
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n" + chunked.str() +
      "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
  int fd = connect_socket();
  bool closed = false;
  auto res = send_and_read_all(fd, pipeline, closed, 1);
  EXPECT_FALSE(closed) << res;
  EXPECT_EQ(responses(res), 4) << res;
  EXPECT_EQ(count(res, "HTTP/1.1 200"), 2) << res;
  EXPECT_EQ(count(res, "HTTP/1.1 401"), 2) << res;  // both logins were read with their whole body
  EXPECT_LT(res.find("\"status\":\"ok\""), res.find("HTTP/1.1 401")) << res;
  close(fd);
}

}  // namespace
}  // namespace yilian::testing

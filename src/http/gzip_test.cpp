#include "http/gzip.h"

#include <gtest/gtest.h>
#include <zlib.h>

namespace yilian::http {
namespace {

std::string gunzip(const std::string& bytes) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

bool has_header(const Response& r, const std::string& name, const std::string& value) {
  for (const auto& [n, v] : r.headers)
    if (n == name && v == value) return true;
  return false;
}

TEST(Gzip, AcceptEncodingIsReadLikeBrowsersSendIt) {
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, gzip;q=0.8"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("br"));
  EXPECT_FALSE(accepts_gzip(""));
}

TEST(Gzip, LargeJsonIsCompressedAndRoundTrips) {
  Response res;
  std::string body = "{\"items\":[";
  for (int i = 0; i < 200; ++i) body += std::string(i ? "," : "") + "{\"name\":\"解放路卫生院\",\"id\":" + std::to_string(i) + "}";
  body += "]}";
  res.body = body;
  maybe_gzip(res, "gzip, deflate");
  EXPECT_TRUE(has_header(res, "Content-Encoding", "gzip"));
  EXPECT_TRUE(has_header(res, "Vary", "Accept-Encoding"));
  EXPECT_LT(res.body.size(), body.size() / 3);
  EXPECT_EQ(gunzip(res.body), body);
}

TEST(Gzip, SmallBinaryOrRefusedAnswersAreLeftAlone) {
  Response small;
  small.body = "{\"status\":\"ok\"}";
  maybe_gzip(small, "gzip");
  EXPECT_EQ(small.body, "{\"status\":\"ok\"}");
  Response xlsx;
  xlsx.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  xlsx.body = std::string(4096, 'x');
  maybe_gzip(xlsx, "gzip");
  EXPECT_EQ(xlsx.body.size(), 4096u);
  Response refused;
  refused.body = std::string(4096, 'x');
  maybe_gzip(refused, "identity");
  EXPECT_EQ(refused.body.size(), 4096u);
  EXPECT_TRUE(refused.headers.empty());
}

}  // namespace
}  // namespace yilian::http

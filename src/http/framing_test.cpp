#include "http/framing.h"

#include <gtest/gtest.h>

namespace yilian::http {
namespace {

std::optional<FramingProblem> judge(std::vector<HeaderField> fields, unsigned version = 11) {
  fields.insert(fields.begin(), {"Host", "x"});
  return framing_problem(fields, version);
}

TEST(Framing, ARequestWithoutBodyOrWithOneLengthOrChunkedIsAccepted) {
  EXPECT_FALSE(judge({}));
  EXPECT_FALSE(judge({{"Content-Length", "0"}}));
  EXPECT_FALSE(judge({{"content-length", " 42 "}}));
  EXPECT_FALSE(judge({{"Transfer-Encoding", "chunked"}}));
  EXPECT_FALSE(judge({{"TRANSFER-ENCODING", "Chunked"}}));
  EXPECT_FALSE(judge({{"Content-Length", "12"}}, 10));
}

TEST(Framing, ATransferEncodingOtherThanExactlyChunkedIsRefused) {
  for (const char* te : {"gzip", "identity", "chunked, gzip", "gzip, chunked", "chunked,chunked", "", "chunkedx"}) {
    auto p = judge({{"Transfer-Encoding", te}});
    ASSERT_TRUE(p) << te;
    EXPECT_EQ(p->header, "transfer-encoding");
    EXPECT_NE(p->message.find("chunked"), std::string::npos) << p->message;
  }
}

TEST(Framing, TransferEncodingTwiceIsRefusedEvenWhenOneSaysChunked) {
  EXPECT_TRUE(judge({{"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "chunked"}}));
  EXPECT_TRUE(judge({{"Transfer-Encoding", "gzip"}, {"transfer-encoding", "chunked"}}));
}

TEST(Framing, ContentLengthTogetherWithTransferEncodingIsRefusedInEitherOrder) {
  auto a = judge({{"Content-Length", "5"}, {"Transfer-Encoding", "chunked"}});
  auto b = judge({{"Transfer-Encoding", "chunked"}, {"Content-Length", "5"}});
  auto c = judge({{"Transfer-Encoding", "gzip"}, {"Content-Length", "5"}});
  ASSERT_TRUE(a && b && c);
  EXPECT_NE(a->message.find("同时"), std::string::npos) << a->message;
}

TEST(Framing, ContentLengthRepeatedOrAsAListOrNotANumberIsRefused) {
  EXPECT_TRUE(judge({{"Content-Length", "5"}, {"Content-Length", "5"}}));
  EXPECT_TRUE(judge({{"Content-Length", "5"}, {"content-length", "6"}}));
  for (const char* cl : {"5, 5", "5,6", "-1", "+5", "0x10", "", "5 5", "99999999999999999999"}) {
    auto p = judge({{"Content-Length", cl}});
    ASSERT_TRUE(p) << cl;
    EXPECT_EQ(p->header, "content-length");
  }
}

TEST(Framing, TransferEncodingOnHttp10IsRefused) { EXPECT_TRUE(judge({{"Transfer-Encoding", "chunked"}}, 10)); }

}  // namespace
}  // namespace yilian::http

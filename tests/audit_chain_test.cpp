// The audit trail's hash chain (hardening issue, item 14): every write extends it, and a
// row edited, deleted or inserted behind the server's back is named by verify_chain.
#include "audit/chain.h"
#include "fixture/fixture.h"

namespace yilian::testing {

class AuditChain : public ApiTest {
 protected:
  void make_writes(int n) {
    for (int i = 0; i < n; ++i)
      ASSERT_EQ(post("/api/v1/departments", "hospital_a",
                     {{"institution_id", seed.county_a_hospital}, {"name", "科室" + std::to_string(i)}})
                    .status,
                201);
  }
  int64_t nth_row(int n) {
    return db->query("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET ?", {n}).scalar().as_int();
  }
  // Bypassing the server: what the database owner can do.
  void drop_guards() {
    if (on_postgresql())
      db->exec_script("DROP TRIGGER audit_log_no_change ON audit_log");
    else
      db->exec_script("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
  }
};

TEST_F(AuditChain, EveryWriteExtendsAnUnbrokenChain) {
  make_writes(5);
  auto r = audit::verify_chain(*db);
  EXPECT_FALSE(r.broken_at) << r.problem;
  EXPECT_EQ(r.rows, count("audit_log"));
  EXPECT_EQ(r.unchained, 0);
  EXPECT_EQ(r.last_hash.size(), 64u);
  EXPECT_EQ(count("audit_log WHERE row_hash IS NULL"), 0);
}

TEST_F(AuditChain, AnEditedRowIsNamed) {
  make_writes(5);
  int64_t victim = nth_row(8);
  drop_guards();
  db->exec("UPDATE audit_log SET username = 'someone_else' WHERE id = ?", {victim});
  auto r = audit::verify_chain(*db);
  ASSERT_TRUE(r.broken_at);
  EXPECT_EQ(*r.broken_at, victim);
  EXPECT_NE(r.problem.find("修改"), std::string::npos) << r.problem;
}

TEST_F(AuditChain, ADeletedRowIsNamedAtTheRowAfterIt) {
  make_writes(5);
  int64_t victim = nth_row(6), next = nth_row(7);
  drop_guards();
  db->exec("DELETE FROM audit_log WHERE id = ?", {victim});
  auto r = audit::verify_chain(*db);
  ASSERT_TRUE(r.broken_at);
  EXPECT_EQ(*r.broken_at, next);
}

TEST_F(AuditChain, ARowWithARecomputedHashStillBreaksTheNextLink) {
  make_writes(3);
  int64_t victim = nth_row(5);
  drop_guards();
  auto row = db->query(std::string("SELECT prev_hash, ") + audit::kHashedColumns + " FROM audit_log WHERE id = ?", {victim});
  std::vector<store::Value> content(row.rows[0].begin() + 1, row.rows[0].end());
  content[4] = store::Value(std::string("delete"));  // action
  std::string forged = audit::row_hash(row.rows[0][0].as_text(), content);
  db->exec("UPDATE audit_log SET action = 'delete', row_hash = ? WHERE id = ?", {forged, victim});
  auto r = audit::verify_chain(*db);
  ASSERT_TRUE(r.broken_at);
  EXPECT_EQ(*r.broken_at, nth_row(6));
}

TEST_F(AuditChain, DeletingTheFirstRowsIsSeenToo) {
  make_writes(2);
  int64_t first = nth_row(0), second = nth_row(1);
  drop_guards();
  db->exec("DELETE FROM audit_log WHERE id = ?", {first});
  auto r = audit::verify_chain(*db);
  ASSERT_TRUE(r.broken_at);
  EXPECT_EQ(*r.broken_at, second);
}

TEST_F(AuditChain, RowsFromBeforeTheChainAreCountedNotJudged) {
  drop_guards();
  db->exec("UPDATE audit_log SET prev_hash = NULL, row_hash = NULL");
  make_writes(2);
  auto r = audit::verify_chain(*db);
  EXPECT_FALSE(r.broken_at) << r.problem;
  EXPECT_GT(r.unchained, 0);
  EXPECT_EQ(r.rows - r.unchained, 2);
}

}  // namespace yilian::testing

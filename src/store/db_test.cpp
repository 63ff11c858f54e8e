// Store tests: run on SQLite, and on PostgreSQL when YILIAN_TEST_DB points at one.
#include "store/db.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/migrations.h"
#include "fixture/fixture.h"

namespace yilian::store {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = testing::fresh_db();
    db->exec_script(apply_dialect("CREATE TABLE t_parent (id {{ID}}, name TEXT NOT NULL UNIQUE)", db->backend()));
  }
  void make_child_table() {
    db->exec_script(apply_dialect(
        "CREATE TABLE t_child (id {{ID}}, parent_id BIGINT NOT NULL REFERENCES t_parent (id), score {{REAL}})",
        db->backend()));
  }
  std::unique_ptr<Db> db;
};

TEST_F(StoreTest, PlaceholdersOutsideQuotesAreRewritten) {
  EXPECT_EQ(rewrite_placeholders("a = ? AND b = '?' AND c = ?"), "a = :p1 AND b = '?' AND c = :p2");
}

TEST(PostgresUrl, BecomesKeywordConninfo) {
  EXPECT_EQ(postgres_conninfo("postgresql://postgres@127.0.0.1:5433/yilian"),
            "host='127.0.0.1' port='5433' user='postgres' dbname='yilian'");
  EXPECT_EQ(postgres_conninfo("postgres://u:p%40ss@db/x?sslmode=disable"),
            "host='db' user='u' password='p@ss' dbname='x' sslmode='disable'");
}

TEST_F(StoreTest, InsertReturnsIdAndValuesRoundTrip) {
  db->exec_script(apply_dialect("DROP TABLE t_parent;\nCREATE TABLE t_parent (id {{ID}}, name TEXT NOT NULL UNIQUE)", db->backend()));
  int64_t a = db->insert("INSERT INTO t_parent (name) VALUES (?)", {"甲"});
  int64_t b = db->insert("INSERT INTO t_parent (name) VALUES (?)", {"乙"});
  EXPECT_GT(a, 0);
  EXPECT_EQ(b, a + 1);
  make_child_table();
  db->exec("INSERT INTO t_child (parent_id, score) VALUES (?, ?)", {a, 2.5});
  db->exec("INSERT INTO t_child (parent_id, score) VALUES (?, ?)", {a, Value()});
  auto r = db->query("SELECT p.name, c.score FROM t_child c JOIN t_parent p ON p.id = c.parent_id ORDER BY c.id");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r.rows[0][0].as_text(), "甲");
  EXPECT_DOUBLE_EQ(r.rows[0][1].as_real(), 2.5);
  EXPECT_TRUE(r.rows[1][1].is_null());
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM t_child").scalar().as_int(), 2);
}

TEST_F(StoreTest, UniqueAndForeignKeyViolationsAreClassified) {
  db->exec("INSERT INTO t_parent (name) VALUES (?)", {"甲"});
  try {
    db->exec("INSERT INTO t_parent (name) VALUES (?)", {"甲"});
    FAIL() << "duplicate accepted";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind, DbError::Kind::unique);
  }
  make_child_table();
  try {
    db->exec("INSERT INTO t_child (parent_id) VALUES (?)", {999});
    FAIL() << "dangling reference accepted";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind, DbError::Kind::foreign_key);
  }
}

TEST_F(StoreTest, TransactionRollsBackUnlessCommitted) {
  {
    Transaction tx(*db);
    db->exec("INSERT INTO t_parent (name) VALUES (?)", {"rolled back"});
  }
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM t_parent").scalar().as_int(), 0);
  {
    Transaction tx(*db);
    db->exec("INSERT INTO t_parent (name) VALUES (?)", {"kept"});
    {
      Transaction inner(*db);  // joins the outer one
      db->exec("INSERT INTO t_parent (name) VALUES (?)", {"kept too"});
      inner.commit();
    }
    tx.commit();
  }
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM t_parent").scalar().as_int(), 2);
}

TEST_F(StoreTest, FailedStatementInsideTransactionLeavesNothing) {
  try {
    Transaction tx(*db);
    db->exec("INSERT INTO t_parent (name) VALUES (?)", {"first"});
    db->exec("INSERT INTO t_parent (name) VALUES (?)", {"first"});
    tx.commit();
  } catch (const DbError&) {
  }
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM t_parent").scalar().as_int(), 0);
}

TEST_F(StoreTest, MigrationsAreVersionedAndIdempotent) {
  std::vector<Migration> ms = {{9001, "first", "CREATE TABLE t_m1 (id {{ID}})"},
                               {9002, "second", "CREATE TABLE t_m2 (id {{ID}})"}};
  EXPECT_EQ(migrate(*db, ms), 2);
  EXPECT_EQ(migrate(*db, ms), 0);
  EXPECT_EQ(schema_version(*db), 9002);
  // A failing migration is rolled back whole and not recorded.
  std::vector<Migration> bad = {{9003, "broken", "CREATE TABLE t_m3 (id {{ID}});\nCREATE TABLE t_m3 (id {{ID}})"}};
  EXPECT_THROW(migrate(*db, bad), DbError);
  EXPECT_EQ(schema_version(*db), 9002);
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM schema_migration WHERE version = 9003").scalar().as_int(), 0);
}

TEST_F(StoreTest, AuditLogIsAppendOnly) {
  db->exec("INSERT INTO audit_log (at, username, action, entity) VALUES ('2026-01-01', 'x', 'create', 'e')");
  EXPECT_THROW(db->exec("UPDATE audit_log SET username = 'y'"), DbError);
  EXPECT_THROW(db->exec("DELETE FROM audit_log"), DbError);
  EXPECT_EQ(db->query("SELECT username FROM audit_log").scalar().as_text(), "x");
}

TEST_F(StoreTest, ForeignKeysAreEnforcedOnRegistryTables) {
  EXPECT_THROW(db->exec("INSERT INTO institution (code, name, kind, region_code, created_at, updated_at) "
                        "VALUES ('X', 'X', 'A100', '999999', 'now', 'now')"),
               DbError);
}

}  // namespace
}  // namespace yilian::store

namespace yilian::store {
namespace {

// Issue 13, item 13: an acknowledged write must survive a power cut. In WAL mode that
// takes synchronous=FULL (the WAL is synced at every commit); NORMAL syncs only at
// checkpoints, so the last commits before a crash of the machine can be lost.
class SqliteDurability : public ::testing::Test {
 protected:
  void SetUp() override {
    path = std::filesystem::temp_directory_path() / ("yilian-sync-" + std::to_string(getpid()) + ".db");
    std::filesystem::remove(path);
  }
  void TearDown() override {
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  }
  static int64_t synchronous(Db& db) { return db.query("PRAGMA synchronous").scalar().as_int(); }
  std::filesystem::path path;
};

TEST_F(SqliteDurability, ACommitIsSyncedToDiskByDefault) {
  auto db = open("sqlite:" + path.string());
  EXPECT_EQ(db->query("PRAGMA journal_mode").scalar().as_text(), "wal");
  EXPECT_EQ(synchronous(*db), 2);  // FULL
  EXPECT_EQ(synchronous(*open("sqlite-soci:" + path.string())), 2);
}

TEST_F(SqliteDurability, NormalSyncIsAnExplicitChoice) {
  EXPECT_EQ(synchronous(*open("sqlite:" + path.string(), {SqliteSync::normal})), 1);
  EXPECT_EQ(synchronous(*open("sqlite-soci:" + path.string(), {SqliteSync::normal})), 1);
  EXPECT_EQ(synchronous(*open("sqlite:" + path.string(), {SqliteSync::full})), 2);
  EXPECT_EQ(parse_sqlite_sync("normal"), SqliteSync::normal);
  EXPECT_THROW(parse_sqlite_sync("off"), std::invalid_argument);
}

}  // namespace
}  // namespace yilian::store

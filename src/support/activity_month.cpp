#include "support/activity_month.h"

#include <string>

namespace yilian::support {
namespace {

std::string counted(const std::string& row) { return row + ".active = 1"; }
// yyyymm as an integer: PostgreSQL compares text by the database's collation (strcoll
// for C.UTF-8), which made a region's year of months cost twice as much to filter.
std::string month(const std::string& row) {
  return "CAST(SUBSTR(" + row + ".day, 1, 4) || SUBSTR(" + row + ".day, 6, 2) AS BIGINT)";
}
std::string quantity(const std::string& row) { return "COALESCE(" + row + ".quantity, 0)"; }

const char* kTable = R"(
CREATE TABLE activity_month (
  assignment_id BIGINT NOT NULL REFERENCES assignment (id),
  month BIGINT NOT NULL,
  kind TEXT NOT NULL,
  records BIGINT NOT NULL DEFAULT 0,
  quantity BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (assignment_id, month, kind)
))";

// In key order, so the monthly teaching check is a streaming DISTINCT over the index alone.
std::string teaching_index() {
  return std::string("CREATE INDEX activity_month_teaching ON activity_month (assignment_id, month) ") +
         "WHERE records > 0 AND kind IN " + kTeachingKindsSql + ";\n";
}

std::string backfill(const std::string& table) {
  return "INSERT INTO activity_month (assignment_id, month, kind, records, quantity) SELECT v.assignment_id, " +
         month("v") + ", v.kind, COUNT(*), SUM(" + quantity("v") + ") FROM " + table + " v WHERE " +
         counted("v") + " GROUP BY 1, 2, 3";
}

const char* kUpsert =
    " ON CONFLICT (assignment_id, month, kind) DO UPDATE SET records = activity_month.records + excluded.records, "
    "quantity = activity_month.quantity + excluded.quantity";

std::string sqlite_sql() {
  auto add = [](const std::string& row) {
    return "INSERT INTO activity_month (assignment_id, month, kind, records, quantity) SELECT " + row +
           ".assignment_id, " + month(row) + ", " + row + ".kind, 1, " + quantity(row) + " WHERE " + counted(row) +
           std::string(kUpsert) + ";";
  };
  auto subtract = [](const std::string& row) {
    return "UPDATE activity_month SET records = records - 1, quantity = quantity - " + quantity(row) + " WHERE " +
           counted(row) + " AND assignment_id = " + row + ".assignment_id AND month = " + month(row) +
           " AND kind = " + row + ".kind;";
  };
  return std::string(kTable) + " WITHOUT ROWID;\n" + teaching_index() + backfill("activity") + ";\n" +
         "CREATE TRIGGER activity_month_insert AFTER INSERT ON activity BEGIN " + add("NEW") + " END;\n" +
         "CREATE TRIGGER activity_month_delete AFTER DELETE ON activity BEGIN " + subtract("OLD") + " END;\n" +
         "CREATE TRIGGER activity_month_update AFTER UPDATE OF assignment_id, day, kind, quantity, active ON activity "
         "BEGIN " + subtract("OLD") + " " + add("NEW") + " END;\n";
}

// PostgreSQL: statement-level triggers over transition tables, so a bulk insert updates
// each assignment-month-kind once.
std::string postgresql_sql() {
  auto aggregate = [](const std::string& table) {
    return "SELECT r.assignment_id, " + month("r") + " AS month, r.kind, COUNT(*)::bigint AS records, SUM(" +
           quantity("r") + ")::bigint AS quantity FROM " + table + " r WHERE " + counted("r") + " GROUP BY 1, 2, 3";
  };
  return std::string(kTable) + ";\n" + teaching_index() + backfill("activity") + ";\n" +
         "CREATE FUNCTION activity_month_apply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN\n"
         "  IF TG_OP <> 'INSERT' THEN\n"
         "    UPDATE activity_month m SET records = m.records - o.records, quantity = m.quantity - o.quantity FROM (" +
         aggregate("old_rows") +
         ") o WHERE m.assignment_id = o.assignment_id AND m.month = o.month AND m.kind = o.kind;\n"
         "  END IF;\n"
         "  IF TG_OP <> 'DELETE' THEN\n"
         "    INSERT INTO activity_month (assignment_id, month, kind, records, quantity) " +
         aggregate("new_rows") + kUpsert + ";\n" +
         "  END IF;\n"
         "  RETURN NULL;\n"
         "END $$;\n"
         "CREATE TRIGGER activity_month_insert AFTER INSERT ON activity REFERENCING NEW TABLE AS new_rows "
         "FOR EACH STATEMENT EXECUTE FUNCTION activity_month_apply();\n"
         "CREATE TRIGGER activity_month_update AFTER UPDATE ON activity REFERENCING OLD TABLE AS old_rows NEW TABLE AS "
         "new_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_apply();\n"
         "CREATE TRIGGER activity_month_delete AFTER DELETE ON activity REFERENCING OLD TABLE AS old_rows "
         "FOR EACH STATEMENT EXECUTE FUNCTION activity_month_apply();\n";
}

}  // namespace

store::Migration activity_month_migration() {
  return {470, "activity per assignment, month and kind, kept by triggers", "", sqlite_sql(), postgresql_sql()};
}

}  // namespace yilian::support

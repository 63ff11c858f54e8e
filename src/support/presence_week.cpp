#include "support/presence_week.h"

#include <string>

namespace yilian::support {
namespace {

// A presence row's share of its week's `days` (see the header), and the Monday of its
// week, in each dialect. `row` is NEW, OLD or a transition table's alias.
std::string sqlite_share(const std::string& row) {
  return "((1 << (4 * ((CAST(strftime('%w', " + row + ".day) AS INTEGER) + 6) % 7))) * (CASE WHEN " + row +
         ".confirmed = 0 THEN 5 ELSE 1 END))";
}
std::string sqlite_monday(const std::string& row) { return "date(" + row + ".day, 'weekday 0', '-6 days')"; }
std::string pg_share(const std::string& row) {
  return "((1::bigint << (4 * (extract(isodow FROM " + row + ".day::date)::int - 1))) * (CASE WHEN " + row +
         ".confirmed = 0 THEN 5 ELSE 1 END))";
}
std::string pg_monday(const std::string& row) {
  return "to_char(date_trunc('week', " + row + ".day::date), 'YYYY-MM-DD')";
}
std::string counted(const std::string& row) { return row + ".active = 1 AND " + row + ".status = 'present'"; }

const char* kTable = R"(
CREATE TABLE presence_week (
  assignment_id BIGINT NOT NULL REFERENCES assignment (id),
  monday TEXT NOT NULL,
  days BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (assignment_id, monday)
))";

std::string sqlite_sql() {
  const std::string upsert = " ON CONFLICT (assignment_id, monday) DO UPDATE SET days = days + excluded.days;";
  return std::string(kTable) + " WITHOUT ROWID;\n" +
         "INSERT INTO presence_week (assignment_id, monday, days) SELECT p.assignment_id, " + sqlite_monday("p") +
         ", SUM(" + sqlite_share("p") + ") FROM presence p WHERE " + counted("p") + " GROUP BY 1, 2;\n" +
         "CREATE TRIGGER presence_week_insert AFTER INSERT ON presence WHEN " + counted("NEW") +
         " BEGIN INSERT INTO presence_week (assignment_id, monday, days) VALUES (NEW.assignment_id, " +
         sqlite_monday("NEW") + ", " + sqlite_share("NEW") + ")" + upsert + " END;\n" +
         "CREATE TRIGGER presence_week_delete AFTER DELETE ON presence WHEN " + counted("OLD") +
         " BEGIN UPDATE presence_week SET days = days - " + sqlite_share("OLD") +
         " WHERE assignment_id = OLD.assignment_id AND monday = " + sqlite_monday("OLD") + "; END;\n" +
         "CREATE TRIGGER presence_week_update AFTER UPDATE OF assignment_id, day, status, active, confirmed ON "
         "presence BEGIN UPDATE presence_week SET days = days - " + sqlite_share("OLD") + " WHERE " + counted("OLD") +
         " AND assignment_id = OLD.assignment_id AND monday = " + sqlite_monday("OLD") + "; " +
         "INSERT INTO presence_week (assignment_id, monday, days) SELECT NEW.assignment_id, " + sqlite_monday("NEW") +
         ", " + sqlite_share("NEW") + " WHERE " + counted("NEW") + upsert + " END;\n";
}

// PostgreSQL: statement-level triggers over transition tables, so a bulk INSERT of
// hundreds of rows updates each week once instead of once per row.
std::string postgresql_sql() {
  auto aggregate = [](const std::string& table) {
    return "SELECT r.assignment_id, " + pg_monday("r") + " AS monday, SUM(" + pg_share("r") + ")::bigint AS days FROM " +
           table + " r WHERE " + counted("r") + " GROUP BY 1, 2";
  };
  return std::string(kTable) + ";\n" + "INSERT INTO presence_week (assignment_id, monday, days) " +
         aggregate("presence") + ";\n" +
         "CREATE FUNCTION presence_week_apply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN\n"
         "  IF TG_OP <> 'INSERT' THEN\n"
         "    UPDATE presence_week w SET days = w.days - o.days FROM (" + aggregate("old_rows") +
         ") o WHERE w.assignment_id = o.assignment_id AND w.monday = o.monday;\n"
         "  END IF;\n"
         "  IF TG_OP <> 'DELETE' THEN\n"
         "    INSERT INTO presence_week (assignment_id, monday, days) " + aggregate("new_rows") +
         " ON CONFLICT (assignment_id, monday) DO UPDATE SET days = presence_week.days + EXCLUDED.days;\n"
         "  END IF;\n"
         "  RETURN NULL;\n"
         "END $$;\n"
         "CREATE TRIGGER presence_week_insert AFTER INSERT ON presence REFERENCING NEW TABLE AS new_rows "
         "FOR EACH STATEMENT EXECUTE FUNCTION presence_week_apply();\n"
         "CREATE TRIGGER presence_week_update AFTER UPDATE ON presence REFERENCING OLD TABLE AS old_rows NEW TABLE AS "
         "new_rows FOR EACH STATEMENT EXECUTE FUNCTION presence_week_apply();\n"
         "CREATE TRIGGER presence_week_delete AFTER DELETE ON presence REFERENCING OLD TABLE AS old_rows "
         "FOR EACH STATEMENT EXECUTE FUNCTION presence_week_apply();\n";
}

}  // namespace

store::Migration presence_week_migration() {
  return {450, "presence per assignment and week, kept by triggers", "", sqlite_sql(), postgresql_sql()};
}

}  // namespace yilian::support

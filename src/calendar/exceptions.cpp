#include "calendar/exceptions.h"

#include "audit/audit.h"
#include "calendar/date.h"
#include "common/clock.h"
#include "common/error.h"
#include "common/region_code.h"

namespace yilian::calendar {
namespace {

using nlohmann::json;

void record(store::Db& db, const Actor& actor, const std::string& action, const std::string& id,
            const std::string& region_code, json before, json after) {
  audit::record(db, actor.user, actor.remote_addr,
                {action, "work_calendar", id, region_code, 0, std::move(before), std::move(after)}, actor.name);
}

// National days follow the exceptions: the weekday rule where none is left.
void sync_national(store::Db& db, const std::string& day) {
  auto r = db.query("SELECT working FROM calendar_exception WHERE region_code = '' AND day = ?", {day});
  int64_t working = r.empty() ? (weekday(day) <= 5 ? 1 : 0) : r.scalar().as_int();
  db.exec("UPDATE work_calendar SET working = ? WHERE day = ?", {working, day});
}

json exception_json(const store::Result& r, size_t i) {
  const auto& row = r.rows[i];
  return {{"id", row[0].as_int()}, {"region_code", row[1].as_text()}, {"day", row[2].as_text()},
          {"working", row[3].as_int() != 0}, {"name", row[4].as_text()}};
}

}  // namespace

void check_region(store::Db& db, const std::string& region_code) {
  if (region_code.empty()) return;
  if (common::region_level(region_code) == common::RegionLevel::invalid ||
      db.query("SELECT code FROM region WHERE code = ? AND active = 1", {region_code}).empty())
    common::invalid("region_code", "行政区划不存在: " + region_code);
}

ImportResult import_notice(store::Db& db, const HolidayNotice& n, const std::string& region_code, const Actor& actor,
                           bool dry_run) {
  check_region(db, region_code);
  ImportResult result;
  for (const auto& d : n.days) (d.working ? result.work_days : result.rest_days) += 1;
  store::Transaction tx(db);
  std::vector<std::string> touched;
  auto old_notice = db.query("SELECT id FROM holiday_notice WHERE region_code = ? AND year = ?", {region_code, n.year});
  const int64_t old_id = old_notice.empty() ? 0 : old_notice.scalar().as_int();
  // What goes: the days of the region's earlier notice for the year, and any single
  // exception of the region on a day the new notice names.
  store::Params p{region_code, old_id};
  std::string days;
  for (const auto& d : n.days) {
    days += days.empty() ? "?" : ", ?";
    p.push_back(d.day);
  }
  auto old = db.query("SELECT id, region_code, day, working, name FROM calendar_exception WHERE region_code = ? AND "
                      "(notice_id = ? OR day IN (" + days + "))",
                      p);
  json removed = json::array();
  for (size_t i = 0; i < old.rows.size(); ++i) {
    removed.push_back(exception_json(old, i));
    touched.push_back(old.rows[i][2].as_text());
    if (!dry_run) db.exec("DELETE FROM calendar_exception WHERE id = ?", {old.rows[i][0].as_int()});
  }
  result.replaced = static_cast<int>(removed.size());
  if (dry_run) return result;  // the transaction rolls back: nothing was written anyway
  if (old_id) db.exec("DELETE FROM holiday_notice WHERE id = ?", {old_id});
  std::string now = common::now_iso();
  auto nullable = [](const std::string& s) { return s.empty() ? store::Value() : store::Value(s); };
  result.notice_id = db.insert(
      "INSERT INTO holiday_notice (region_code, year, title, number, issued, published, url, origin, imported_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'imported', ?, ?)",
      {region_code, n.year, n.title, nullable(n.number), n.issued, nullable(n.published), nullable(n.url),
       actor.user ? actor.user->username : actor.name, now});
  for (const auto& d : n.days) {
    db.exec("INSERT INTO calendar_exception (region_code, day, working, name, clause, notice_id, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {region_code, d.day, d.working ? 1 : 0, d.name, d.clause, result.notice_id,
             actor.user ? actor.user->username : actor.name, now});
    touched.push_back(d.day);
  }
  if (region_code.empty())
    for (const auto& day : touched) sync_national(db, day);
  json after = {{"year", n.year}, {"title", n.title}, {"number", n.number}, {"issued", n.issued},
                {"rest_days", result.rest_days}, {"work_days", result.work_days}};
  record(db, actor, "import", std::to_string(result.notice_id), region_code,
         removed.empty() ? json(nullptr) : json{{"removed", removed}}, after);
  tx.commit();
  return result;
}

int64_t add_exception(store::Db& db, const std::string& region_code, const std::string& day, bool working,
                      const std::string& name, const Actor& actor) {
  check_region(db, region_code);
  if (!common::is_valid_date(day)) common::invalid("day", "日期须为YYYY-MM-DD");
  if (name.empty()) common::invalid("name", "请填写名称(如“国庆节”“调休上班”)");
  if (name.size() > 90) common::invalid("name", "名称不能超过30个字");
  store::Transaction tx(db);
  if (!db.query("SELECT id FROM calendar_exception WHERE region_code = ? AND day = ?", {region_code, day}).empty())
    common::conflict("duplicate", "该地区" + day + "已有调整,请先删除原调整", "day");
  std::string who = actor.user ? actor.user->username : actor.name;
  int64_t id = db.insert("INSERT INTO calendar_exception (region_code, day, working, name, clause, notice_id, "
                         "created_by, created_at) VALUES (?, ?, ?, ?, NULL, NULL, ?, ?)",
                         {region_code, day, working ? 1 : 0, name, who, common::now_iso()});
  if (region_code.empty()) sync_national(db, day);
  record(db, actor, "create", std::to_string(id), region_code, nullptr,
         {{"day", day}, {"working", working}, {"name", name}, {"region_code", region_code}});
  tx.commit();
  return id;
}

void remove_exception(store::Db& db, int64_t id, const Actor& actor) {
  store::Transaction tx(db);
  auto r = db.query("SELECT id, region_code, day, working, name FROM calendar_exception WHERE id = ?", {id});
  if (r.empty()) common::not_found("日历调整不存在");
  json before = exception_json(r, 0);
  db.exec("DELETE FROM calendar_exception WHERE id = ?", {id});
  if (r.rows[0][1].as_text().empty()) sync_national(db, r.rows[0][2].as_text());
  record(db, actor, "delete", std::to_string(id), r.rows[0][1].as_text(), before, nullptr);
  tx.commit();
}

}  // namespace yilian::calendar

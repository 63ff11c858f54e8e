#include "calendar/holidays.h"

#include <algorithm>
#include <map>
#include <set>
#include <toml++/toml.h>

#include "calendar/date.h"
#include "calendar/shipped_files.h"
#include "common/clock.h"

namespace yilian::calendar {
namespace {

constexpr int kFirstNoticeYear = 2025, kLastNoticeVersion = 159;

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  HolidayNotice read(const toml::table& root) {
    HolidayNotice n;
    for (const auto& [key, node] : root)
      if (key.str() != "notice" && key.str() != "holiday")
        issue(line(node), "未知的顶层键 " + std::string(key.str()) + ",只允许 [notice] 与 [[holiday]]");
    const toml::table* notice = root["notice"].as_table();
    if (!notice) {
      issue(0, "缺少 [notice] 表(year、title、issued)");
    } else {
      for (const auto& [key, node] : *notice)
        if (!std::set<std::string>{"year", "title", "number", "issued", "published", "url"}.count(std::string(key.str())))
          issue(line(node), "[notice] 中未知的键 " + std::string(key.str()));
      if (auto y = (*notice)["year"].value<int64_t>(); y && *y >= 2000 && *y <= 2100) n.year = static_cast<int>(*y);
      else issue(line(*notice), "notice.year 须为2000–2100的整数");
      n.title = text(*notice, "title", true);
      n.number = text(*notice, "number", false);
      n.issued = text(*notice, "issued", true);
      n.published = text(*notice, "published", false);
      n.url = text(*notice, "url", false);
      if (!n.issued.empty() && !common::is_valid_date(n.issued)) issue(line(*notice), "notice.issued 须为日期YYYY-MM-DD");
    }
    const toml::array* holidays = root["holiday"].as_array();
    if (!holidays || holidays->empty()) issue(0, "缺少 [[holiday]](每项节日一个)");
    else
      for (const auto& h : *holidays) {
        if (const toml::table* t = h.as_table()) holiday(*t, n);
        else issue(line(h), "[[holiday]] 须为表");
      }
    std::sort(n.days.begin(), n.days.end(), [](const NoticeDay& a, const NoticeDay& b) { return a.day < b.day; });
    if (!problems_.empty()) throw NoticeError(problems_);
    return n;
  }

 private:
  static int line(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

  void issue(int at, const std::string& message) {
    problems_ += (problems_.empty() ? "" : "\n") + file_ + ":" + std::to_string(at) + ": " + message;
  }

  std::string text(const toml::table& t, const char* key, bool required) {
    const toml::node* node = t.get(key);
    if (!node) {
      if (required) issue(line(t), std::string("缺少 ") + key);
      return "";
    }
    auto s = node->value<std::string>();
    if (!s || s->empty()) {
      issue(line(*node), std::string(key) + " 须为非空字符串");
      return "";
    }
    return *s;
  }

  // The year's own dates, or the neighbouring December and January (a 调休 may fall there).
  bool in_year(const std::string& d, int year) const {
    return d >= std::to_string(year - 1) + "-12-01" && d <= std::to_string(year + 1) + "-01-31";
  }

  void add(HolidayNotice& n, int at, const std::string& day, bool working, const std::string& name,
           const std::string& clause) {
    if (!seen_.insert(day).second) {
      issue(at, day + " 重复出现");
      return;
    }
    n.days.push_back({day, working, name, clause});
  }

  void holiday(const toml::table& t, HolidayNotice& n) {
    for (const auto& [key, node] : t)
      if (!std::set<std::string>{"name", "rest", "days", "work", "clause"}.count(std::string(key.str())))
        issue(line(node), "[[holiday]] 中未知的键 " + std::string(key.str()));
    std::string name = text(t, "name", true), clause = text(t, "clause", true);
    const int at = line(t);
    int rest_days = 0;
    const toml::array* rest = t["rest"].as_array();
    if (!rest || rest->empty()) issue(at, name + ": 缺少 rest(放假日期)");
    else
      for (const auto& item : *rest) {
        auto s = item.value<std::string>();
        if (!s) {
          issue(line(item), name + ": rest 的每项须为日期或“起..止”");
          continue;
        }
        size_t dots = s->find("..");
        std::string from = s->substr(0, dots), to = dots == std::string::npos ? from : s->substr(dots + 2);
        if (!common::is_valid_date(from) || !common::is_valid_date(to)) {
          issue(line(item), name + ": 日期无效 " + *s);
          continue;
        }
        if (to < from || days_between(from, to) > 15) {
          issue(line(item), name + ": 日期区间无效 " + *s);
          continue;
        }
        if (n.year && (!in_year(from, n.year) || !in_year(to, n.year))) {
          issue(line(item), name + ": " + *s + " 不在" + std::to_string(n.year) + "年");
          continue;
        }
        for (std::string d = from; d <= to; d = add_days(d, 1), ++rest_days) add(n, line(item), d, false, name, clause);
      }
    if (auto days = t["days"].value<int64_t>()) {
      if (*days != rest_days)
        issue(at, name + ": 放假日期共" + std::to_string(rest_days) + "天,与通知的“共" + std::to_string(*days) + "天”不符");
    } else {
      issue(at, name + ": 缺少 days(通知所写“共N天”)");
    }
    if (const toml::node* work = t.get("work")) {
      const toml::array* list = work->as_array();
      if (!list) issue(line(*work), name + ": work 须为日期数组");
      else
        for (const auto& item : *list) {
          auto s = item.value<std::string>();
          if (!s || !common::is_valid_date(*s)) issue(line(item), name + ": 上班日期无效");
          else if (n.year && !in_year(*s, n.year)) issue(line(item), name + ": " + *s + " 不在" + std::to_string(n.year) + "年");
          else if (weekday(*s) < 6) issue(line(item), name + ": 调休上班日" + *s + "不是周六或周日");
          else add(n, line(item), *s, true, name, clause);
        }
    }
  }

  std::string file_, problems_;
  std::set<std::string> seen_;
};

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string migration_sql(const HolidayNotice& n) {
  const std::string year = std::to_string(n.year);
  const std::string absent = " NOT EXISTS (SELECT 1 FROM holiday_notice x WHERE x.region_code = '' AND x.year = " + year + ")";
  std::string rest, work;
  for (const auto& d : n.days) (d.working ? work : rest) += ((d.working ? work : rest).empty() ? "" : ", ") + quoted(d.day);
  std::string sql;
  if (!rest.empty()) sql += "UPDATE work_calendar SET working = 0 WHERE day IN (" + rest + ") AND" + absent + ";\n";
  if (!work.empty()) sql += "UPDATE work_calendar SET working = 1 WHERE day IN (" + work + ") AND" + absent + ";\n";
  const std::string stamp = quoted(n.issued + "T00:00:00Z");
  auto or_null = [](const std::string& s) { return s.empty() ? std::string("NULL") : quoted(s); };
  sql += "INSERT INTO holiday_notice (region_code, year, title, number, issued, published, url, origin, imported_by, "
         "created_at) SELECT '', " + year + ", " + quoted(n.title) + ", " + or_null(n.number) + ", " + quoted(n.issued) +
         ", " + or_null(n.published) + ", " + or_null(n.url) + ", 'shipped', NULL, " + stamp + " WHERE" + absent + ";\n";
  for (const auto& d : n.days)
    sql += "INSERT INTO calendar_exception (region_code, day, working, name, clause, notice_id, created_by, created_at) "
           "SELECT '', " + quoted(d.day) + ", " + (d.working ? "1" : "0") + ", " + quoted(d.name) + ", " +
           quoted(d.clause) + ", n.id, 'shipped', " + stamp + " FROM holiday_notice n WHERE n.region_code = '' AND n.year = " +
           year + " AND n.origin = 'shipped' AND NOT EXISTS (SELECT 1 FROM calendar_exception e WHERE e.region_code = '' "
           "AND e.day = " + quoted(d.day) + ");\n";
  return sql;
}

}  // namespace

HolidayNotice parse_notice(const std::string& toml_text, const std::string& file) {
  toml::table root;
  try {
    root = toml::parse(toml_text, file);
  } catch (const toml::parse_error& e) {
    throw NoticeError(file + ":" + std::to_string(e.source().begin.line) + ": TOML格式错误: " +
                      std::string(e.description()));
  }
  return Reader(file).read(root);
}

const std::vector<HolidayNotice>& shipped_notices() {
  static const std::vector<HolidayNotice> notices = [] {
    std::vector<HolidayNotice> out;
    for (const auto& [name, text] : shipped_holiday_files()) out.push_back(parse_notice(text, "calendars/" + name));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
    return out;
  }();
  return notices;
}

bool shipped_working_day(const std::string& day) {
  static const std::map<std::string, bool> exceptions = [] {
    std::map<std::string, bool> m;
    for (const auto& n : shipped_notices())
      for (const auto& d : n.days) m[d.day] = d.working;
    return m;
  }();
  auto it = exceptions.find(day);
  return it != exceptions.end() ? it->second : weekday(day) <= 5;
}

int notice_migration_version(int year) { return 152 + (year - kFirstNoticeYear); }

std::vector<store::Migration> shipped_notice_migrations() {
  std::vector<store::Migration> out;
  for (const auto& n : shipped_notices()) {
    int version = notice_migration_version(n.year);
    if (version < 152 || version > kLastNoticeVersion)
      throw std::logic_error("calendar: no migration version left for the shipped notice of " + std::to_string(n.year));
    out.push_back({version, "holiday arrangement " + std::to_string(n.year) + " (" + n.title + ")", migration_sql(n)});
  }
  return out;
}

}  // namespace yilian::calendar

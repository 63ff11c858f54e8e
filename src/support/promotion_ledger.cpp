// D5: the promotion ledger. Grassroots service (days on site at township, community and
// village units) accumulates across assignments; this year's eligibility also needs a
// long enough term, enough days a week, no refused dispatch and no failed appraisal —
// each number from the policy of the relationship the person served under.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "api/context.h"
#include "auth/scope.h"
#include "calendar/date.h"
#include "common/clock.h"
#include "common/error.h"
#include "io/table.h"
#include "codes/codes.h"
#include "support/grassroots_days.h"
#include "support/policy_of.h"
#include "support/report_routes.h"

namespace yilian::support {
namespace {

constexpr int64_t kMaxSheetRows = 5000;

http::Response ledger_xlsx(const nlohmann::json& items, int year) {
  io::Table table = {{"姓名", "单位", "职称", "拟晋升年度", "基层服务累计(天)", "应满(天)", "本年在岗(天)", "每周在岗(天)",
                      "拒绝派驻", "考核不合格", "晋升资格", "原因与依据"}};
  auto yes = [](bool b) { return std::string(b ? "是" : "否"); };
  for (const auto& i : items) {
    std::string reasons;
    for (const auto& r : i["reasons"]) reasons += (reasons.empty() ? "" : ";") + r.get<std::string>();
    std::string per_week = std::to_string(i["year_days_per_week"].get<double>());
    per_week = per_week.substr(0, per_week.find('.') + 2);
    table.push_back({i["name"].get<std::string>(), i["institution_name"].get<std::string>(), i["title"].get<std::string>(),
                     i["promotion_year"].is_null() ? "" : std::to_string(i["promotion_year"].get<int64_t>()),
                     std::to_string(i["grassroots_days"].get<int64_t>()),
                     i["required_days"].is_null() ? "" : std::to_string(i["required_days"].get<int64_t>()),
                     std::to_string(i["year_days"].get<int64_t>()), per_week, yes(i["refused"].get<bool>()),
                     yes(i["failed_evaluation"].get<bool>()),
                     i["eligible"].is_null() ? "非本年度晋升人选" : (i["eligible"].get<bool>() ? "符合" : "不符合"), reasons});
  }
  http::Response res;
  res.body = io::write_table(table, io::TableFormat::xlsx, "晋升资格台账");
  res.content_type = io::content_type(io::TableFormat::xlsx);
  // 晋升资格台账_YYYY.xlsx
  res.headers.emplace_back("Content-Disposition", "attachment; filename*=UTF-8''%E6%99%8B%E5%8D%87%E8%B5%84%E6%A0%BC%E5%8F%B0%E8%B4%A6_" +
                                                      std::to_string(year) + ".xlsx");
  return res;
}

// The 副高 title an intermediate title leads to, in the person's own series (GB/T 8561:
// 233 主治医师 → 232 副主任医师, 253 主管护师 → 252 副主任护师, 243 → 242, 263 → 262).
std::string next_associate_title(const std::string& title_code) {
  if (title_code.size() == 3) {
    std::string label = codes::label_of(codes::titles(), title_code.substr(0, 2) + "2");
    if (!label.empty() && label != title_code.substr(0, 2) + "2") return label;
  }
  return "副高级职称";
}

using nlohmann::json;

struct Person {
  int64_t id = 0, institution_id = 0;
  std::string name, institution, title_code, title_level;
  int64_t promotion_year = 0;
  int64_t cumulative_days = 0, year_days = 0;
  double year_weeks = 0;
  int64_t longest_term_months = 0;  // calendar months, as D3 counts them
  bool refused = false, failed = false, dispatched_this_year = false;
  std::shared_ptr<const policy::EffectivePolicy> policy;
};

std::string cite(const policy::EffectivePolicy* p, const std::string& key) {
  if (!p) return "";
  auto v = p->get(key);
  return v ? " (" + v->reference() + ")" : "";
}

std::string in_list(const std::vector<int64_t>& ids, store::Params& params) {
  std::string s = "(";
  for (size_t i = 0; i < ids.size(); ++i) {
    s += i ? ",?" : "?";
    params.push_back(ids[i]);
  }
  return s + ")";
}

}  // namespace

http::Response promotion_ledger(api::Context& ctx) {
  const auto& me = ctx.me();
  const int year = static_cast<int>(api::query_int(ctx.req, "year", std::stoi(common::today().substr(0, 4)), 2000, 2100));
  std::string ys = std::to_string(year), year_start = ys + "-01-01", year_end = ys + "-12-31";
  api::Page page = api::parse_page(ctx.req);

  auto scope = auth::scope_condition(me, {.region = "i.region_code", .institution = "s.institution_id",
                                          .kind = "i.kind", .staff = "s.id"});
  std::string where = " FROM staff s JOIN institution i ON i.id = s.institution_id WHERE s.active = 1 AND " +
                      scope.sql +
                      " AND (s.promotion_year = ? OR EXISTS (SELECT 1 FROM assignment a WHERE a.staff_id = s.id AND "
                      "a.active = 1 AND COALESCE(a.actual_start, a.planned_start) <= ?))";
  store::Params params = scope.params;
  params.push_back(year);
  params.push_back(year_end);
  if (int64_t inst = api::query_id(ctx.req, "institution_id")) {
    where += " AND s.institution_id = ?";
    params.push_back(inst);
  }
  if (ctx.req.query_or("candidates") == "1") {
    where += " AND s.promotion_year = ?";
    params.push_back(year);
  }
  int64_t total = ctx.db.query("SELECT COUNT(*)" + where, params).scalar().as_int();
  // ?format=xlsx: the whole ledger of the query (not one page) as a sheet.
  std::string format = ctx.req.query_or("format", "json");
  if (format != "json" && format != "xlsx") common::bad_request("bad_format", "format须为json或xlsx", "format");
  if (format == "xlsx") {
    if (total > kMaxSheetRows) common::bad_request("too_many_rows", "一次最多导出5000人,请按机构筛选", "format");
    page.page = 1;
    page.size = std::max<int64_t>(total, 1);
  }
  store::Params pp = params;
  pp.push_back(page.size);
  pp.push_back(page.offset());
  auto rows = ctx.db.query("SELECT s.id, s.name, i.name, s.title_code, s.title_level, s.promotion_year, s.institution_id" +
                               where + " ORDER BY s.institution_id, s.name, s.id LIMIT ? OFFSET ?",
                           pp);
  std::vector<Person> people;
  std::vector<int64_t> ids;
  for (const auto& r : rows.rows) {
    Person p;
    p.id = r[0].as_int();
    p.name = r[1].as_text();
    p.institution = r[2].as_text();
    p.title_code = r[3].as_text();
    p.title_level = r[4].as_text();
    p.promotion_year = r[5].as_int();
    p.institution_id = r[6].as_int();
    people.push_back(p);
    ids.push_back(p.id);
  }
  json items = json::array();
  if (!ids.empty()) {
    std::map<int64_t, Person*> by_id;
    for (auto& p : people) by_id[p.id] = &p;
    // Days on site at grassroots units (township centres, community centres, village
    // clinics); rounds days are added below where the policy counts them (D5).
    store::Params dp{year_end};
    std::string in = in_list(ids, dp);
    auto days = ctx.db.query(
        "SELECT DISTINCT a.staff_id, p.day FROM presence p JOIN assignment a ON a.id = p.assignment_id JOIN "
        "institution ri ON ri.id = a.recipient_institution_id WHERE p.active = 1 AND p.status = 'present' AND p.day <= ? AND "
        "a.active = 1 AND (ri.kind IN ('C100', 'C210', 'C220', 'B100', 'B200', 'D600')) AND a.staff_id IN " + in,
        dp);
    std::map<int64_t, std::set<std::string>> service_days;
    for (const auto& r : days.rows) service_days[r[0].as_int()].insert(r[1].as_text());
    // This year's assignments: term, weeks, refusals, and the policy they fall under.
    store::Params ap{year_end, year_start};
    std::string ain = in_list(ids, ap);
    auto assignments = ctx.db.query(
        "SELECT a.staff_id, a.refused, COALESCE(a.actual_start, a.planned_start), COALESCE(a.actual_end, "
        "a.planned_end), r.preset_id, r.overrides, a.id FROM assignment a LEFT JOIN support_relationship r ON r.id = "
        "a.relationship_id WHERE a.active = 1 AND a.status <> 'cancelled' AND COALESCE(a.actual_start, "
        "a.planned_start) <= ? AND COALESCE(a.actual_end, a.planned_end) >= ? AND a.staff_id IN " + ain,
        ap);
    for (const auto& r : assignments.rows) {
      Person& p = *by_id[r[0].as_int()];
      if (r[1].as_int()) p.refused = true;
      std::string start = std::max(r[2].as_text(), year_start), end = std::min(r[3].as_text(), year_end);
      if (!r[1].as_int()) {
        p.dispatched_this_year = true;
        p.year_weeks += (calendar::days_between(start, end) + 1) / 7.0;
        p.longest_term_months = std::max<int64_t>(p.longest_term_months, calendar::served_months(r[2].as_text(), r[3].as_text()));
      }
      if (!p.policy) p.policy = policy_of(r[4].as_text(), r[5].as_text());
    }
    // People never dispatched fall under the policy of their hospital's relationships.
    for (auto& p : people) {
      if (p.policy) continue;
      auto r = ctx.db.query("SELECT preset_id, overrides FROM support_relationship WHERE supporting_institution_id = ? "
                            "AND active = 1 AND preset_id IS NOT NULL ORDER BY start_date DESC LIMIT 1",
                            {p.institution_id});
      if (!r.empty()) p.policy = policy_of(r.rows[0][0].as_text(), r.rows[0][1].as_text());
    }
    std::vector<std::pair<std::string, std::map<int64_t, std::set<std::string>>>> other;
    for (const auto& source : grassroots_sources()) other.emplace_back(source.policy_flag, source.dates(ctx.db, ids, "", year_end));
    for (auto& p : people) {
      auto& d = service_days[p.id];
      for (auto& [flag, dates] : other)
        if (bool_param(p.policy.get(), flag) && dates.count(p.id)) d.insert(dates[p.id].begin(), dates[p.id].end());
      p.cumulative_days = static_cast<int64_t>(d.size());
      p.year_days = std::count_if(d.begin(), d.end(), [&](const std::string& day) { return day >= year_start; });
    }
    store::Params ep{year_start, year_end};
    std::string ein = in_list(ids, ep);
    auto failed = ctx.db.query(
        "SELECT DISTINCT a.staff_id FROM evaluation v JOIN assignment a ON a.id = v.assignment_id WHERE v.active = 1 "
        "AND v.grade = 'unqualified' AND v.day >= ? AND v.day <= ? AND a.staff_id IN " + ein,
        ep);
    for (const auto& r : failed.rows) by_id[r[0].as_int()]->failed = true;

    for (const auto& p : people) {
      const policy::EffectivePolicy* pol = p.policy.get();
      json reasons = json::array();
      auto required = int_param(pol, "promotion.grassroots_days_before_associate");
      bool to_associate = p.title_level == "intermediate";
      if (required && to_associate && p.cumulative_days < *required)
        reasons.push_back("基层服务累计" + std::to_string(p.cumulative_days) + "天,晋升" + next_associate_title(p.title_code) +
                          "前须满" + std::to_string(*required) + "天" +
                          cite(pol, "promotion.grassroots_days_before_associate"));
      if (p.refused && bool_param(pol, "promotion.refusal_loses_eligibility"))
        reasons.push_back(std::string("本年度拒绝派驻,取消晋升资格") + cite(pol, "promotion.refusal_loses_eligibility"));
      if (p.failed && bool_param(pol, "promotion.failed_evaluation_loses_eligibility"))
        reasons.push_back(std::string("本年度考核不合格") + cite(pol, "promotion.failed_evaluation_loses_eligibility"));
      double per_week = p.year_weeks > 0 ? p.year_days / p.year_weeks : 0;
      if (p.dispatched_this_year) {
        if (auto months = int_param(pol, "promotion.eligibility_min_term_months");
            months && p.longest_term_months < *months)
          reasons.push_back("本年度派驻服务不足" + std::to_string(*months) + "个月" +
                            cite(pol, "promotion.eligibility_min_term_months"));
        if (auto d = int_param(pol, "promotion.eligibility_min_days_per_week"); d && per_week + 1e-9 < *d)
          reasons.push_back("本年度平均每周在岗" + std::to_string(per_week).substr(0, 3) + "天,不足" + std::to_string(*d) +
                            "天" + cite(pol, "promotion.eligibility_min_days_per_week"));
      }
      bool candidate = p.promotion_year == year;
      items.push_back({{"staff_id", p.id},
                       {"name", p.name},
                       {"institution_id", p.institution_id},
                       {"institution_name", p.institution},
                       {"title_code", p.title_code},
                       {"title", codes::label_of(codes::titles(), p.title_code)},
                       {"promotion_year", p.promotion_year ? json(p.promotion_year) : json(nullptr)},
                       {"candidate", candidate},
                       {"grassroots_days", p.cumulative_days},
                       {"required_days", required ? json(*required) : json(nullptr)},
                       {"year_days", p.year_days},
                       {"year_days_per_week", std::round(per_week * 10) / 10},
                       {"refused", p.refused},
                       {"failed_evaluation", p.failed},
                       {"preset_id", pol ? json(pol->preset_id()) : json(nullptr)},
                       {"eligible", candidate ? json(reasons.empty()) : json(nullptr)},
                       {"reasons", reasons}});
    }
  }
  if (format == "xlsx") return ledger_xlsx(items, year);
  json out = api::page_json(page, total, items);
  out["year"] = year;
  return http::Response::json(out);
}

}  // namespace yilian::support

// D4 (days a week on site, someone on site every working day), D2 (staff on site at the
// same time) and D10 (presence the recipient never confirmed) — all from half-day
// presence rows, read once (presence_days.h) and aggregated here per rule.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "calendar/date.h"
#include "compliance/context.h"
#include "compliance/presence_days.h"

namespace yilian::compliance {
namespace {

using Days = std::vector<PresenceDay>;

// The weekly minimum for an assignment: village-level dispatch has its own (V4/D4).
std::optional<policy::Param> weekly_param(const Evaluation& e, const Assignment& a) {
  if (a.level == "village") {
    if (auto p = e.param(*a.relationship, "village_dispatch.min_days_per_week")) return p;
  }
  return e.param(*a.relationship, "dispatch.min_days_per_week");
}

void weekly_days(Evaluation& e, const Days& present) {
  std::map<int64_t, const Assignment*> by_id;
  for (const auto& a : e.assignments) {
    if (a.refused || a.status == "cancelled" || !weekly_param(e, a)) continue;
    by_id[a.id] = &a;
  }
  if (by_id.empty()) return;

  // Days on site per assignment and ISO week; weeks with no presence at all are absent
  // and counted as 0 below.
  std::unordered_map<std::string, std::string> week_of;  // day → ISO week, a few hundred days
  std::map<std::pair<int64_t, std::string>, int64_t> on_site;
  for (const auto& p : present) {
    if (!by_id.count(p.assignment)) continue;
    auto [it, fresh] = week_of.try_emplace(p.day);
    if (fresh) it->second = calendar::iso_week(p.day).label();
    ++on_site[{p.assignment, it->second}];
  }
  std::map<std::string, int64_t> working_days;  // per ISO week, holidays excluded
  for (const auto& row : e.db.query("SELECT iso_week, COUNT(*) FROM work_calendar WHERE day >= ? AND day <= ? AND "
                                    "working = 1 GROUP BY iso_week",
                                    {calendar::add_days(e.request.from, -7), calendar::add_days(e.last_day, 7)})
                             .rows)
    working_days[row[0].as_text()] = row[1].as_int();

  struct Row {
    int64_t assignment;
    std::string week;
    int64_t days, working;
  };
  std::vector<Row> short_weeks;
  for (const auto& [id, a] : by_id) {
    std::string first = std::max({a->start, e.request.from});
    std::string last = std::min({a->end, e.last_day});
    if (last < first) continue;
    int64_t required = std::get<int64_t>(weekly_param(e, *a)->value);
    for (std::string monday = calendar::iso_week(first).monday(); monday <= last; monday = calendar::add_days(monday, 7)) {
      e.checked("dispatch.weekly_days");
      std::string week = calendar::iso_week(monday).label();
      auto it = on_site.find({id, week});
      int64_t days = it == on_site.end() ? 0 : it->second;
      if (days < required) short_weeks.push_back({id, week, days, working_days[week]});
    }
  }
  for (const auto& w : short_weeks) {
    const Assignment& a = *by_id[w.assignment];
    calendar::IsoWeek week;
    if (!calendar::parse_iso_week(w.week, week)) continue;
    // A week the assignment (or the evaluated period) covers only in part is not judged.
    std::string first = std::max(a.start, e.request.from), last = std::min(a.end, e.last_day);
    if (week.monday() < first || week.sunday() > last) continue;
    auto p = weekly_param(e, a);
    int64_t required = std::min<int64_t>(std::get<int64_t>(p->value), w.working);
    if (w.days >= required) continue;
    Finding f{.rule = "D4", .check = "dispatch.weekly_days", .severity = Severity::error, .subject_type = "staff",
              .subject_id = a.staff_id, .subject_name = a.staff_name, .period = week.label(),
              .expected = "≥" + std::to_string(required) + "天", .actual = std::to_string(w.days) + "天",
              .relationship_id = a.relationship_id, .institution_id = a.recipient_id,
              .region_code = a.relationship->recipient_region};
    f.message = a.staff_name + " " + week_label(week.label()) + "在受援单位" + a.relationship->recipient_name +
                std::to_string(w.days) + "天,少于每周" + std::to_string(required) + "天";
    e.add(std::move(f), *p);
  }
}

// D4: at least one dispatched person on site every working day, from the first day
// someone was dispatched under the relationship. One aggregate query returns the days
// each relationship was covered; the working days come from the calendar table.
void daily_coverage(Evaluation& e, const Days& present) {
  std::map<int64_t, std::string> first_start;  // relationship → first assignment start
  for (const auto& a : e.assignments) {
    if (a.refused || a.status == "cancelled") continue;
    auto& s = first_start[a.relationship_id];
    if (s.empty() || a.start < s) s = a.start;
  }
  std::vector<const Relationship*> rels;
  for (const auto& r : e.relationships)
    if (e.flag(r, "dispatch.daily_coverage_required") && first_start.count(r.id)) rels.push_back(&r);
  if (rels.empty()) return;
  std::vector<std::pair<std::string, std::string>> working;  // (day, iso week)
  for (const auto& row : e.db.query("SELECT day, iso_week FROM work_calendar WHERE day >= ? AND day <= ? AND "
                                    "working = 1 ORDER BY day",
                                    {e.request.from, e.last_day})
                             .rows)
    working.emplace_back(row[0].as_text(), row[1].as_text());
  std::set<std::pair<int64_t, std::string>> covered;
  for (const auto& p : present) covered.emplace(p.relationship, p.day);

  for (const Relationship* rp : rels) {
    const Relationship& r = *rp;
    std::string from = std::max({r.start, e.request.from, first_start[r.id]});
    std::string to = std::min(r.end, e.last_day);
    std::map<std::string, std::vector<std::string>> by_week;
    int64_t checked = 0;
    for (const auto& [day, week] : working) {
      if (day < from || day > to) continue;
      ++checked;
      if (!covered.count({r.id, day})) by_week[week].push_back(day);
    }
    e.checked("dispatch.daily_coverage", checked);
    auto p = e.param(r, "dispatch.daily_coverage_required");
    // One finding per week, naming the uncovered days; the failure count is per day.
    for (const auto& [week, days] : by_week) {
      std::string list;
      for (size_t i = 0; i < days.size(); ++i)
        list += (i ? "、" : "") + std::to_string(std::stoi(days[i].substr(5, 2))) + "月" +
                std::to_string(std::stoi(days[i].substr(8, 2))) + "日";
      Finding f{.rule = "D4", .check = "dispatch.daily_coverage", .severity = Severity::error,
                .subject_type = "relationship", .subject_id = r.id, .subject_name = r.recipient_name, .period = week,
                .expected = "每个工作日≥1人在岗", .actual = std::to_string(days.size()) + "个工作日无人在岗",
                .relationship_id = r.id, .institution_id = r.recipient_id, .region_code = r.recipient_region};
      f.message = r.recipient_name + " " + week_label(week) + "有" + std::to_string(days.size()) +
                  "个工作日无派驻人员在岗(" + list + ")";
      e.add(std::move(f), *p);
      e.report.checks["dispatch.daily_coverage"].failed += static_cast<int64_t>(days.size()) - 1;
    }
  }
}

// D2: the city→county rule counts staff on site at the same time; judged per month by
// the best day of the month, so one sick day does not make a finding.
void concurrent_staff(Evaluation& e, const Days& present) {
  std::vector<const Relationship*> rels;
  for (const auto& r : e.relationships) {
    bool city_tier = r.tier == "tertiary_county" || r.tier == "city_county";
    if ((city_tier && e.integer(r, "dispatch.min_concurrent_staff_city_to_county")) || e.integer(r, "dispatch.team_size"))
      rels.push_back(&r);
  }
  if (rels.empty()) return;
  std::set<int64_t> judged;
  for (const Relationship* r : rels) judged.insert(r->id);
  // Distinct staff per relationship and day (one person may hold two assignments), then
  // the best day of each month.
  std::set<std::tuple<int64_t, std::string, int64_t>> on_site;
  for (const auto& p : present)
    if (judged.count(p.relationship)) on_site.emplace(p.relationship, p.day, p.staff);
  std::map<std::pair<int64_t, std::string>, int64_t> per_day;
  for (const auto& [relationship, day, staff] : on_site) ++per_day[{relationship, day}];
  std::map<std::pair<int64_t, std::string>, int64_t> best;  // (relationship, month) → max headcount
  for (const auto& [key, count] : per_day) {
    auto& b = best[{key.first, key.second.substr(0, 7)}];
    b = std::max(b, count);
  }
  for (const Relationship* r : rels) {
    bool city_tier = r->tier == "tertiary_county" || r->tier == "city_county";
    std::string key = city_tier && e.integer(*r, "dispatch.min_concurrent_staff_city_to_county")
                          ? "dispatch.min_concurrent_staff_city_to_county"
                          : "dispatch.team_size";
    int64_t required = *e.integer(*r, key);
    // Whole months inside both the relationship and the evaluated period.
    std::string from = std::max(r->start, e.request.from), to = std::min(r->end, e.last_day);
    for (std::string m = from.substr(0, 7); m <= to.substr(0, 7); m = add_months(m + "-01", 1).substr(0, 7)) {
      if (m + "-01" < from || add_months(m + "-01", 1) > calendar::add_days(to, 1)) continue;
      e.checked("dispatch.concurrent_staff");
      int64_t got = best.count({r->id, m}) ? best[{r->id, m}] : 0;
      if (got >= required) continue;
      Finding f{.rule = "D2", .check = "dispatch.concurrent_staff", .severity = Severity::error,
                .subject_type = "relationship", .subject_id = r->id,
                .subject_name = r->supporting_name + "→" + r->recipient_name, .period = m,
                .expected = "≥" + std::to_string(required) + "人同时在岗",
                .actual = "最多" + std::to_string(got) + "人", .relationship_id = r->id,
                .institution_id = r->recipient_id, .region_code = r->recipient_region};
      f.message = r->supporting_name + "派驻" + r->recipient_name + " " + month_label(m) + "同时在岗最多" +
                  std::to_string(got) + "人,少于" + std::to_string(required) + "人";
      e.add(std::move(f), *e.param(*r, key));
    }
  }
}

// D10: half-days the dispatched person checked in but the recipient never confirmed,
// a week after the fact — the sign of "not actually on site".
void unconfirmed(Evaluation& e, const Days& present) {
  std::string cutoff = calendar::add_days(e.request.today, -7);
  std::map<std::pair<int64_t, std::string>, int64_t> open;  // (assignment, month) → half-days
  for (const auto& p : present)
    if (p.unconfirmed > 0 && p.day <= cutoff) open[{p.assignment, p.day.substr(0, 7)}] += p.unconfirmed;
  std::map<int64_t, const Assignment*> by_id;
  for (const auto& a : e.assignments) by_id[a.id] = &a;
  e.checked("presence.confirmation", static_cast<int64_t>(e.assignments.size()));
  for (const auto& [key, half_days] : open) {
    auto it = by_id.find(key.first);
    if (it == by_id.end()) continue;
    const Assignment& a = *it->second;
    auto p = e.param(*a.relationship, "dispatch.min_days_per_week");
    if (!p) continue;
    const std::string& month = key.second;
    Finding f{.rule = "D10", .check = "presence.confirmation", .severity = Severity::warning,
              .subject_type = "staff", .subject_id = a.staff_id, .subject_name = a.staff_name, .period = month,
              .expected = "在岗记录经受援单位确认", .actual = std::to_string(half_days) + "个半天未确认",
              .relationship_id = a.relationship_id, .institution_id = a.recipient_id,
              .region_code = a.relationship->recipient_region};
    f.message = a.staff_name + " " + month_label(month) + "有" + std::to_string(half_days) + "个半天签到未经" +
                a.relationship->recipient_name + "确认";
    e.add(std::move(f), *p);
  }
}

}  // namespace

void check_presence(Evaluation& e) {
  const Days present = load_presence_days(e);
  weekly_days(e, present);
  daily_coverage(e, present);
  concurrent_staff(e, present);
  unconfirmed(e, present);
}

}  // namespace yilian::compliance

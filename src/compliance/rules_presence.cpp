// D4 (days a week on site, someone on site every working day), D2 (staff on site at the
// same time) and D10 (presence the recipient never confirmed) — all from the weekly
// presence summary, read once (presence_weeks.h) and aggregated here per rule. Keys are
// integers and weeks are indices: a province has ≈1.5 M assignment-weeks.
#include <algorithm>
#include <array>
#include <bit>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "calendar/date.h"
#include "compliance/context.h"
#include "policy/platform.h"
#include "compliance/presence_weeks.h"
#include "support/presence_week.h"

namespace yilian::compliance {
namespace {

using support::present_weekdays;
using support::unconfirmed_half_days;

// The weekly minimum for an assignment: village-level dispatch has its own (V4/D4).
std::optional<policy::Param> weekly_param(const Evaluation& e, const Assignment& a) {
  if (a.level == "village") {
    if (auto p = e.param(*a.relationship, "village_dispatch.min_days_per_week")) return p;
  }
  return e.param(*a.relationship, "dispatch.min_days_per_week");
}

// Working days per week index in the region's calendar (holidays off, 调休 days on). The
// calendar's span starts at the Monday of week 0 (engine.cpp).
std::vector<int64_t> working_days_per_week(const Evaluation& e, const PresenceWeeks& pw, const std::string& region) {
  std::vector<int64_t> out(pw.mondays.size(), 0);
  const auto& days = e.work_days.of(region);
  for (size_t i = 0; i < days.size() && i / 7 < out.size(); ++i) out[i / 7] += days[i];
  return out;
}

void weekly_days(Evaluation& e, const PresenceWeeks& pw) {
  std::map<int64_t, const Assignment*> by_id;
  for (const auto& a : e.assignments) {
    if (a.refused || a.status == "cancelled" || !weekly_param(e, a)) continue;
    by_id[a.id] = &a;
  }
  if (by_id.empty() || pw.mondays.empty()) return;
  const int weeks = static_cast<int>(pw.mondays.size());

  // Days on site per assignment and week; weeks with no presence count 0.
  std::unordered_map<int64_t, std::vector<uint8_t>> on_site;
  for (const auto& p : pw.rows) {
    if (!by_id.count(p.assignment)) continue;
    auto& v = on_site[p.assignment];
    if (v.empty()) v.resize(weeks, 0);
    v[p.week] = static_cast<uint8_t>(std::popcount(present_weekdays(p.days)));
  }
  std::map<std::string, std::vector<int64_t>> working_by_region;
  std::vector<std::string> labels(weeks);
  for (int w = 0; w < weeks; ++w) labels[w] = calendar::iso_week(pw.mondays[w]).label();

  for (const auto& [id, a] : by_id) {
    std::string first = std::max(a->start, e.request.from);
    std::string last = std::min(a->end, e.last_day);
    if (last < first) continue;
    const int64_t nominal = std::get<int64_t>(weekly_param(e, *a)->value);
    auto region = working_by_region.find(a->relationship->recipient_region);
    if (region == working_by_region.end())
      region = working_by_region.emplace(a->relationship->recipient_region,
                                         working_days_per_week(e, pw, a->relationship->recipient_region)).first;
    const std::vector<int64_t>& working = region->second;
    auto days_of = on_site.find(id);
    for (int w = std::max(0, pw.week_of(first)); w <= std::min(weeks - 1, pw.week_of(last)); ++w) {
      e.checked("dispatch.weekly_days");
      // A week the assignment (or the evaluated period) covers only in part is not judged.
      if (pw.mondays[w] < first || calendar::add_days(pw.mondays[w], 6) > last) continue;
      int64_t days = days_of == on_site.end() ? 0 : days_of->second[w];
      int64_t required = std::min(nominal, working[w]);
      if (days >= required) continue;
      Finding f{.rule = "D4", .check = "dispatch.weekly_days", .severity = Severity::error, .subject_type = "staff",
                .subject_id = a->staff_id, .subject_name = a->staff_name, .period = labels[w],
                .expected = "≥" + std::to_string(required) + "天", .actual = std::to_string(days) + "天",
                .relationship_id = a->relationship_id, .institution_id = a->recipient_id,
                .region_code = a->relationship->recipient_region};
      f.message = a->staff_name + " " + week_label(labels[w]) + "在受援单位" + a->relationship->recipient_name +
                  std::to_string(days) + "天,少于每周" + std::to_string(required) + "天";
      e.add(std::move(f), *weekly_param(e, *a));
    }
  }
}

// D4: at least one dispatched person on site every working day, from the first day
// someone was dispatched under the relationship. One aggregate query returns the days
// each relationship was covered; the working days come from the calendar table.
void daily_coverage(Evaluation& e, const PresenceWeeks& pw) {
  std::map<int64_t, std::string> first_start;  // relationship → first assignment start
  for (const auto& a : e.assignments) {
    if (a.refused || a.status == "cancelled") continue;
    auto& s = first_start[a.relationship_id];
    if (s.empty() || a.start < s) s = a.start;
  }
  std::vector<const Relationship*> rels;
  for (const auto& r : e.relationships)
    if (e.flag(r, "dispatch.daily_coverage_required") && first_start.count(r.id)) rels.push_back(&r);
  if (rels.empty() || pw.mondays.empty()) return;
  std::vector<std::string> labels(pw.mondays.size());
  for (size_t w = 0; w < labels.size(); ++w) labels[w] = calendar::iso_week(pw.mondays[w]).label();
  // Weekdays with anyone on site, per relationship and week.
  std::unordered_map<int64_t, std::vector<uint8_t>> covered;
  for (const auto& p : pw.rows) {
    auto& v = covered[p.relationship];
    if (v.empty()) v.resize(pw.mondays.size(), 0);
    v[p.week] |= static_cast<uint8_t>(present_weekdays(p.days));
  }
  static const std::vector<uint8_t> kNobody;

  for (const Relationship* rp : rels) {
    const Relationship& r = *rp;
    std::string from = std::max({r.start, e.request.from, first_start[r.id]});
    std::string to = std::min(r.end, e.last_day);
    std::map<std::string, std::vector<std::string>> by_week;
    std::set<std::string> weeks;  // judged: one check per relationship and week, as findings are filed
    auto it = covered.find(r.id);
    const std::vector<uint8_t>& masks = it == covered.end() ? kNobody : it->second;
    // The working days of the recipient's own calendar (holidays and 调休 applied).
    const auto& working = e.work_days.of(r.recipient_region);
    const int last = std::min(e.work_days.index_of(to), static_cast<int>(working.size()) - 1);
    for (int i = std::max(0, e.work_days.index_of(from)); i <= last; ++i) {
      if (!working[i]) continue;
      const int w = i / 7, weekday = i % 7;
      weeks.insert(labels[w]);
      bool someone = !masks.empty() && (masks[w] >> weekday & 1);
      if (!someone) by_week[labels[w]].push_back(calendar::date_from_day_number(pw.day_number(w, weekday)));
    }
    e.checked("dispatch.daily_coverage", static_cast<int64_t>(weeks.size()));
    auto p = e.param(r, "dispatch.daily_coverage_required");
    // One finding per week, naming the uncovered days.
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
    }
  }
}

// D2: the city→county rule counts staff on site at the same time; judged per month by
// the best day of the month, so one sick day does not make a finding.
void concurrent_staff(Evaluation& e, const PresenceWeeks& pw) {
  std::vector<const Relationship*> rels;
  for (const auto& r : e.relationships) {
    bool city_tier = r.tier == "tertiary_county" || r.tier == "city_county";
    if ((city_tier && e.integer(r, "dispatch.min_concurrent_staff_city_to_county")) || e.integer(r, "dispatch.team_size"))
      rels.push_back(&r);
  }
  if (rels.empty() || pw.mondays.empty()) return;
  const size_t weeks = pw.mondays.size();
  std::unordered_set<int64_t> judged;
  for (const Relationship* r : rels) judged.insert(r->id);
  // Weekdays on site per relationship and person (one person may hold two assignments),
  // then headcount per day, then the best day of each month.
  std::map<std::pair<int64_t, int64_t>, std::vector<uint8_t>> person_weeks;
  for (const auto& p : pw.rows) {
    if (!judged.count(p.relationship)) continue;
    auto& v = person_weeks[{p.relationship, p.staff}];
    if (v.empty()) v.resize(weeks, 0);
    v[p.week] |= static_cast<uint8_t>(present_weekdays(p.days));
  }
  std::vector<std::string> month_of(weeks * 7);
  for (size_t w = 0; w < weeks; ++w)
    for (int d = 0; d < 7; ++d) month_of[w * 7 + d] = pw.date(static_cast<int>(w), d).substr(0, 7);
  std::map<std::pair<int64_t, std::string>, int64_t> best;  // (relationship, month) → max headcount
  std::unordered_map<int64_t, std::vector<int64_t>> per_day;  // relationship → headcount per (week, weekday)
  for (const auto& [key, masks] : person_weeks) {
    auto& counts = per_day[key.first];
    if (counts.empty()) counts.resize(weeks * 7, 0);
    for (size_t w = 0; w < weeks; ++w)
      for (int d = 0; d < 7; ++d) counts[w * 7 + d] += masks[w] >> d & 1;
  }
  for (const auto& [relationship, counts] : per_day)
    for (size_t i = 0; i < counts.size(); ++i)
      if (counts[i]) {
        auto& b = best[{relationship, month_of[i]}];
        b = std::max(b, counts[i]);
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
// past the confirmation window (platform preset) — the sign of "not actually on site".
void unconfirmed(Evaluation& e, const PresenceWeeks& pw) {
  const policy::Preset* platform = e.presets.find(policy::kPlatformPreset);
  std::optional<policy::Param> window = platform ? platform->get("presence.confirmation_window_days") : std::nullopt;
  if (!window) return;  // no number, no rule
  const int days = static_cast<int>(std::get<int64_t>(window->value));
  const int cutoff = calendar::day_number(calendar::add_days(e.request.today, -days));
  std::map<std::pair<int64_t, std::string>, int64_t> open;  // (assignment, month) → half-days
  for (const auto& p : pw.rows)
    for (int d = 0; d < 7; ++d)
      if (int n = unconfirmed_half_days(p.days, d); n > 0 && pw.day_number(p.week, d) <= cutoff)
        open[{p.assignment, pw.date(p.week, d).substr(0, 7)}] += n;
  std::map<int64_t, const Assignment*> by_id;
  for (const auto& a : e.assignments) by_id[a.id] = &a;
  e.checked("presence.confirmation", static_cast<int64_t>(e.assignments.size()));
  for (const auto& [key, half_days] : open) {
    auto it = by_id.find(key.first);
    if (it == by_id.end()) continue;
    const Assignment& a = *it->second;
    // Judged where the relationship's preset judges presence at all.
    if (!e.param(*a.relationship, "dispatch.min_days_per_week")) continue;
    const std::string& month = key.second;
    Finding f{.rule = "D10", .check = "presence.confirmation", .severity = Severity::warning,
              .subject_type = "staff", .subject_id = a.staff_id, .subject_name = a.staff_name, .period = month,
              .expected = "在岗记录经受援单位确认", .actual = std::to_string(half_days) + "个半天未确认",
              .relationship_id = a.relationship_id, .institution_id = a.recipient_id,
              .region_code = a.relationship->recipient_region};
    f.message = a.staff_name + " " + month_label(month) + "有" + std::to_string(half_days) + "个半天签到超过" +
                std::to_string(days) + "天仍未经" + a.relationship->recipient_name + "确认";
    e.add_platform(std::move(f), *window);
  }
}

}  // namespace

void check_presence(Evaluation& e) {
  const PresenceWeeks present = load_presence_weeks(e);
  weekly_days(e, present);
  daily_coverage(e, present);
  concurrent_staff(e, present);
  unconfirmed(e, present);
}

}  // namespace yilian::compliance

// Half-day presence (D4, D10) of every dispatched person, on working days from the first
// day on site to the demo's today: checked in on site with a position, then confirmed
// by the recipient the following Monday. About 3 % of half-days are leave with a reason
// and a few are absences the recipient recorded; both are single half-days, so a
// recipient with one dispatched doctor still has someone on site every day — except
// where a breach says otherwise (the 2-days-a-week doctor, the Wed–Fri leave, the
// centre that stopped confirming, see step_support_assignments.cpp).
//
// The biggest table by far: rows go through BatchInsert.
#include <map>

#include "demo/batch_insert.h"
#include "demo/step_support_common.h"
#include "demo/steps.h"

namespace yilian::demo {
namespace {

using namespace support_data;

const std::vector<std::string> kLeaveReasons = {"病假",
                                                "事假",
                                                "回派出单位参加业务培训",
                                                "回派出单位参加科室会议",
                                                "参加县卫健局组织的培训",
                                                "家中有事请假",
                                                "外出进修学习一天"};
constexpr const char* kAbsentReason = "未到岗且未履行请假手续(受援单位登记)";
constexpr const char* kUncoveredReason = "家中老人住院,请假3天";

// Who confirms presence on the recipient side, as the confirming account signs: a
// hospital's 医务科, a centre itself, and for a village clinic its township centre
// (乡村一体化管理), which runs the clinic.
std::string confirmer(const Directory& dir, int64_t recipient_id) {
  const DemoInstitution& inst = dir.institution(recipient_id);
  switch (inst.facility) {
    case Facility::village_clinic:
      return inst.parent_id ? dir.institution(inst.parent_id).name : inst.name;
    case Facility::central_health_centre:
    case Facility::township_health_centre:
      return inst.name;
    default:
      return inst.name + "医务科";
  }
}

struct Breaches {
  std::map<int64_t, std::pair<Day, Day>> leave;  // assignment → Wed–Fri nobody on site
  std::map<int64_t, Day> unconfirmed_since;      // recipient → stopped confirming
};

Breaches breaches_of(const DemoData& d) {
  Breaches b;
  for (const auto& breach : d.breaches) {
    if (breach.kind == BreachKind::uncovered_days) b.leave[breach.assignment_id] = {day(breach.from), day(breach.to)};
    if (breach.kind == BreachKind::unconfirmed_presence) b.unconfirmed_since[breach.institution_id] = day(breach.from);
  }
  return b;
}

class PresenceWriter {
 public:
  PresenceWriter(store::Db& db, const DemoData& d)
      : d_(d),
        rows_(db, "presence",
              {"assignment_id", "day", "half", "status", "reason", "checked_in_at", "latitude", "longitude",
               "confirmed", "review_status", "confirmed_by", "confirmed_at", "created_at", "updated_at"}) {}

  void assignment(Random& rng, const DemoAssignment& a, const DemoInstitution& recipient,
                  const std::string& confirmed_by, const Breaches& breaches) {
    auto leave = breaches.leave.find(a.id);
    auto stopped = breaches.unconfirmed_since.find(a.recipient_id);
    Day last = std::min(day(a.end), today());
    for (Day d = day(a.start); d <= last; d += std::chrono::days{1}) {
      if (!is_workday(d)) continue;
      int wd = weekday(d);
      bool am = true, pm = true;
      if (a.pattern == PresencePattern::two_days_a_week) am = pm = wd == 1 || wd == 3;
      if (a.pattern == PresencePattern::village_mornings) pm = rng.chance(200);
      if (!am && !pm) continue;

      // One half-day of leave or absence at most, so the day still has someone on site.
      std::string off_status, off_reason;
      bool off_am = rng.chance(500);
      uint64_t r = rng.below(1000);
      if (a.pattern != PresencePattern::village_mornings) {
        if (r < 60)
          off_status = "leave", off_reason = pick(rng, kLeaveReasons);
        else if (r < 65)
          off_status = "absent", off_reason = kAbsentReason;
      }
      bool whole_day_leave = leave != breaches.leave.end() && d >= leave->second.first && d <= leave->second.second;

      Day confirm_day = monday_of(d) + std::chrono::days{7};
      bool confirmed = confirm_day <= today() && !(stopped != breaches.unconfirmed_since.end() && d >= stopped->second);
      std::string confirmed_at = confirmed ? local_time(confirm_day, 9, static_cast<int>(rng.between(0, 50))) : "";
      for (const char* half : {"am", "pm"}) {
        bool morning = half[0] == 'a';
        if (!(morning ? am : pm)) continue;
        std::string status = "present", reason;
        if (whole_day_leave)
          status = "leave", reason = kUncoveredReason;
        else if (!off_status.empty() && off_am == morning)
          status = off_status, reason = off_reason;
        add(rng, a.id, d, morning, status, reason, recipient, confirmed, confirmed_by, confirmed_at);
      }
    }
  }

  void flush() { rows_.flush(); }
  int64_t rows() const { return rows_.rows_written(); }

 private:
  void add(Random& rng, int64_t assignment_id, Day d, bool morning, const std::string& status,
           const std::string& reason, const DemoInstitution& at, bool confirmed, const std::string& confirmed_by,
           const std::string& confirmed_at) {
    store::Value checked_in, latitude, longitude;
    if (status == "present") {
      // Checked in on the phone shortly before the half-day starts, within ~150 m of the recipient.
      checked_in =
          local_time(d, morning ? 7 : 13, static_cast<int>(rng.between(45, 85)), static_cast<int>(rng.below(60)));
      latitude = at.point.latitude + static_cast<double>(rng.between(-150, 150)) / 100000.0;
      longitude = at.point.longitude + static_cast<double>(rng.between(-150, 150)) / 100000.0;
    }
    auto opt = [](const std::string& s) { return s.empty() ? store::Value() : store::Value(s); };
    rows_.add({assignment_id, iso(d), morning ? "am" : "pm", status, opt(reason), checked_in, latitude, longitude,
               confirmed, confirmed ? "confirmed" : "pending", confirmed ? store::Value(confirmed_by) : store::Value(),
               opt(confirmed_at), d_.created_at,
               d_.created_at});
  }

  const DemoData& d_;
  BatchInsert rows_;
};

}  // namespace

void create_support_presence(store::Db& db, const Options& o, DemoData& d, std::ostream& progress) {
  Directory dir(d);
  Breaches breaches = breaches_of(d);
  PresenceWriter writer(db, d);
  int64_t next_dot = 1000000;
  for (const auto& a : d.assignments) {
    if (a.refused) continue;
    // A stream per assignment, named by the person and batch: the same whatever else is generated.
    Random rng(o.seed, "support-presence:" + dir.staff(a.staff_id)->id_number + ":" + a.batch);
    writer.assignment(rng, a, dir.institution(a.recipient_id), confirmer(dir, a.recipient_id), breaches);
    if (writer.rows() >= next_dot) {  // a province takes minutes: show that it moves
      progress << "." << std::flush;
      next_dot += 1000000;
    }
  }
  writer.flush();
  progress << (writer.rows() >= 1000000 ? " " : "") << writer.rows() << " presence half-days";
}

}  // namespace yilian::demo

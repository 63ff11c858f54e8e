// What the rule functions share during one evaluation: the loaded relationships and
// assignments with their effective policies, the period, and how to file a finding.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "calendar/date.h"
#include "calendar/work_days.h"
#include "compliance/engine.h"
#include "policy/effective.h"
#include "codes/codes.h"

namespace yilian::compliance {

struct Relationship {
  int64_t id = 0;
  int64_t supporting_id = 0, recipient_id = 0;
  std::string supporting_name, recipient_name, recipient_kind, recipient_region;
  std::string tier, start, end, status, preset_id;
  std::shared_ptr<const policy::EffectivePolicy> policy;  // null when no usable preset
};

struct Assignment {
  int64_t id = 0, relationship_id = 0, staff_id = 0, recipient_id = 0;
  std::string staff_name, title_code, title_level, birth_date, level, role, status;
  std::string start, end;  // actual when recorded, else planned
  bool ended = false;      // the assignment is over (actual end, or planned end passed)
  bool refused = false;
  const Relationship* relationship = nullptr;
};

class Evaluation {
 public:
  Evaluation(store::Db& db, const Request& request, Report& report, const policy::PresetSet& presets,
             const auth::Principal& user)
      : db(db), request(request), report(report), presets(presets), user(user) {}

  store::Db& db;
  const Request& request;
  Report& report;
  const policy::PresetSet& presets;
  const auth::Principal& user;
  std::vector<Relationship> relationships;
  std::vector<Assignment> assignments;
  std::string last_day;  // min(request.to, request.today): nothing later is judged
  // The working days from the Monday of the period's first week to the Sunday of its last
  // (national holidays and 调休 applied, and each region's own exceptions): every rule that
  // counts working days reads them here.
  calendar::WorkDays work_days;
  // The FROM … WHERE that selected `relationships` (aliases t, ri, si) and its parameters.
  std::string relationship_source;
  store::Params relationship_params;

  // Parameter lookups: nullopt when the policy does not set the key.
  std::optional<policy::Param> param(const Relationship& r, const std::string& key) const;
  std::optional<int64_t> integer(const Relationship& r, const std::string& key) const;
  bool flag(const Relationship& r, const std::string& key) const;
  std::optional<std::string> text(const Relationship& r, const std::string& key) const;

  void checked(const std::string& check, int64_t n = 1) { report.checks[check].checked += n; }
  // Files a finding; `message` is the sentence without the citation, which is appended.
  // The citation is the parameter's when the parameter belongs to the finding's rule,
  // else the rule's own clause from the check catalog (checks.h).
  void add(Finding f, const policy::Param& param);
  // For a rule whose number the documents do not give (a platform parameter): the rule's
  // own clause (checks.h), then the parameter's.
  void add_platform(Finding f, const policy::Param& param);
  // The same without a parameter (the rule's own clause only).
  void file(Finding f, const policy::Param* param);
  // SQL condition restricting a relationship id column to the loaded relationships: their
  // ids when there are few, else the query that loaded them.
  std::string relationship_in(const std::string& column, store::Params& params) const;
  bool few_relationships() const { return relationships.size() <= 32; }
};

// The citation a finding carries (see Evaluation::add).
std::string citation_of(const Finding& f, const policy::Param* param);
// "2026年第28周" for "2026-W28"; "2026年3月" for "2026-03".
std::string week_label(const std::string& iso_week);
std::string month_label(const std::string& month);
// Adds whole calendar months, clamping the day: 2026-01-31 + 1 month = 2026-02-28.
using calendar::add_months;  // calendar/date.h: the one month arithmetic
// Orders title levels: none < assistant < junior < intermediate < associate < senior.
using codes::title_rank;  // registry/catalog.h: the one title order
// The level a promotion from `level` leads to; empty above the top.
using codes::next_title_level;
std::string title_level_label(const std::string& level);

// The rule families, each in its own file.
void check_presence(Evaluation& e);       // D4 weekly days and daily coverage, D2 headcount, D10 confirmation
void check_terms(Evaluation& e);          // D1 who, D3 term and rotation gaps, D6 evaluations
void check_relationships(Evaluation& e);  // A2 agreements, A7 work steps, D2 yearly staff, D9, T1, D10 teaching
void check_coverage(Evaluation& e);
void check_team_composition(Evaluation& e);  // D2 team of given specialties
void check_promotion_candidates(Evaluation& e);  // D1/D5 this year's promotion candidates are sent       // A3: units that should have a support relationship and have none

}  // namespace yilian::compliance

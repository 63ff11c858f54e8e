// The one list of what the compliance engine checks: every check key with its rule id
// (RULES.md) and Chinese label, and every rule with its label. The API sends these with
// each report, so the console's table, chart, rule filter and the xlsx name a check the
// same way and the filter offers every rule a finding can carry.
//
// A finding cites the clause of its own rule. Most checks judge a policy parameter that
// belongs to the rule, and the parameter's citation is the clause. A few judge a rule
// against a number of another rule (A2's filed agreement and A7's work steps use the
// relationship's term, A1; D10's confirmation uses D4's weekly days, its teaching
// records D9's lectures): those carry the clause of their own rule here instead.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace yilian::compliance {

struct CheckInfo {
  std::string key;    // "dispatch.weekly_days"
  std::string rule;   // "D4"
  std::string label;  // "每周在岗天数"
  // The rule's own clause, for checks whose number comes from another rule's parameter
  // (empty otherwise): document without 《》, and the clause with a short quotation.
  std::string document;
  std::string clause;
};

struct RuleInfo {
  std::string rule;   // "D4"
  std::string label;  // "在岗时间"
};

// In rule order (A before D before T, numerically), then as the rule's checks are run.
const std::vector<CheckInfo>& check_catalog();
const std::vector<RuleInfo>& rule_catalog();
const CheckInfo* find_check(std::string_view key);
// The label of a check, or the key itself for one not in the catalog.
std::string check_label(const std::string& key);
std::string rule_label(const std::string& rule);

}  // namespace yilian::compliance

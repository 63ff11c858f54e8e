#include "compliance/finding.h"

#include <algorithm>
#include <tuple>
#include <vector>

#include "compliance/checks.h"

namespace yilian::compliance {

nlohmann::json Finding::to_json() const {
  return {{"rule", rule},
          {"check", check},
          {"check_label", check_label(check)},
          {"rule_label", rule_label(rule)},
          {"severity", severity == Severity::error ? "error" : "warning"},
          {"subject_type", subject_type},
          {"subject_id", subject_id},
          {"subject_name", subject_name},
          {"period", period},
          {"expected", expected},
          {"actual", actual},
          {"citation", citation},
          {"message", message},
          {"relationship_id", relationship_id ? nlohmann::json(relationship_id) : nlohmann::json(nullptr)},
          {"institution_id", institution_id ? nlohmann::json(institution_id) : nlohmann::json(nullptr)},
          {"region_code", region_code}};
}

void sort_findings(std::vector<Finding>& f) {
  std::sort(f.begin(), f.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.rule, a.check, a.period, a.subject_type, a.subject_id, a.relationship_id) <
           std::tie(b.rule, b.check, b.period, b.subject_type, b.subject_id, b.relationship_id);
  });
}

}  // namespace yilian::compliance

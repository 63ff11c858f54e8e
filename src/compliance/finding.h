// A broken rule, as the compliance engine reports it: which rule, who, when, expected
// vs actual, the citation of the number, and one line of Chinese a bureau officer can
// read, e.g. "张三 2026年第28周在受援单位2天,少于每周3天 (D4,《黄*区…方案》…)".
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace yilian::compliance {

enum class Severity { error, warning };

struct Finding {
  std::string rule;          // "D4"
  std::string check;         // "dispatch.weekly_days": which check of the rule
  Severity severity = Severity::error;
  std::string subject_type;  // staff, assignment, relationship, institution
  int64_t subject_id = 0;
  std::string subject_name;
  std::string period;        // "2026-W28", "2026-03", "2026", "2026-03-02"
  std::string expected;
  std::string actual;
  std::string citation;      // "D4,《…》…" (Param::reference())
  std::string message;       // the Chinese one-liner, ending with the citation in parentheses
  int64_t relationship_id = 0;
  int64_t institution_id = 0;  // the recipient (or the institution the finding is about)
  std::string region_code;

  nlohmann::json to_json() const;
};

// Sorted by rule, period, subject — the same data always yields the same list.
void sort_findings(std::vector<Finding>& findings);

}  // namespace yilian::compliance

// The counts a visit carries, in the order and with the names of the weekly table
// (附件2): 诊疗人次, 转诊人次, 健康宣教 (场次, 受益人数) and 重点人群健康指导、咨询人次 by
// population (P2, P5).
#pragma once
#include <string>
#include <vector>

namespace yilian::rounds {

struct VisitCount {
  const char* field;  // column of round_visit
  const char* label;  // 中文, for errors and the API document
};

const std::vector<VisitCount>& visit_counts();
// The six key-population guidance columns (孕产妇 … 其他), a suffix of visit_counts().
const std::vector<VisitCount>& guidance_counts();
// "a.guidance_maternal + a.guidance_elderly + …" for a visit aliased `a`.
std::string guidance_sum_sql(const std::string& a);

}  // namespace yilian::rounds

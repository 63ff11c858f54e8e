#include "rounds/visit_counts.h"

namespace yilian::rounds {

const std::vector<VisitCount>& visit_counts() {
  static const std::vector<VisitCount> c = {
      {"patients", "诊疗人次"},
      {"referrals", "转诊人次"},
      {"education_sessions", "健康宣教开展场次"},
      {"education_audience", "健康宣教受益人数"},
      {"guidance_maternal", "重点人群健康指导:孕产妇"},
      {"guidance_elderly", "重点人群健康指导:老年人"},
      {"guidance_hypertension", "重点人群健康指导:高血压患者"},
      {"guidance_diabetes", "重点人群健康指导:糖尿病患者"},
      {"guidance_mental", "重点人群健康指导:严重精神障碍患者"},
      {"guidance_other", "重点人群健康指导:其他"},
  };
  return c;
}

const std::vector<VisitCount>& guidance_counts() {
  static const std::vector<VisitCount> c(visit_counts().begin() + 4, visit_counts().end());
  return c;
}

std::string guidance_sum_sql(const std::string& a) {
  std::string sql;
  for (const auto& c : guidance_counts()) sql += (sql.empty() ? "" : " + ") + a + "." + c.field;
  return sql;
}

}  // namespace yilian::rounds

// The region a rounds report covers (?region=), checked against the user's scope, and
// which villages the reports count.
#pragma once
#include <string>

#include "api/context.h"
#include "common/region_code.h"

namespace yilian::rounds {

struct ReportRegion {
  std::string code;  // empty: every region (the administrator's default for national views)
  std::string name;
  common::RegionLevel level = common::RegionLevel::invalid;
  std::string lo, hi;  // the subtree as a code range: lo <= code < hi

  // "col >= ? AND col < ?" with its two parameters appended to `params`.
  std::string contains(const std::string& column, store::Params& params) const;
};

// ?region= (default: the user's own region) between `highest` and `lowest` levels.
// Bureau users reach their subtree, township users their township, the administrator
// everything; other roles get 403, as does a region outside the user's scope. 400 when
// the region's level is outside the range (e.g. a city for a per-village view), 404
// when it does not exist.
ReportRegion report_region(api::Context& ctx, common::RegionLevel highest, common::RegionLevel lowest);

// The region itself, without a scope check (for work on behalf of a known county);
// 422 on `field` when it does not exist.
ReportRegion region_of(store::Db& db, const std::string& code, const std::string& field);

// The villages the reports count over alias `r` of table region: active 行政村 and 涉农
// 社区. Communities of the main urban area (城乡分类代码 111 主城区) are neither visited
// by rounds teams nor counted in 附件2's “行政村数(含涉农社区)”.
std::string rural_village_sql(const std::string& r);

}  // namespace yilian::rounds

// D5: mobile rounds count as grassroots service for promotion (三、(三)完善激励机制:
// “参加巡回医疗、巡诊和派驻服务作为其基层工作经历累计计算”). The promotion ledger adds
// these days when the preset's promotion.rounds_count_as_grassroots is true.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "store/db.h"

namespace yilian::rounds {

// Per staff id, the distinct dates in [from, to] (inclusive, YYYY-MM-DD; an empty `from`
// means from the first record) of active visits at which the person was present, as a
// team member or as a senior doctor. People without such a day are absent from the map.
// Dates rather than a count, so a caller can union them with other grassroots days
// (dispatch presence) without counting one day twice.
std::map<int64_t, std::set<std::string>> round_dates(store::Db& db, const std::vector<int64_t>& staff_ids,
                                                    const std::string& from, const std::string& to);
// The number of those dates per staff id.
std::map<int64_t, int64_t> round_days(store::Db& db, const std::vector<int64_t>& staff_ids, const std::string& from,
                                      const std::string& to);

}  // namespace yilian::rounds

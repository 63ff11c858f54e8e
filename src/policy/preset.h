// Policy presets: one TOML file under policies/ per source document, setting catalog
// parameters to the values that document states and citing the clause for each. The
// rule engine reads numbers only from here, so a finding can always say which
// document and clause the broken number comes from.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "policy/catalog.h"
#include "policy/value.h"

namespace yilian::policy {

// Where a value comes from: the document and the clause, quoted briefly.
struct Citation {
  std::string document;  // 文件全称, without 《》
  std::string clause;    // 条款 and a short quotation
  std::string seed;      // source file under shared/seeds/, when the value comes from one
  bool overridden = false;  // set by a relationship's agreement instead of the document
  // 《document》clause, or for an override the clause alone ("关系协议约定(覆盖…)").
  std::string text() const;
};

struct Param {
  const ParamSpec* spec = nullptr;
  ParamValue value;
  Citation citation;
  // "D4,《黄*区人民医院…》五、保障措施…" — what a finding quotes in parentheses.
  std::string reference() const;
};

struct Preset {
  std::string id;        // "huang-2013"
  std::string title;     // 中文 short title
  std::string document;  // the source document's full title
  std::string seed;      // seed file name; empty for a local document that is not among the seeds
  std::optional<int> year;  // absent when the document gives none (templates say “20xx”)
  std::string note;      // how the preset was put together, when it is not one plain document
  std::string file;      // the file it was loaded from
  std::map<std::string, Param> params;  // by key

  std::optional<Param> get(std::string_view key) const;
};

class PresetSet {
 public:
  const Preset* find(std::string_view id) const;
  const std::vector<Preset>& all() const { return presets_; }
  void add(Preset preset) { presets_.push_back(std::move(preset)); }

 private:
  std::vector<Preset> presets_;  // in file-name order
};

// One problem in a preset file: "policies/x.toml:12: dispatch.min_days_per_week: 8 超出范围 0–7".
struct PresetIssue {
  std::string file;
  int line = 0;  // 0 when the problem concerns the whole file
  std::string key;
  std::string message;
  std::string text() const;
};

// Every problem found, not only the first, so one run of the loader lists all fixes.
class PresetLoadError : public std::runtime_error {
 public:
  explicit PresetLoadError(std::vector<PresetIssue> issues);
  const std::vector<PresetIssue>& issues() const { return issues_; }

 private:
  std::vector<PresetIssue> issues_;
};

// Both throw PresetLoadError listing every problem. The path appears in messages as given.
Preset load_preset(const std::filesystem::path& file);
// The same checks on a file's text already in memory; `file` names it in the issues.
Preset parse_preset(std::string_view text, const std::string& file);
// Every *.toml in `dir`; ids must be unique across files.
PresetSet load_presets(const std::filesystem::path& dir);

}  // namespace yilian::policy

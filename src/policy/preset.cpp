#include "policy/preset.h"

#include <algorithm>
#include <regex>
#include <set>
#include <toml++/toml.h>

namespace yilian::policy {
namespace {

const std::set<std::string> kHeaderFields = {"id", "title", "document", "seed", "year", "note"};
const std::set<std::string> kParamFields = {"value", "source", "document", "seed"};

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }
int line_of(const toml::key& key) { return static_cast<int>(key.source().begin.line); }

std::string toml_kind_label(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::integer: return "整数";
    case toml::node_type::floating_point: return "小数";
    case toml::node_type::boolean: return "布尔值";
    case toml::node_type::string: return "字符串";
    case toml::node_type::array: return "数组";
    case toml::node_type::table: return "表";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time: return "日期时间";
    case toml::node_type::none: break;
  }
  return "未知类型";
}

// Reads one file, appending every problem to `issues`; the preset is only usable when
// no issue was added.
class FileReader {
 public:
  FileReader(std::string file, std::vector<PresetIssue>& issues) : file_(std::move(file)), issues_(issues) {}

  Preset read(const toml::table& root, int& id_line) {
    Preset preset;
    preset.file = file_;
    for (const auto& [key, node] : root) {
      std::string name(key.str());
      if ((name == "preset" || name == "params") && !node.is_table())
        issue(line_of(key), name, "应为表([" + name + "])");
      else if (name != "preset" && name != "params")
        issue(line_of(key), name, "未知的顶层键,只允许 [preset] 与 [params.\"参数名\"]");
    }
    const toml::node* header = root.get("preset");
    const toml::node* params = root.get("params");
    if (!header) issue(0, "preset", "缺少 [preset] 表(id、title、document,可选 seed、year、note)");
    else if (header->is_table()) read_header(*header->as_table(), preset, id_line);
    if (!params || (params->is_table() && params->as_table()->empty())) issue(0, "params", "未设置任何参数");
    else if (params->is_table()) read_params(*params->as_table(), "", preset);
    return preset;
  }

 private:
  void issue(int line, std::string key, std::string message) {
    issues_.push_back({file_, line, std::move(key), std::move(message)});
  }

  std::optional<std::string> text_field(const toml::table& t, int table_line, const std::string& owner,
                                        const std::string& field, bool required) {
    const toml::node* node = t.get(field);
    if (!node) {
      if (required) issue(table_line, owner + "." + field, "缺少必填项");
      return std::nullopt;
    }
    if (!node->is_string()) {
      issue(line_of(*node), owner + "." + field, "应为字符串,实际为" + toml_kind_label(*node));
      return std::nullopt;
    }
    auto s = node->value<std::string>();
    if (s->empty()) {
      issue(line_of(*node), owner + "." + field, "不能为空");
      return std::nullopt;
    }
    return s;
  }

  void read_header(const toml::table& t, Preset& preset, int& id_line) {
    int line = line_of(t);
    for (const auto& [key, node] : t)
      if (!kHeaderFields.count(std::string(key.str())))
        issue(line_of(key), "preset." + std::string(key.str()), "[preset] 中未知的字段");
    if (auto id = text_field(t, line, "preset", "id", true)) {
      id_line = line_of(*t.get("id"));
      if (std::regex_match(*id, std::regex("[a-z0-9][a-z0-9-]*"))) preset.id = *id;
      else issue(id_line, "preset.id", "“" + *id + "”只能由小写字母、数字和连字符组成");
    }
    preset.title = text_field(t, line, "preset", "title", true).value_or("");
    preset.document = text_field(t, line, "preset", "document", true).value_or("");
    // A local document (a county's own plan) has no seed file; the shipped presets all name one.
    preset.seed = text_field(t, line, "preset", "seed", false).value_or("");
    preset.note = text_field(t, line, "preset", "note", false).value_or("");
    const toml::node* year = t.get("year");
    if (!year) return;  // the document gives no year
    if (!year->is_integer()) issue(line_of(*year), "preset.year", "应为整数,实际为" + toml_kind_label(*year));
    else if (auto y = year->value<int64_t>(); *y < 1949 || *y > 2100)
      issue(line_of(*year), "preset.year", std::to_string(*y) + " 超出范围 1949–2100");
    else
      preset.year = static_cast<int>(*y);
  }

  // Parameters are written [params."dispatch.min_days_per_week"]; nested tables
  // ([params.dispatch.min_days_per_week]) mean the same key, so both spellings load.
  void read_params(const toml::table& t, const std::string& prefix, Preset& preset) {
    for (const auto& [key, node] : t) {
      std::string full = prefix + std::string(key.str());
      const toml::table* table = node.as_table();
      if (table && table->contains("value"))
        read_param(*table, full, preset);
      else if (table && !table->empty() && !find_param(full))
        read_params(*table, full + ".", preset);
      else if (!find_param(full))
        issue(line_of(key), full, "未知的政策参数(见 docs/POLICIES.md 参数目录)");
      else if (table)
        issue(line_of(key), full, "缺少 value");
      else
        issue(line_of(key), full, "参数应写成表 [params.\"" + full + "\"],含 value 与 source");
    }
  }

  void read_param(const toml::table& t, const std::string& key, Preset& preset) {
    const ParamSpec* spec = find_param(key);
    if (!spec) {
      issue(line_of(t), key, "未知的政策参数(见 docs/POLICIES.md 参数目录)");
      return;
    }
    bool ok = true;
    for (const auto& [field, node] : t)
      if (!kParamFields.count(std::string(field.str()))) {
        issue(line_of(field), key, "未知的字段 " + std::string(field.str()) + "(只允许 value、source、document、seed)");
        ok = false;
      }
    const toml::node& value_node = *t.get("value");
    std::string problem;
    ParamValue value = value_from_toml(*spec, value_node, problem);
    if (problem.empty()) problem = check_value(*spec, value);
    if (!problem.empty()) {
      issue(line_of(value_node), key, problem);
      ok = false;
    }
    auto source = text_field(t, line_of(t), key, "source", true);
    auto document = text_field(t, line_of(t), key, "document", false);
    auto seed = text_field(t, line_of(t), key, "seed", false);
    if (!source || !ok) return;
    if (preset.params.count(key)) {
      issue(line_of(t), key, "参数重复设置");
      return;
    }
    Citation citation{document.value_or(preset.document), *source, seed.value_or(preset.seed)};
    preset.params[key] = Param{spec, std::move(value), std::move(citation)};
  }

  static ParamValue value_from_toml(const ParamSpec& spec, const toml::node& node, std::string& problem) {
    auto wrong_type = [&]() -> ParamValue {
      problem = "应为" + type_label(spec.type) + ",实际为" + toml_kind_label(node);
      return ParamValue{};
    };
    switch (spec.type) {
      case ParamType::integer:
        if (!node.is_integer()) return wrong_type();
        return *node.value<int64_t>();
      case ParamType::number:
        if (!node.is_number()) return wrong_type();
        return *node.value<double>();
      case ParamType::boolean:
        if (!node.is_boolean()) return wrong_type();
        return *node.value<bool>();
      case ParamType::string:
        if (!node.is_string()) return wrong_type();
        return *node.value<std::string>();
      case ParamType::string_list: {
        const toml::array* array = node.as_array();
        if (!array) return wrong_type();
        std::vector<std::string> items;
        for (const auto& item : *array) {
          if (!item.is_string()) return wrong_type();
          items.push_back(*item.value<std::string>());
        }
        return items;
      }
    }
    return wrong_type();
  }

  std::string file_;
  std::vector<PresetIssue>& issues_;
};

struct LoadedPreset {
  Preset preset;
  int id_line = 0;
};

// `text` is the file's content when already read (parse_preset), else the file is read.
LoadedPreset read_file(const std::filesystem::path& path, std::vector<PresetIssue>& issues,
                       const std::string_view* text = nullptr) {
  std::string file = path.string();
  LoadedPreset loaded;
  toml::table root;
  try {
    root = text ? toml::parse(*text, file) : toml::parse_file(file);
  } catch (const toml::parse_error& e) {
    issues.push_back({file, static_cast<int>(e.source().begin.line), "", "TOML 语法错误:" + std::string(e.description())});
    return loaded;
  }
  size_t first = issues.size();
  loaded.preset = FileReader(file, issues).read(root, loaded.id_line);
  // Tables iterate in key order; people read a file top to bottom.
  std::stable_sort(issues.begin() + static_cast<std::ptrdiff_t>(first), issues.end(),
                   [](const PresetIssue& a, const PresetIssue& b) { return a.line < b.line; });
  return loaded;
}

}  // namespace

std::string Citation::text() const {
  if (overridden || document.empty()) return clause;
  return "《" + document + "》" + clause;
}

std::string Param::reference() const {
  std::string rules;
  for (const auto& r : spec->rules) rules += (rules.empty() ? "" : "/") + r;
  return rules + "," + citation.text();
}

std::optional<Param> Preset::get(std::string_view key) const {
  auto it = params.find(std::string(key));
  if (it == params.end()) return std::nullopt;
  return it->second;
}

const Preset* PresetSet::find(std::string_view id) const {
  for (const auto& p : presets_)
    if (p.id == id) return &p;
  return nullptr;
}

std::string PresetIssue::text() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line);
  s += ": ";
  if (!key.empty()) s += key + ": ";
  return s + message;
}

namespace {
std::string join_issues(const std::vector<PresetIssue>& issues) {
  std::string s = "政策方案文件有误:";
  for (const auto& i : issues) s += "\n  " + i.text();
  return s;
}
}  // namespace

PresetLoadError::PresetLoadError(std::vector<PresetIssue> issues)
    : std::runtime_error(join_issues(issues)), issues_(std::move(issues)) {}

Preset load_preset(const std::filesystem::path& file) {
  std::vector<PresetIssue> issues;
  if (!std::filesystem::is_regular_file(file)) throw PresetLoadError({{file.string(), 0, "", "文件不存在"}});
  auto loaded = read_file(file, issues);
  if (!issues.empty()) throw PresetLoadError(std::move(issues));
  return std::move(loaded.preset);
}

Preset parse_preset(std::string_view text, const std::string& file) {
  std::vector<PresetIssue> issues;
  auto loaded = read_file(file, issues, &text);
  if (!issues.empty()) throw PresetLoadError(std::move(issues));
  return std::move(loaded.preset);
}

PresetSet load_presets(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) throw PresetLoadError({{dir.string(), 0, "", "政策方案目录不存在"}});
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".toml")
      names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  if (names.empty()) throw PresetLoadError({{dir.string(), 0, "", "目录中没有政策方案文件(*.toml)"}});

  std::vector<PresetIssue> issues;
  std::map<std::string, std::pair<std::string, int>> first_seen;  // id → (file, line)
  PresetSet set;
  for (const auto& name : names) {
    size_t before = issues.size();
    auto loaded = read_file(dir / name, issues);
    const auto& id = loaded.preset.id;
    if (!id.empty()) {
      auto [it, fresh] = first_seen.emplace(id, std::make_pair(loaded.preset.file, loaded.id_line));
      if (!fresh)
        issues.push_back({loaded.preset.file, loaded.id_line, "preset.id",
                          "方案编号 " + id + " 与 " + it->second.first + ":" + std::to_string(it->second.second) +
                              " 重复"});
    }
    if (issues.size() == before) set.add(std::move(loaded.preset));
  }
  if (!issues.empty()) throw PresetLoadError(std::move(issues));
  return set;
}

}  // namespace yilian::policy

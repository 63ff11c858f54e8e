// The data-driven rule cases of tests/rules/*.test (format: tests/rules/README.md), one
// test per case, each on a fresh fixture database (SQLite, or PostgreSQL when
// YILIAN_TEST_DB says so). A case inserts records, sets its preset's parameters, runs the
// compliance engine (or calls the API) and compares what comes back with what it expects.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "auth/session.h"
#include "calendar/date.h"
#include "compliance/engine.h"
#include "fixture/fixture.h"
#include "fixture/rule_cases.h"
#include "policy/preset.h"

namespace yilian::testing {

// gtest prints a failing case's parameter: its file and line, not its bytes.
void PrintTo(const RuleCase& c, std::ostream* os) { *os << c.file << ":" << c.line; }

namespace {

std::vector<RuleCase> all_cases() {
  static const std::vector<RuleCase> cases = load_rule_cases(std::string(YILIAN_SOURCE_DIR) + "/tests/rules");
  return cases;
}

class Rules : public ApiTest, public ::testing::WithParamInterface<RuleCase> {
 protected:
  void run_case();

 private:
  using Words = std::vector<Word>;
  [[noreturn]] void fail(const std::string& why) const { throw std::runtime_error(where_ + why); }

  void param(const std::string& rest);
  void row(const Words& w);
  void presence(const Words& w);
  void sql(const std::string& rest);
  void calendar_day(const Words& w);
  void check(const Words& w);
  void expect(const Words& w, bool none);
  void count(const Words& w);
  void request(const std::string& rest);
  void status(const Words& w);
  void json_is(const std::string& rest);

  // @name → the id of a named row or of the fixture's seed.
  int64_t id_of(const std::string& name) const;
  std::string substitute(const std::string& text) const;
  store::Value value_of(const Word& w) const;
  std::set<std::string> columns_of(const std::string& table);
  const policy::PresetSet& presets();
  std::vector<const compliance::Finding*> matching(const std::string& check, const Words& w, size_t from) const;
  std::string listing(const std::string& check) const;

  std::string where_;
  std::map<std::string, int64_t> names_;
  std::string toml_;  // the case's own preset "case", from its param lines
  std::optional<policy::PresetSet> presets_;
  std::optional<compliance::Report> report_;
  std::optional<Reply> reply_;
};

int64_t Rules::id_of(const std::string& name) const {
  static const std::map<std::string, int64_t Seed::*> seeds = {
      {"city_hospital", &Seed::city_hospital},     {"county_a_hospital", &Seed::county_a_hospital},
      {"county_b_hospital", &Seed::county_b_hospital}, {"township_a1", &Seed::township_a1},
      {"township_a2", &Seed::township_a2},         {"township_b1", &Seed::township_b1},
      {"clinic_a1", &Seed::clinic_a1},             {"clinic_b1", &Seed::clinic_b1},
      {"dept_a_internal", &Seed::dept_a_internal}, {"dept_b_internal", &Seed::dept_b_internal},
      {"staff_a", &Seed::staff_a},                 {"staff_b", &Seed::staff_b},
      {"staff_township_a1", &Seed::staff_township_a1}, {"staff_clinic_a1", &Seed::staff_clinic_a1},
  };
  if (auto it = names_.find(name); it != names_.end()) return it->second;
  if (auto it = seeds.find(name); it != seeds.end()) return seed.*(it->second);
  fail("unknown name @" + name);
}

std::string Rules::substitute(const std::string& text) const {
  static const std::regex at("@([A-Za-z][A-Za-z0-9_]*)");
  std::string out;
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), at), end; it != end; ++it) {
    out.append(last, text.cbegin() + it->position());
    out += std::to_string(id_of((*it)[1]));
    last = text.cbegin() + it->position() + it->length();
  }
  out.append(last, text.cend());
  return out;
}

store::Value Rules::value_of(const Word& w) const {
  static const std::regex integer("-?[0-9]+");
  if (w.quoted) return substitute(w.text);
  if (w.text == "null") return store::Value();
  if (w.text.size() > 1 && w.text[0] == '@') return id_of(w.text.substr(1));
  if (std::regex_match(w.text, integer)) return static_cast<int64_t>(std::stoll(w.text));
  return w.text;
}

std::set<std::string> Rules::columns_of(const std::string& table) {
  auto r = db->backend() == store::Backend::sqlite
               ? db->query("SELECT name FROM pragma_table_info(?)", {table})
               : db->query("SELECT column_name FROM information_schema.columns WHERE table_name = ?", {table});
  std::set<std::string> out;
  for (const auto& row : r.rows) out.insert(row[0].as_text());
  if (out.empty()) fail("no table " + table);
  return out;
}

void Rules::param(const std::string& rest) {
  // KEY = VALUE | SOURCE, VALUE in TOML syntax.
  size_t eq = rest.find('='), bar = rest.rfind('|');
  if (eq == std::string::npos) fail("param KEY = VALUE | SOURCE");
  auto trim = [](std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
  };
  std::string key = trim(rest.substr(0, eq));
  std::string value = trim(rest.substr(eq + 1, bar == std::string::npos ? std::string::npos : bar - eq - 1));
  std::string source = bar == std::string::npos ? "规则用例" : trim(rest.substr(bar + 1));
  toml_ += "\n[params.\"" + key + "\"]\nvalue = " + value + "\nsource = \"" + source + "\"\n";
  presets_.reset();
}

const policy::PresetSet& Rules::presets() {
  if (presets_) return *presets_;
  auto dir = std::filesystem::temp_directory_path() /
             ("yilian-rules-" + std::to_string(getpid()) + "-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
  std::filesystem::create_directories(dir);
  for (const auto& entry : std::filesystem::directory_iterator(std::string(YILIAN_SOURCE_DIR) + "/policies"))
    if (entry.path().extension() == ".toml") std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
  if (!toml_.empty())
    std::ofstream(dir / "zz-case.toml") << "[preset]\nid = \"case\"\ntitle = \"规则用例方案\"\ndocument = \"规则用例方案\"\n"
                                        << toml_;
  try {
    presets_ = policy::load_presets(dir);
  } catch (const std::exception& e) {
    std::filesystem::remove_all(dir);
    fail(std::string("preset: ") + e.what());
  }
  std::filesystem::remove_all(dir);
  return *presets_;
}

void Rules::row(const Words& w) {
  // row NAME TABLE col=value …   (NAME "-" for a row nobody refers to)
  if (w.size() < 2) fail("row NAME TABLE col=value …");
  const std::string& table = w[1].text;
  auto columns = columns_of(table);
  std::string cols, marks;
  store::Params params;
  std::set<std::string> given;
  for (size_t i = 2; i < w.size(); ++i) {
    size_t eq = w[i].text.find('=');
    if (eq == std::string::npos) fail("expected col=value: " + w[i].text);
    std::string col = w[i].text.substr(0, eq);
    if (!columns.count(col)) fail(table + " has no column " + col);
    given.insert(col);
    cols += (cols.empty() ? "" : ", ") + col;
    marks += marks.empty() ? "?" : ", ?";
    params.push_back(value_of({w[i].text.substr(eq + 1), w[i].quoted}));
  }
  for (const char* stamp : {"created_at", "updated_at"})
    if (columns.count(stamp) && !given.count(stamp)) {
      cols += std::string(cols.empty() ? "" : ", ") + stamp;
      marks += marks.empty() ? "?" : ", ?";
      params.push_back(std::string("2026-01-01T00:00:00Z"));
    }
  bool has_id = columns.count("id") > 0;
  std::string statement = "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")";
  int64_t id = has_id ? db->insert(statement, params) : (db->exec(statement, params), 0);
  if (w[0].text != "-") names_[w[0].text] = id;
}

void Rules::presence(const Words& w) {
  // presence @ASSIGNMENT FROM..TO [days=working|all|1,2,3] [halves=am,pm] [confirmed=1]
  if (w.size() < 2 || w[0].text[0] != '@') fail("presence @ASSIGNMENT FROM..TO …");
  int64_t assignment = id_of(w[0].text.substr(1));
  size_t dots = w[1].text.find("..");
  std::string from = w[1].text.substr(0, dots), to = dots == std::string::npos ? from : w[1].text.substr(dots + 2);
  std::string days = "working", halves = "am,pm", status = "present";
  int64_t confirmed = 1;
  for (size_t i = 2; i < w.size(); ++i) {
    size_t eq = w[i].text.find('=');
    std::string k = w[i].text.substr(0, eq), v = eq == std::string::npos ? "" : w[i].text.substr(eq + 1);
    if (k == "days") days = v;
    else if (k == "halves") halves = v;
    else if (k == "confirmed") confirmed = std::stoll(v);
    else if (k == "status") status = v;
    else fail("presence: unknown option " + k);
  }
  std::set<std::string> working;
  if (days == "working")
    for (const auto& r : db->query("SELECT day FROM work_calendar WHERE day >= ? AND day <= ? AND working = 1", {from, to})
                             .rows)
      working.insert(r[0].as_text());
  for (std::string d = from; d <= to; d = calendar::add_days(d, 1)) {
    bool on = days == "all" || (days == "working" && working.count(d)) ||
              (days != "working" && days != "all" &&
               ("," + days + ",").find("," + std::to_string(calendar::weekday(d)) + ",") != std::string::npos);
    if (!on) continue;
    for (const char* half : {"am", "pm"})
      if (("," + halves + ",").find(std::string(",") + half + ",") != std::string::npos)
        db->exec("INSERT INTO presence (assignment_id, day, half, status, confirmed, created_at, updated_at) VALUES "
                 "(?, ?, ?, ?, ?, 'x', 'x')",
                 {assignment, d, std::string(half), status, confirmed});
  }
}

void Rules::sql(const std::string& rest) { db->exec(substitute(rest)); }

void Rules::calendar_day(const Words& w) {
  // calendar REGION DAY work|rest NAME   (REGION "-" for the national calendar)
  if (w.size() != 4 || (w[2].text != "work" && w[2].text != "rest")) fail("calendar REGION DAY work|rest NAME");
  // Through the API as the administrator, as a bureau or the admin page would.
  Reply r = call("POST", "/api/v1/work-calendar/exceptions", "admin",
                 {{"region_code", w[0].text == "-" ? "" : w[0].text}, {"day", w[1].text}, {"working", w[2].text == "work"},
                  {"name", w[3].text}});
  if (r.status != 201) fail("calendar: " + std::to_string(r.status) + " " + r.raw);
}

void Rules::check(const Words& w) {
  compliance::Request rq;
  std::string user = "admin";
  for (const auto& word : w) {
    size_t eq = word.text.find('=');
    std::string k = word.text.substr(0, eq), v = eq == std::string::npos ? "" : word.text.substr(eq + 1);
    if (k == "from") rq.from = v;
    else if (k == "to") rq.to = v;
    else if (k == "today") rq.today = v;
    else if (k == "as") user = v;
    else if (k == "region") rq.region_code = v;
    else if (k == "relationship") rq.relationship_id = value_of({v, false}).as_int();
    else if (k == "staff") rq.staff_id = value_of({v, false}).as_int();
    else fail("check: unknown option " + k);
  }
  if (rq.today.empty()) rq.today = rq.to;
  auto principal = auth::authenticate(*db, seed.tokens.at(user));
  report_ = compliance::evaluate(*db, presets(), *principal, rq);
}

// Findings of `check` matching every field=value (field~=value: contains) from w[from] on.
std::vector<const compliance::Finding*> Rules::matching(const std::string& check, const Words& w, size_t from) const {
  if (!report_) fail("no check before this line");
  std::vector<const compliance::Finding*> out;
  for (const auto& f : report_->findings) {
    if (f.check != check) continue;
    nlohmann::json j = f.to_json();
    bool all = true;
    for (size_t i = from; i < w.size() && all; ++i) {
      const std::string& t = w[i].text;
      size_t eq = t.find('=');
      if (eq == std::string::npos) fail("expected field=value: " + t);
      bool contains = eq > 0 && t[eq - 1] == '~';
      std::string field = t.substr(0, contains ? eq - 1 : eq), want = substitute(t.substr(eq + 1));
      if (field == "subject") field = "subject_name";
      if (!j.contains(field)) fail("a finding has no field " + field);
      std::string got = j[field].is_string() ? j[field].get<std::string>() : j[field].dump();
      all = contains ? got.find(want) != std::string::npos : got == want;
    }
    if (all) out.push_back(&f);
  }
  return out;
}

std::string Rules::listing(const std::string& check) const {
  std::string out;
  for (const auto& f : report_->findings)
    if (check == "*" || f.check == check) out += "\n  " + f.check + " " + f.period + " " + f.subject_name + " expected=" +
                                                 f.expected + " actual=" + f.actual + " | " + f.message;
  return out.empty() ? "\n  (no findings)" : out;
}

void Rules::expect(const Words& w, bool none) {
  if (w.empty()) fail("expect CHECK field=value …");
  auto found = matching(w[0].text, w, 1);
  if (none && !found.empty()) fail("expected no such finding, got:" + listing(w[0].text));
  if (!none && found.size() != 1)
    fail("expected exactly one such finding, got " + std::to_string(found.size()) + "; findings of the check:" +
         listing(w[0].text));
}

void Rules::count(const Words& w) {
  // count CHECK [findings=N] [checked=N] [failed=N]; CHECK "*" for all findings.
  if (w.empty() || !report_) fail("count CHECK … after a check");
  const std::string& check = w[0].text;
  for (size_t i = 1; i < w.size(); ++i) {
    size_t eq = w[i].text.find('=');
    std::string k = w[i].text.substr(0, eq);
    int64_t want = std::stoll(w[i].text.substr(eq + 1)), got = 0;
    if (k == "findings")
      for (const auto& f : report_->findings) got += check == "*" || f.check == check;
    else if (k == "checked" || k == "failed")
      got = report_->checks.count(check) ? (k == "checked" ? report_->checks.at(check).checked
                                                           : report_->checks.at(check).failed)
                                         : 0;
    else
      fail("count: unknown field " + k);
    if (got != want) fail(check + " " + k + " = " + std::to_string(got) + ", expected " + std::to_string(want) + listing(check));
  }
}

void Rules::request(const std::string& rest) {
  // request METHOD PATH as USER [JSON body]
  auto w = split_words(rest.substr(0, rest.find('{')));
  if (w.size() < 2) fail("request METHOD PATH [as USER] [JSON]");
  std::string user = w.size() >= 4 && w[2].text == "as" ? w[3].text : "";
  size_t brace = rest.find('{');
  nlohmann::json body = nullptr;
  if (brace != std::string::npos) {
    body = nlohmann::json::parse(substitute(rest.substr(brace)), nullptr, false);
    if (body.is_discarded()) fail("request body is not JSON");
  }
  reply_ = call(w[0].text, substitute(w[1].text), user, body);
}

void Rules::status(const Words& w) {
  if (!reply_) fail("status before any request");
  if (w.empty() || reply_->status != std::stoi(w[0].text))
    fail("status " + std::to_string(reply_->status) + ", expected " + (w.empty() ? "?" : w[0].text) + ": " + reply_->raw);
}

void Rules::json_is(const std::string& rest) {
  // json /pointer = JSON   or   json /pointer ~= text (the value, as text, contains it)
  if (!reply_) fail("json before any request");
  size_t eq = rest.find('=');
  if (eq == std::string::npos) fail("json /pointer = VALUE");
  bool contains = eq > 0 && rest[eq - 1] == '~';
  std::string pointer = rest.substr(0, contains ? eq - 1 : eq);
  pointer.erase(pointer.find_last_not_of(" \t") + 1);
  std::string want = substitute(rest.substr(eq + 1));
  want.erase(0, want.find_first_not_of(" \t"));
  nlohmann::json got;
  try {
    got = reply_->body.at(nlohmann::json::json_pointer(pointer));
  } catch (const std::exception&) {
    fail("no " + pointer + " in " + reply_->raw);
  }
  if (contains) {
    std::string text = got.is_string() ? got.get<std::string>() : got.dump();
    if (text.find(want) == std::string::npos) fail(pointer + " = " + text + ", expected to contain " + want);
    return;
  }
  nlohmann::json expected = nlohmann::json::parse(want, nullptr, false);
  if (expected.is_discarded()) fail("not JSON: " + want);
  if (got != expected) fail(pointer + " = " + got.dump() + ", expected " + expected.dump());
}

void Rules::run_case() {
  const RuleCase& c = GetParam();
  for (const auto& line : c.lines) {
    where_ = c.file + ":" + std::to_string(line.number) + ": ";
    try {
      if (line.verb == "param") {
        param(line.rest);
        continue;
      }
      if (line.verb == "sql") {
        sql(line.rest);
        continue;
      }
      if (line.verb == "request") {
        request(line.rest);
        continue;
      }
      if (line.verb == "json") {
        json_is(line.rest);
        continue;
      }
      Words w = split_words(line.rest);
      if (line.verb == "row") row(w);
      else if (line.verb == "presence") presence(w);
      else if (line.verb == "calendar") calendar_day(w);
      else if (line.verb == "check") check(w);
      else if (line.verb == "expect") expect(w, false);
      else if (line.verb == "none") expect(w, true);
      else if (line.verb == "count") count(w);
      else if (line.verb == "status") status(w);
      else fail("unknown verb " + line.verb);
    } catch (const std::runtime_error& e) {
      std::string what = e.what();
      ADD_FAILURE() << (what.rfind(c.file, 0) == 0 ? what : where_ + what);
      return;
    } catch (const std::exception& e) {
      ADD_FAILURE() << where_ << e.what();
      return;
    }
  }
}

TEST_P(Rules, Case) { run_case(); }

INSTANTIATE_TEST_SUITE_P(Data, Rules, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<RuleCase>& info) { return info.param.name; });

}  // namespace
}  // namespace yilian::testing

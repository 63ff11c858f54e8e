// D7: a month's money per dispatched person. The monthly allowance is paid by the home
// hospital, pro rata to the person's days on site: the days of the month, up to today,
// with a half-day checked in as present (presence), over the month's working days — not
// calendar days under assignment, and nothing for an assignment that is only planned.
// Service fees (clinic, consultation, ward round, lecture days; surgery guidance cases)
// are paid by the recipient when the policy says the grassroots unit pays, at the rate of
// the person's title level (高级 = 正高/副高, 中级). All amounts come from the
// relationship's policy; when an amount is 0 the row says why in Chinese (notes), naming
// the preset and the clause, so a 0 元 statement is never left unexplained.
//
// ?format=xlsx answers the same statement as a sheet (one row per person, a 合计 row).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "auth/scope.h"
#include "calendar/date.h"
#include "calendar/work_days.h"
#include "common/clock.h"
#include "common/error.h"
#include "io/table.h"
#include "policy/startup.h"
#include "codes/codes.h"
#include "support/policy_of.h"
#include "support/report_routes.h"

namespace yilian::support {
namespace {

using nlohmann::json;

// "D7,《…》…" of a parameter, or "" when the policy leaves it unset.
std::string reference_of(const policy::EffectivePolicy* p, const std::string& key) {
  if (!p) return "";
  auto v = p->get(key);
  return v ? v->reference() : "";
}

std::string preset_title(const std::string& id) {
  const policy::Preset* preset = policy::shipped_presets()->find(id);
  return preset ? preset->title : id;
}

std::string yuan(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

json note(const std::string& about, const std::string& text, const std::string& preset_id, const std::string& param) {
  return {{"about", about},
          {"text", text},
          {"preset_id", preset_id.empty() ? json(nullptr) : json(preset_id)},
          {"param", param.empty() ? json(nullptr) : json(param)}};
}

struct Month {
  std::string label, first, last, until;  // until: the last day counted (today within the month)
};

Month requested_month(api::Context& ctx) {
  Month m;
  m.label = ctx.req.query_or("month", common::today().substr(0, 7));
  if (m.label.size() != 7 || !common::is_valid_date(m.label + "-01"))
    common::bad_request("bad_query", "月份格式须为YYYY-MM", "month");
  std::string today = ctx.req.query_or("today", common::today());  // a statement reproduced as of a day
  if (!common::is_valid_date(today)) common::bad_request("bad_query", "日期格式须为YYYY-MM-DD", "today");
  m.first = m.label + "-01";
  m.last = calendar::add_days(calendar::add_days(m.first, 40).substr(0, 7) + "-01", -1);
  m.until = std::min(m.last, today);
  return m;
}

}  // namespace

http::Response fee_statements(api::Context& ctx) {
  const auto& me = ctx.me();
  Month m = requested_month(ctx);
  std::string format = ctx.req.query_or("format", "json");
  if (format != "json" && format != "xlsx") common::bad_request("bad_format", "format须为json或xlsx", "format");

  auto scope = auth::scope_condition(me, {.region = "ri.region_code", .institution = "a.recipient_institution_id",
                                          .kind = "ri.kind", .staff = "a.staff_id", .other_region = "hi.region_code",
                                          .other_institution = "a.home_institution_id", .other_kind = "hi.kind"});
  std::string sql =
      "SELECT a.id, a.staff_id, st.name, st.title_level, a.home_institution_id, hi.name, a.recipient_institution_id, "
      "ri.name, a.status, r.preset_id, r.overrides, a.relationship_id, ri.region_code FROM assignment a JOIN staff st ON st.id = "
      "a.staff_id JOIN institution ri ON ri.id = a.recipient_institution_id JOIN institution hi ON hi.id = "
      "a.home_institution_id LEFT JOIN support_relationship r ON r.id = a.relationship_id WHERE a.active = 1 AND "
      "a.refused = 0 AND a.status <> 'cancelled' AND COALESCE(a.actual_start, a.planned_start) <= ? AND "
      "COALESCE(a.actual_end, a.planned_end) >= ? AND " + scope.sql;
  store::Params params{m.last, m.first};
  params.insert(params.end(), scope.params.begin(), scope.params.end());
  if (int64_t inst = api::query_id(ctx.req, "institution_id")) {
    sql += " AND (a.home_institution_id = ? OR a.recipient_institution_id = ?)";
    params.push_back(inst);
    params.push_back(inst);
  }
  auto rows = ctx.db.query(sql + " ORDER BY a.home_institution_id, st.name, a.id", params);

  // The month's working days in the recipient's calendar (holidays and 调休 applied).
  const calendar::WorkDays work_days = calendar::WorkDays::load(ctx.db, m.first, m.last);
  json items = json::array();
  std::map<std::pair<int64_t, std::string>, double> by_payer;  // (institution, name) → total
  for (const auto& r : rows.rows) {
    int64_t assignment = r[0].as_int();
    // Days on site: a day with a half-day checked in as present, up to today.
    int64_t on_site = ctx.db
                          .query("SELECT COUNT(DISTINCT day) FROM presence WHERE assignment_id = ? AND active = 1 AND "
                                 "status = 'present' AND day >= ? AND day <= ?",
                                 {assignment, m.first, m.until})
                          .scalar()
                          .as_int();
    std::string status = r[8].as_text();
    if (status == "planned" && on_site == 0) continue;  // only planned, nobody went: nothing to pay

    std::string preset_id = r[9].as_text();
    auto pol = policy_of(preset_id, r[10].as_text());
    const policy::EffectivePolicy* p = pol.get();
    std::string level = r[3].as_text();
    bool senior = level == "senior" || level == "associate";
    bool intermediate = level == "intermediate";
    json notes = json::array();

    double allowance = 0;
    const int working_days = work_days.count(r[12].as_text(), m.first, m.last);
    auto monthly = int_param(p, "compensation.monthly_allowance");
    if (monthly && working_days > 0)
      allowance = std::round(static_cast<double>(*monthly) * static_cast<double>(std::min<int64_t>(on_site, working_days)) /
                             working_days);

    auto acts = ctx.db.query(
        "SELECT kind, day, quantity FROM activity WHERE assignment_id = ? AND active = 1 AND day >= ? AND day <= ?",
        {assignment, m.first, m.until});
    std::set<std::string> service_days;
    int64_t surgery_cases = 0;
    for (const auto& act : acts.rows) {
      std::string kind = act[0].as_text();
      if (kind == "clinic" || kind == "consultation" || kind == "ward_round" || kind == "teaching_round" ||
          kind == "lecture" || kind == "hospital_lecture")
        service_days.insert(act[1].as_text());
      if (kind == "surgery" || kind == "surgery_demo") surgery_cases += act[2].as_int();
    }
    bool recipient_pays = bool_param(p, "compensation.recipient_pays");
    std::string day_key = senior ? "compensation.service_day_fee_senior" : "compensation.service_day_fee_intermediate";
    std::string case_key =
        senior ? "compensation.surgery_guidance_fee_senior" : "compensation.surgery_guidance_fee_intermediate";
    double day_rate = 0, case_rate = 0;
    if (recipient_pays && (senior || intermediate)) {
      day_rate = static_cast<double>(int_param(p, day_key).value_or(0));
      case_rate = static_cast<double>(int_param(p, case_key).value_or(0));
    }
    double service_fee = day_rate * static_cast<double>(service_days.size());
    double surgery_fee = case_rate * static_cast<double>(surgery_cases);

    // Why an amount is 0: the policy says so, or sets no standard.
    std::string title = preset_id.empty() ? "" : preset_title(preset_id);
    if (!p) {
      notes.push_back(note("all",
                           r[11].is_null() ? "该派驻不属于任何帮扶关系,没有适用的补助和劳务费标准"
                                           : "所属帮扶关系未选择政策方案,没有适用的补助和劳务费标准",
                           "", ""));
    } else {
      if (!monthly)
        notes.push_back(note("allowance", "政策方案《" + title + "》未规定派驻人员月补助,月补助为0", preset_id,
                             "compensation.monthly_allowance"));
      if (!recipient_pays) {
        auto param = p->get("compensation.recipient_pays");
        notes.push_back(note("fees",
                             param ? "政策方案《" + title + "》规定受援单位不支付劳务费(" + param->citation.text() + ")"
                                   : "政策方案《" + title + "》未规定由受援单位支付劳务费",
                             preset_id, "compensation.recipient_pays"));
      } else if (!senior && !intermediate) {
        notes.push_back(note("fees",
                             "劳务费标准只适用于高级和中级职称,本人职称级别为" +
                                 (level.empty() ? std::string("未登记") : codes::label_of(codes::title_levels(), level)),
                             preset_id, day_key));
      } else if (!int_param(p, day_key) && !int_param(p, case_key)) {
        notes.push_back(note("fees", "政策方案《" + title + "》规定由受援单位支付,但未规定劳务费标准", preset_id, day_key));
      }
    }

    if (allowance > 0) by_payer[{r[4].as_int(), r[5].as_text()}] += allowance;
    if (service_fee + surgery_fee > 0) by_payer[{r[6].as_int(), r[7].as_text()}] += service_fee + surgery_fee;
    items.push_back({{"assignment_id", assignment},
                     {"staff_id", r[1].as_int()},
                     {"name", r[2].as_text()},
                     {"title_level", codes::label_of(codes::title_levels(), level)},
                     {"status", status},
                     {"home_institution", r[5].as_text()},
                     {"recipient_institution", r[7].as_text()},
                     {"days_on_site", on_site},
                     {"allowance", allowance},
                     {"monthly_allowance", monthly ? json(*monthly) : json(nullptr)},
                     {"allowance_payer", r[5].as_text()},
                     {"allowance_rule", reference_of(p, "compensation.monthly_allowance")},
                     {"service_days", service_days.size()},
                     {"service_day_rate", day_rate},
                     {"service_fee", service_fee},
                     {"service_rule", reference_of(p, day_key)},
                     {"surgery_cases", surgery_cases},
                     {"surgery_case_rate", case_rate},
                     {"surgery_fee", surgery_fee},
                     {"surgery_rule", reference_of(p, case_key)},
                     {"fee_payer", recipient_pays ? json(r[7].as_text()) : json(nullptr)},
                     {"total", allowance + service_fee + surgery_fee},
                     {"working_days", working_days},
                     {"notes", notes},
                     {"preset_id", p ? json(p->preset_id()) : json(nullptr)},
                     {"preset_title", p ? json(title) : json(nullptr)}});
  }
  json payers = json::array();
  for (const auto& [k, v] : by_payer) payers.push_back({{"institution_id", k.first}, {"institution", k.second}, {"amount", v}});
  const int national_working_days = work_days.count("", m.first, m.last);
  std::string days_rule = "派驻天数:本月1日至" + m.until + "在岗记录中已到岗(上午或下午签到为在岗)的天数;" +
                          "未来日期、请假、缺勤和仅为计划的派驻不计。月补助 = 月补助标准 × 派驻天数 ÷ 本月工作日数(全国" +
                          std::to_string(national_working_days) +
                          "日,法定节假日放假、调休上班按国务院办公厅通知;受援单位所在地另有调整的按其工作日历),按政策方案的 "
                          "compensation.monthly_allowance 计(D7)";

  if (format == "xlsx") {
    io::Table table = {{"姓名", "职称级别", "派出单位", "受援单位", "派驻天数", "月补助(元)", "劳务费天数", "劳务费标准(元/天)",
                        "劳务费(元)", "手术例数", "手术指导费标准(元/例)", "手术指导费(元)", "劳务费支付单位", "合计(元)",
                        "说明"}};
    double sum_allowance = 0, sum_service = 0, sum_surgery = 0, sum_total = 0;
    for (const auto& i : items) {
      std::string why;
      for (const auto& n : i["notes"]) why += (why.empty() ? "" : ";") + n["text"].get<std::string>();
      auto str = [&](const char* k) { return i[k].is_null() ? std::string() : i[k].get<std::string>(); };
      auto num = [&](const char* k) { return yuan(i[k].get<double>()); };
      auto count = [&](const char* k) { return std::to_string(i[k].get<int64_t>()); };
      table.push_back({str("name"), str("title_level"), str("home_institution"), str("recipient_institution"),
                       count("days_on_site"), num("allowance"), count("service_days"), num("service_day_rate"),
                       num("service_fee"), count("surgery_cases"), num("surgery_case_rate"), num("surgery_fee"),
                       str("fee_payer"), num("total"), why});
      sum_allowance += i["allowance"].get<double>();
      sum_service += i["service_fee"].get<double>();
      sum_surgery += i["surgery_fee"].get<double>();
      sum_total += i["total"].get<double>();
    }
    table.push_back({"合计", "", "", "", "", yuan(sum_allowance), "", "", yuan(sum_service), "", "", yuan(sum_surgery), "",
                     yuan(sum_total), ""});
    table.push_back({days_rule});
    http::Response res;
    res.body = io::write_table(table, io::TableFormat::xlsx, "劳务费结算");
    res.content_type = io::content_type(io::TableFormat::xlsx);
    // 劳务费结算_YYYY-MM.xlsx
    res.headers.emplace_back("Content-Disposition",
                             "attachment; filename*=UTF-8''%E5%8A%B3%E5%8A%A1%E8%B4%B9%E7%BB%93%E7%AE%97_" + m.label + ".xlsx");
    return res;
  }
  return http::Response::json({{"month", m.label},
                               {"counted_until", m.until},
                               {"working_days", national_working_days},
                               {"days_rule", days_rule},
                               {"items", items},
                               {"payers", payers}});
}

}  // namespace yilian::support

#include "rounds/plan_run.h"

#include <stdexcept>

#include "common/error.h"
#include "planner/exact.h"
#include "planner/heuristic.h"
#include "rounds/plan_apply.h"
#include "rounds/plan_json.h"
#include "rounds/plan_problem.h"

namespace yilian::rounds {
namespace {

using nlohmann::json;

// Up to this many villages owing visits the exact solver usually proves its optimum within
// seconds (bench/planner_bench.cpp); beyond it, auto goes straight to the local search.
constexpr size_t kExactVillages = 60;

struct RunRequest {
  std::string region, from, to, method = "auto", preset;
  double time_limit = 20;
  bool apply = false;
};

std::string body_text(const json& body, const char* key) {
  if (!body.contains(key) || body[key].is_null()) return "";
  if (!body[key].is_string()) common::invalid(key, std::string(key) + "须为字符串");
  return body[key].get<std::string>();
}

RunRequest parse(const json& body) {
  RunRequest r;
  r.region = body_text(body, "region");
  r.from = body_text(body, "from");
  r.to = body_text(body, "to");
  r.preset = body_text(body, "preset");
  if (auto m = body_text(body, "method"); !m.empty()) r.method = m;
  if (r.method != "auto" && r.method != "exact" && r.method != "heuristic")
    common::invalid("method", "排班方法须为auto、exact或heuristic");
  if (body.contains("time_limit_seconds")) {
    const auto& t = body["time_limit_seconds"];
    if (!t.is_number() || t.get<double>() < 1 || t.get<double>() > 60)
      common::invalid("time_limit_seconds", "计算时限须为1至60秒");
    r.time_limit = t.get<double>();
  }
  if (body.contains("apply")) {
    if (!body["apply"].is_boolean()) common::invalid("apply", "apply须为true或false");
    r.apply = body["apply"];
  }
  return r;
}

struct Solved {
  std::string method;
  bool proven_optimal = false;
  planner::Plan plan;
  double travel_km = 0, seconds = 0;
  std::vector<planner::Violation> unmet;
  std::vector<planner::Explanation> explanations;
};

Solved heuristic(const planner::Problem& pb, double seconds) {
  auto h = planner::solve_heuristic(pb, {.seed = 1, .max_iterations = 2000000, .time_limit_seconds = seconds});
  return {"heuristic", false, std::move(h.plan), h.cost.travel_km, h.seconds, std::move(h.unmet),
          std::move(h.explanations)};
}

// Fewer unmet rules first, then less travel: the plan a person would pick.
bool better(const Solved& a, const Solved& b) {
  if (a.unmet.size() != b.unmet.size()) return a.unmet.size() < b.unmet.size();
  return a.travel_km < b.travel_km - 1e-6;
}

Solved solve(const planner::Problem& pb, const RunRequest& req, bool small) {
  if (req.method == "heuristic" || (req.method == "auto" && !small)) return heuristic(pb, req.time_limit);
  // auto keeps part of the time for the local search in case the optimum is not proven.
  double exact_time = req.method == "exact" ? req.time_limit : req.time_limit * 0.7;
  auto e = planner::solve_exact(pb, {.time_limit_seconds = exact_time});
  Solved out{"exact", e.proven_optimal, std::move(e.plan), e.cost.travel_km, e.seconds, std::move(e.unmet),
             std::move(e.explanations)};
  if (!e.found_plan || (req.method == "auto" && !e.proven_optimal)) {
    Solved h = heuristic(pb, std::max(1.0, req.time_limit - e.seconds));
    h.seconds += out.seconds;
    if (!e.found_plan || better(h, out)) return h;
    out.seconds = h.seconds;
  }
  return out;
}

}  // namespace

http::Response run_plan(api::Context& ctx) {
  json body = ctx.json_body();
  // Scope first, so an outsider learns nothing from a validation error.
  ReportRegion region = plan_region(ctx, body_text(body, "region"));
  RunRequest req = parse(body);
  PlanPeriod period = parse_plan_period(req.from, req.to);
  // The preset helper reads ?preset=; the run takes it from the body.
  if (!req.preset.empty()) ctx.req.query["preset"] = req.preset;
  RoundsPolicy policy = RoundsPolicy::of_request(ctx);
  PlanProblem problem = build_plan_problem(ctx.db, policy, region, period);
  bool small = region.level == common::RegionLevel::township || problem.problem.villages.size() <= kExactVillages;
  Solved s;
  try {
    s = solve(problem.problem, req, small);
  } catch (const std::invalid_argument& e) {
    common::invalid("region", std::string("排班数据有误:") + e.what());
  }
  planner::Instance in(problem.problem);
  ApplyResult applied;
  if (req.apply) applied = apply_plan(ctx, region, period, problem, s.plan);
  json trips = json::array();
  for (const auto& t : s.plan.trips) trips.push_back(trip_json(in, t));
  return http::Response::json({{"region", region.code},
                               {"region_name", region.name},
                               {"from", period.from},
                               {"to", period.to},
                               {"preset", policy.id()},
                               {"method", s.method},
                               {"proven_optimal", s.proven_optimal},
                               {"seconds", s.seconds},
                               {"travel_km", s.travel_km},
                               {"trips", trips},
                               {"unmet", violations_json(in, s.plan, s.unmet)},
                               {"explanations", explanations_json(in, s.explanations)},
                               {"applied", req.apply},
                               {"replaced", applied.replaced},
                               {"inserted", applied.inserted}});
}

}  // namespace yilian::rounds

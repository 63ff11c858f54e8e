// The built-in generator steps, in the order they run. Each reads what the earlier
// ones put in DemoData and writes its rows with BatchInsert.
#pragma once
#include <ostream>

#include "demo/generator.h"

namespace yilian::demo {

// Regions (province → village, R1) and the village table (R3).
void create_regions(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
// One tertiary hospital per city; general, TCM, CDC and MCH per county; a health centre
// per township; a clinic per village (R2).
void create_institutions(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_departments(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
// Staff with names, ID numbers, professions, titles and departments (R4).
void create_staff(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
// One account per role in the focus county, all with kDemoPassword.
void create_accounts(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);

// Counterpart support (step_support_*.cpp), in this order: relationships with agreements,
// specialties, leadership groups and work steps (A1, A2, A4, A6, A7); alliances (A5);
// assignments (D1–D3, D5); half-day presence (D4, D10); activities (D8); evaluations and
// leadership visits (D6, D9); trainees (T1, T3); equipment ledger and operating
// statistics (R6, R7). Each plants the rule breaches listed at its top.
void create_support_relationships(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_support_alliances(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_support_assignments(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_support_presence(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_support_activities(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_support_evaluations(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_support_trainees(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_support_ledgers(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);

// County mobile rounds (step_rounds_*.cpp), in this order: teams and members (V1, V3,
// V8); the 包干 grid with one or two villages per county left out on purpose (V1); the
// senior-doctor pool (V6); for a county, the planner's half-day plans and a year of visits
// following them, for a province a simple rotation of visits instead; the focus county's
// weekly reports (V7).
void create_rounds_teams(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_rounds_grid(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_rounds_seniors(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_rounds_plans(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_rounds_visits(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_rounds_rotation(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);
void create_rounds_weekly_reports(store::Db& db, const Options& o, DemoData& d, std::ostream& progress);

// The name people use for a city. Where the CSV has a placeholder instead (直辖市
// "市辖区", "省直辖县级行政区划") that is the province's name.
std::string city_label(const DemoData& d, const DemoCity& c);

}  // namespace yilian::demo

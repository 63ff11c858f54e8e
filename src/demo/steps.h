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

// The name people use for a city. Where the CSV has a placeholder instead (直辖市
// "市辖区", "省直辖县级行政区划") that is the province's name.
std::string city_label(const DemoData& d, const DemoCity& c);

}  // namespace yilian::demo

// `yilian demo`: fills an empty database with a real county (or province) and demo accounts.
#include <iostream>
#include <stdexcept>

#include "cli/commands.h"
#include "common/error.h"
#include "demo/generator.h"

namespace yilian::cli {

namespace {

void print_logins(const demo::DemoData& data) {
  std::cout << "\nDemo accounts (password " << demo::kDemoPassword << "):\n";
  std::cout << "  username          role            password      scope\n";
  auto pad = [](const std::string& s, size_t width) {
    return s + std::string(s.size() < width ? width - s.size() : 1, ' ');
  };
  for (const auto& login : data.logins)
    std::cout << "  " << pad(login.username, 18) << pad(login.role, 16) << pad(demo::kDemoPassword, 14) << login.scope
              << "\n";
}

}  // namespace

// yilian demo --db URL [--scale county|province] [--with-support] [--with-rounds] [--dispatch-scale N]
//             [--seed N] [--county CODE] [--province CODE] [--datasets DIR]
int cmd_demo(const Args& a) {
  demo::Options options;
  std::string scale = a.get("scale", "county");
  if (scale == "province") {
    options.scale = demo::Scale::province;
  } else if (scale != "county") {
    std::cerr << "usage: yilian demo --db URL [--scale county|province] [--with-support] [--with-rounds] "
                 "[--dispatch-scale N] [--seed N] [--county CODE] [--province CODE] [--datasets DIR]\n";
    return 2;
  }
  try {
    if (a.has("seed")) options.seed = std::stoull(a.get("seed"));
  } catch (const std::exception&) {
    std::cerr << "demo: --seed must be a non-negative integer\n";
    return 2;
  }
  try {
    if (a.has("dispatch-scale")) options.dispatch_scale = std::stoi(a.get("dispatch-scale"));
  } catch (const std::exception&) {
    options.dispatch_scale = 0;
  }
  if (options.dispatch_scale < 1 || options.dispatch_scale > 50) {
    std::cerr << "demo: --dispatch-scale must be an integer from 1 to 50\n";
    return 2;
  }
  options.county_code = a.get("county");
  options.province_code = a.get("province");
  options.datasets_dir = a.get("datasets");
  options.with_support = a.has("with-support");  // a county always has support data
  options.with_rounds = a.has("with-rounds");    // likewise rounds data

  auto db = open_migrated(db_url(a), db_options(a));
  if (db->query("SELECT COUNT(*) FROM institution").scalar().as_int() > 0) {
    std::cerr << "demo: the database already holds institutions; run demo only on an empty database\n";
    return 1;
  }
  try {
    ensure_admin(*db);
    demo::Generator generator(options);
    demo::DemoData data = generator.run(*db, std::cout);
    print_logins(data);
    return 0;
  } catch (const common::ApiError& e) {
    std::cerr << "demo: " << e.what() << (e.field.empty() ? "" : " (" + e.field + ")") << "\n";
  } catch (const std::exception& e) {
    std::cerr << "demo: " << e.what() << "\n";
  }
  return 1;
}

}  // namespace yilian::cli

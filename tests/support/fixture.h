// Test fixtures shared by store and API tests. Every test gets a fresh, migrated
// database: a temporary SQLite file, or — when YILIAN_TEST_DB is a PostgreSQL URL —
// an emptied schema on that server. The same tests thus run on both backends.
#pragma once
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "api/app.h"
#include "store/db.h"

namespace yilian::testing {

// `url`, when given, receives the database's URL, for tests that open more connections.
std::unique_ptr<store::Db> fresh_db(std::string* url = nullptr);
bool on_postgresql();

// A small but complete region to test scope against: one province, one city, two
// counties (A: 370102 with two townships and villages; B: 370103), institutions of
// every kind involved, staff, and one account per role.
struct Seed {
  int64_t city_hospital = 0, county_a_hospital = 0, county_b_hospital = 0;
  int64_t township_a1 = 0, township_a2 = 0, township_b1 = 0;
  int64_t clinic_a1 = 0, clinic_b1 = 0;  // village clinics
  int64_t dept_a_internal = 0, dept_b_internal = 0;
  int64_t staff_a = 0, staff_b = 0, staff_township_a1 = 0, staff_clinic_a1 = 0;
  std::map<std::string, std::string> tokens;  // username → bearer token
};

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override;

  struct Reply {
    int status;
    nlohmann::json body;
    std::string raw;
  };
  // Sends a request through the whole application stack except the socket.
  Reply call(const std::string& method, const std::string& target, const std::string& user = "",
             const nlohmann::json& body = nullptr, const std::string& raw_body = "");
  // The same on another connection (each thread of a concurrency test opens its own).
  Reply call_on(store::Db& conn, const std::string& method, const std::string& target, const std::string& user,
                const nlohmann::json& body = nullptr, const std::string& raw_body = "");
  Reply get(const std::string& target, const std::string& user) { return call("GET", target, user); }
  Reply post(const std::string& target, const std::string& user, const nlohmann::json& body) {
    return call("POST", target, user, body);
  }
  Reply patch(const std::string& target, const std::string& user, const nlohmann::json& body) {
    return call("PATCH", target, user, body);
  }
  int64_t count(const std::string& table);  // rows in a table, bypassing the API

  std::unique_ptr<store::Db> db;
  std::string db_url;  // for further connections (concurrency tests)
  std::unique_ptr<api::App> app;
  Seed seed;
};

// The demo accounts' password in tests.
inline const char* kPassword = "Passw0rd!2026";

}  // namespace yilian::testing

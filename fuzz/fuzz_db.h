// The database the registry fuzz targets write to: an in-memory SQLite database with the
// registry, accounts and audit schema, migrated and seeded once per process (a small
// county: regions down to a village, a hospital, a township centre, a department, staff)
// and the accounts whose scope the inputs run under. Each input runs inside a transaction
// that is rolled back, so every input meets the same database.
#pragma once
#include <memory>
#include <string_view>

#include "auth/principal.h"
#include "store/db.h"

namespace yilian::fuzz {

struct FuzzDb {
  std::unique_ptr<store::Db> db;
  auth::Principal admin;
  auth::Principal bureau;    // the county's bureau: rows in its region only
  auth::Principal township;  // the township centre and its village clinics
};

FuzzDb& fuzz_db();

// Runs `body` as the server runs a handler, and stops the process (a fuzzer finding) on
// what the server would answer with 500: an exception other than a client error
// (common::ApiError), a constraint violation the database reports (409/422) or a JSON type
// error (400). `what` names the target in the message.
template <class F>
void expect_no_server_error(std::string_view what, F&& body);
[[noreturn]] void server_error(std::string_view what, const char* message);

}  // namespace yilian::fuzz

#include <nlohmann/json.hpp>

#include "common/error.h"

namespace yilian::fuzz {

template <class F>
void expect_no_server_error(std::string_view what, F&& body) {
  try {
    body();
  } catch (const common::ApiError&) {
  } catch (const store::DbError& e) {
    if (e.kind == store::DbError::Kind::other || e.kind == store::DbError::Kind::serialization)
      server_error(what, e.what());
  } catch (const nlohmann::json::exception&) {
  } catch (const std::exception& e) {
    server_error(what, e.what());
  }
}

}  // namespace yilian::fuzz

// Rounds tables. Dates are TEXT (YYYY-MM-DD), flags 0/1 integers, so one script runs on
// SQLite and PostgreSQL. Rows are soft-deleted (active = 0) like every other record,
// except the people of a visit, which are replaced as a whole with their visit.
#include "rounds/schema.h"

namespace yilian::rounds {

namespace {
const char* kCommon =
    "active BIGINT NOT NULL DEFAULT 1, version BIGINT NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT "
    "NOT NULL";
}

std::vector<store::Migration> migrations() {
  std::string c = kCommon;
  return {{500, "rounds teams, village grid, senior doctors", R"(
CREATE TABLE rounds_team (
  id {{ID}},
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'health_management',
  has_vehicle BIGINT NOT NULL DEFAULT 0,
  start_date TEXT NOT NULL,
  end_date TEXT,
  notes TEXT,
  )" + c + R"(
);
CREATE INDEX rounds_team_institution ON rounds_team (institution_id);

CREATE TABLE team_member (
  id {{ID}},
  team_id BIGINT NOT NULL REFERENCES rounds_team (id),
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  role TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  )" + c + R"(
);
CREATE INDEX team_member_team ON team_member (team_id);
CREATE INDEX team_member_staff ON team_member (staff_id);

CREATE TABLE village_assignment (
  id {{ID}},
  village_code TEXT NOT NULL REFERENCES region (code),
  team_id BIGINT NOT NULL REFERENCES rounds_team (id),
  start_date TEXT NOT NULL,
  end_date TEXT,
  )" + c + R"(
);
CREATE INDEX village_assignment_village ON village_assignment (village_code);
CREATE INDEX village_assignment_team ON village_assignment (team_id);

CREATE TABLE senior_doctor (
  id {{ID}},
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  township_institution_id BIGINT NOT NULL REFERENCES institution (id),
  affiliation TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  )" + c + R"(
);
CREATE INDEX senior_doctor_staff ON senior_doctor (staff_id);
CREATE INDEX senior_doctor_township ON senior_doctor (township_institution_id);
)"},
          {510, "rounds plan slots", R"(
CREATE TABLE round_plan_slot (
  id {{ID}},
  team_id BIGINT NOT NULL REFERENCES rounds_team (id),
  day TEXT NOT NULL,
  half TEXT NOT NULL,
  village_code_1 TEXT NOT NULL REFERENCES region (code),
  village_code_2 TEXT REFERENCES region (code),
  village_code_3 TEXT REFERENCES region (code),
  source TEXT NOT NULL DEFAULT 'manual',
  notes TEXT,
  )" + c + R"(
);
CREATE INDEX round_plan_slot_team ON round_plan_slot (team_id, day);
CREATE INDEX round_plan_slot_day ON round_plan_slot (day);

CREATE TABLE round_plan_doctor (
  id {{ID}},
  slot_id BIGINT NOT NULL REFERENCES round_plan_slot (id),
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  )" + c + R"(
);
CREATE INDEX round_plan_doctor_slot ON round_plan_doctor (slot_id);
CREATE INDEX round_plan_doctor_staff ON round_plan_doctor (staff_id);
)"},
          {520, "rounds visit records", R"(
CREATE TABLE round_visit (
  id {{ID}},
  client_id TEXT UNIQUE,
  team_id BIGINT NOT NULL REFERENCES rounds_team (id),
  village_code TEXT NOT NULL REFERENCES region (code),
  day TEXT NOT NULL,
  half TEXT NOT NULL,
  plan_slot_id BIGINT REFERENCES round_plan_slot (id),
  planned BIGINT NOT NULL DEFAULT 0,
  patients BIGINT NOT NULL DEFAULT 0,
  referrals BIGINT NOT NULL DEFAULT 0,
  education_sessions BIGINT NOT NULL DEFAULT 0,
  education_audience BIGINT NOT NULL DEFAULT 0,
  guidance_maternal BIGINT NOT NULL DEFAULT 0,
  guidance_elderly BIGINT NOT NULL DEFAULT 0,
  guidance_hypertension BIGINT NOT NULL DEFAULT 0,
  guidance_diabetes BIGINT NOT NULL DEFAULT 0,
  guidance_mental BIGINT NOT NULL DEFAULT 0,
  guidance_other BIGINT NOT NULL DEFAULT 0,
  latitude {{REAL}},
  longitude {{REAL}},
  photo_ref TEXT,
  notes TEXT,
  recorder_staff_id BIGINT REFERENCES staff (id),
  )" + c + R"(
);
CREATE UNIQUE INDEX round_visit_once ON round_visit (team_id, day, half, village_code) WHERE active = 1;
CREATE INDEX round_visit_day ON round_visit (day, village_code);

CREATE TABLE round_visit_person (
  id {{ID}},
  visit_id BIGINT NOT NULL REFERENCES round_visit (id),
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  role TEXT NOT NULL,
  affiliation TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (visit_id, staff_id)
);
CREATE INDEX round_visit_person_staff ON round_visit_person (staff_id);
)"},
          {530, "rounds weekly report", R"(
CREATE TABLE weekly_report (
  id {{ID}},
  county_code TEXT NOT NULL REFERENCES region (code),
  week TEXT NOT NULL,
  status TEXT NOT NULL,
  reporter_name TEXT NOT NULL,
  reporter_phone TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  first_submitted_at TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  submitted_by BIGINT REFERENCES app_user (id),
  submitted_by_name TEXT NOT NULL,
  reviewed_at TEXT,
  reviewed_by BIGINT REFERENCES app_user (id),
  reviewed_by_name TEXT,
  review_comment TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (county_code, week)
);
CREATE INDEX weekly_report_week ON weekly_report (week);
)"},
          // V8: how far a team without a vehicle can go, for the round planner (NULL: no limit recorded).
          {540, "rounds team trip limits", R"(
ALTER TABLE rounds_team ADD COLUMN max_trip_km {{REAL}};
ALTER TABLE rounds_team ADD COLUMN max_villages_per_trip BIGINT DEFAULT 3;
)"},
          // The weekly report became an entity on the shared lifecycle (rounds/weekly_report_entity.h).
          {550, "weekly report as an entity", R"(
ALTER TABLE weekly_report ADD COLUMN active BIGINT NOT NULL DEFAULT 1;
)"}};
}

}  // namespace yilian::rounds

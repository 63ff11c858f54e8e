// Counterpart-support tables (A1–A7, D1–D10, T1–T3, R5–R7). Every row hangs from an
// institution, so scope checks reach it through a join; nothing is ever deleted.
#include "support/schema.h"

#include "support/activity_month.h"
#include "support/presence_week.h"

namespace yilian::support {

namespace {
const char* kCommon = "active BIGINT NOT NULL DEFAULT 1, version BIGINT NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL";
}

std::vector<store::Migration> migrations() {
  std::string c = kCommon;
  return {{400, "support relationships, agreements, alliances", R"(
CREATE TABLE support_relationship (
  id {{ID}},
  supporting_institution_id BIGINT NOT NULL REFERENCES institution (id),
  recipient_institution_id BIGINT NOT NULL REFERENCES institution (id),
  tier TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  preset_id TEXT,
  overrides TEXT,
  notes TEXT,
  )" + c + R"(
);
CREATE INDEX support_relationship_recipient ON support_relationship (recipient_institution_id);
CREATE INDEX support_relationship_supporting ON support_relationship (supporting_institution_id);

CREATE TABLE agreement (
  id {{ID}},
  relationship_id BIGINT NOT NULL REFERENCES support_relationship (id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'annual',
  status TEXT NOT NULL DEFAULT 'draft',
  signed_date TEXT,
  filed_date TEXT,
  tripartite BIGINT NOT NULL DEFAULT 0,
  third_party TEXT,
  goals TEXT,
  tasks TEXT,
  support_modes TEXT,
  obligations TEXT,
  document_name TEXT,
  document_type TEXT,
  document_size BIGINT,
  document_sha256 TEXT,
  document_base64 TEXT,
  )" + c + R"(
);
CREATE INDEX agreement_relationship ON agreement (relationship_id);

CREATE TABLE agreement_target (
  id {{ID}},
  agreement_id BIGINT NOT NULL REFERENCES agreement (id),
  metric TEXT NOT NULL,
  description TEXT NOT NULL,
  baseline {{REAL}},
  target {{REAL}} NOT NULL,
  unit TEXT,
  deadline TEXT NOT NULL,
  )" + c + R"(
);

CREATE TABLE requested_specialty (
  id {{ID}},
  relationship_id BIGINT NOT NULL REFERENCES support_relationship (id),
  year BIGINT NOT NULL,
  specialty TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'requested',
  )" + c + R"(,
  UNIQUE (relationship_id, year, specialty)
);

CREATE TABLE leadership_member (
  id {{ID}},
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  name TEXT NOT NULL,
  staff_id BIGINT REFERENCES staff (id),
  role TEXT NOT NULL,
  duties TEXT,
  )" + c + R"(
);

CREATE TABLE work_step (
  id {{ID}},
  relationship_id BIGINT NOT NULL REFERENCES support_relationship (id),
  stage TEXT NOT NULL,
  title TEXT NOT NULL,
  due_date TEXT NOT NULL,
  done_date TEXT,
  )" + c + R"(
);

CREATE TABLE alliance (
  id {{ID}},
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  lead_institution_id BIGINT NOT NULL REFERENCES institution (id),
  start_date TEXT NOT NULL,
  review_years BIGINT,
  )" + c + R"(
);

CREATE TABLE alliance_member (
  id {{ID}},
  alliance_id BIGINT NOT NULL REFERENCES alliance (id),
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  role TEXT NOT NULL DEFAULT 'member',
  specialty TEXT,
  branch_sign TEXT,
  start_date TEXT NOT NULL,
  end_date TEXT,
  )" + c + R"(
);
CREATE INDEX alliance_member_alliance ON alliance_member (alliance_id);

CREATE TABLE council_role (
  id {{ID}},
  alliance_id BIGINT NOT NULL REFERENCES alliance (id),
  name TEXT NOT NULL,
  institution_id BIGINT REFERENCES institution (id),
  role TEXT NOT NULL,
  term_start TEXT NOT NULL,
  term_end TEXT NOT NULL,
  )" + c + R"(
);
)"},
          {410, "dispatch: assignments, presence, activities, evaluations", R"(
CREATE TABLE assignment (
  id {{ID}},
  relationship_id BIGINT REFERENCES support_relationship (id),
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  home_institution_id BIGINT NOT NULL REFERENCES institution (id),
  home_department_id BIGINT REFERENCES department (id),
  recipient_institution_id BIGINT NOT NULL REFERENCES institution (id),
  recipient_department TEXT,
  level TEXT NOT NULL DEFAULT 'county',
  role TEXT NOT NULL DEFAULT 'resident',
  batch TEXT,
  planned_start TEXT NOT NULL,
  planned_end TEXT NOT NULL,
  actual_start TEXT,
  actual_end TEXT,
  status TEXT NOT NULL DEFAULT 'planned',
  refused BIGINT NOT NULL DEFAULT 0,
  )" + c + R"(
);
CREATE INDEX assignment_staff ON assignment (staff_id);
CREATE INDEX assignment_recipient ON assignment (recipient_institution_id, planned_start);
CREATE INDEX assignment_relationship ON assignment (relationship_id);

CREATE TABLE presence (
  id {{ID}},
  assignment_id BIGINT NOT NULL REFERENCES assignment (id),
  day TEXT NOT NULL,
  half TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'present',
  reason TEXT,
  client_id TEXT UNIQUE,
  checked_in_at TEXT,
  latitude {{REAL}},
  longitude {{REAL}},
  confirmed BIGINT NOT NULL DEFAULT 0,
  confirmed_by TEXT,
  confirmed_at TEXT,
  )" + c + R"(,
  UNIQUE (assignment_id, day, half)
);
CREATE INDEX presence_day ON presence (day);

CREATE TABLE activity (
  id {{ID}},
  assignment_id BIGINT NOT NULL REFERENCES assignment (id),
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT,
  quantity BIGINT NOT NULL DEFAULT 0,
  amount {{REAL}},
  mentee_staff_id BIGINT REFERENCES staff (id),
  detail TEXT,
  client_id TEXT UNIQUE,
  )" + c + R"(
);
CREATE INDEX activity_assignment ON activity (assignment_id, day);

CREATE TABLE evaluation (
  id {{ID}},
  assignment_id BIGINT NOT NULL REFERENCES assignment (id),
  kind TEXT NOT NULL,
  day TEXT NOT NULL,
  score {{REAL}} NOT NULL,
  grade TEXT NOT NULL,
  evaluator TEXT NOT NULL,
  comments TEXT,
  )" + c + R"(
);
)"},
          {420, "training, equipment ledger, operating statistics, leadership visits", R"(
CREATE TABLE trainee (
  id {{ID}},
  relationship_id BIGINT REFERENCES support_relationship (id),
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  host_institution_id BIGINT NOT NULL REFERENCES institution (id),
  host_department TEXT,
  programme TEXT NOT NULL DEFAULT 'further_study',
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  free_of_charge BIGINT NOT NULL DEFAULT 1,
  completed BIGINT NOT NULL DEFAULT 0,
  assessment TEXT,
  score {{REAL}},
  )" + c + R"(
);

CREATE TABLE equipment_event (
  id {{ID}},
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  item TEXT NOT NULL,
  model TEXT,
  action TEXT NOT NULL,
  day TEXT NOT NULL,
  value {{REAL}},
  donor_institution_id BIGINT REFERENCES institution (id),
  notes TEXT,
  )" + c + R"(
);

CREATE TABLE operating_stat (
  id {{ID}},
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  month TEXT NOT NULL,
  outpatient_visits BIGINT NOT NULL DEFAULT 0,
  inpatient_admissions BIGINT NOT NULL DEFAULT 0,
  surgeries BIGINT NOT NULL DEFAULT 0,
  cases BIGINT NOT NULL DEFAULT 0,
  revenue {{REAL}},
  cost {{REAL}},
  bed_occupancy_rate {{REAL}},
  )" + c + R"(,
  UNIQUE (institution_id, month)
);

CREATE TABLE leadership_visit (
  id {{ID}},
  relationship_id BIGINT NOT NULL REFERENCES support_relationship (id),
  day TEXT NOT NULL,
  leader TEXT NOT NULL,
  purpose TEXT,
  )" + c + R"(
);
)"},
          // The compliance engine reads these per relationship.
          {430, "support indexes for the compliance engine", R"(
CREATE INDEX trainee_relationship ON trainee (relationship_id, start_date);
CREATE INDEX leadership_visit_relationship ON leadership_visit (relationship_id, day);
CREATE INDEX work_step_relationship ON work_step (relationship_id, due_date);
)"},
          // The compliance engine's presence rules read presence once per assignment and day
          // range; covering status and confirmation keeps that an index-only scan.
          {440, "presence covering index for the compliance engine", R"(
CREATE INDEX presence_assignment_day ON presence (assignment_id, day, status, confirmed);
)"},
          presence_week_migration(),
          // The yearly lecture count (D9) reads one kind of activity out of a province's millions.
          {460, "activity index by kind and day", R"(
CREATE INDEX activity_kind_day ON activity (kind, day, assignment_id, active);
)"},
          activity_month_migration(),
          // Presence review on the shared record lifecycle (api/lifecycle.h): pending →
          // confirmed | rejected, reopened by the recipient. `confirmed` stays, kept by the
          // transitions, because presence_week and the compliance engine read it.
          {480, "presence review status", R"(
ALTER TABLE presence ADD COLUMN review_status TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE presence ADD COLUMN review_reason TEXT;
UPDATE presence SET review_status = 'confirmed' WHERE confirmed = 1;
)"}};
}

}  // namespace yilian::support

// Registry tables (R1–R4). Codes and dates are text; flags are 0/1 integers, so the
// same SQL runs on SQLite and PostgreSQL. Rows are never deleted: `active` = 0.
#include "registry/schema.h"

namespace yilian::registry {

std::vector<store::Migration> migrations() {
  return {{200, "registry", R"(
CREATE TABLE region (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level BIGINT NOT NULL CHECK (level BETWEEN 1 AND 5),
  parent_code TEXT REFERENCES region (code),
  urban_rural TEXT,
  active BIGINT NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX region_parent ON region (parent_code);

CREATE TABLE institution (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT,
  grade TEXT,
  ownership TEXT NOT NULL DEFAULT 'public',
  beds BIGINT NOT NULL DEFAULT 0,
  region_code TEXT NOT NULL REFERENCES region (code),
  parent_id BIGINT REFERENCES institution (id),
  address TEXT,
  phone TEXT,
  latitude {{REAL}},
  longitude {{REAL}},
  active BIGINT NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX institution_region ON institution (region_code);
CREATE INDEX institution_kind ON institution (kind);

CREATE TABLE department (
  id {{ID}},
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  code TEXT,
  name TEXT NOT NULL,
  active BIGINT NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (institution_id, name)
);

CREATE TABLE village (
  id {{ID}},
  region_code TEXT NOT NULL UNIQUE REFERENCES region (code),
  population BIGINT NOT NULL DEFAULT 0,
  village_doctor_count BIGINT NOT NULL DEFAULT 0,
  has_fixed_doctor BIGINT NOT NULL DEFAULT 1,
  is_relocation_site BIGINT NOT NULL DEFAULT 0,
  latitude {{REAL}},
  longitude {{REAL}},
  active BIGINT NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE staff (
  id {{ID}},
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  department_id BIGINT REFERENCES department (id),
  name TEXT NOT NULL,
  sex TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  id_number TEXT UNIQUE,
  phone TEXT,
  profession TEXT NOT NULL,
  title_code TEXT,
  title_level TEXT NOT NULL DEFAULT 'none',
  promotion_year BIGINT,
  active BIGINT NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX staff_institution ON staff (institution_id, name);
CREATE INDEX staff_department ON staff (department_id);
)"},
          // Lists count and page a region's staff from this index alone.
          {201, "staff scope index", "CREATE INDEX staff_scope ON staff (institution_id, active)"},
          // A3 counts the central health centres of poor townships (or of townships in a poor
          // county); the designation is the bureau's to record, not part of the code tables.
          {202, "region poverty designation", "ALTER TABLE region ADD COLUMN poverty BIGINT NOT NULL DEFAULT 0"}};
}

}  // namespace yilian::registry

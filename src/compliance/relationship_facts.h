// What the yearly duties of a relationship (A2, A7, D2, D9, T1) are judged on, read with
// one query per kind of record for all evaluated relationships at once: per-relationship
// queries cost a round trip each, which on PostgreSQL made a province run take seconds.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "compliance/context.h"

namespace yilian::compliance {

struct RelationshipFacts {
  struct Agreement {
    std::string filed_date, kind, signed_or_filed_date;
  };
  struct Step {
    int64_t id = 0;
    std::string title, stage, due_date;
    bool done = false;
  };
  struct Trainee {
    int64_t id = 0;
    std::string name, start, end;
    bool free = false;
  };
  struct Lectures {
    std::string day;
    bool hospital_wide = false;
    int64_t count = 0;
  };
  struct Dispatch {
    int64_t staff = 0;
    std::string start, end;
  };
  std::vector<Agreement> filed_agreements;  // status filed, filed by the end of the period
  std::vector<Step> steps;                  // due within [from, last day)
  std::vector<Trainee> trainees;            // starting from 1 January of the first year on
  std::vector<std::string> leadership_visit_days;
  std::vector<Lectures> lectures;  // counts by day and kind; a day may appear more than once
  std::vector<Dispatch> dispatched;  // assignments not refused or cancelled, overlapping the period
};

std::unordered_map<int64_t, RelationshipFacts> load_relationship_facts(Evaluation& e);

}  // namespace yilian::compliance

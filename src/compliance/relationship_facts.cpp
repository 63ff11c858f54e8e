#include "compliance/relationship_facts.h"

namespace yilian::compliance {
namespace {

// Runs `sql` (with "{in}" standing for the relationship filter on `column`) and hands
// each row with its relationship's facts to `take`.
template <typename Take>
void each(Evaluation& e, std::unordered_map<int64_t, RelationshipFacts>& facts, const std::string& column,
          std::string sql, store::Params head, const store::Params& tail, Take take) {
  std::string in = e.relationship_in(column, head);
  sql.replace(sql.find("{in}"), 4, in);
  for (const auto& v : tail) head.push_back(v);
  for (const auto& row : e.db.query(sql, head).rows) take(facts[row[0].as_int()], row);
}

}  // namespace

std::unordered_map<int64_t, RelationshipFacts> load_relationship_facts(Evaluation& e) {
  std::unordered_map<int64_t, RelationshipFacts> facts;
  if (e.relationships.empty()) return facts;
  const std::string& from = e.request.from;
  const std::string& to = e.request.to;
  using Row = std::vector<store::Value>;

  each(e, facts, "relationship_id",
       "SELECT relationship_id, filed_date, kind, COALESCE(signed_date, filed_date) FROM agreement WHERE {in} AND "
       "active = 1 AND status = 'filed' AND filed_date <= ?",
       {}, {to}, [](RelationshipFacts& f, const Row& r) {
         f.filed_agreements.push_back({r[1].as_text(), r[2].as_text(), r[3].as_text()});
       });
  each(e, facts, "relationship_id",
       "SELECT relationship_id, id, title, stage, due_date, done_date FROM work_step WHERE {in} AND active = 1 AND "
       "due_date >= ? AND due_date < ? ORDER BY due_date, id",
       {}, {from, e.last_day}, [](RelationshipFacts& f, const Row& r) {
         f.steps.push_back({r[1].as_int(), r[2].as_text(), r[3].as_text(), r[4].as_text(), !r[5].is_null()});
       });
  each(e, facts, "t.relationship_id",
       "SELECT t.relationship_id, t.id, s.name, t.start_date, t.end_date, t.free_of_charge FROM trainee t JOIN staff s "
       "ON s.id = t.staff_id WHERE {in} AND t.active = 1 AND t.start_date >= ? AND t.start_date <= ? ORDER BY t.id",
       {}, {from.substr(0, 4) + "-01-01", to}, [](RelationshipFacts& f, const Row& r) {
         f.trainees.push_back({r[1].as_int(), r[2].as_text(), r[3].as_text(), r[4].as_text(), r[5].as_int() != 0});
       });
  each(e, facts, "relationship_id",
       "SELECT relationship_id, day FROM leadership_visit WHERE {in} AND active = 1 AND day >= ? AND day <= ?", {},
       {from, to}, [](RelationshipFacts& f, const Row& r) { f.leadership_visit_days.push_back(r[1].as_text()); });
  const std::string lectures = "v.active = 1 AND v.day >= ? AND v.day <= ? AND v.kind IN ('lecture', 'hospital_lecture')";
  if (e.few_relationships()) {
    each(e, facts, "a.relationship_id",
         "SELECT a.relationship_id, v.day, v.kind, COUNT(*) FROM activity v JOIN assignment a ON a.id = "
         "v.assignment_id WHERE {in} AND " + lectures + " GROUP BY a.relationship_id, v.day, v.kind",
         {}, {from, to}, [](RelationshipFacts& f, const Row& r) {
           f.lectures.push_back({r[1].as_text(), r[2].as_text() == "hospital_lecture", r[3].as_int()});
         });
  } else {
    // A region: the period's lectures by the (kind, day) index, unjoined and ungrouped (a
    // lecture a day is the norm, so grouping saved no rows), each credited to its
    // assignment's relationship here (the join cost a lookup per lecture); lectures of
    // assignments not evaluated are skipped.
    std::unordered_map<int64_t, RelationshipFacts*> facts_of;
    for (const auto& a : e.assignments) facts_of[a.id] = &facts[a.relationship_id];
    for (const auto& r : e.db.query("SELECT v.assignment_id, v.day, v.kind FROM activity v WHERE " + lectures, {from, to})
                             .rows) {
      auto it = facts_of.find(r[0].as_int());
      if (it != facts_of.end()) it->second->lectures.push_back({r[1].as_text(), r[2].as_text() == "hospital_lecture", 1});
    }
  }
  each(e, facts, "relationship_id",
       "SELECT relationship_id, staff_id, COALESCE(actual_start, planned_start), COALESCE(actual_end, planned_end) "
       "FROM assignment WHERE {in} AND active = 1 AND refused = 0 AND status <> 'cancelled' AND "
       "COALESCE(actual_start, planned_start) <= ? AND COALESCE(actual_end, planned_end) >= ?",
       {}, {to, from}, [](RelationshipFacts& f, const Row& r) {
         f.dispatched.push_back({r[1].as_int(), r[2].as_text(), r[3].as_text()});
       });
  return facts;
}

}  // namespace yilian::compliance

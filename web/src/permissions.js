// Which roles may write which entity: a copy of the server's EntitySpec::writers, used
// only to show or hide buttons. The server checks every request itself.
export const ROLES = ['admin', 'bureau', 'hospital', 'township', 'doctor', 'village_doctor']
export const CONSOLE_ROLES = ['admin', 'bureau', 'hospital', 'township']
export const PERSONAL_ROLES = ['doctor', 'village_doctor']

const MANAGERS = ['admin', 'bureau', 'hospital']
const BOTH_SIDES = ['admin', 'bureau', 'hospital', 'township']

export const WRITERS = {
  region: ['admin', 'bureau'],
  institution: ['admin', 'bureau'],
  department: ['admin', 'bureau', 'hospital', 'township'],
  village: ['admin', 'bureau', 'township'],
  staff: ['admin', 'bureau', 'hospital', 'township'],
  app_user: ['admin', 'bureau'],
  // 对口支援 (src/support/entities.cpp, ledgers.cpp)
  support_relationship: MANAGERS,
  agreement: MANAGERS,
  agreement_target: MANAGERS,
  requested_specialty: BOTH_SIDES,
  work_step: MANAGERS,
  leadership_member: BOTH_SIDES,
  leadership_visit: BOTH_SIDES,
  alliance: MANAGERS,
  alliance_member: MANAGERS,
  council_role: MANAGERS,
  assignment: MANAGERS,
  presence: ['admin', 'hospital', 'township', 'doctor', 'village_doctor'],
  activity: ['admin', 'hospital', 'township', 'doctor', 'village_doctor'],
  evaluation: BOTH_SIDES,
  trainee: BOTH_SIDES,
  equipment_event: BOTH_SIDES,
  operating_stat: BOTH_SIDES,
  // 巡回医疗 (src/rounds)
  rounds_team: ['admin', 'bureau', 'township'],
  team_member: ['admin', 'bureau', 'township'],
  village_assignment: ['admin', 'bureau', 'township'],
  senior_doctor: ['admin', 'bureau', 'township'],
  round_plan_slot: ['admin', 'bureau', 'township'],
  round_plan_doctor: ['admin', 'bureau', 'township'],
  round_visit: ['admin', 'township', 'doctor', 'village_doctor'],
}

export function canWrite(role, entity) {
  return !!role && (WRITERS[entity] || []).includes(role)
}

// Which roles may write which entity: a copy of the server's EntitySpec::writers, used
// only to show or hide buttons. The server checks every request itself.
export const ROLES = ['admin', 'bureau', 'hospital', 'township', 'doctor', 'village_doctor']
export const CONSOLE_ROLES = ['admin', 'bureau', 'hospital', 'township']
export const PERSONAL_ROLES = ['doctor', 'village_doctor']

export const WRITERS = {
  region: ['admin', 'bureau'],
  institution: ['admin', 'bureau'],
  department: ['admin', 'bureau', 'hospital', 'township'],
  village: ['admin', 'bureau', 'township'],
  staff: ['admin', 'bureau', 'hospital', 'township'],
  app_user: ['admin', 'bureau'],
}

export function canWrite(role, entity) {
  return !!role && (WRITERS[entity] || []).includes(role)
}

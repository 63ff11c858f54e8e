// What a reference field points at, for RefSelect (remote search) and for showing
// the name of a referenced row. Modules register their own kinds:
//   registerRef('team', { resource: resource('/teams'), label: (r) => r.name })
import { registry } from './client'

const LEVELS = { 1: '省', 2: '市', 3: '县', 4: '乡镇', 5: '村' }

const refs = {
  region: {
    resource: registry.regions,
    valueKey: 'code',
    label: (r) => r.name,
    sub: (r) => `${r.code} ${LEVELS[r.level] || ''}`,
  },
  institution: {
    resource: registry.institutions,
    label: (r) => r.name,
    sub: (r) => r.code,
  },
  department: {
    resource: registry.departments,
    label: (r) => r.name,
    sub: (r) => r.institution_name,
  },
  staff: {
    resource: registry.staff,
    label: (r) => r.name,
    sub: (r) => r.institution_name,
  },
}

export function registerRef(kind, def) {
  refs[kind] = { valueKey: 'id', ...def }
}

export function refDef(kind) {
  const d = refs[kind]
  if (!d) throw new Error(`unknown reference kind ${kind}`)
  return { valueKey: 'id', ...d }
}

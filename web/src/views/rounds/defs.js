// 巡回医疗 (src/rounds on the server): its resources and reports, and the lists and
// forms of its records for CrudTable (registered into the shared KINDS table, the
// same shape as src/views/support/defs.js).
import { api, resource, download } from '@/api/client'
import { registerRef } from '@/api/refs'
import { KINDS } from '@/views/support/defs'
import { today, addDays } from '@/utils/dates'
import './messages'

export const rounds = {
  teams: resource('/rounds-teams'),
  members: resource('/team-members'),
  grid: resource('/village-assignments'),
  seniors: resource('/senior-doctors'),
  slots: resource('/round-plan-slots'),
  slotDoctors: resource('/round-plan-doctors'),
  visits: resource('/round-visits'),
  people: (id) => api.get(`/round-visits/${id}/people`),
  coverage: (q) => api.get('/rounds/coverage', q),
  needs: (q) => api.get('/rounds/needs', q),
  planVsActual: (q) => api.get('/rounds/plan-vs-actual', q),
  monthly: (q) => api.get('/rounds/monthly', q),
  weeklyTable: (q) => api.get('/rounds/weekly-table', q),
  weeklyDownload: (q, format) => download('/rounds/weekly-table', { ...q, format }, `附件2_${q.week}.${format}`),
  reports: (q) => api.get('/rounds/weekly-reports', q),
  completeness: (q) => api.get('/rounds/weekly-reports/completeness', q),
  submit: (body) => api.post('/rounds/weekly-reports', body),
  review: (id, body) => api.post(`/rounds/weekly-reports/${id}/review`, body),
  runPlan: (body) => api.post('/rounds/plans/run', body),
  checkPlan: (q) => api.get('/rounds/plans/check', q),
  checkProposal: (body) => api.post('/rounds/plans/check', body),
}

registerRef('rounds_team', { resource: rounds.teams, label: (r) => r.name, sub: (r) => r.institution_name })
// A 12-digit village code (the region search narrowed to villages).
registerRef('village', { resource: { list: (q) => api.get('/regions', { ...q, level: 5 }), get: (c) => api.get(`/regions/${c}`) }, valueKey: 'code', label: (r) => r.name, sub: (r) => r.code })

/** ISO week label (2026-W47) of a day, and its Monday … Sunday. */
export function isoWeek(day = today()) {
  const [y, m, d] = day.split('-').map(Number)
  const dt = new Date(Date.UTC(y, m - 1, d))
  const dow = (dt.getUTCDay() + 6) % 7
  dt.setUTCDate(dt.getUTCDate() - dow + 3)
  const year = dt.getUTCFullYear()
  const n = Math.ceil(((dt - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7)
  return `${year}-W${String(n).padStart(2, '0')}`
}
export function weekDays(label) {
  const [y, w] = label.split('-W').map(Number)
  const jan4 = new Date(Date.UTC(y, 0, 4))
  const mon = new Date(jan4)
  mon.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (w - 1) * 7)
  const first = mon.toISOString().slice(0, 10)
  return Array.from({ length: 7 }, (_, i) => addDays(first, i))
}
export const lastWeekLabel = () => isoWeek(addDays(today(), -7))

const team = (extra = {}) => ({ name: 'team_id', widget: 'ref', ref: 'rounds_team', immutable: true, ...extra })
const village = (name, extra = {}) => ({ name, widget: 'ref', ref: 'village', ...extra })

Object.assign(KINDS, {
  rounds_team: {
    entity: 'rounds_team', resource: rounds.teams, titleKey: 'rounds.teams', newKey: 'rounds.newTeam', editKey: 'rounds.editTeam',
    searchable: true,
    columns: [
      { name: 'name', minWidth: 200, wrap: true }, { name: 'institution_name', minWidth: 160, wrap: true }, { name: 'kind', width: 180 },
      { name: 'has_vehicle', type: 'boolean', width: 100 }, { name: 'start_date', sortable: true, width: 115, phone: false },
      { name: 'end_date', width: 115, phone: false },
    ],
    form: [{ name: 'institution_id', widget: 'ref', ref: 'institution', immutable: true }, { name: 'name' }, { name: 'kind' }, { name: 'has_vehicle' }, { name: 'start_date' }, { name: 'end_date' }, { name: 'notes', widget: 'textarea' }],
    filters: [{ name: 'kind' }, { name: 'has_vehicle', widget: 'switch' }],
  },
  team_member: {
    entity: 'team_member', resource: rounds.members, newKey: 'rounds.newMember', editKey: 'rounds.editMember',
    columns: [{ name: 'staff_name', width: 100 }, { name: 'staff_institution_name', minWidth: 160 }, { name: 'role', width: 120 }, { name: 'start_date', width: 115 }, { name: 'end_date', width: 115 }],
    form: [team(), { name: 'staff_id', widget: 'ref', ref: 'staff', immutable: true }, { name: 'role' }, { name: 'start_date' }, { name: 'end_date' }],
  },
  village_assignment: {
    entity: 'village_assignment', resource: rounds.grid, titleKey: 'rounds.grid', newKey: 'rounds.newAssignment', editKey: 'rounds.editAssignment',
    columns: [{ name: 'village_code', width: 140, label: '村代码', phone: false }, { name: 'village_name', minWidth: 120 }, { name: 'team_name', minWidth: 200, wrap: true }, { name: 'start_date', sortable: true, width: 115 }, { name: 'end_date', width: 115 }],
    form: [village('village_code', { immutable: true }), team(), { name: 'start_date' }, { name: 'end_date' }],
    filters: [{ name: 'team_id', widget: 'ref', ref: 'rounds_team' }],
  },
  senior_doctor: {
    entity: 'senior_doctor', resource: rounds.seniors, titleKey: 'rounds.seniors', newKey: 'rounds.newSenior', editKey: 'rounds.editSenior',
    columns: [{ name: 'staff_name', width: 100 }, { name: 'title_code', width: 110, choicesOf: 'staff' }, { name: 'hospital_name', minWidth: 160 }, { name: 'township_name', minWidth: 160 }, { name: 'affiliation', width: 170 }, { name: 'start_date', width: 115 }, { name: 'end_date', width: 115, phone: false }],
    form: [{ name: 'staff_id', widget: 'ref', ref: 'staff', immutable: true }, { name: 'township_institution_id', widget: 'ref', ref: 'institution', immutable: true }, { name: 'affiliation' }, { name: 'start_date' }, { name: 'end_date' }],
    filters: [{ name: 'affiliation' }, { name: 'township_institution_id', widget: 'ref', ref: 'institution' }],
  },
  round_plan_slot: {
    entity: 'round_plan_slot', resource: rounds.slots, titleKey: 'rounds.slots', newKey: 'rounds.newSlot', editKey: 'rounds.editSlot',
    columns: [{ name: 'day', sortable: true, width: 115 }, { name: 'half', width: 70 }, { name: 'team_name', minWidth: 180, wrap: true }, { name: 'village_name_1', minWidth: 100 }, { name: 'village_name_2', minWidth: 100, phone: false }, { name: 'village_name_3', minWidth: 100, phone: false }, { name: 'senior_doctor_count', width: 90, label: '医疗骨干' }, { name: 'source', width: 100 }],
    form: [team({ refLabel: 'team_name' }), { name: 'day' }, { name: 'half' }, village('village_code_1', { refLabel: 'village_name_1' }), village('village_code_2', { refLabel: 'village_name_2' }), village('village_code_3', { refLabel: 'village_name_3' }), { name: 'notes', widget: 'textarea' }],
    filters: [{ name: 'source' }],
  },
  round_plan_doctor: {
    entity: 'round_plan_doctor', resource: rounds.slotDoctors, newKey: 'rounds.newSlotDoctor', editKey: 'rounds.newSlotDoctor',
    columns: [{ name: 'staff_name', width: 100 }, { name: 'hospital_name', minWidth: 160 }],
    form: [{ name: 'slot_id', widget: 'number', immutable: true }, { name: 'staff_id', widget: 'ref', ref: 'staff', immutable: true }],
  },
  round_visit: {
    entity: 'round_visit', resource: rounds.visits, titleKey: 'rounds.visits', newKey: 'rounds.newVisit', editKey: 'rounds.editVisit',
    defaultSort: '-day',
    columns: [
      { name: 'day', sortable: true, width: 115 }, { name: 'half', width: 70 }, { name: 'team_name', minWidth: 180, wrap: true }, { name: 'village_name', minWidth: 100 },
      { name: 'planned', type: 'boolean', width: 100, phone: false }, { name: 'patients', width: 90 }, { name: 'referrals', width: 90, phone: false },
      { name: 'education_sessions', width: 90, phone: false }, { name: 'education_audience', width: 90, phone: false },
      { name: 'guidance_total', width: 100, label: '重点人群指导', phone: false }, { name: 'member_count', width: 80, label: '成员', phone: false }, { name: 'senior_count', width: 80, label: '骨干', phone: false },
    ],
    form: [
      team(), village('village_code'), { name: 'day' }, { name: 'half' }, { name: 'patients' }, { name: 'referrals' },
      { name: 'education_sessions' }, { name: 'education_audience' }, { name: 'guidance_maternal' }, { name: 'guidance_elderly' },
      { name: 'guidance_hypertension' }, { name: 'guidance_diabetes' }, { name: 'guidance_mental' }, { name: 'guidance_other' }, { name: 'notes', widget: 'textarea' },
    ],
    filters: [{ name: 'team_id', widget: 'ref', ref: 'rounds_team' }, { name: 'half' }, { name: 'planned', widget: 'switch' }, { name: 'day', widget: 'date' }],
    dialogColumns: 2,
  },
})

// Labels of the joined display columns (not fields of the entity, so not in its schema).
const EXTRA = {
  team_name: '巡诊团队', village_name: '行政村', village_name_1: '巡诊村1', village_name_2: '巡诊村2', village_name_3: '巡诊村3', staff_name: '姓名', staff_institution_name: '所在机构',
  institution_name: '所属卫生院', hospital_name: '所在医院', township_name: '参加巡诊的卫生院', title_code: '职称',
}
for (const k of ['rounds_team', 'team_member', 'village_assignment', 'senior_doctor', 'round_plan_slot', 'round_plan_doctor', 'round_visit'])
  KINDS[k].columns = KINDS[k].columns.map((c) => (EXTRA[c.name] && !c.label ? { ...c, label: EXTRA[c.name] } : c))

export { KINDS }

/** The user's own area: the bureau's region, else their institution's region. */
export async function ownRegion(auth) {
  if (auth.user?.region_code) return auth.user.region_code
  if (auth.user?.institution_id) return (await api.get(`/institutions/${auth.user.institution_id}`)).region_code
  return null
}

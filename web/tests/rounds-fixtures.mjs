// 巡回医疗 data for the browser tests, created through the API as admin on top of the
// harness's test region (not a test file itself):
//
//   teamA   解放路第一巡诊队 (解放路街道卫生院, 全专联合, with a vehicle): 刘洋 全科, 王强 乡村医生,
//           张伟 专科 (doctor_a); 东关村 assigned to it (西关村 is left uncovered)
//   陈静    senior doctor of the lead hospital in 解放路街道卫生院's pool
//   teamB   大观园巡诊队 (市中区, for the out-of-scope test), 北园村 assigned, one visit
//   users   township_b (大观园街道卫生院), bureau_city (济南市卫健委, reviews the county reports)
import { PASSWORD, idNumber } from './harness.mjs'

const pad = (n) => String(n).padStart(2, '0')
export const isoDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
export const day = (n = 0) => {
  const d = new Date()
  d.setDate(d.getDate() + n)
  return isoDay(d)
}
/** Monday .. Sunday of last week and its ISO label (2026-W47). */
export function lastWeek() {
  const d = new Date()
  const dow = (d.getDay() + 6) % 7 // 0 = Monday
  const monday = new Date(d)
  monday.setDate(d.getDate() - dow - 7)
  const days = Array.from({ length: 7 }, (_, i) => {
    const x = new Date(monday)
    x.setDate(monday.getDate() + i)
    return isoDay(x)
  })
  const th = new Date(monday)
  th.setDate(monday.getDate() + 3)
  const jan4 = new Date(th.getFullYear(), 0, 4)
  const week1 = new Date(jan4)
  week1.setDate(jan4.getDate() - ((jan4.getDay() + 6) % 7))
  const n = Math.round((monday - week1) / (7 * 86400000)) + 1
  return { days, label: `${th.getFullYear()}-W${pad(n)}` }
}

export async function seedRounds(stack) {
  const { admin, data } = stack
  const I = data.institutions
  const S = data.staff
  const y = new Date().getFullYear()
  const out = {}
  await admin.post('/users', { username: 'township_b', display_name: '大观园卫生院', password: PASSWORD, role: 'township', institution_id: I.townshipB.id })
  await admin.post('/users', { username: 'bureau_city', display_name: '济南市卫健委', password: PASSWORD, role: 'bureau', region_code: '370100' })

  const start = `${y - 1}-01-01`
  out.teamA = await admin.post('/rounds-teams', { institution_id: I.townshipA.id, name: '解放路第一巡诊队', kind: 'general_specialist', has_vehicle: true, start_date: start })
  await admin.post('/team-members', { team_id: out.teamA.id, staff_id: S.liu.id, role: 'gp', start_date: start })
  await admin.post('/team-members', { team_id: out.teamA.id, staff_id: S.wang.id, role: 'village_doctor', start_date: start })
  await admin.post('/team-members', { team_id: out.teamA.id, staff_id: S.zhang.id, role: 'specialist', start_date: start })
  await admin.post('/village-assignments', { team_id: out.teamA.id, village_code: '370102001001', start_date: start })
  out.seniorChen = await admin.post('/senior-doctors', { staff_id: S.chen.id, township_institution_id: I.townshipA.id, affiliation: 'lead_hospital', start_date: start })

  out.teamB = await admin.post('/rounds-teams', { institution_id: I.townshipB.id, name: '大观园巡诊队', kind: 'health_management', has_vehicle: false, start_date: start })
  await admin.post('/village-assignments', { team_id: out.teamB.id, village_code: '370103001001', start_date: start })
  const staffB = await admin.post('/staff', { institution_id: I.townshipB.id, name: '孙丽', id_number: idNumber('370103', '1990-01-01', 191), profession: 'clinical', title_code: '234' })
  {
    await admin.post('/team-members', { team_id: out.teamB.id, staff_id: staffB.id, role: 'gp', start_date: start })
    out.visitB = await admin.post('/round-visits', { team_id: out.teamB.id, village_code: '370103001001', day: day(-1), half: 'am', patients: 9, members: [staffB.id] })
  }
  return out
}

/** Positions for the planner's travel distances: the villages of 历下区 and the two centres. */
export async function addCoordinates(stack) {
  const { admin, data } = stack
  const at = { '370102001001': [36.661, 117.05], '370102001002': [36.652, 117.071], '370102002001': [36.63, 117.03], '370103001001': [36.64, 116.99] }
  for (const v of (await admin.get('/villages?page_size=100')).items) {
    const [latitude, longitude] = at[v.region_code] || [36.65, 117.0]
    await admin.patch(`/villages/${v.id}`, { version: v.version, latitude, longitude })
  }
  for (const key of ['townshipA', 'townshipB']) {
    const i = await admin.get(`/institutions/${data.institutions[key].id}`)
    await admin.patch(`/institutions/${i.id}`, { version: i.version, latitude: 36.667, longitude: 117.06 })
  }
}

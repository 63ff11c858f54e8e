// Counterpart-support data for the browser tests, created through the API as admin on
// top of the harness's test region (not a test file itself):
//
//   relA   历下区人民医院 → 解放路街道卫生院 (county_township, policy huang-2013 with the fees
//          overridden, signed)
//   relB   市中区人民医院 → 大观园街道卫生院 (for the out-of-scope test)
//   chen   陈静 dispatched under relA for the last 3 weeks, with presence (some confirmed),
//          activities, an appraisal; 李娜 a trainee; an agreement with a target, work step,
//          specialty, leadership visit and member, an alliance with members and a council
//          role, equipment and monthly statistics — so every page has rows to show
//   users  hospital_b (医务科 of 市中区人民医院), doctor_li (李娜, role doctor)
import { PASSWORD } from './harness.mjs'

const pad = (n) => String(n).padStart(2, '0')
export const isoDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
/** The local day `n` days from today (the server's "today" is local time too). */
export const day = (n = 0) => {
  const d = new Date()
  d.setDate(d.getDate() + n)
  return isoDay(d)
}
export const thisYear = () => new Date().getFullYear()

export async function seedSupport(stack) {
  const { admin, data } = stack
  const I = data.institutions
  const S = data.staff
  const y = thisYear()
  const out = {}

  await admin.post('/users', { username: 'hospital_b', display_name: '市中医院医务科', password: PASSWORD, role: 'hospital', institution_id: I.hospitalB.id })
  await admin.post('/users', { username: 'doctor_li', display_name: '李娜', password: PASSWORD, role: 'doctor', staff_id: S.li.id })
  // This year's promotion candidates (晋升资格台账).
  for (const key of ['zhang', 'chen']) {
    const s = await admin.get(`/staff/${S[key].id}`)
    await admin.patch(`/staff/${s.id}`, { version: s.version, promotion_year: y })
  }

  out.relA = await admin.post('/support-relationships', {
    supporting_institution_id: I.hospitalA.id, recipient_institution_id: I.townshipA.id, tier: 'county_township',
    start_date: `${y - 1}-01-01`, end_date: `${y + 1}-12-31`, status: 'signed', preset_id: 'huang-2013', notes: '县乡一体化帮扶',
    // The agreed money (劳务费结算): the 2013 plan leaves it open, the relationship sets it.
    overrides: JSON.stringify({
      'compensation.monthly_allowance': 600, 'compensation.recipient_pays': true, 'compensation.service_day_fee_senior': 200,
      'compensation.service_day_fee_intermediate': 100, 'compensation.surgery_guidance_fee_senior': 500,
      'compensation.surgery_guidance_fee_intermediate': 300,
    }),
  })
  out.relB = await admin.post('/support-relationships', {
    supporting_institution_id: I.hospitalB.id, recipient_institution_id: I.townshipB.id, tier: 'county_township',
    start_date: `${y - 1}-01-01`, end_date: `${y + 1}-12-31`, status: 'signed', preset_id: 'huang-2013',
  })
  const rel = out.relA.id

  out.agreement = await admin.post('/agreements', {
    relationship_id: rel, title: `${y}年度县乡对口支援协议`, kind: 'annual', status: 'signed', signed_date: `${y}-01-10`,
    goals: '提升受援卫生院常见病诊疗能力', tasks: '坐诊、查房、带教,建设全科门诊', support_modes: '驻点帮扶', obligations: '双方按协议履行',
  })
  await admin.post('/agreement-targets', { agreement_id: out.agreement.id, metric: 'outpatient_visits', description: '门诊人次增长10%', baseline: 12000, target: 13200, unit: '人次', deadline: `${y}-12-31` })
  await admin.post('/requested-specialties', { relationship_id: rel, year: y, specialty: '全科医学', status: 'arranged' })
  await admin.post('/work-steps', { relationship_id: rel, stage: 'survey', title: '调研受援单位需求', due_date: `${y}-01-31`, done_date: `${y}-01-20` })
  await admin.post('/leadership-visits', { relationship_id: rel, day: day(-5), leader: '王院长', purpose: '督导派驻人员在岗情况' })
  await admin.post('/leadership-members', { institution_id: I.hospitalA.id, name: '王建国', role: 'leader', duties: '全面负责对口支援工作' })

  out.chenAssignment = await admin.post('/assignments', {
    relationship_id: rel, staff_id: S.chen.id, recipient_institution_id: I.townshipA.id, level: 'township', role: 'resident',
    planned_start: day(-21), planned_end: day(90), status: 'active', recipient_department: '全科医疗科',
  })
  out.relBAssignment = await admin.post('/assignments', {
    relationship_id: out.relB.id, staff_id: S.zhao.id, recipient_institution_id: I.townshipB.id, level: 'township', role: 'resident',
    planned_start: day(-10), planned_end: day(80), status: 'active',
  })
  const a = out.chenAssignment.id
  for (let i = -12; i <= -1; i++) {
    const d = new Date()
    d.setDate(d.getDate() + i)
    if (d.getDay() === 0 || d.getDay() === 6) continue
    for (const half of ['am', 'pm']) {
      const status = i === -3 && half === 'pm' ? 'leave' : 'present'
      const p = await admin.post('/presence', { assignment_id: a, day: isoDay(d), half, status, reason: status === 'leave' ? '家中有事' : undefined })
      if (i <= -7) await admin.post(`/presence/${p.id}/confirm`, {})
    }
  }
  await admin.post('/activities', { assignment_id: a, day: day(-2), kind: 'lecture', title: '高血压规范化管理', quantity: 35 })
  await admin.post('/activities', { assignment_id: a, day: day(-3), kind: 'clinic', quantity: 26 })
  await admin.post('/activities', { assignment_id: a, day: day(-4), kind: 'surgery', title: '清创缝合', quantity: 2 })
  await admin.post('/evaluations', { assignment_id: a, kind: 'recipient_feedback', day: day(-1), score: 92, grade: 'excellent', evaluator: '解放路街道卫生院', comments: '工作认真' })
  await admin.post('/trainees', {
    relationship_id: rel, staff_id: S.liu.id, host_institution_id: I.hospitalA.id, host_department: '内科', programme: 'further_study',
    start_date: `${y}-03-01`, end_date: `${y}-08-31`, free_of_charge: true, completed: true, assessment: 'qualified', score: 85,
  })
  await admin.post('/equipment-events', { institution_id: I.townshipA.id, item: '心电图机', model: 'ECG-1200', action: 'donation', day: day(-30), value: 38000, donor_institution_id: I.hospitalA.id })
  for (const [m, v] of [[`${y}-01`, 3100], [`${y}-02`, 2900], [`${y}-03`, 3350]])
    await admin.post('/operating-stats', { institution_id: I.townshipA.id, month: m, outpatient_visits: v, inpatient_admissions: 80, surgeries: 12, cases: 300, revenue: 420000, bed_occupancy_rate: 76.5 })

  out.alliance = await admin.post('/alliances', { name: '历下区县域医共体', kind: 'community', lead_institution_id: I.hospitalA.id, start_date: `${y - 2}-06-01`, review_years: 3 })
  await admin.post('/alliance-members', { alliance_id: out.alliance.id, institution_id: I.hospitalA.id, role: 'lead', start_date: `${y - 2}-06-01` })
  await admin.post('/alliance-members', { alliance_id: out.alliance.id, institution_id: I.townshipA.id, role: 'member', start_date: `${y - 2}-06-01`, end_date: `${y - 1}-06-30`, branch_sign: '历下区人民医院解放路分院' })
  await admin.post('/alliance-members', { alliance_id: out.alliance.id, institution_id: I.townshipA.id, role: 'specialty_partner', specialty: '全科', start_date: `${y - 1}-07-01` })
  await admin.post('/council-roles', { alliance_id: out.alliance.id, name: '王建国', institution_id: I.hospitalA.id, role: 'chair', term_start: `${y - 2}-06-01`, term_end: `${y + 2}-05-31` })
  return out
}

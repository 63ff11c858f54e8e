// What the visit form offers (teams, villages, people), for the console and the phone.
// The phone keeps the last answer in localStorage so the form works offline.
import { api } from '@/api/client'
import { rounds } from './defs'
import { today } from '@/utils/dates'

const current = (r) => !r.end_date || r.end_date >= today()

async function cached(uid, what, fn) {
  const key = `yilian.rounds.${uid}.${what}`
  try {
    const v = await fn()
    try { localStorage.setItem(key, JSON.stringify(v)) } catch { /* full: works online */ }
    return v
  } catch (e) {
    const old = e.status === 0 ? JSON.parse(localStorage.getItem(key) || 'null') : null
    if (old) return old
    throw e
  }
}

/** The teams the user records for: all in scope for a centre, their own for field staff. */
export function myTeams(auth) {
  return cached(auth.user?.id, 'teams', async () => {
    if (['doctor', 'village_doctor'].includes(auth.role)) {
      const rows = (await rounds.members.list({ staff_id: auth.user.staff_id, page_size: 50 })).items.filter(current)
      return [...new Map(rows.map((r) => [r.team_id, { id: r.team_id, name: r.team_name }])).values()]
    }
    return (await rounds.teams.list({ page_size: 100 })).items.filter(current).map((r) => ({ id: r.id, name: r.name, institution_id: r.institution_id }))
  })
}

async function countyVillages(auth) {
  const staff = await api.get(`/staff/${auth.user.staff_id}`)
  const inst = await api.get(`/institutions/${staff.institution_id}`)
  return (await api.get('/regions', { level: 5, region: inst.region_code.slice(0, 6), page_size: 500 })).items.map((r) => ({ code: r.code, name: r.name }))
}

export function visitOptions(auth, team) {
  return cached(auth.user?.id, `team.${team.id}`, async () => {
    const [grid, members, seniors] = await Promise.all([
      rounds.grid.list({ team_id: team.id, page_size: 100 }),
      rounds.members.list({ team_id: team.id, page_size: 100 }),
      rounds.seniors.list({ ...(team.institution_id ? { township_institution_id: team.institution_id } : {}), page_size: 100 }),
    ])
    let villages = grid.items.filter(current).map((r) => ({ code: r.village_code, name: r.village_name }))
    if (!villages.length && auth.user?.staff_id) villages = await countyVillages(auth).catch(() => [])
    return {
      villages,
      members: members.items.filter(current).map((r) => ({ staff_id: r.staff_id, name: r.staff_name })),
      seniors: seniors.items.filter(current).map((r) => ({ staff_id: r.staff_id, name: r.staff_name })),
    }
  })
}

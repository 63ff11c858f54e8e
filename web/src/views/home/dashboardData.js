// Shared helpers of the dashboard panels: ISO weeks, the panel's error handling, the
// compliance report fetched once for both the coverage and the compliance panel, and
// a "render when scrolled into view" flag (the panels below the fold load lazily).
import { onBeforeUnmount, onMounted, ref } from 'vue'
import { api } from '@/api/client'

// Who may read what (the server's rule, mirrored so a panel does not ask for what its
// user may not read): the rounds coverage and monthly reports are the bureaus' and the
// township centres' (src/rounds PLANNERS), the weekly table the bureaus' (county and up).
const ROUNDS_READERS = ['admin', 'bureau', 'township']
const WEEKLY_READERS = ['admin', 'bureau']

/** A province or city code (six digits ending in 00): too wide for a county report. */
export const aboveCounty = (code) => !!code && code.length === 6 && code.endsWith('00')

/**
 * Whether a panel may ask a rounds report for this user and region: 'ok', 'pick' (a
 * county must be picked first: a city or province account, or the administrator
 * without a region) or 'none' (the role does not read it; the panel hides).
 * weekly: the weekly table, which a city may read as a whole.
 */
export function roundsAccess(user, picked, { weekly = false } = {}) {
  const role = user?.role
  if (!(weekly ? WEEKLY_READERS : ROUNDS_READERS).includes(role)) return 'none'
  if (role === 'township') return 'ok'
  const code = picked || user?.region_code
  if (!code) return 'pick'
  if (!weekly && aboveCounty(code)) return 'pick'
  return 'ok'
}

const pad = (n) => String(n).padStart(2, '0')
export const isoDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`

/** The ISO week label (2026-W47) of a local date. */
export function isoWeek(date) {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate())
  d.setDate(d.getDate() + 3 - ((d.getDay() + 6) % 7)) // the Thursday of its week
  const jan4 = new Date(d.getFullYear(), 0, 4)
  const week1 = new Date(jan4)
  week1.setDate(jan4.getDate() + 3 - ((jan4.getDay() + 6) % 7))
  const n = 1 + Math.round((d - week1) / (7 * 86400000))
  return `${d.getFullYear()}-W${pad(n)}`
}

/** The last `n` ISO weeks, oldest first, ending with the current week. */
export function lastWeeks(n, today = new Date()) {
  const out = []
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(today)
    d.setDate(d.getDate() - 7 * i)
    out.push(isoWeek(d))
  }
  return out
}

/**
 * How a panel reacts to an error: 403 hides it (the role may not see it), a region the
 * report cannot be shown for (admin without a region, a city for a county report) is a
 * hint to pick one, anything else is an error message.
 */
export function classify(e) {
  if (e?.status === 403) return { kind: 'hidden' }
  if (e?.status === 400 && ['bad_query', 'bad_region_level'].includes(e.code) && e.field === 'region')
    return { kind: 'pickRegion', message: e.message }
  return { kind: 'error', message: e?.message || String(e) }
}

// GET /compliance of a region and year, shared by the panels for 20 s.
const cache = new Map()
export function complianceOf(region, year) {
  const key = `${region || ''}|${year}`
  const hit = cache.get(key)
  if (hit && Date.now() - hit.at < 20000) return hit.promise
  const promise = api.get('/compliance', { region: region || undefined, from: `${year}-01-01`, to: `${year}-12-31` })
  promise.catch(() => cache.delete(key))
  cache.set(key, { at: Date.now(), promise })
  return promise
}
export function forgetCompliance() {
  cache.clear()
}

/** A ref that turns true once the element is (nearly) on screen, and stays true. */
export function useVisible(target) {
  const visible = ref(false)
  let io = null
  onMounted(() => {
    if (typeof IntersectionObserver === 'undefined' || !target.value) {
      visible.value = true
      return
    }
    io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          visible.value = true
          io.disconnect()
        }
      },
      { rootMargin: '200px' },
    )
    io.observe(target.value)
  })
  onBeforeUnmount(() => io?.disconnect())
  return visible
}

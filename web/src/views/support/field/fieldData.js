// What the field pages of a dispatched doctor need, online or not: their assignments
// and recent records from the server (kept in localStorage for the next offline
// start), merged with the entries of the offline outbox (src/offline/queue.js).
import { support } from '@/api/client'
import * as outbox from '@/offline/queue'
import { loadMeta } from '@/composables/useEntityMeta'
import '../messages'

const key = (uid, what) => `yilian.field.${uid}.${what}`
function readCache(uid, what) {
  try {
    return JSON.parse(localStorage.getItem(key(uid, what)) || 'null')
  } catch {
    return null
  }
}
function writeCache(uid, what, value) {
  try {
    localStorage.setItem(key(uid, what), JSON.stringify(value))
  } catch {
    /* full storage: the page still works online */
  }
}

/** Network first; without a network (status 0) the last copy. → { value, cached } */
async function cachedCall(uid, what, fn) {
  try {
    const value = await fn()
    writeCache(uid, what, value)
    return { value, cached: false }
  } catch (e) {
    if (e.status !== 0) throw e
    return { value: readCache(uid, what), cached: true }
  }
}

export const startOf = (a) => a.actual_start || a.planned_start
export const endOf = (a) => a.actual_end || a.planned_end
/** An assignment the person works under on `day`. */
export const isCurrent = (a, day) => !a.refused && !['cancelled', 'completed'].includes(a.status) && startOf(a) <= day && day <= endOf(a)

export async function myAssignments(uid) {
  const r = await cachedCall(uid, 'assignments', async () => (await support.assignments.list({ page_size: 100, sort: '-planned_start' })).items)
  return { items: r.value || [], cached: r.cached }
}

/** The last presence half-days and activities on the server (the person's own). */
export async function recentServer(uid) {
  const r = await cachedCall(uid, 'recent', async () => {
    const [presence, activities] = await Promise.all([
      support.presence.list({ sort: '-day', page_size: 60 }),
      support.activities.list({ sort: '-day', page_size: 40 }),
    ])
    return { presence: presence.items, activities: activities.items }
  })
  return { ...(r.value || { presence: [], activities: [] }), cached: r.cached }
}

/** Loads the field labels and choices once while online, so the forms work offline later. */
export function prefetchMeta() {
  loadMeta('presence')
  loadMeta('activity')
}

/**
 * One list of records, newest first: { key, kind, day, half, body, state, error, entry, row }
 * with state 'pending' | 'error' | 'synced' | 'confirmed' | 'rejected'. A server row sent
 * from this phone (same client_id) replaces the local copy's state with the server's; a
 * half-day the recipient rejected (驳回, counted as absent) shows as such, with the reason.
 */
export function mergeRecords(server, local) {
  const out = []
  const byClient = new Map()
  for (const e of local) {
    const rec = { key: e.client_id, kind: e.kind, day: e.body.day, half: e.body.half, body: e.body, state: e.status, error: e.error, entry: e, row: null, created: e.created_at }
    byClient.set(e.client_id, rec)
    out.push(rec)
  }
  const add = (kind, r) => {
    const review = kind === 'presence' ? r.review_status || (r.confirmed ? 'confirmed' : 'pending') : ''
    const state = review === 'confirmed' || review === 'rejected' ? review : 'synced'
    const mine = r.client_id && byClient.get(r.client_id)
    if (mine) {
      mine.row = r
      mine.state = state
      if (state === 'rejected') mine.body = { ...mine.body, status: r.status }
      return
    }
    out.push({ key: `${kind}:${r.id}`, kind, day: r.day, half: r.half, body: r, state, error: null, entry: null, row: r, created: r.created_at })
  }
  for (const r of server.presence || []) add('presence', r)
  for (const r of server.activities || []) add('activity', r)
  return out.sort((a, b) => (a.day === b.day ? (a.created < b.created ? 1 : -1) : a.day < b.day ? 1 : -1))
}

export { outbox }

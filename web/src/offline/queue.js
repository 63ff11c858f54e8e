// The offline outbox of the field app: entries made on a phone (check-ins, activity
// records, later the rounds visits) are stored in IndexedDB first, each with a
// client-generated id (crypto.randomUUID) that travels in the body as `client_id`,
// and are sent by a sync loop whenever the phone is online.
//
//   import * as outbox from '@/offline/queue'
//   const entry = await outbox.enqueue({ kind: 'presence', path: '/presence', body, owner: user.id })
//   outbox.subscribe(() => reload())        // any change (enqueue, sync result, removal)
//   outbox.start(() => auth.user?.id)       // the loop: now, on 'online', and every 30 s
//
// An entry is { client_id, kind, path, body, owner, status, error, server_id,
// created_at, updated_at, synced_at }, status one of
//   pending  – not sent yet (or the network failed): sent again by the loop
//   synced   – the server answered 201, or 200 with the stored record (the row was
//              saved by an earlier attempt whose answer never arrived): never sent again
//   error    – the server refused it (4xx): kept with the server's message and field
//              until the user corrects it (update → pending) or deletes it
// A 401 stops the round and leaves every entry as it is; after signing in again the
// loop sends them. Only the signed-in user's own entries are sent, with their token.
import { request } from '@/api/client'

const DB_NAME = 'yilian-offline'
const STORE = 'outbox'
const KEEP_SYNCED_DAYS = 14
const RETRY_MS = 30000
// Right after the phone comes back online the first request often still fails (the radio
// or the route is not up yet): retry after these delays before falling back to RETRY_MS.
const SOON_MS = [1000, 3000, 8000]
// An entry sent later than this after it was made had waited in the outbox: a round that
// sends one says so (onRound); one saved and sent at once is announced by its form.
const WAITED_MS = 5000

let dbPromise = null
const listeners = new Set()
const roundListeners = new Set()
let running = null
let again = false
let timer = null
let ownerOf = null
let started = false
let soon = 0 // how many of SOON_MS have been used since the last round that sent everything
let soonTimer = null

/** Whether the last round stopped on a 401 (the user must sign in again). */
export const status = { authLost: false, lastSync: null, syncing: false }

function openDb() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1)
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore(STORE, { keyPath: 'client_id' })
        store.createIndex('owner', 'owner')
      }
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => {
        dbPromise = null
        reject(req.error)
      }
    })
  }
  return dbPromise
}

async function tx(mode, fn) {
  const db = await openDb()
  return new Promise((resolve, reject) => {
    const t = db.transaction(STORE, mode)
    const store = t.objectStore(STORE)
    let result
    Promise.resolve(fn(store)).then((r) => (result = r))
    t.oncomplete = () => resolve(result)
    t.onerror = () => reject(t.error)
    t.onabort = () => reject(t.error)
  })
}

const req2promise = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))))

function notify() {
  for (const fn of listeners) {
    try {
      fn()
    } catch {
      /* a listener's failure is its own */
    }
  }
}

/**
 * Calls fn({ synced, failed, pending, kinds, waited }) after a sync round that sent
 * entries that had waited in the outbox, or had some refused (kinds: { presence: 2,
 * round_visit: 1 } of the entries sent), so the page can say what went; returns the
 * unsubscribe function.
 */
export function onRound(fn) {
  roundListeners.add(fn)
  return () => roundListeners.delete(fn)
}

/** Calls fn after every change of the outbox; returns the unsubscribe function. */
export function subscribe(fn) {
  listeners.add(fn)
  return () => listeners.delete(fn)
}

export function newClientId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID()
  // Older WebViews: RFC 4122 v4 from getRandomValues.
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** Stores an entry (status pending) and starts a sync round when online. */
export async function enqueue({ kind, path, body, owner, label = '', names = {} }) {
  const client_id = body.client_id || newClientId()
  const now = new Date().toISOString()
  const entry = {
    client_id,
    kind,
    path,
    body: { ...body, client_id },
    owner,
    label,
    names, // display names of referenced records ({mentee_staff_name}); never sent
    status: 'pending',
    error: null,
    server_id: null,
    created_at: now,
    updated_at: now,
    synced_at: null,
  }
  await tx('readwrite', (s) => s.put(entry))
  notify()
  kick()
  return entry
}

/** The entries of one user (all users when owner is undefined), newest first. */
export async function entries(owner) {
  const all = await tx('readonly', (s) => req2promise(owner === undefined ? s.getAll() : s.index('owner').getAll(owner)))
  return all.sort((a, b) => (a.created_at < b.created_at ? 1 : -1))
}

export async function get(clientId) {
  return tx('readonly', (s) => req2promise(s.get(clientId)))
}

/** A corrected body: the entry goes back to pending and is sent again. */
export async function correct(clientId, body, names) {
  const entry = await get(clientId)
  if (!entry || entry.status === 'synced') return null
  const next = {
    ...entry,
    body: { ...entry.body, ...body, client_id: clientId },
    names: names ?? entry.names,
    status: 'pending',
    error: null,
    updated_at: new Date().toISOString(),
  }
  await tx('readwrite', (s) => s.put(next))
  notify()
  kick()
  return next
}

export async function remove(clientId) {
  await tx('readwrite', (s) => s.delete(clientId))
  notify()
}

async function save(entry, changes) {
  const next = { ...entry, ...changes, updated_at: new Date().toISOString() }
  await tx('readwrite', (s) => s.put(next))
  return next
}

/** Sends one entry; returns 'synced' | 'error' | 'retry' | 'auth'. */
async function send(entry) {
  try {
    // A retry of an entry an earlier attempt saved (its answer was lost) is answered 200
    // with the stored record: the same row, not a new one. A 409 on client_id means the
    // id is taken by another record or the stored one differs: an error to show.
    const row = await request('POST', entry.path, { body: entry.body })
    await save(entry, { status: 'synced', error: null, server_id: row?.id ?? null, synced_at: new Date().toISOString() })
    return 'synced'
  } catch (e) {
    if (e.status === 401) return 'auth'
    if (e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429) {
      await save(entry, { status: 'error', error: { status: e.status, code: e.code, message: e.message, field: e.field } })
      return 'error'
    }
    return 'retry' // no network, a timeout or a server error: the next round sends it again
  }
}

/**
 * One sync round over the pending entries of the current user, oldest first. Rounds
 * never overlap: a call during a round runs one more round after it.
 */
export function syncNow() {
  if (running) {
    again = true
    return running
  }
  running = (async () => {
    // Yield first: a round that ends without awaiting (offline) must not clear `running`
    // before it has been assigned.
    await null
    const result = { synced: 0, failed: 0, pending: 0, kinds: {}, waited: 0 }
    try {
      do {
        again = false
        const owner = ownerOf ? ownerOf() : undefined
        if (owner === undefined || owner === null) break
        if (typeof navigator !== 'undefined' && navigator.onLine === false) break
        status.syncing = true
        notify()
        const list = (await entries(owner)).filter((e) => e.status === 'pending').reverse()
        for (const entry of list) {
          const r = await send(entry)
          if (r === 'synced') {
            result.synced++
            result.kinds[entry.kind] = (result.kinds[entry.kind] || 0) + 1
            // kept on the phone for a while (offline, or the send failed before)
            if (Date.now() - Date.parse(entry.created_at) > WAITED_MS) result.waited++
          } else if (r === 'error') result.failed++
          else {
            result.pending++
            if (r === 'auth') status.authLost = true
            break
          }
          status.authLost = false
          notify()
        }
      } while (again)
      status.lastSync = new Date().toISOString()
      retrySoon(result)
      if (result.waited || result.failed)
        for (const fn of roundListeners) {
          try {
            fn(result)
          } catch {
            /* a listener's failure is its own */
          }
        }
      return result
    } finally {
      status.syncing = false
      running = null
      notify()
    }
  })()
  return running
}

function kick() {
  if (started) syncNow().catch(() => {})
}

async function prune() {
  const cutoff = new Date(Date.now() - KEEP_SYNCED_DAYS * 86400000).toISOString()
  const old = (await entries()).filter((e) => e.status === 'synced' && (e.synced_at || e.created_at) < cutoff)
  if (old.length) await tx('readwrite', (s) => old.forEach((e) => s.delete(e.client_id)))
}

function retrySoon(result) {
  clearTimeout(soonTimer)
  if (!result.pending) soon = 0
  else if (started && !status.authLost && soon < SOON_MS.length) soonTimer = setTimeout(kick, SOON_MS[soon++])
}

const onOnline = () => {
  soon = 0
  kick()
}

/** Starts the loop for the user that owner() returns (null when signed out). */
export function start(owner) {
  ownerOf = owner
  if (started) return kick()
  started = true
  window.addEventListener('online', onOnline)
  timer = setInterval(kick, RETRY_MS)
  prune().catch(() => {})
  kick()
}

export function stop() {
  started = false
  window.removeEventListener('online', onOnline)
  clearInterval(timer)
  clearTimeout(soonTimer)
}

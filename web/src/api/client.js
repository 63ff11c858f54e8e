// The one HTTP client of the web console. Every page talks to the server through
// this module: it adds the bearer token, turns the server's error envelope
// {"error":{"code","message","field"}} into an ApiError, and reports a 401 once to
// the auth store (which clears the session and goes back to the login page).
//
//   import { api, resource } from '@/api/client'
//   const institutions = resource('/institutions')
//   const page = await institutions.list({ page: 1, page_size: 20, sort: '-beds', q: '医院' })
//   const row = await institutions.update(id, row.version, { beds: 120 })
//
// Paths are relative to /api/v1.

export const API_BASE = '/api/v1'

export class ApiError extends Error {
  constructor(status, code, message, field = null, body = null) {
    super(message)
    this.name = 'ApiError'
    this.status = status // HTTP status; 0 when the server could not be reached
    this.code = code // "validation_failed", "version_conflict", "not_found", "forbidden", ...
    this.field = field // the input field the message is about, when there is one
    this.body = body
  }
  get isNotFound() {
    return this.status === 404
  }
  get isForbidden() {
    return this.status === 403
  }
  get isConflict() {
    return this.status === 409 && this.code === 'version_conflict'
  }
}

let token = null
let onUnauthorized = null

/** The auth store keeps the token; it hands it (and its 401 handler) to the client. */
export function setToken(t) {
  token = t || null
}
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn
}

/** ?a=1&b=x, leaving out empty values (so an unset filter is no filter). */
export function queryString(query) {
  if (!query) return ''
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    p.append(k, typeof v === 'boolean' ? String(v) : v)
  }
  const s = p.toString()
  return s ? `?${s}` : ''
}

export async function request(method, path, { query, body, auth = true, raw = false, signal } = {}) {
  const headers = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (auth && token) headers.Authorization = `Bearer ${token}`
  let res
  try {
    res = await fetch(API_BASE + path + queryString(query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    })
  } catch (e) {
    if (e.name === 'AbortError') throw e
    throw new ApiError(0, 'network', '无法连接服务器,请检查网络后重试')
  }
  if (raw && res.ok) return res
  const text = await res.text()
  let data = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = null
    }
  }
  if (!res.ok) {
    const err = data && data.error ? data.error : {}
    const e = new ApiError(res.status, err.code || `http_${res.status}`, err.message || `请求失败(${res.status})`, err.field || null, data)
    if (res.status === 401 && auth && onUnauthorized) onUnauthorized(e)
    throw e
  }
  return data
}

export const api = {
  get: (path, query, opts) => request('GET', path, { ...opts, query }),
  post: (path, body, opts) => request('POST', path, { ...opts, body: body ?? {} }),
  patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
  del: (path, query, opts) => request('DELETE', path, { ...opts, query }),
}

/**
 * A table the server exposes with the generic entity routes (list, read, create,
 * PATCH with version, soft DELETE). `path` is e.g. '/institutions'.
 */
export function resource(path) {
  const item = (key) => `${path}/${encodeURIComponent(key)}`
  return {
    path,
    /** → {items, total, page, page_size}; params: page, page_size, sort, q, region, active, filters */
    list: (params, opts) => api.get(path, params, opts),
    get: (key, opts) => api.get(item(key), undefined, opts),
    create: (body) => api.post(path, body),
    /** Sends only the changed fields with the version read; 409 version_conflict if someone else saved first. */
    update: (key, version, changes) => api.patch(item(key), { ...changes, version }),
    /** Soft delete (停用); with the version, a stale copy cannot deactivate a newer row. */
    remove: (key, version) => api.del(item(key), version === undefined ? undefined : { version }),
  }
}

/**
 * Downloads a file from an authenticated GET (GET /api/v1/export/{kind}?format=xlsx&<filters>,
 * or a generic list route with ?format=xlsx&<filters>).
 */
export async function download(path, query, fallbackName = 'export.xlsx') {
  const res = await request('GET', path, { query, raw: true })
  // A route that answers JSON instead of a file (a server without this export yet).
  if ((res.headers.get('Content-Type') || '').startsWith('application/json'))
    throw new ApiError(res.status, 'not_a_file', '服务器暂不支持此导出')
  const blob = await res.blob()
  const cd = res.headers.get('Content-Disposition') || ''
  const m = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(cd)
  const name = m ? decodeURIComponent(m[1] || m[2]) : fallbackName
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/**
 * Sends a file as the raw request body (PUT /agreements/{id}/document?filename=…):
 * the server reads the bytes as they are and answers JSON like any other route.
 */
export async function uploadFile(path, file, query, { method = 'PUT', contentType } = {}) {
  const headers = { Accept: 'application/json', 'Content-Type': contentType || file.type || 'application/octet-stream' }
  if (token) headers.Authorization = `Bearer ${token}`
  let res
  try {
    res = await fetch(API_BASE + path + queryString(query), { method, headers, body: file })
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器,请检查网络后重试')
  }
  const text = await res.text()
  let data = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = null
  }
  if (!res.ok) {
    const err = data && data.error ? data.error : {}
    const e = new ApiError(res.status, err.code || `http_${res.status}`, err.message || `请求失败(${res.status})`, err.field || null, data)
    if (res.status === 401 && onUnauthorized) onUnauthorized(e)
    throw e
  }
  return data
}

/** POSTs a CSV or xlsx sheet to an import route; a 422 carries body.errors [{row, field, message}]. */
export function importSheet(path, file, dryRun = false) {
  return uploadFile(path, file, { dry_run: dryRun ? 1 : undefined }, {
    method: 'POST',
    contentType: /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
  })
}

export const auth = {
  login: (username, password) => request('POST', '/auth/login', { body: { username, password }, auth: false }),
  logout: () => request('POST', '/auth/logout', { body: {} }),
  me: () => api.get('/auth/me'),
  changePassword: (old_password, new_password) => api.post('/auth/password', { old_password, new_password }),
}

export const users = {
  ...resource('/users'),
  resetPassword: (id, password) => api.post(`/users/${id}/password`, { password }),
  unlock: (id) => api.post(`/users/${id}/unlock`),
}

export const registry = {
  regions: resource('/regions'),
  institutions: resource('/institutions'),
  departments: resource('/departments'),
  villages: resource('/villages'),
  staff: resource('/staff'),
  summary: (region) => api.get('/registry/summary', { region }),
  /** kind: regions, institutions, villages or staff (the export's columns). */
  importSheet: (kind, file, dryRun = false) => importSheet(`/import/${encodeURIComponent(kind)}`, file, dryRun),
}

// 对口支援 (src/support on the server): the records, and the reports computed from them.
export const support = {
  relationships: resource('/support-relationships'),
  agreements: resource('/agreements'),
  agreementTargets: resource('/agreement-targets'),
  requestedSpecialties: resource('/requested-specialties'),
  workSteps: resource('/work-steps'),
  leadershipMembers: resource('/leadership-members'),
  leadershipVisits: resource('/leadership-visits'),
  alliances: resource('/alliances'),
  allianceMembers: resource('/alliance-members'),
  councilRoles: resource('/council-roles'),
  assignments: resource('/assignments'),
  presence: resource('/presence'),
  activities: resource('/activities'),
  evaluations: resource('/evaluations'),
  trainees: resource('/trainees'),
  equipment: resource('/equipment-events'),
  operatingStats: resource('/operating-stats'),
  // A sheet (CSV or xlsx) of monthly figures.
  importOperatingStats: (file, dryRun = false) => importSheet('/operating-stats/import', file, dryRun),
  /** The recipient confirms a half-day (confirmed=false takes the confirmation back). */
  confirmPresence: (id) => api.post(`/presence/${encodeURIComponent(id)}/confirm`, {}),
  rejectPresence: (id, reason) => api.post(`/presence/${encodeURIComponent(id)}/reject`, { reason }),
  reopenPresence: (id, reason) => api.post(`/presence/${encodeURIComponent(id)}/reopen`, { reason }),
  // A whole sign-in sheet at once (≤ 500 ids): all or nothing, audited per row.
  confirmPresenceBulk: (ids, action = 'confirm', reason) => api.post('/presence/confirm', { ids, action, reason }),
  documentPath: (agreementId) => `/agreements/${encodeURIComponent(agreementId)}/document`,
  uploadDocument: (agreementId, file) =>
    uploadFile(`/agreements/${encodeURIComponent(agreementId)}/document`, file, { filename: file.name }),
  /** The recipient's active staff (name, title, department only), to pick a mentee: {items}. */
  recipientStaff: (assignmentId, params) => api.get(`/assignments/${encodeURIComponent(assignmentId)}/recipient-staff`, params),
  promotionLedger: (params) => api.get('/promotion-ledger', params),
  feeStatements: (params) => api.get('/fee-statements', params),
  annualSummary: (params) => api.get('/support/annual-summary', params),
}

export const compliance = {
  findings: (params) => api.get('/compliance', params),
  exportPath: '/compliance/export',
}

export const policies = {
  list: (params) => api.get('/policies', params),
  get: (id) => api.get(`/policies/${encodeURIComponent(id)}`),
  parameters: (params) => api.get('/policy-parameters', params),
}

export const audit = {
  list: (params) => api.get('/audit', params),
}

export const exportPath = (kind) => `/export/${encodeURIComponent(kind)}`

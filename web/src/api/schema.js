// Field metadata from the server's own OpenAPI document (GET /api/v1/openapi.json),
// so labels, required flags, limits and choice lists (机构类别, 职称, ...) have one
// source of truth: the C++ EntitySpec. Pages only say which fields to show and how.
import { request } from './client'

let documentPromise = null
const CACHE_KEY = 'yilian.openapi'

// The field app starts without a network too: the last document read is kept (schemas
// and the list of routes only) so its forms still have their labels and choices.
function remember(doc) {
  try {
    const paths = {}
    for (const [p, ops] of Object.entries(doc.paths || {})) paths[p] = Object.fromEntries(Object.keys(ops).map((m) => [m, {}]))
    localStorage.setItem(CACHE_KEY, JSON.stringify({ components: { schemas: doc.components?.schemas || {} }, paths }))
  } catch {
    /* storage full or unavailable: the app works online as before */
  }
}
function remembered() {
  try {
    return JSON.parse(localStorage.getItem(CACHE_KEY) || 'null')
  } catch {
    return null
  }
}

export function loadOpenApi() {
  if (!documentPromise) {
    documentPromise = request('GET', '/openapi.json', { auth: false }).then(
      (doc) => {
        remember(doc)
        return doc
      },
      (e) => {
        documentPromise = null
        const cached = e.status === 0 ? remembered() : null
        if (cached) return cached
        throw e
      },
    )
  }
  return documentPromise
}

/** "机构类别: A100=综合医院 A210=中医医院" → {label, choices:[{value,label}]} */
export function parseDescription(description = '') {
  const i = description.indexOf(':')
  if (i < 0) return { label: description, choices: null }
  const rest = description.slice(i + 1).trim()
  const pairs = rest.split(/\s+/).map((p) => {
    const eq = p.indexOf('=')
    return eq > 0 ? { value: p.slice(0, eq), label: p.slice(eq + 1) } : null
  })
  if (!pairs.length || pairs.some((p) => !p)) return { label: description, choices: null }
  return { label: description.slice(0, i), choices: pairs }
}

const TYPES = { integer: 'integer', number: 'real', boolean: 'boolean', string: 'text' }

/** The fields of one schema ("institution", "staff", "app_user", ...) as a name → meta map. */
export async function entityMeta(schemaName) {
  const doc = await loadOpenApi()
  const schema = doc?.components?.schemas?.[schemaName]
  if (!schema) return {}
  const required = new Set(schema.required || [])
  const out = {}
  for (const [name, p] of Object.entries(schema.properties || {})) {
    const { label, choices } = parseDescription(p.description || '')
    let type = TYPES[p.type] || 'text'
    if (p.format === 'date') type = 'date'
    let values = choices
    if (values && type === 'integer') values = values.map((c) => ({ ...c, value: Number(c.value) }))
    out[name] = {
      name,
      label: label || name,
      type,
      required: required.has(name),
      readOnly: !!p.readOnly,
      choices: values,
      min: p.minimum,
      max: p.maximum,
      maxLength: p.maxLength,
    }
  }
  // The state field changes only through its transitions: editable on create, read-only after.
  const life = schema['x-lifecycle']
  if (life && out[life.field]) out[life.field].lifecycle = true
  return out
}

/**
 * The record lifecycle of a schema (its state field, states and transitions with the
 * roles that may take them), from the schema's x-lifecycle; null when it has none.
 */
export async function entityLifecycle(schemaName) {
  const doc = await loadOpenApi()
  return doc?.components?.schemas?.[schemaName]?.['x-lifecycle'] || null
}

/** Whether the server has a route (e.g. '/api/v1/export/{kind}'), so features light up when it does. */
export async function hasRoute(pattern, method = 'get') {
  try {
    const doc = await loadOpenApi()
    return !!doc?.paths?.[pattern]?.[method]
  } catch {
    return false
  }
}

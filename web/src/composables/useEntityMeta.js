// Merges a page's field definitions with the server's metadata for that entity
// (label, type, required, choices, limits from the OpenAPI document), so a page
// lists only names and presentation:
//
//   const { fields, columns, filters, choiceLabel } = useEntityMeta('institution', {
//     columns: [{ name: 'code', sortable: true }, { name: 'kind' }],
//     form: [{ name: 'code' }, { name: 'kind' }, { name: 'region_code', widget: 'region' }],
//     filters: [{ name: 'kind' }],
//   })
import { computed, ref } from 'vue'
import { entityMeta } from '@/api/schema'
import { fieldLabel, i18n } from '@/i18n'

const cache = new Map()
// Settles once the entity's metadata is in its ref (or failed to load), so a page can
// hold back a read-only view until its labels and choice names are known.
const pending = new Map()

export function loadMeta(entity) {
  if (!cache.has(entity)) {
    const r = ref({})
    cache.set(entity, r)
    pending.set(
      entity,
      entityMeta(entity)
        .then((m) => (r.value = m))
        .catch(() => cache.delete(entity)),
    )
  }
  return cache.get(entity)
}

export function metaReady(entity) {
  loadMeta(entity)
  return pending.get(entity) || Promise.resolve()
}

function merge(entity, meta, def) {
  const m = meta[def.name] || {}
  const f = { ...m, ...def }
  if (!def.label) f.label = fieldLabel(entity, { name: def.name, label: m.label })
  if (def.labelKey) f.label = i18n.global.t(def.labelKey)
  if (def.hintKey) f.hint = i18n.global.t(def.hintKey)
  if (!f.widget) {
    if (f.choices) f.widget = 'select'
    else if (f.type === 'boolean') f.widget = 'switch'
    else if (f.type === 'integer' || f.type === 'real') f.widget = 'number'
    else if (f.type === 'date') f.widget = 'date'
    else f.widget = 'text'
  }
  return f
}

export function useEntityMeta(entity, defs = {}) {
  const meta = loadMeta(entity)
  // i18n.global.locale is read so that labels follow the language switch.
  const build = (list) => computed(() => (i18n.global.locale.value, (list || []).map((d) => merge(entity, meta.value, d))))
  const fields = build(defs.form)
  const columns = build(defs.columns)
  const filters = build(defs.filters)
  function choiceLabel(name, value) {
    const c = meta.value[name]?.choices?.find((x) => String(x.value) === String(value))
    return c ? c.label : value
  }
  return { meta, fields, columns, filters, choiceLabel, ready: metaReady(entity) }
}

// vue-i18n: Chinese first (the users are county health staff), English second.
// Data (names, choice labels, the server's error messages) stays as the server sends it.
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

export const LOCALES = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
]
const KEY = 'yilian.locale'

function initial() {
  const saved = typeof localStorage !== 'undefined' && localStorage.getItem(KEY)
  return LOCALES.some((l) => l.value === saved) ? saved : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initial(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(l) {
  i18n.global.locale.value = l
  localStorage.setItem(KEY, l)
  document.documentElement.lang = l
}

/**
 * A field's label: the server's Chinese label, or in English the translation under
 * fields.<entity>.<name> (falling back to the Chinese one).
 */
export function fieldLabel(entity, field) {
  const { t, te, locale } = i18n.global
  const keys = [`fields.${entity}.${field.name}`, `fields.common.${field.name}`]
  // id, version, active, …: the same short label everywhere.
  if (te(`fields.system.${field.name}`)) return t(`fields.system.${field.name}`)
  const server = field.label && field.label !== field.name ? field.label : ''
  if (locale.value === 'zh-CN' && server) return server
  for (const key of keys) if (te(key)) return t(key)
  return server || field.name
}

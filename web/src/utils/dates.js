// Calendar days as the server writes them (YYYY-MM-DD, local time), without a date library.
const pad = (n) => String(n).padStart(2, '0')

/** YYYY-MM-DD of a Date in local time. */
export const isoDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
export const today = () => isoDay(new Date())
export const thisMonth = () => today().slice(0, 7)
export const thisYear = () => new Date().getFullYear()

/** The day `n` days after `day` (negative: before). */
export function addDays(day, n) {
  const [y, m, d] = day.split('-').map(Number)
  return isoDay(new Date(y, m - 1, d + n))
}

/** 'YYYY-MM' moved by n months. */
export function addMonths(month, n) {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(y, m - 1 + n, 1)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`
}

/** The days of a month as YYYY-MM-DD. */
export function daysOfMonth(month) {
  const [y, m] = month.split('-').map(Number)
  const n = new Date(y, m, 0).getDate()
  return Array.from({ length: n }, (_, i) => `${month}-${pad(i + 1)}`)
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayMon(day) {
  const [y, m, d] = day.split('-').map(Number)
  return (new Date(y, m - 1, d).getDay() + 6) % 7
}

/** '2026-11-23' → '11月23日' */
export const shortDay = (day) => (day ? `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日` : '')

export const money = (v) => (v === null || v === undefined ? '—' : Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 2 }))

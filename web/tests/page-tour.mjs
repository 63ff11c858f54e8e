// Issue 18 item 10, a standing guard: every main page, for every role, at desktop and
// phone width, loads without a console error, without a failed request and without an
// answer ≥ 400 — a page asks only for what its role may read. The pages are the ones the
// app itself offers the user (its menu, phone tiles and tabs) plus the detail pages
// reached from them. The tour is shared by page-guard*.test.mjs, one file per stack and
// width, so the runner spreads them over its workers (together they are a third of the suite).
import assert from 'node:assert/strict'
import { ADMIN_PASSWORD } from './harness.mjs'

export const ROLES = ['admin', 'bureau_a', 'hospital_a', 'township_a', 'doctor_a', 'vdoc_a']
// The demo county's accounts (README), where the users met the console first.
export const DEMO_ROLES = ['admin', 'bureau', 'bureau_city', 'hospital_county', 'hospital_city', 'township', 'doctor', 'villager']

/** Detail pages a role reaches from its lists (only those in its scope). */
async function details(stack, username, password) {
  const api = await stack.anon.login(username, username === 'admin' ? ADMIN_PASSWORD : password)
  const out = []
  const first = async (path, to) => {
    try {
      const r = await api.get(path)
      if (r.items?.length) out.push(to(r.items[0]))
    } catch {
      /* the role has no such list */
    }
  }
  await first('/support-relationships?page_size=1', (r) => `/support/relationships/${r.id}`)
  await first('/assignments?page_size=1', (r) => `/support/assignments/${r.id}`)
  await first('/alliances?page_size=1', (r) => `/support/alliances/${r.id}`)
  await first('/institutions?page_size=1', (r) => `/registry/institutions/${r.id}`)
  out.push('/policies/huang-2013')
  return out
}

/** Moves within the app as a click on a link does (no full reload per page). */
async function visit(stack, page, path) {
  const inApp = await page.evaluate(() => !!document.querySelector('#app > *')).catch(() => false)
  if (inApp) {
    await page.evaluate((p) => {
      history.pushState({}, '', p)
      dispatchEvent(new PopStateEvent('popstate', { state: history.state }))
    }, path)
  } else {
    await page.goto(`${stack.base}${path}`)
  }
  await page.waitForLoadState('networkidle').catch(() => {})
  // Panels below the fold load when scrolled to.
  await page.evaluate(() => {
    window.scrollTo(0, document.body.scrollHeight)
    document.querySelectorAll('main, .main, .phone-main').forEach((m) => m.scrollTo?.(0, m.scrollHeight))
  })
  await page.waitForTimeout(300)
  await page.waitForLoadState('networkidle').catch(() => {})
}

/** The pages the app offers this user: menu entries (desktop and drawer), tiles, tabs. */
async function offered(page) {
  if (await page.locator('[data-test="menu-toggle"]').isVisible().catch(() => false)) {
    await page.locator('[data-test="menu-toggle"]').click()
    await page.locator('.menu-drawer [data-path]').first().waitFor().catch(() => {})
  }
  const menu = await page.locator('[data-path]').evaluateAll((els) => els.map((e) => e.dataset.path))
  if (await page.locator('.menu-drawer').isVisible().catch(() => false)) await page.keyboard.press('Escape')
  const links = await page.locator('[data-tile], [data-tab]').evaluateAll((els) => els.map((e) => e.getAttribute('href')))
  return [...new Set([...menu, ...links].filter((p) => p && p.startsWith('/')))]
}

/** Visits every page offered to each user; returns the problems found. */
export async function tour(stack, users, password, viewport) {
  const problems = []
  for (const user of users) {
    const page = await stack.session(user, { viewport })
    page.setDefaultTimeout(15000)
    await page.waitForLoadState('networkidle').catch(() => {})
    const seen = new Set()
    const queue = [new URL(page.url()).pathname, ...(await offered(page))]
    if (!page.url().includes('/m')) queue.push('/m')
    queue.push(...(await details(stack, user, password)))
    while (queue.length) {
      const path = queue.shift()
      if (seen.has(path)) continue
      seen.add(path)
      // (the landing page's own requests, made before the tour started, count for it)
      await visit(stack, page, path)
      // A phone home reached on the way offers its own tiles.
      if (path === '/m') for (const p of await offered(page)) if (!seen.has(p)) queue.push(p)
      for (const e of page.errors) problems.push(`${user} ${path}: console ${String(e).slice(0, 200)}`)
      for (const f of page.failures) problems.push(`${user} ${path}: ${f}`)
      page.errors.length = 0
      page.failures.length = 0
    }
    assert.ok(seen.size >= 3, `${user} was offered pages (${[...seen].join(', ')})`)
    await page.context().close()
  }
  return problems
}


// The phone layout: a doctor and a village doctor at 360 px, and the console of an
// admin at 360 px (the sidebar becomes a drawer). Nothing may scroll sideways.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, PHONE, tableRows } from './harness.mjs'

let stack
before(async () => {
  stack = await startStack()
})
after(async () => {
  await stack?.stop()
})

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

test('a doctor at 360 px gets the phone home, tabs and 我的信息', async () => {
  const page = await stack.login('doctor_a', { viewport: PHONE })
  await page.waitForURL('**/m')
  await page.locator('.phone-tabs').waitFor()
  assert.match(await page.locator('.hello h2').innerText(), /张伟/)
  assert.equal((await page.locator('[data-test="role-label"]').innerText()).trim(), '派驻医生')
  assert.equal((await page.locator('[data-test="scope-name"]').innerText()).trim(), '历下区人民医院')
  assert.ok((await overflow(page)) <= 0, 'no sideways scrolling on the home page')

  // The tab bar stays at the bottom of the screen.
  const bar = await page.locator('.phone-tabs').boundingBox()
  assert.ok(Math.abs(bar.y + bar.height - PHONE.height) <= 1, `tab bar at the bottom (${bar.y}+${bar.height})`)

  await page.locator('[data-tile="me"]').click()
  await page.waitForURL('**/m/me')
  const record = page.locator('[data-test="staff-record"]')
  await record.waitFor()
  const text = await record.innerText()
  assert.match(text, /张伟/)
  assert.match(text, /历下区人民医院/)
  assert.match(text, /内科/)
  assert.match(text, /主治医师/)
  // The own ID number is masked on screen until asked for.
  assert.match((await page.locator('[data-test="id-number"]').innerText()).trim(), /^\d{6}\*{8}\d{3}[\dX]$/)
  assert.ok((await overflow(page)) <= 0, 'no sideways scrolling on 我的信息')
  assert.equal(await page.locator('.phone-tabs [data-tab="me"]').getAttribute('aria-current'), 'page')

  // Back home through the tab bar, then sign out from the top bar.
  await page.locator('.phone-tabs [data-tab="home"]').click()
  await page.waitForURL((u) => u.pathname === '/m')
  await page.locator('[data-test="logout"]').click()
  await page.waitForURL('**/login')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('a village doctor sees own record only', async () => {
  const page = await stack.session('vdoc_a', { viewport: PHONE })
  await page.goto(`${stack.base}/m/me`)
  await page.locator('[data-test="staff-record"]', { hasText: '东关村卫生室' }).waitFor()
  // The API refuses another person's record to this account.
  const { token } = JSON.parse(await page.evaluate(() => localStorage.getItem('yilian.session')))
  const res = await fetch(`${stack.base}/api/v1/staff/${stack.data.staff.zhang.id}`, { headers: { Authorization: `Bearer ${token}` } })
  assert.equal(res.status, 404)
  await page.context().close()
})

test('the admin console at 360 px: drawer menu, tables scroll inside their box', async () => {
  const page = await stack.session('admin', { viewport: PHONE })
  await page.waitForURL((u) => u.pathname === '/')
  assert.equal(await page.locator('.aside').count(), 0, 'no fixed sidebar on a phone')
  await page.locator('[data-test="menu-toggle"]').click()
  const drawer = page.locator('.menu-drawer')
  await drawer.locator('[data-menu="staff"]').click()
  await page.waitForURL('**/registry/staff')
  await drawer.waitFor({ state: 'hidden' })
  assert.equal((await tableRows(page)).length, 6)
  assert.ok((await overflow(page)) <= 0, 'the page itself does not scroll sideways')
  await page.goto(`${stack.base}/`)
  await page.locator('[data-stat="staff"] .stat-value', { hasText: '6' }).waitFor()
  assert.ok((await overflow(page)) <= 0)
  await page.context().close()
})

test('the service worker keeps the app shell: the app starts without a network', async () => {
  const page = await stack.newPage(PHONE, { serviceWorkers: 'allow' })
  await page.goto(`${stack.base}/login`)
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))
  // Installed and activated with the build's files in its cache.
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys()
    const cache = await caches.open(keys.find((k) => k.startsWith('yilian-shell-')))
    return (await cache.keys()).map((r) => new URL(r.url).pathname)
  })
  assert.ok(cached.includes('/index.html'))
  assert.ok(cached.some((p) => p.startsWith('/assets/') && p.endsWith('.js')))
  await page.context().setOffline(true)
  await page.goto(`${stack.base}/m`)
  // Offline, not signed in: the shell still starts and shows the login form.
  await page.locator('[data-test="login-submit"]').waitFor()
  await page.context().setOffline(false)
  await page.context().close()
})

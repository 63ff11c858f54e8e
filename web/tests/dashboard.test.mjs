// The console dashboard's coverage, compliance and trend panels, per role, and the
// 导出 button of the generic entity lists (GET <list route>?format=xlsx&<filters>).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { startStack, PHONE } from './harness.mjs'
import { seedRounds, lastWeek, day } from './rounds-fixtures.mjs'
import { seedSupport } from './support-fixtures.mjs'

let stack
let week
before(async () => {
  stack = await startStack()
  const rounds = await seedRounds(stack)
  await seedSupport(stack)
  // Team A in 历下区: 东关村 last week (12 patients) and today (so this month has a visit).
  week = lastWeek()
  const visit = (d, patients) =>
    stack.admin.post('/round-visits', { team_id: rounds.teamA.id, village_code: '370102001001', day: d, half: 'am', patients, members: [stack.data.staff.liu.id] })
  await visit(week.days[1], 12)
  await visit(day(0), 7)
})
after(async () => {
  await stack?.stop()
})

const panel = (page, name) => page.locator(`[data-test="panel-${name}"]`)
/** Waits until the panel has loaded (no aria-busy) and returns it. */
async function loaded(page, name) {
  const p = panel(page, name)
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-busy') === 'false', `[data-test="panel-${name}"]`)
  return p
}

test('bureau sees coverage, compliance and trend of its county', async () => {
  const page = await stack.session('bureau_a')
  const coverage = await loaded(page, 'coverage')
  assert.ok(await coverage.isVisible())
  // 历下区: 3 rural villages, 东关村 assigned to team A.
  assert.equal((await coverage.locator('[data-test="coverage-grid"]').innerText()).trim(), '1 / 3')
  assert.match((await coverage.locator('[data-test="coverage-month"]').innerText()).trim(), /^1 \/ [1-9]\d*$/)
  // Counterpart support: the county's 2 county-level institutions (both supporters, no recipient).
  assert.equal((await coverage.locator('[data-test="coverage-support"]').innerText()).trim(), '0 / 2')

  const compliance = await loaded(page, 'compliance')
  await compliance.scrollIntoViewIfNeeded()
  await compliance.locator('canvas').first().waitFor()
  assert.match(await compliance.locator('[data-test="compliance-total"]').innerText(), /共[1-9]\d*条/)
  const rules = await compliance.locator('[data-rule]').evaluateAll((ls) => ls.map((l) => l.dataset.rule))
  assert.ok(rules.includes('A3'), `rules: ${rules}`)

  const trend = await loaded(page, 'trend')
  await trend.scrollIntoViewIfNeeded()
  await trend.locator('canvas').first().waitFor()
  const rows = await trend.locator('tr[data-week]').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())))
  assert.equal(rows.length, 10)
  assert.deepEqual(rows.find((r) => r[0] === week.label), [week.label, '12', '1'])

  await stack.screenshot(page, 'dashboard-panels-desktop')
  // A click on the chart opens the compliance page (on a bar: filtered to its rule).
  await compliance.locator('canvas').first().click()
  await page.waitForURL((u) => u.pathname === '/compliance')
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('a township sees its own coverage; a hospital its compliance and own support coverage', async () => {
  const township = await stack.session('township_a')
  const coverage = await loaded(township, 'coverage')
  assert.equal((await coverage.locator('[data-test="coverage-grid"]').innerText()).trim(), '1 / 2')
  await loaded(township, 'compliance')
  assert.ok(await panel(township, 'compliance').isVisible())
  await panel(township, 'trend').scrollIntoViewIfNeeded().catch(() => {})
  await panel(township, 'trend').waitFor({ state: 'hidden' }) // the weekly table is county level
  assert.deepEqual(township.errors.map(String), [])
  await township.context().close()

  // A hospital: no rounds statistics; of the coverage only its own counterpart support.
  const hospital = await stack.session('hospital_a')
  await loaded(hospital, 'compliance')
  assert.ok(await panel(hospital, 'compliance').isVisible())
  const own = await loaded(hospital, 'coverage')
  assert.deepEqual(await own.locator('[data-meter]').evaluateAll((ms) => ms.map((m) => m.dataset.meter)), ['support'])
  assert.equal((await own.locator('[data-test="coverage-support"]').innerText()).trim(), '0 / 1')
  await hospital.locator('[data-test="panel-trend"]').evaluate((el) => el.scrollIntoView())
  await panel(hospital, 'trend').waitFor({ state: 'hidden' })
  assert.deepEqual(hospital.errors.map(String), [])
  await hospital.context().close()
})

test('the dashboard fits a 360 px phone', async () => {
  const page = await stack.session('bureau_a', { viewport: PHONE })
  await loaded(page, 'coverage')
  for (const name of ['compliance', 'trend']) {
    await panel(page, name).scrollIntoViewIfNeeded()
    await loaded(page, name)
    await panel(page, name).locator('canvas').first().waitFor()
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`)
  await stack.screenshot(page, 'dashboard-panels-phone')
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('a list exports the filtered records as xlsx', async () => {
  const page = await stack.session('bureau_a', { path: '/rounds/visits' })
  const button = page.locator('[data-test="table-export"]').first()
  await button.waitFor()
  const [download, request] = await Promise.all([
    page.waitForEvent('download'),
    page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/round-visits' && new URL(r.url()).searchParams.get('format') === 'xlsx'),
    button.click(),
  ])
  assert.equal(new URL(request.url()).searchParams.get('page'), null, 'the whole list, not a page')
  assert.match(download.suggestedFilename(), /\.xlsx$/)
  const bytes = await readFile(await download.path())
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'the file is an xlsx (zip)')
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

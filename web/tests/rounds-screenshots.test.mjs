// Screenshots of the rounds (巡回医疗) pages at desktop and phone width, saved under
// build/screenshots/ (rounds-<page>-desktop.png, rounds-<page>-phone.png). Each page must
// render its data without a script error and without sideways scrolling.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, tableRows } from './harness.mjs'
import { seedRounds, addCoordinates, lastWeek } from './rounds-fixtures.mjs'

let stack
let fx
before(async () => {
  stack = await startStack()
  fx = await seedRounds(stack)
  await addCoordinates(stack)
  const wk = lastWeek()
  const S = stack.data.staff
  await stack.admin.post('/round-visits', { team_id: fx.teamA.id, village_code: '370102001001', day: wk.days[2], half: 'am', patients: 18, referrals: 1, education_sessions: 1, education_audience: 25, guidance_elderly: 4, guidance_hypertension: 6, members: [S.liu.id, S.wang.id], senior_doctors: [S.chen.id] })
})
after(async () => {
  await stack?.stop()
})

const PAGES = [
  ['teams', '/rounds/teams', { table: true }],
  ['grid', '/rounds/grid', { ready: '[data-test="coverage"]', table: true }],
  ['seniors', '/rounds/seniors', { table: true }],
  ['needs', '/rounds/needs', { table: true }],
  ['planner', '/rounds/planner', { ready: '[data-test="plan-grid"]', run: true }],
  ['visits', '/rounds/visits', { table: true }],
  ['weekly', '/rounds/weekly', { ready: '[data-test="weekly-table"] .el-table__row' }],
  ['monthly', '/rounds/monthly', { ready: '[data-test="monthly"] .el-table__row' }],
]

async function shoot(page, name, label) {
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'), null, { timeout: 10000 }).catch(() => {})
  // Layout settles after the data: give a busy machine a moment before judging.
  await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 5000 }).catch(() => {})
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at ${label} width`)
  await stack.screenshot(page, `rounds-${name}-${label}`)
}

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`rounds pages at ${label} width (${viewport.width}px)`, async () => {
    const page = await stack.session('bureau_a', { viewport })
    page.setDefaultTimeout(30000) // the whole suite runs in parallel on two cores
    await page.waitForURL((u) => u.pathname === '/')
    for (const [name, path, { ready, table, run }] of PAGES) {
      await page.goto(`${stack.base}${path}`)
      if (ready) await page.locator(ready).first().waitFor()
      if (table) {
        await page.waitForFunction(() => document.querySelectorAll('.el-table__body-wrapper tbody tr.el-table__row').length > 0, null, { timeout: 15000 }).catch(() => {})
        assert.ok((await tableRows(page)).length > 0, `${path} shows rows`)
      }
      if (run) {
        // The planner: a plan for next week, shown before it is applied.
        await page.locator('[data-test="plan-run"]').click()
        await page.locator('[data-test="plan-grid"] td.on').first().waitFor({ timeout: 60000 })
      }
      await shoot(page, name, label)
    }
    assert.deepEqual(page.errors.map(String), [])
    await page.context().close()

    const doc = await stack.session('doctor_a', { viewport, path: '/m/rounds' })
    doc.setDefaultTimeout(30000)
    await doc.locator('[data-test="visit-save"]').waitFor()
    await shoot(doc, 'm-record', label)
    assert.deepEqual(doc.errors.map(String), [])
    await doc.context().close()
  })
}

// Screenshots of the counterpart-support pages at desktop and phone width, saved under
// build/screenshots/ (<page>-desktop.png, <page>-phone.png). Each page must render its
// data without a script error and without sideways scrolling.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, PASSWORD, tableRows } from './harness.mjs'
import { seedSupport, day } from './support-fixtures.mjs'

let stack
let fx
before(async () => {
  stack = await startStack()
  fx = await seedSupport(stack)
  // 陈静 has a running assignment in the fixtures: her field app has something to show.
  await stack.admin.post('/users', { username: 'doctor_chen', display_name: '陈静', password: PASSWORD, role: 'doctor', staff_id: stack.data.staff.chen.id })
})
after(async () => {
  await stack?.stop()
})

// [name, path, what shows that it is ready]
const CONSOLE = () => [
  ['relationships', '/support/relationships', { table: true }],
  ['relationship-detail', `/support/relationships/${fx.relA.id}`, { ready: '[data-test="relationship-name"]', table: true }],
  ['relationship-compliance', `/support/relationships/${fx.relA.id}?tab=compliance`, { ready: '.compliance canvas' }],
  ['alliances', '/support/alliances', { table: true }],
  ['alliance-detail', `/support/alliances/${fx.alliance.id}`, { ready: '[data-test="alliance-name"]', table: true }],
  ['assignments', '/support/assignments', { table: true }],
  ['assignment-detail', `/support/assignments/${fx.chenAssignment.id}`, { ready: '.presence-cal .half.present' }],
  ['activities', '/support/activities', { table: true }],
  ['evaluations', '/support/evaluations', { table: true }],
  ['trainees', '/support/trainees', { table: true }],
  ['equipment', '/support/equipment', { table: true }],
  ['operating-stats', '/support/operating-stats', { table: true }],
  ['leadership', '/support/leadership', { table: true }],
  ['promotion-ledger', '/support/promotion-ledger', { table: true }],
  ['fee-statements', `/support/fee-statements?month=${day(-1).slice(0, 7)}`, { ready: '[data-test="payer-card"]', table: true }],
  ['annual-summary', '/support/annual-summary', { ready: '.annual canvas', table: true }],
  ['compliance', '/compliance', { ready: '.compliance canvas', table: true }],
  ['policies', '/policies', { table: true }],
  ['policy-detail', '/policies/huang-2013', { ready: '[data-test="policy-title"]', table: true }],
]

async function shoot(page, name, label) {
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'), null, { timeout: 10000 }).catch(() => {})
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at ${label} width`)
  await stack.screenshot(page, `${name}-${label}`)
}

// Within the app, pages change through the router (as a click on the menu does), which
// spares a full start of the app per page; the first visit loads it.
async function visit(page, path, { ready, table } = {}) {
  if (new URL(page.url()).origin === stack.base && (await page.evaluate(() => !!document.querySelector('#app > *')))) {
    await page.evaluate((p) => {
      // The old page stays on screen until the new one's code has loaded: mark its tables
      // so that their rows are not taken for the new page's.
      document.querySelectorAll('.el-table').forEach((t) => t.setAttribute('data-left', ''))
      history.pushState({}, '', p)
      dispatchEvent(new PopStateEvent('popstate', { state: history.state }))
    }, path)
    await page.waitForURL((u) => u.pathname + u.search === path)
  } else {
    await page.goto(`${stack.base}${path}`)
  }
  if (ready) await page.locator(ready).first().waitFor()
  if (table) {
    // On a busy machine the new page's rows arrive after the previous page's table was
    // still there: wait for rows of a table that is not the previous page's.
    await page
      .waitForFunction(() => document.querySelectorAll('.el-table:not([data-left]) .el-table__body-wrapper tbody tr.el-table__row').length > 0, null, {
        timeout: 15000,
      })
      .catch(() => {})
    assert.ok((await tableRows(page)).length > 0, `${path} shows rows`)
  }
}

for (const [label, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
]) {
  test(`counterpart-support pages at ${label} width (${viewport.width}px)`, async () => {
    const page = await stack.session('bureau_a', { viewport })
    await page.waitForURL((u) => u.pathname === '/')
    for (const [name, path, opts] of CONSOLE()) {
      await visit(page, path, opts)
      await shoot(page, name, label)
    }
    assert.deepEqual(page.errors.map(String), [])
    await page.context().close()

    // The recipient's confirmation page, in the console and in the phone layout.
    const tw = await stack.session('township_a', { viewport })
    await visit(tw, '/support/confirm', { ready: '.half-row' })
    await shoot(tw, 'presence-confirm', label)
    await visit(tw, '/m/confirm', { ready: '.half-row' })
    await shoot(tw, 'm-confirm', label)
    assert.deepEqual(tw.errors.map(String), [])
    await tw.context().close()

    // The dispatched doctor's field app.
    const doc = await stack.session('doctor_chen', { viewport, path: '/m/checkin' })
    await doc.locator(`[data-assignment="${fx.chenAssignment.id}"]`).waitFor()
    await shoot(doc, 'm-checkin', label)
    await visit(doc, '/m/activity', { ready: '[data-test="activity-save"]' })
    await doc.locator('.activity [data-record]').first().waitFor()
    await shoot(doc, 'm-activity', label)
    await visit(doc, '/m/records', { ready: '[data-record][data-state="confirmed"]' })
    await shoot(doc, 'm-records', label)
    assert.deepEqual(doc.errors.map(String), [])
    await doc.context().close()
  })
}

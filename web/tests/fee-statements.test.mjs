// Issue 18 item 2: fee statements (劳务费结算, D7). A 0 says why in Chinese with a link to
// the preset; 在岗天数 are days on site from presence up to today (not calendar days of
// the assignment), and the page says how they are counted; xlsx export and print.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { startStack, DESKTOP, PHONE, tableRows, unexpectedFailures } from './harness.mjs'
import { seedSupport, day } from './support-fixtures.mjs'

let stack
let fx
before(async () => {
  stack = await startStack()
  fx = await seedSupport(stack)
})
after(async () => {
  await stack?.stop()
})

// The month of yesterday's check-ins (on the 1st, this month has no days on site yet).
const month = () => day(-1).slice(0, 7)
const upTo = () => (day(0).slice(0, 7) === month() ? day(0) : `${month()}-31`)

/** Days of this month up to today with a half-day checked in as present. */
async function daysOnSite(assignmentId) {
  const res = await stack.admin.get(`/presence?assignment_id=${assignmentId}&day_from=${month()}-01&day_to=${upTo()}&status=present&page_size=500`)
  return new Set(res.items.map((p) => p.day)).size
}

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`a 0 fee says why and links to the preset (${label})`, async () => {
    // 赵敏 under relB (huang-2013 without overrides): the recipient pays nothing, no allowance set.
    const page = await stack.session('hospital_b', { viewport, path: '/support/fee-statements' })
    const note = page.locator('[data-test="fee-note"]', { hasText: '规定受援单位不支付劳务费' }).first()
    await note.waitFor()
    assert.match(await note.innerText(), /黄\*区人民医院2013年度对口协作方案/)
    assert.match(await note.innerText(), /不增加受援医院的负担/)
    await page.locator('[data-test="fee-note"]', { hasText: '未规定派驻人员月补助' }).first().waitFor()
    await stack.screenshot(page, `fees-zero-${label}`)
    await note.locator('[data-test="fee-note-link"]').click()
    await page.waitForURL(/\/policies\/huang-2013$/)
    await page.locator('[data-test="policy-title"]', { hasText: '黄*区人民医院2013年度对口协作方案' }).waitFor()
    assert.deepEqual(page.errors.map(String), [])
    assert.deepEqual(unexpectedFailures(page), [])
    await page.context().close()
  })
}

test('在岗天数 are this month’s days on site up to today, and the page says which rule counts them', async () => {
  const page = await stack.session('hospital_a', { path: `/support/fee-statements?month=${month()}` })
  const rule = page.locator('[data-test="days-rule"]')
  await rule.waitFor()
  assert.match(await rule.innerText(), /在岗记录/)
  assert.match(await rule.innerText(), /compensation\.monthly_allowance/)
  assert.match(await rule.innerText(), /D7/)
  const rows = await tableRows(page)
  const chen = rows.find((r) => r.includes('陈静'))
  assert.ok(chen, '陈静 is on the statement')
  const expected = await daysOnSite(fx.chenAssignment.id)
  assert.equal(Number(chen[chen.indexOf('解放路街道卫生院') + 1]), expected, `陈静's days on site (${expected}), not the ${new Date().getDate()}+ calendar days under assignment`)
  // 600 元/月 agreed by override, pro rata to the days on site over the month's working days.
  const api = await stack.admin.get(`/fee-statements?month=${month()}`)
  const row = api.items.find((i) => i.name === '陈静')
  assert.equal(row.allowance, Math.round((600 * Math.min(expected, api.working_days)) / api.working_days))
  assert.match(row.allowance_rule, /^D7,/)
  await stack.screenshot(page, 'fees-days-desktop')
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('the statement downloads as xlsx and prints without the menu and buttons', async () => {
  const page = await stack.session('hospital_a', { path: `/support/fee-statements?month=${month()}` })
  await page.locator('[data-test="days-rule"]').waitFor()
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="report-export"]').click()])
  assert.equal(download.suggestedFilename(), `劳务费结算_${month()}.xlsx`)
  assert.equal((await readFile(await download.path())).subarray(0, 2).toString(), 'PK')

  await page.evaluate(() => {
    window.__printed = 0
    window.print = () => window.__printed++
  })
  await page.locator('[data-test="report-print"]').click()
  assert.equal(await page.evaluate(() => window.__printed), 1)
  await page.emulateMedia({ media: 'print' })
  assert.equal(await page.locator('.aside').isVisible(), false, 'no menu on paper')
  assert.equal(await page.locator('[data-test="report-print"]').isVisible(), false, 'no buttons on paper')
  assert.ok(await page.locator('.print-title').isVisible(), 'the title is printed')
  await stack.screenshot(page, 'fees-print')
  await page.emulateMedia({ media: 'screen' })
  assert.deepEqual(page.errors.map(String), [])
  assert.deepEqual(unexpectedFailures(page), [])
  await page.context().close()
})

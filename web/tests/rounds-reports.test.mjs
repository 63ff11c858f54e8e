// Issue 18 items 5 and 6: 月调度 does not judge weeks that are not over; the weekly report
// (附件2) downloads what is stored, never an unsaved rejected phone, leaves 填报人 for a
// person (not the bureau's name), and an overdue week says 逾期 and since when.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, expectFieldError, unexpectedFailures } from './harness.mjs'
import { seedRounds, day } from './rounds-fixtures.mjs'
import { xlsxStrings } from './xlsx.mjs'

let stack
before(async () => {
  stack = await startStack()
  const fx = await seedRounds(stack)
  // 西关村 (no fixed doctor) owes two rounds a week; nobody goes this month.
  await stack.admin.post('/village-assignments', { team_id: fx.teamA.id, village_code: '370102001002', start_date: day(-60) })
})
after(async () => {
  await stack?.stop()
})

/** ISO week label of a local date string. */
function isoWeek(d) {
  const [y, m, dd] = d.split('-').map(Number)
  const dt = new Date(Date.UTC(y, m - 1, dd))
  dt.setUTCDate(dt.getUTCDate() - ((dt.getUTCDay() + 6) % 7) + 3)
  const year = dt.getUTCFullYear()
  const n = Math.ceil(((dt - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7)
  return `${year}-W${String(n).padStart(2, '0')}`
}

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`月调度 judges no week that is not over (${label})`, async () => {
    const page = await stack.session('bureau_a', { viewport, path: '/rounds/monthly' })
    await page.locator('[data-test="monthly"] .el-table__row').first().waitFor()
    const text = await page.locator('[data-test="monthly"]').innerText()
    // This week and the weeks after it owe nothing yet.
    const current = isoWeek(day(0))
    for (let i = 0; i < 5; i++) {
      const w = isoWeek(day(7 * i))
      assert.ok(!text.includes(`${w}(`), `${w} (${i ? 'to come' : 'running'}) is not listed as failed`)
    }
    if (day(0).slice(0, 7) === day(6).slice(0, 7)) await page.locator('[data-test="weeks-note"]', { hasText: current }).waitFor()
    await stack.screenshot(page, `rounds-monthly-${label}`)
    assert.deepEqual(page.errors.map(String), [])
    assert.deepEqual(unexpectedFailures(page), [])
    await page.context().close()
  })
}

test('the weekly report: 填报人 empty, a rejected phone stays out of the download, 逾期 with its deadline', async () => {
  const page = await stack.session('bureau_a', { path: '/rounds/weekly' })
  const box = page.locator('[data-test="submit-box"]')
  await box.waitFor()
  await page.locator('[data-test="weekly-table"] .el-table__row').first().waitFor()
  const reporter = box.locator('[data-field="reporter_name"] input')
  assert.equal(await reporter.inputValue(), '', '填报人 is left for a person, not the office name 历下区卫健局')
  await reporter.fill('张三')
  await box.locator('[data-field="reporter_phone"] input').fill('12ab')
  await page.locator('[data-test="weekly-submit"]').click()
  assert.ok((await expectFieldError(box, 'reporter_phone')).length > 0, 'the phone is refused')
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="dl-xlsx"]').click()])
  const strings = await xlsxStrings(await download.path())
  assert.ok(!strings.some((s) => s.includes('12ab')), 'the refused phone is not in the file')
  assert.ok(!strings.some((s) => s.includes('张三')), 'nor the unsaved reporter')
  assert.ok(!strings.some((s) => s.includes('历下区卫健局')), 'nor the office as 填报人')

  // Two weeks back: past its deadline and not submitted.
  await page.getByRole('button', { name: '上一周' }).click()
  const status = page.locator('[data-test="weekly-table"] [data-status="not_submitted"]').first()
  await status.waitFor()
  assert.match(await status.innerText(), /^逾期未填报\(截止\d{4}-\d{2}-\d{2} \d{2}:\d{2}\)$/)
  await stack.screenshot(page, 'rounds-weekly-overdue')
  assert.deepEqual(page.errors.map(String), [])
  assert.deepEqual(unexpectedFailures(page, [/422 POST \/api\/v1\/rounds\/weekly-reports/]), [])
  await page.context().close()
})

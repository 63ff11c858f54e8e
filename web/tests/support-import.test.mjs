// 月度业务统计 (R6) imported from a sheet by a township centre: a sheet with a bad row
// writes nothing and lists each problem by row and column; the corrected sheet is
// written and shows in the list.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, tableRows } from './harness.mjs'

let stack
before(async () => {
  stack = await startStack()
})
after(async () => {
  await stack?.stop()
})

const sheet = (rows) => ({ name: '月度业务统计.csv', mimeType: 'text/csv', buffer: Buffer.from(`机构代码,月份,门诊人次,住院人次\n${rows.join('\n')}\n`) })

test('a township centre imports its monthly figures; a bad row writes nothing and is named', async () => {
  const { townshipA } = stack.data.institutions
  const stored = async () => (await stack.admin.get(`/operating-stats?institution_id=${townshipA.id}&month=2025-01`)).items
  const page = await stack.session('township_a', { path: '/support/operating-stats' })
  const button = page.locator('[data-test="import-operating-stats"]')
  await button.waitFor()

  await page.locator('[data-test="import-operating-stats-file"]').setInputFiles(sheet([`${townshipA.code},2025-01,3200,85`, `${townshipA.code},2025-13,1,1`]))
  const problems = page.locator('[data-test="import-problems"]')
  await problems.locator('tbody tr').first().waitFor()
  const rows = await problems.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())))
  assert.equal(rows.length, 1)
  assert.equal(rows[0][0], '3')
  assert.equal(rows[0][1], '月份')
  assert.match(rows[0][2], /月份/)
  assert.equal((await stored()).length, 0, 'nothing written')
  await page.keyboard.press('Escape')

  await page.locator('[data-test="import-operating-stats-file"]').setInputFiles(sheet([`${townshipA.code},2025-01,3200,85`, `${townshipA.code},2025/2,2900,80`]))
  await page.locator('.el-message--success', { hasText: '新建 2 条' }).waitFor()
  const [jan] = await stored()
  assert.equal(jan.outpatient_visits, 3200)
  assert.equal(jan.inpatient_admissions, 85)
  const listed = await tableRows(page)
  assert.ok(listed.some((r) => r.includes('2025-02')), `the list shows the new month: ${JSON.stringify(listed)}`)
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('field staff have no import button', async () => {
  const page = await stack.session('hospital_a', { path: '/support/operating-stats' })
  await page.locator('[data-test="import-operating-stats"]').waitFor()
  await page.context().close()
  const doctor = await stack.session('doctor_a', { path: '/support/operating-stats' })
  await doctor.waitForLoadState('networkidle')
  assert.equal(await doctor.locator('[data-test="import-operating-stats"]').count(), 0)
  await doctor.context().close()
})

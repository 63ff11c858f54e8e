// 工作日历 (issue 19 item 1): the shipped 2026 notice counts 248 working days; a bureau adds
// its county's own day off (247), sees a duplicate refused at the date, and removes it again;
// the national rows are not its to delete.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack } from './harness.mjs'

let stack
let page
before(async () => {
  stack = await startStack()
  page = await stack.session('bureau_a', { path: '/admin/calendar?year=2026' })
})
after(async () => {
  await stack?.stop()
})

const workingDays = () => page.locator('[data-test="working-days"]').innerText()

test('the 2026 notice is there and a bureau adds and removes its own day off', async () => {
  await page.locator('[data-test="exceptions"] .el-table__row').first().waitFor()
  assert.match(await workingDays(), /248/)
  assert.match(await page.locator('.notices').innerText(), /国务院办公厅关于2026年部分节假日安排的通知/)
  assert.equal(await page.locator('[data-test="remove-2026-10-01"]').count(), 0, 'the national 国庆 is not the bureau’s to delete')

  await page.locator('[data-test="add-day"] input').fill('2026-03-06')
  await page.keyboard.press('Enter')
  await page.locator('[data-test="add-name"] input').fill('地方节日')
  await page.locator('[data-test="add"]').click()
  await page.locator('[data-test="remove-2026-03-06"]').waitFor()
  assert.match(await workingDays(), /247/)

  await page.locator('[data-test="add-day"] input').fill('2026-03-06')
  await page.keyboard.press('Enter')
  await page.locator('[data-test="add-name"] input').fill('又一次')
  await page.locator('[data-test="add"]').click()
  await page.locator('.add-form .el-form-item__error', { hasText: '已有调整' }).waitFor()

  await page.locator('[data-test="remove-2026-03-06"]').click()
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
  await page.locator('[data-test="remove-2026-03-06"]').waitFor({ state: 'detached' })
  assert.match(await workingDays(), /248/)
  assert.deepEqual(page.failures.filter((f) => !f.startsWith('409')), [])
})

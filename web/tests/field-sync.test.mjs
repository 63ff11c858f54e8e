// Issue 18 item 11: when the offline queue has sent what waited on the phone, a toast says
// so and what was sent; the visit form shows every error it can judge at once (not one
// per attempt), before anything is sent.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, PASSWORD, fieldError, unexpectedFailures } from './harness.mjs'
import { seedSupport, day } from './support-fixtures.mjs'
import { seedRounds } from './rounds-fixtures.mjs'

let stack
let fx
before(async () => {
  stack = await startStack()
  fx = await seedSupport(stack)
  await seedRounds(stack)
  await stack.admin.post('/users', { username: 'doctor_chen', display_name: '陈静', password: PASSWORD, role: 'doctor', staff_id: stack.data.staff.chen.id })
})
after(async () => {
  await stack?.stop()
})

test('after coming back online the phone says what the queue sent', async () => {
  const aid = fx.chenAssignment.id
  const page = await stack.session('doctor_chen', { viewport: PHONE, path: '/m/checkin' })
  await page.locator(`[data-test="checkin-${aid}-am"]`).waitFor()
  await page.context().setOffline(true)
  await page.locator(`[data-test="checkin-${aid}-am"]`).click()
  await page.locator(`[data-test="state-${aid}-am"][data-state="pending"]`).waitFor()
  await page.waitForTimeout(5500) // it waits on the phone for a while
  await page.context().setOffline(false)
  const toast = page.locator('.sync-toast')
  await toast.waitFor({ timeout: 20000 })
  assert.match(await toast.innerText(), /已上传 1 条记录:签到 1/)
  await stack.screenshot(page, 'field-sync-toast')
  await page.locator(`[data-test="state-${aid}-am"][data-state="synced"]`).waitFor()
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

for (const [label, viewport, path] of [['phone', PHONE, '/m/rounds'], ['desktop', DESKTOP, '/m/rounds']]) {
  test(`the visit form names every problem at once (${label})`, async () => {
    const page = await stack.session('township_a', { viewport, path })
    const form = page.locator('.visit-form')
    await form.waitFor()
    // Nobody present, an audience without sessions, a day to come.
    await form.locator('[data-field="day"] input').fill(day(2))
    await form.locator('[data-field="day"] input').press('Enter')
    await page.keyboard.press('Escape')
    await page.locator('.el-picker__popper:visible').waitFor({ state: 'hidden' }).catch(() => {})
    const audience = form.locator('[data-field="education_audience"] input')
    await audience.fill('30')
    await audience.blur()
    const posts = []
    page.on('request', (r) => r.method() === 'POST' && r.url().includes('/round-visits') && posts.push(r.url()))
    await page.locator('[data-test="visit-save"]').click()
    for (const f of ['members', 'education_sessions', 'day']) await fieldError(form, f).waitFor()
    assert.match(await fieldError(form, 'day').innerText(), /不能登记将来的日期/)
    assert.match(await fieldError(form, 'education_sessions').innerText(), /须同时填写开展场次/)
    assert.match(await page.locator('[data-test="visit-errors"]').innerText(), /3 处/)
    assert.deepEqual(posts, [], 'nothing is sent while the form knows it is wrong')
    await stack.screenshot(page, `visit-form-errors-${label}`)
    assert.deepEqual(page.errors.map(String), [])
    assert.deepEqual(unexpectedFailures(page), [])
    await page.context().close()
  })
}

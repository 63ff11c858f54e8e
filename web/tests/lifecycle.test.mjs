// Record lifecycles in the console (the server's x-lifecycle): the recipient rejects a
// half-day with a reason and it counts as absent; the dispatching hospital ends an
// assignment through its 状态操作, after which the record is locked and only the bureau
// is offered to reopen it.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, PHONE, PASSWORD } from './harness.mjs'
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

test('the township rejects a half-day with a reason on the phone; it counts as absent', async () => {
  const pending = (await stack.admin.get(`/presence?assignment_id=${fx.chenAssignment.id}&review_status=pending&sort=day`)).items
  assert.ok(pending.length > 0)
  const target = pending[0]
  const tw = await stack.session('township_a', { viewport: PHONE, path: '/m/confirm' })
  const row = tw.locator(`.half-row[data-presence="${target.id}"]`)
  await row.waitFor()
  await stack.screenshot(tw, 'lifecycle-confirm-phone')
  await row.locator(`[data-test="reject-${target.id}"]`).click()
  const box = tw.locator('.el-message-box')
  await box.waitFor()
  await box.getByRole('button', { name: '驳回' }).click() // empty reason: refused in the box
  await box.locator('.el-message-box__errormsg', { hasText: '须填写原因' }).waitFor()
  await box.locator('input').fill('当日未到岗')
  await box.getByRole('button', { name: '驳回' }).click()
  await row.waitFor({ state: 'detached' })
  const after = await stack.admin.get(`/presence/${target.id}`)
  assert.equal(after.review_status, 'rejected')
  assert.equal(after.status, 'absent')
  assert.equal(after.reason, '当日未到岗')
  assert.deepEqual(tw.errors.map(String), [])
  await tw.context().close()
})

test('医务科 ends an assignment by its 状态操作; then it is locked and only the bureau may reopen it', async () => {
  const asg = await stack.admin.post('/assignments', {
    relationship_id: fx.relA.id, staff_id: stack.data.staff.zhang.id, recipient_institution_id: stack.data.institutions.townshipA.id,
    level: 'township', role: 'resident', planned_start: day(-40), planned_end: day(-1), status: 'active',
  })
  const page = await stack.session('hospital_a', { path: '/support/assignments' })
  const action = page.locator(`[data-test="transition-complete-${asg.id}"]`)
  await action.waitFor()
  assert.equal(await page.locator(`[data-test="transition-reopen-${asg.id}"]`).count(), 0)
  await action.click()
  const box = page.locator('.el-message-box')
  await box.waitFor()
  await box.getByRole('button', { name: '结束派驻' }).click()
  await page.locator('.el-message--success').waitFor()
  const done = await stack.admin.get(`/assignments/${asg.id}`)
  assert.equal(done.status, 'completed')
  // Locked: the hospital's edit is refused with the reason, and nothing offers to reopen it.
  const hospital = await stack.anon.login('hospital_a', PASSWORD)
  await assert.rejects(hospital.patch(`/assignments/${asg.id}`, { version: done.version, batch: '二批' }), (e) => e.status === 409 && /重新打开/.test(e.message))
  await page.locator(`[data-test="transition-complete-${asg.id}"]`).waitFor({ state: 'detached' })
  assert.equal(await page.locator(`[data-test="transition-reopen-${asg.id}"]`).count(), 0)
  await stack.screenshot(page, 'lifecycle-assignments')
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()

  const bureau = await stack.session('bureau_a', { path: '/support/assignments' })
  await bureau.locator(`[data-test="transition-reopen-${asg.id}"]`).waitFor()
  await bureau.context().close()
})

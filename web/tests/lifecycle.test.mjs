// Record lifecycles in the console (the server's x-lifecycle): the recipient rejects a
// half-day with a reason and it counts as absent; on the presence calendar it rejects a
// selection, takes a reviewed half-day back to pending (撤销确认) or marks a confirmed one
// absent, each with a reason that the audit keeps (issue 18 item 7); the dispatching
// hospital ends an assignment through its 状态操作, after which the record is locked and
// only the bureau is offered to reopen it.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, PASSWORD, unexpectedFailures } from './harness.mjs'
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
  // Reviewed half-days are reopened on the assignment's calendar, one tap away.
  await tw.locator(`[data-test="calendar-${fx.chenAssignment.id}"]`).click()
  await tw.waitForURL(`**/support/assignments/${fx.chenAssignment.id}`)
  await showMonthOf(tw, target.day)
  await halfCell(tw, target).and(tw.locator('[data-review="rejected"]')).waitFor()
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

// Moves the calendar to the month of `d`.
async function showMonthOf(page, d) {
  const picker = page.locator('.presence-cal .cal-bar input').first()
  for (let i = 0; i < 24; i++) {
    const shown = await picker.inputValue()
    if (shown === d.slice(0, 7)) return
    await page.locator(`[data-test="${shown > d.slice(0, 7) ? 'cal-prev' : 'cal-next'}"]`).click()
    await page.waitForFunction((s) => document.querySelector('.presence-cal .cal-bar input')?.value !== s, shown)
  }
}
const halfCell = (page, r) => page.locator(`.day[data-day="${r.day}"] .half[data-half="${r.half}"]`)
const lastAudit = async (id) => (await stack.admin.get(`/audit?entity=presence&entity_id=${id}&page_size=5`)).items[0]

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`the presence calendar (${label}): 驳回 a selection, 撤销确认 and 改为缺勤 of reviewed half-days, each with a reason`, async () => {
    const all = (await stack.admin.get(`/presence?assignment_id=${fx.chenAssignment.id}&sort=day&page_size=500`)).items
    const confirmed = all.filter((r) => r.review_status === 'confirmed' && r.status === 'present')
    const pending = all.filter((r) => r.review_status === 'pending')
    // Each run takes its own half-days: the desktop run the first ones, the phone run the next.
    const k = label === 'desktop' ? 0 : 2
    const [toReopen, toAbsent] = [confirmed[k], confirmed[k + 1]]
    const toReject = pending[pending.length - 1 - (label === 'desktop' ? 0 : 1)]
    assert.ok(toReopen && toAbsent && toReject)

    const page = await stack.session('township_a', { viewport, path: `/support/assignments/${fx.chenAssignment.id}` })
    await page.locator('.presence-cal .half.present').first().waitFor()

    // 驳回所选: one pending half-day with a reason; it counts as absent.
    await showMonthOf(page, toReject.day)
    await halfCell(page, toReject).and(page.locator('[data-review="pending"]')).click()
    await page.locator('.presence-cal .cal-bar').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await stack.screenshot(page, `presence-calendar-select-${label}`)
    await page.locator('[data-test="reject-selected"]').click()
    const box = page.locator('.el-message-box:visible')
    await box.waitFor()
    assert.match(await box.innerText(), /驳回陈静 .*的签到\(计为缺勤\)/)
    await box.getByRole('button', { name: '驳回' }).click()
    await box.locator('.el-message-box__errormsg', { hasText: '须填写原因' }).waitFor()
    await box.locator('input').fill('当日外出未到岗')
    await box.getByRole('button', { name: '驳回' }).click()
    await halfCell(page, toReject).and(page.locator('[data-review="rejected"]')).waitFor()
    let row = await stack.admin.get(`/presence/${toReject.id}`)
    assert.equal(row.review_status, 'rejected')
    assert.equal(row.status, 'absent')

    // 撤销确认 of a confirmed half-day: the reason is required and audited.
    await page.keyboard.press('Escape')
    await showMonthOf(page, toReopen.day)
    await halfCell(page, toReopen).and(page.locator('[data-review="confirmed"]')).click()
    const dialog = page.locator('.review-dialog')
    await dialog.waitFor()
    assert.match(await dialog.locator('[data-test="review-what"]').innerText(), /在岗:.*已确认/)
    await stack.screenshot(page, `presence-calendar-review-${label}`)
    await dialog.locator('[data-test="review-reopen"]').click()
    await dialog.locator('.el-form-item__error', { hasText: '须填写原因' }).waitFor()
    await dialog.locator('textarea').fill('误点确认,待核实')
    await dialog.locator('[data-test="review-reopen"]').click()
    await halfCell(page, toReopen).and(page.locator('[data-review="pending"]')).waitFor()
    row = await stack.admin.get(`/presence/${toReopen.id}`)
    assert.equal(row.review_status, 'pending')
    assert.equal(row.status, 'present')
    const audit = await lastAudit(toReopen.id)
    assert.equal(audit.action, 'reopen')
    assert.match(JSON.stringify(audit), /误点确认,待核实/)

    // 改为缺勤 of a confirmed half-day: back to pending, then rejected with the reason.
    await showMonthOf(page, toAbsent.day)
    await halfCell(page, toAbsent).and(page.locator('[data-review="confirmed"]')).click()
    await dialog.waitFor()
    await dialog.locator('textarea').fill('核实当日未到岗')
    await dialog.locator('[data-test="review-absent"]').click()
    await halfCell(page, toAbsent).and(page.locator('[data-review="rejected"]')).waitFor()
    row = await stack.admin.get(`/presence/${toAbsent.id}`)
    assert.equal(row.review_status, 'rejected')
    assert.equal(row.status, 'absent')
    assert.equal(row.reason, '核实当日未到岗')

    // A rejected half-day is offered only 撤销确认 (it is absent already).
    await halfCell(page, toAbsent).click()
    await dialog.waitFor()
    assert.equal(await dialog.locator('[data-test="review-absent"]').count(), 0)
    await dialog.locator('textarea').fill('驳回有误')
    await dialog.locator('[data-test="review-reopen"]').click()
    await halfCell(page, toAbsent).and(page.locator('[data-review="pending"]')).waitFor()
    await stack.screenshot(page, `presence-calendar-${label}`)
    assert.deepEqual(page.errors.map(String), [])
    assert.deepEqual(unexpectedFailures(page), [])
    await page.context().close()
  })
}

test('the dispatched doctor sees a rejected check-in as 已驳回 with who rejected it and why (360 px)', async () => {
  const asg = await stack.admin.post('/assignments', {
    relationship_id: fx.relA.id, staff_id: stack.data.staff.li.id, recipient_institution_id: stack.data.institutions.townshipA.id,
    level: 'township', role: 'resident', planned_start: day(-5), planned_end: day(30), status: 'active',
  })
  const doctor = await stack.anon.login('doctor_li', PASSWORD)
  const p = await doctor.post('/presence', { assignment_id: asg.id, day: day(-1), half: 'am', status: 'present', client_id: 'lifecycle-li-1' })
  const township = await stack.anon.login('township_a', PASSWORD)
  await township.post(`/presence/${p.id}/reject`, { reason: '当日未在岗' })

  const page = await stack.session('doctor_li', { viewport: PHONE, path: '/m/records' })
  const item = page.locator(`[data-record="presence:${p.id}"]`)
  await item.locator('[data-state="rejected"]').waitFor()
  assert.match(await item.innerText(), /缺勤/)
  assert.match(await item.locator('[data-test="record-rejected"]').innerText(), /解放路卫生院 驳回\(计为缺勤\):当日未在岗/)
  await stack.screenshot(page, 'lifecycle-records-rejected-phone')
  assert.deepEqual(page.errors.map(String), [])
  assert.deepEqual(unexpectedFailures(page), [])
  await page.context().close()
})

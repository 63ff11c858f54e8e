// Issue 18 item 7: 在岗确认. 全部确认 asks first (how many half-days of whom) and a cancel
// confirms nothing; a GPS check-in says how far from the recipient's registered
// coordinates it was made. (驳回 with a reason, and the calendar's 撤销确认 / 改为缺勤,
// are in lifecycle.test.mjs.)
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, unexpectedFailures } from './harness.mjs'
import { seedSupport, day } from './support-fixtures.mjs'

let stack
let fx
before(async () => {
  stack = await startStack()
  fx = await seedSupport(stack)
  const { admin, data } = stack
  const t = await admin.get(`/institutions/${data.institutions.townshipA.id}`)
  await admin.patch(`/institutions/${t.id}`, { version: t.version, latitude: 36.667, longitude: 117.06 })
  // Two check-ins with GPS: one at the centre (≈ 300 m), one 12 km away.
  await admin.post('/presence', { assignment_id: fx.chenAssignment.id, day: day(-14), half: 'am', status: 'present', latitude: 36.6695, longitude: 117.0615 })
  await admin.post('/presence', { assignment_id: fx.chenAssignment.id, day: day(-14), half: 'pm', status: 'present', latitude: 36.775, longitude: 117.06 })
})
after(async () => {
  await stack?.stop()
})

const unconfirmed = async () => (await stack.admin.get(`/presence?assignment_id=${fx.chenAssignment.id}&confirmed=false&page_size=500`)).total

for (const [label, viewport, path] of [['desktop', DESKTOP, '/support/confirm'], ['phone', PHONE, '/m/confirm']]) {
  test(`在岗确认 (${label}): the GPS line gives the distance from the recipient; 全部确认 asks first`, async () => {
    const page = await stack.session('township_a', { viewport, path })
    await page.locator('[data-test="unconfirmed-count"]').waitFor()
    const near = page.locator(`[data-day="${day(-14)}"][data-half="am"] [data-test="gps"]`)
    await near.waitFor()
    assert.match(await near.innerText(), /定位在解放路街道卫生院附近\(相距\d+米/)
    const far = page.locator(`[data-day="${day(-14)}"][data-half="pm"] [data-test="gps"]`)
    assert.match(await far.innerText(), /定位距解放路街道卫生院1[12]\.\d公里/)
    assert.match((await far.getAttribute('class')) || '', /far/)
    await stack.screenshot(page, `presence-confirm-${label}`)

    const before = await unconfirmed()
    assert.ok(before > 0)
    if (label === 'desktop') {
      // Cancelled: nothing is confirmed.
      await page.locator('[data-test="confirm-all"]').click()
      const box = page.locator('.el-message-box:visible')
      await box.waitFor()
      assert.match(await box.innerText(), new RegExp(`确认 陈静 的 ${before} 个半天在岗`))
      await stack.screenshot(page, 'presence-confirm-prompt')
      await box.getByRole('button', { name: '取消' }).click()
      await box.waitFor({ state: 'hidden' })
      assert.equal(await unconfirmed(), before, 'a cancel confirms nothing')
    } else {
      await page.locator('[data-test="confirm-all"]').click()
      const box = page.locator('.el-message-box:visible')
      await box.waitFor()
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/presence/confirm') && r.status() === 200),
        box.getByRole('button', { name: '确认' }).click(),
      ])
      await page.locator('[data-test="all-confirmed"]').waitFor()
      assert.equal(await unconfirmed(), 0)
    }
    assert.deepEqual(page.errors.map(String), [])
    assert.deepEqual(unexpectedFailures(page), [])
    await page.context().close()
  })
}

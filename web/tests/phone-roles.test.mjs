// Issue 18 item 9: a field role (乡镇卫生院 too) on a narrow screen starts in the phone
// layout, with the console one tap away; the phone home shows only the tiles the user
// can use (巡诊登记 only for a round team's member, 签到 only with a dispatch running) and
// no stale "即将上线" line.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, PASSWORD, unexpectedFailures } from './harness.mjs'
import { seedSupport } from './support-fixtures.mjs'
import { seedRounds } from './rounds-fixtures.mjs'

let stack
before(async () => {
  stack = await startStack()
  await seedSupport(stack)
  await seedRounds(stack)
  // 陈静: dispatched (seedSupport), in no round team.
  await stack.admin.post('/users', { username: 'doctor_chen', display_name: '陈静', password: PASSWORD, role: 'doctor', staff_id: stack.data.staff.chen.id })
})
after(async () => {
  await stack?.stop()
})

const tiles = async (page) => {
  await page.locator('.tiles [data-tile="me"]').waitFor()
  await page.waitForLoadState('networkidle')
  return page.locator('.tiles [data-tile]').evaluateAll((els) => els.map((e) => e.dataset.tile))
}

test('a 乡镇卫生院 user signing in on a phone lands in the phone layout; 电脑版 opens the console', async () => {
  const page = await stack.login('township_a', { viewport: PHONE })
  await page.waitForURL((u) => u.pathname === '/m')
  const mine = await tiles(page)
  for (const k of ['confirm', 'rounds-visit', 'console']) assert.ok(mine.includes(k), `${k} is offered (${mine})`)
  assert.doesNotMatch(await page.locator('.m-home').innerText(), /即将上线/)
  await stack.screenshot(page, 'phone-home-township')
  await page.locator('[data-tile="console"]').click()
  await page.waitForURL((u) => u.pathname === '/' && !u.search.includes('layout'))
  await page.locator('[data-test="summary-region"]').waitFor()
  await page.reload()
  await page.locator('[data-test="summary-region"]').waitFor()
  assert.equal(new URL(page.url()).pathname, '/', 'the console stays once chosen')
  assert.deepEqual(page.errors.map(String), [])
  assert.deepEqual(unexpectedFailures(page), [])
  await page.context().close()
})

test('the same user at 1366 px gets the console dashboard', async () => {
  const page = await stack.login('township_a', { viewport: DESKTOP })
  await page.waitForURL((u) => u.pathname === '/')
  await page.locator('[data-test="summary-region"]').waitFor()
  await page.context().close()
})

for (const [user, has, hasNot] of [
  ['doctor_a', ['rounds-visit', 'records'], ['checkin', 'activity']], // a round team's member, not dispatched
  ['doctor_chen', ['checkin', 'activity', 'records'], ['rounds-visit']], // dispatched, in no team
  ['doctor_li', ['records'], ['checkin', 'activity', 'rounds-visit']], // neither
]) {
  test(`${user}'s phone home offers only what ${user} can do`, async () => {
    const page = await stack.session(user, { viewport: PHONE, path: '/m' })
    const mine = await tiles(page)
    for (const k of has) assert.ok(mine.includes(k), `${k} is offered (${mine})`)
    for (const k of hasNot) assert.ok(!mine.includes(k), `${k} is not offered (${mine})`)
    assert.doesNotMatch(await page.locator('.m-home').innerText(), /即将上线|您不是任何巡诊团队的成员/)
    const tabs = await page.locator('.phone-tabs [data-tab]').evaluateAll((els) => els.map((e) => e.dataset.tab))
    if (hasNot.includes('checkin')) assert.ok(!tabs.includes('checkin'), `no 签到 tab (${tabs})`)
    await stack.screenshot(page, `phone-home-${user}`)
    assert.deepEqual(page.errors.map(String), [])
    assert.deepEqual(unexpectedFailures(page), [])
    await page.context().close()
  })
}

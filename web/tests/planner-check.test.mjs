// Issue 18 item 4: the planner says which plan a check judged, and checks the proposal on
// screen before it is applied (not only the stored slots); the time-limit box is labelled;
// 排班明细 lists the week on screen.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, unexpectedFailures } from './harness.mjs'
import { seedRounds, addCoordinates, day } from './rounds-fixtures.mjs'

let stack
let fx
before(async () => {
  stack = await startStack()
  fx = await seedRounds(stack)
  await addCoordinates(stack)
  // 西关村 (no fixed doctor, relocation site) needs two visits a week (V2).
  await stack.admin.post('/village-assignments', { team_id: fx.teamA.id, village_code: '370102001002', start_date: day(-30) })
})
after(async () => {
  await stack?.stop()
})

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`the proposal on screen is checked before applying, and the check says which plan it judged (${label})`, async () => {
    const page = await stack.session('township_a', { viewport, path: '/rounds/planner' })
    page.setDefaultTimeout(20000)
    // The time limit box says what it is.
    const limit = page.locator('label', { has: page.locator('[data-test="time-limit"]') })
    assert.match(await limit.innerText(), /计算时限\(秒\)/)
    // 排班明细 asks for the week on screen.
    const range = await page.locator('.planner .muted').first().innerText()
    const [from, to] = range.split('~').map((s) => s.trim())
    const slotsAsked = page.waitForRequest((r) => r.url().includes('/api/v1/round-plan-slots?') && r.url().includes(`day_from=${from}`) && r.url().includes(`day_to=${to}`))
    await page.reload()
    await slotsAsked
    await page.locator('[data-test="plan-run"]').click()
    await page.locator('[data-test="plan-summary"]').waitFor({ timeout: 60000 })
    // The stored plan is empty: checking it lists shortfalls, and says it checked the stored slots.
    await page.locator('[data-test="plan-check"]').click()
    await page.locator('[data-test="checked-plan"]', { hasText: '已保存的排班' }).waitFor()
    assert.ok((await page.locator('[data-test="violation"]').count()) > 0)
    // The proposal on screen meets every rule.
    await page.locator('[data-test="plan-check-proposal"]').click()
    await page.locator('[data-test="checked-plan"]', { hasText: '尚未采用的方案' }).waitFor()
    await page.locator('[data-test="check-ok"]').waitFor()
    assert.equal(await page.locator('[data-test="violation"]').count(), 0)
    assert.equal((await stack.admin.get(`/round-plan-slots?team_id=${fx.teamA.id}`)).total, 0, 'checking writes nothing')
    await stack.screenshot(page, `planner-check-${label}`)
    assert.deepEqual(page.errors.map(String), [])
    assert.deepEqual(unexpectedFailures(page), [])
    await page.context().close()
  })
}

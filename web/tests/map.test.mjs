// Issue 18 item 14: a map drawn with ECharts from the county's own coordinates (township
// outlines around their villages, villages, institutions), the 包干 villages of each team
// and the check-ins against their recipient — with no request to any outside server.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, unexpectedFailures } from './harness.mjs'
import { seedSupport, day } from './support-fixtures.mjs'
import { seedRounds, addCoordinates } from './rounds-fixtures.mjs'

let stack
before(async () => {
  stack = await startStack()
  const fx = await seedSupport(stack)
  await seedRounds(stack)
  await addCoordinates(stack) // 解放路街道卫生院 at 36.667, 117.06
  // 陈静's GPS check-ins: one at the centre, one about 12 km north.
  await stack.admin.post('/presence', { assignment_id: fx.chenAssignment.id, day: day(-14), half: 'am', status: 'present', latitude: 36.6685, longitude: 117.0612 })
  await stack.admin.post('/presence', { assignment_id: fx.chenAssignment.id, day: day(-14), half: 'pm', status: 'present', latitude: 36.775, longitude: 117.06 })
})
after(async () => {
  await stack?.stop()
})

const layer = (page, name) => page.locator(`[data-test="map-summary"] [data-layer="${name}"]`)

for (const [user, label, viewport] of [['bureau_a', 'desktop', DESKTOP], ['bureau_a', 'phone', PHONE], ['township_a', 'phone', PHONE]]) {
  test(`the map of ${user} (${label}): outlines, villages, institutions, 包干, check-ins, all from this server`, async () => {
    const page = await stack.session(user, { viewport })
    const outside = []
    page.on('request', (r) => new URL(r.url()).host !== new URL(stack.base).host && !r.url().startsWith('data:') && outside.push(r.url()))
    await page.goto(`${stack.base}/map`)
    await page.locator('[data-test="map-chart"] canvas').first().waitFor({ timeout: 15000 })
    const n = async (name) => Number(await layer(page, name).first().getAttribute('data-n'))
    assert.ok((await n('townships')) >= 1, 'township outlines are drawn')
    assert.ok((await n('villages')) >= 2, 'villages are drawn')
    assert.ok((await n('institutions')) >= 1, 'the centre is drawn')
    const grid = await layer(page, 'grid').allInnerTexts()
    assert.ok(grid.some((g) => g.startsWith('解放路第一巡诊队') && g.includes('东关村')), grid.join(' | '))
    const checks = await page.locator('[data-test="map-summary"] [data-layer="checkin"]').evaluateAll((els) => els.map((e) => ({ far: e.dataset.far, text: e.textContent })))
    assert.ok(checks.some((c) => c.far === 'true' && /陈静.*1[12]\.\d公里/.test(c.text)), JSON.stringify(checks))
    assert.ok(checks.some((c) => c.far === 'false' && /陈静.*\d+米/.test(c.text)), JSON.stringify(checks))
    await page.waitForTimeout(500)
    await stack.screenshot(page, `map-${user}-${label}`)
    assert.deepEqual(outside, [], 'no request leaves the county server (no tiles)')
    assert.deepEqual(page.errors.map(String), [])
    assert.deepEqual(unexpectedFailures(page), [])
    await page.context().close()
  })
}

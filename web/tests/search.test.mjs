// Issue 18 item 13: the global search box finds institutions, villages and people by name
// within the user's scope, and opens what is picked. (Exact ID-number search waits for the
// person record of issue 14.)
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, tableRows, unexpectedFailures } from './harness.mjs'
import { seedSupport } from './support-fixtures.mjs'

let stack
before(async () => {
  stack = await startStack()
  await seedSupport(stack)
})
after(async () => {
  await stack?.stop()
})

async function search(page, text) {
  const box = page.locator('[data-test="global-search"]:visible').first()
  await box.click()
  const input = box.locator('input')
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/search?'))
  await input.fill(text)
  await answered
  await page.waitForTimeout(100)
}
const results = (page) => page.locator('.el-select-dropdown__item:visible').allInnerTexts()

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`the search box finds and opens an institution and a person in scope (${label})`, async () => {
    const page = await stack.session('bureau_a', { viewport, path: '/support/relationships' })
    if (label === 'phone') {
      await page.locator('[data-test="menu-toggle"]').click()
      await page.locator('.menu-drawer [data-test="global-search"]').waitFor()
    }
    await search(page, '卫生院')
    const found = await results(page)
    assert.ok(found.some((r) => r.includes('解放路街道卫生院')), found.join(' | '))
    assert.ok(!found.some((r) => r.includes('大观园街道卫生院')), 'county B is not county A’s to see')
    await stack.screenshot(page, `global-search-${label}`)
    await page.locator('.el-select-dropdown__item:visible', { hasText: '解放路街道卫生院' }).first().click()
    await page.waitForURL(/\/registry\/institutions\/\d+$/)

    if (label === 'phone') await page.locator('[data-test="menu-toggle"]').click()
    await search(page, '张伟')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '张伟' }).first().click()
    await page.waitForURL((u) => u.pathname === '/registry/staff' && u.searchParams.get('q') === '张伟')
    const rows = await tableRows(page)
    assert.ok(rows.length >= 1 && rows.every((r) => r.some((c) => c.includes('张伟'))), JSON.stringify(rows))
    assert.deepEqual(page.errors.map(String), [])
    assert.deepEqual(unexpectedFailures(page), [])
    await page.context().close()
  })
}

test('another county’s hospital finds nothing of county A, and no ID number travels', async () => {
  const page = await stack.session('hospital_b', { path: '/' })
  const bodies = []
  page.on('response', (r) => r.url().includes('/api/v1/search?') && bodies.push(r.text()))
  await search(page, '张伟')
  assert.deepEqual((await results(page)).filter((r) => r.includes('张伟')), [])
  for (const b of await Promise.all(bodies)) assert.doesNotMatch(b, /id_number|phone|\d{17}[\dX]/)
  await page.context().close()
})

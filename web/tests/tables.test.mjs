// Issue 18 item 8: long team names are not cut; presets show by title, not code; the
// overrides field has a label for people; the promotion ledger names a nurse's next title;
// wide and long tables keep their header in view and scroll sideways inside the table.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, tableRows, unexpectedFailures } from './harness.mjs'
import { seedSupport, day, thisYear } from './support-fixtures.mjs'

const LONG = '解放路街道健康管理巡诊服务团队第三队'
let stack
let fx
before(async () => {
  stack = await startStack()
  fx = await seedSupport(stack)
  const { admin, data } = stack
  await admin.post('/rounds-teams', { institution_id: data.institutions.townshipA.id, name: LONG, kind: 'health_management', has_vehicle: false, start_date: `${thisYear() - 1}-01-01` })
  // 李娜, 主管护师, is this year's candidate under a preset that wants a year at the grassroots first.
  const li = await admin.get(`/staff/${data.staff.li.id}`)
  await admin.patch(`/staff/${li.id}`, { version: li.version, title_code: '253', promotion_year: thisYear() })
  const rel = await admin.get(`/support-relationships/${fx.relA.id}`)
  await admin.patch(`/support-relationships/${rel.id}`, { version: rel.version, preset_id: 'promotion-grassroots-year', overrides: null })
  // Enough work records for a long page.
  for (let i = 1; i <= 20; i++) await admin.post('/activities', { assignment_id: fx.chenAssignment.id, day: day(-(i % 20) - 1), kind: 'clinic', quantity: i })
})
after(async () => {
  await stack?.stop()
})

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`a long team name is shown whole (${label})`, async () => {
    const page = await stack.session('township_a', { viewport, path: '/rounds/teams' })
    const cell = page.locator('.el-table__row .cell', { hasText: LONG }).first()
    await cell.waitFor()
    assert.equal(await cell.innerText(), LONG)
    const cut = await cell.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth)
    assert.equal(cut, false, 'the name is not cut off')
    await stack.screenshot(page, `rounds-teams-${label}`)
    assert.deepEqual(page.errors.map(String), [])
    assert.deepEqual(unexpectedFailures(page), [])
    await page.context().close()
  })
}

test('a relationship names its preset by title; the overrides field speaks to people', async () => {
  const page = await stack.session('bureau_a', { path: '/support/relationships' })
  const rows = await tableRows(page)
  const text = rows.map((r) => r.join(' ')).join('\n')
  assert.match(text, /晋升副主任医师前基层服务累计满一年/)
  assert.doesNotMatch(text, /huang-2013|promotion-grassroots-year/)
  await page.locator(`[data-test="edit-relationship-${fx.relA.id}"]`).click()
  const dialog = page.locator('.entity-dialog:visible')
  const label = await dialog.locator('[data-field="overrides"] .el-form-item__label').innerText()
  assert.doesNotMatch(label, /JSON/)
  assert.match(label, /个别参数调整/)
  await stack.screenshot(page, 'relationship-form')
  await page.context().close()
})

test('the promotion ledger names the nurse’s next title (副主任护师), not 副主任医师', async () => {
  const page = await stack.session('hospital_a', { path: '/support/promotion-ledger' })
  const rows = await tableRows(page)
  const li = rows.find((r) => r[0] === '李娜')
  assert.ok(li, '李娜 is a candidate')
  assert.match(li[li.length - 1], /晋升副主任护师前须满365天/)
  // (the cited clause itself may speak of 医师; the sentence does not)
  assert.doesNotMatch(li[li.length - 1].split(' (')[0], /副主任医师/)
  await page.context().close()
})

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`a long table keeps its header in view and scrolls sideways inside itself (${label})`, async () => {
    const page = await stack.session('hospital_a', { viewport, path: '/support/activities' })
    await page.locator('.el-table__row').nth(15).waitFor({ state: 'attached' })
    const wrap = page.locator('.pt-table .el-table__body-wrapper .el-scrollbar__wrap').first()
    const header = page.locator('.pt-table .el-table__header-wrapper').first()
    const before = await header.boundingBox()
    const dims = await wrap.evaluate((el) => ({ sh: el.scrollHeight, ch: el.clientHeight, sw: el.scrollWidth, cw: el.clientWidth }))
    assert.ok(dims.sh > dims.ch, 'the rows scroll inside the table')
    await wrap.evaluate((el) => el.scrollTo(0, 400))
    await page.waitForTimeout(100)
    const after = await header.boundingBox()
    assert.equal(Math.round(after.y), Math.round(before.y), 'the header stays where it was')
    if (label === 'phone') assert.ok(dims.sw > dims.cw, 'the wide table scrolls sideways')
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page itself does not')
    await stack.screenshot(page, `activities-scrolled-${label}`)
    await page.context().close()
  })
}

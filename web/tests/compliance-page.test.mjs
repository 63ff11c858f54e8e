// Issue 18 item 3: the compliance page. Every check has a Chinese label from one place
// (the server's catalog) in the table, chart, filter and xlsx; each finding cites its
// own rule; the rule filter lists every rule; a dashboard bar opens the page filtered to
// its rule; the chart's counts add up to the total; 依据 is in view at 1366 px.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, PASSWORD, tableRows, unexpectedFailures } from './harness.mjs'
import { seedSupport, thisYear } from './support-fixtures.mjs'
import { xlsxStrings } from './xlsx.mjs'

let stack
let api
before(async () => {
  stack = await startStack()
  await seedSupport(stack)
  const bureau = await stack.anon.login('bureau_a', PASSWORD)
  api = await bureau.get(`/compliance?from=${thisYear()}-01-01&to=${thisYear()}-12-31`)
  assert.ok(api.findings.length > 0, 'the fixtures break some rules')
})
after(async () => {
  await stack?.stop()
})

const waitReport = (page) => page.locator('[data-count="findings"] b').filter({ hasNotText: '—' }).waitFor()

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`checks are named in Chinese and every finding cites its own rule (${label})`, async () => {
    const page = await stack.session('bureau_a', { viewport, path: '/compliance' })
    await waitReport(page)
    const labels = await page.locator('[data-test="check-label"]').allInnerTexts()
    assert.ok(labels.length > 0)
    for (const l of labels) {
      assert.match(l, /[\u4e00-\u9fa5]/, `a Chinese label, not "${l}"`)
      assert.doesNotMatch(l, /[a-z]+\.[a-z_]+/, `no raw check key in "${l}"`)
    }
    if (label === 'desktop') {
      // Each row's 依据 starts with its own rule (D10 never quotes "D4,…", A2 never A1's goal).
      const rows = await page.locator('.findings .el-table__body-wrapper tr.el-table__row').evaluateAll((trs) =>
        trs.map((tr) => ({ rule: tr.querySelector('[data-rule]')?.dataset.rule, cite: tr.querySelector('[data-test="citation"]')?.innerText || '' })),
      )
      for (const r of rows) assert.ok(r.cite.startsWith(`${r.rule},`) || r.cite.startsWith(`${r.rule}/`) || r.cite.includes(`/${r.rule},`), `${r.rule}: ${r.cite}`)
      // 依据 wraps: nothing of the row is cut off at 1366 px.
      const overflow = await page.locator('.findings .el-table__body-wrapper .el-scrollbar__wrap').evaluate((el) => el.scrollWidth - el.clientWidth)
      assert.ok(overflow <= 1, `the findings table fits the page (overflow ${overflow}px)`)
    }
    await stack.screenshot(page, `compliance-${label}`)
    assert.deepEqual(page.errors.map(String), [])
    assert.deepEqual(unexpectedFailures(page), [])
    await page.context().close()
  })
}

test('the API cites every finding by its own rule', () => {
  for (const f of api.findings) {
    assert.ok(f.citation.startsWith(`${f.rule},`) || f.citation.startsWith(`${f.rule}/`) || f.citation.includes(`/${f.rule},`), `${f.rule} ${f.check}: ${f.citation}`)
    assert.notEqual(f.check_label, f.check)
  }
})

test('the rule filter lists every rule of the catalog; the chart adds up to the total', async () => {
  const page = await stack.session('bureau_a', { path: '/compliance' })
  await waitReport(page)
  await page.locator('[data-test="rule-filter"] .el-select__wrapper').click()
  const options = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
  for (const r of api.rules) assert.ok(options.some((o) => o.startsWith(`${r.rule} ${r.label}`)), `${r.rule} is offered`)
  for (const r of ['A3', 'A7', 'D5']) assert.ok(options.some((o) => o.startsWith(`${r} `)), `${r} is offered`)
  await page.keyboard.press('Escape')
  const failed = await page.locator('[data-test="check-counts"] li').evaluateAll((lis) => lis.reduce((a, li) => a + Number(li.dataset.failed), 0))
  assert.equal(failed, Number(await page.locator('[data-count="findings"] b').innerText()), 'the chart’s failed counts add up to the 问题 above it')
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('a dashboard bar opens the compliance page filtered to its rule', async () => {
  const page = await stack.session('bureau_a', { path: '/' })
  const chart = page.locator('[data-test="compliance-chart"]')
  await chart.scrollIntoViewIfNeeded()
  await chart.locator('canvas').first().waitFor()
  await page.waitForTimeout(600) // the bars grow in
  const box = await chart.boundingBox()
  // Click along the bars' baseline until one opens the page on its rule (a click beside
  // the bars opens the whole page: back to the dashboard then).
  for (let x = box.x + 40; x < box.x + box.width - 10 && !page.url().includes('rule='); x += 12) {
    await page.mouse.click(x, box.y + box.height - 36)
    await page.waitForTimeout(80)
    if (new URL(page.url()).pathname === '/compliance' && !page.url().includes('rule=')) {
      await page.goBack()
      await chart.locator('canvas').first().waitFor()
      await page.waitForTimeout(600)
    }
  }
  await page.waitForURL(/\/compliance\?rule=/)
  const rule = new URL(page.url()).searchParams.get('rule')
  await waitReport(page)
  assert.match(await page.locator('[data-test="rule-filter"]').innerText(), new RegExp(`^${rule} `))
  const rows = await tableRows(page)
  assert.ok(rows.length > 0)
  const rules = await page.locator('.findings [data-rule]').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.rule))])
  assert.deepEqual(rules, [rule])
  assert.equal(Number(await page.locator('[data-count="findings"] b').innerText()), api.findings.filter((f) => f.rule === rule).length)
  await stack.screenshot(page, 'compliance-filtered')
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('the xlsx names each check in Chinese and keeps the rule filter', async () => {
  const page = await stack.session('bureau_a', { path: `/compliance?rule=${api.findings[0].rule}` })
  await waitReport(page)
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="compliance-export"]').click()])
  const strings = await xlsxStrings(await download.path())
  const keys = [...new Set(api.findings.map((f) => f.check))]
  for (const k of keys) assert.ok(!strings.includes(k), `no raw key ${k} in the sheet`)
  const mine = api.findings.filter((f) => f.rule === api.findings[0].rule)
  for (const f of mine) assert.ok(strings.includes(f.check_label), `${f.check_label} is in the sheet`)
  await page.context().close()
})

// Issue 18 item 12: the report pages print (a print stylesheet: no menu, header or buttons)
// and download as xlsx — promotion ledger, fee statements, annual summary, compliance —
// and the summary paragraph has a copy button.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { startStack, DESKTOP, PHONE, unexpectedFailures } from './harness.mjs'
import { seedSupport, thisYear } from './support-fixtures.mjs'
import { xlsxStrings } from './xlsx.mjs'

let stack
before(async () => {
  stack = await startStack()
  await seedSupport(stack)
})
after(async () => {
  await stack?.stop()
})

const PAGES = [
  ['promotion-ledger', '/support/promotion-ledger', 'hospital_a', '[data-test="report-export"]', `晋升资格台账_${thisYear()}.xlsx`, '陈静'],
  ['annual-summary', '/support/annual-summary', 'bureau_a', '[data-test="report-export"]', `年度工作总结数据_${thisYear()}.xlsx`, '解放路街道卫生院'],
  ['compliance', '/compliance', 'bureau_a', '[data-test="compliance-export"]', '问题清单.xlsx', null],
]

for (const [name, path, user, exportButton, file, text] of PAGES) {
  test(`${name} downloads as xlsx and prints without the menu and buttons`, async () => {
    const page = await stack.session(user, { path })
    await page.locator('.el-table__row').first().waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(exportButton).first().click()])
    assert.equal(download.suggestedFilename(), file)
    const bytes = await readFile(await download.path())
    assert.equal(bytes.subarray(0, 2).toString(), 'PK')
    if (text) assert.ok((await xlsxStrings(await download.path())).some((s) => s.includes(text)), `${text} is in the sheet`)

    await page.evaluate(() => {
      window.__printed = 0
      window.print = () => window.__printed++
    })
    await page.locator('[data-test="report-print"]').click()
    assert.equal(await page.evaluate(() => window.__printed), 1)
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('.aside').isVisible(), false)
    assert.equal(await page.locator('.header').isVisible(), false)
    assert.equal(await page.locator('[data-test="report-print"]').isVisible(), false)
    assert.ok(await page.locator('.print-title').first().isVisible())
    await stack.screenshot(page, `print-${name}`)
    await page.emulateMedia({ media: 'screen' })
    assert.deepEqual(page.errors.map(String), [])
    assert.deepEqual(unexpectedFailures(page), [])
    await page.context().close()
  })
}

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`the summary paragraph is copied with one click (${label})`, async () => {
    const page = await stack.session('bureau_a', { viewport, path: '/support/annual-summary', context: { permissions: ['clipboard-read', 'clipboard-write'] } })
    const para = page.locator('[data-test="summary-text"]')
    await para.waitFor()
    await page.locator('[data-test="copy-summary"]').click()
    await page.locator('.el-message--success', { hasText: '已复制' }).waitFor()
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), (await para.innerText()).trim())
    await stack.screenshot(page, `annual-summary-${label}`)
    await page.context().close()
  })
}

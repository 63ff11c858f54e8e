// The counterpart-support pages of the console: scope (hospital B cannot open hospital
// A's assignment or relationship), the promotion ledger and fee statements with rows,
// the agreement scan upload/download, a server message at the field it names, the
// compliance export, alliance membership history and the policy parameters.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { startStack, PASSWORD, fillField, fieldError, tableRows } from './harness.mjs'
import { seedSupport, thisYear, day } from './support-fixtures.mjs'

let stack
let fx
before(async () => {
  stack = await startStack()
  fx = await seedSupport(stack)
})
after(async () => {
  await stack?.stop()
})

test("hospital B cannot open hospital A's assignment or relationship; its own lists hold only its own", async () => {
  const page = await stack.session('hospital_b')
  await page.goto(`${stack.base}/support/assignments/${fx.chenAssignment.id}`)
  const box = page.locator('[data-test="no-access"]')
  await box.waitFor()
  assert.match(await box.innerText(), /无权访问或记录不存在/)
  assert.match(await box.innerText(), /不存在或无权访问/)
  let body = await page.locator('body').innerText()
  assert.ok(!body.includes('陈静') && !body.includes('解放路街道卫生院'), 'nothing of the other hospital is shown')

  await page.goto(`${stack.base}/support/relationships/${fx.relA.id}`)
  await page.locator('[data-test="no-access"]').waitFor()
  body = await page.locator('body').innerText()
  assert.ok(!body.includes('历下区人民医院'))

  // Its own assignment opens; the roster holds only its own staff.
  await page.goto(`${stack.base}/support/assignments/${fx.relBAssignment.id}`)
  await page.locator('[data-test="assignment-name"]', { hasText: '赵敏 → 大观园街道卫生院' }).waitFor()
  await page.goto(`${stack.base}/support/assignments`)
  const rows = await tableRows(page)
  assert.equal(rows.length, 1)
  assert.equal(rows[0][0], '赵敏')
  // The menu follows the role.
  const menu = await page.locator('.app-menu').innerText()
  for (const item of ['对口支援关系', '派驻人员', '在岗确认', '晋升资格台账', '劳务费结算', '合规检查', '政策方案']) assert.match(menu, new RegExp(item))
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()

  // A township has no promotion ledger in its menu (its staff are not dispatched).
  const tw = await stack.session('township_a')
  const twMenu = await tw.locator('.app-menu').innerText()
  assert.ok(!twMenu.includes('晋升资格台账'))
  assert.match(twMenu, /在岗确认/)
  await tw.context().close()
})

test('the promotion ledger lists this year’s candidates with the reasons and citations', async () => {
  const page = await stack.session('hospital_a', { path: '/support/promotion-ledger' })
  const rows = await tableRows(page)
  const chen = rows.find((r) => r[0] === '陈静')
  const zhang = rows.find((r) => r[0] === '张伟')
  assert.ok(chen && zhang, 'both candidates are listed')
  assert.ok(chen.includes('不符合'))
  const reasons = chen[chen.length - 1]
  assert.match(reasons, /本年度派驻服务不足6个月/)
  assert.match(reasons, /《黄\*区人民医院2013年度与基层医疗机构对口协作工作方案》/)
  assert.ok(zhang.includes('符合'), '张伟 (not dispatched this year) is eligible')
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('fee statements show the month per person and per payer', async () => {
  // The month of yesterday's check-ins (on the 1st, this month has no days on site yet).
  const page = await stack.session('hospital_a', { path: `/support/fee-statements?month=${day(-1).slice(0, 7)}` })
  const rows = await tableRows(page)
  const chen = rows.find((r) => r.includes('陈静'))
  assert.ok(chen, '陈静 has a statement this month')
  assert.ok(chen.includes('历下区人民医院') && chen.includes('解放路街道卫生院'))
  const cards = page.locator('[data-test="payer-card"]')
  await cards.first().waitFor()
  const payers = await cards.allInnerTexts()
  assert.ok(payers.some((p) => p.includes('历下区人民医院')), 'the home hospital pays the allowance')
  // Picking a payer narrows the rows to what it pays.
  await cards.filter({ hasText: '历下区人民医院' }).click()
  await page.locator('[data-test="fee-total"]').waitFor()
  const api = await stack.admin.get(`/fee-statements?month=${day(-1).slice(0, 7)}`)
  const allowance = api.items.filter((i) => i.allowance_payer === '历下区人民医院').reduce((a, i) => a + i.allowance, 0)
  assert.match(await page.locator('[data-test="fee-total"]').innerText(), new RegExp(allowance.toLocaleString('zh-CN')))
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('the signed agreement scan is uploaded, refused when not a PDF/PNG/JPEG, and downloaded back', async () => {
  const page = await stack.session('hospital_a', { path: `/support/relationships/${fx.relA.id}?tab=agreements` })
  await tableRows(page)
  const id = fx.agreement.id
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
  const choose = async (file) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(`[data-test="upload-${id}"]`).click()])
    await chooser.setFiles(file)
  }
  await choose({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') })
  await page.locator('[data-test="upload-error"]', { hasText: '扫描件须为PDF、PNG或JPEG文件' }).waitFor()

  await choose({ name: '对口支援协议.pdf', mimeType: 'application/pdf', buffer: pdf })
  await page.locator('.el-table__row', { hasText: '对口支援协议.pdf' }).waitFor()
  const stored = await stack.admin.get(`/agreements/${id}`)
  assert.equal(stored.document_name, '对口支援协议.pdf')
  assert.equal(stored.document_type, 'application/pdf')
  assert.equal(stored.document_size, pdf.length)

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-test="download-${id}"]`).click()])
  assert.equal(download.suggestedFilename(), '对口支援协议.pdf')
  assert.deepEqual(await readFile(await download.path()), pdf)

  // Unfolded: the agreement's text and its quantified targets.
  await page.locator('.el-table__row', { hasText: '对口支援协议.pdf' }).locator('.el-table__expand-icon').click()
  const body = page.locator('.agreement-body:visible')
  await body.locator('.crud-table[data-kind="agreement_target"] .el-table__row:visible', { hasText: '门诊人次增长10%' }).first().waitFor()
  assert.match(await body.innerText(), /提升受援卫生院常见病诊疗能力/)
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('the relationship form shows the server’s message at 参数覆盖 and saves once corrected', async () => {
  const page = await stack.session('bureau_a', { path: `/support/relationships/${fx.relA.id}` })
  await page.locator('[data-test="relationship-name"]', { hasText: '历下区人民医院 → 解放路街道卫生院' }).waitFor()
  await page.locator('[data-test="edit-relationship"]').click()
  const dialog = page.locator('.entity-dialog:visible')
  await dialog.waitFor()
  await page.waitForFunction(() => [...document.querySelectorAll('.entity-dialog textarea')].some((t) => t.value.includes('compensation')))
  await fillField(dialog, 'overrides', '{"dispatch.min_days_per_weak": 4}')
  await dialog.getByRole('button', { name: '保存' }).click()
  await fieldError(dialog, 'overrides').waitFor()
  assert.equal((await fieldError(dialog, 'overrides').innerText()).trim(), '参数覆盖无效: 未知的政策参数 dispatch.min_days_per_weak')
  await fillField(dialog, 'overrides', '{"dispatch.min_days_per_week": 4}')
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.waitFor({ state: 'hidden' })
  assert.equal((await stack.admin.get(`/support-relationships/${fx.relA.id}`)).overrides, '{"dispatch.min_days_per_week": 4}')
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('the compliance page: counts per check, filters, and the xlsx export', async () => {
  const page = await stack.session('bureau_a', { path: '/compliance' })
  await page.locator('[data-count="findings"] b').filter({ hasNotText: '—' }).waitFor()
  await page.locator('.compliance canvas').first().waitFor()
  const all = Number(await page.locator('[data-count="findings"] b').innerText())
  const bureau = await stack.anon.login('bureau_a', PASSWORD)
  const api = await bureau.get(`/compliance?from=${thisYear()}-01-01&to=${thisYear()}-12-31`)
  assert.ok(api.findings.every((f) => f.region_code.startsWith('370102')), "only county A's findings")
  assert.equal(all, api.total)
  // Warnings only.
  await page.locator('[data-test="severity-filter"] .el-select__wrapper').click()
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('severity=warning')),
    page.locator('.el-select-dropdown__item:visible', { hasText: '提醒' }).click(),
  ])
  await page.waitForFunction(() => !document.querySelector('.compliance .el-loading-mask'))
  const rows = await tableRows(page)
  const warnings = api.findings.filter((f) => f.severity === 'warning').length
  assert.equal(Number(await page.locator('[data-count="findings"] b').innerText()), warnings)
  assert.ok(rows.length === Math.min(warnings, 20))
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="compliance-export"]').click()])
  assert.equal(download.suggestedFilename(), '问题清单.xlsx')
  assert.equal((await readFile(await download.path())).subarray(0, 2).toString(), 'PK')
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('an alliance keeps its membership history; a policy lists its parameters with citations', async () => {
  const page = await stack.session('bureau_a', { path: `/support/alliances/${fx.alliance.id}` })
  await page.locator('[data-test="alliance-name"]', { hasText: '历下区县域医共体' }).waitFor()
  const rows = await tableRows(page)
  const township = rows.filter((r) => r[0] === '解放路街道卫生院')
  assert.equal(township.length, 2, 'both membership periods are listed')
  assert.ok(township.some((r) => r.some((c) => /^已退出/.test(c))))
  assert.ok(township.some((r) => r.some((c) => /^在册/.test(c))))

  await page.goto(`${stack.base}/policies`)
  await page.locator('[data-test="policy-huang-2013"]').click()
  await page.locator('[data-test="policy-title"]', { hasText: '黄*区人民医院2013年度对口协作方案' }).waitFor()
  const params = await tableRows(page)
  const weekly = params.find((r) => r[0].includes('dispatch.min_days_per_week'))
  assert.ok(weekly)
  assert.match(weekly[1], /^3/)
  assert.match(weekly[3], /每周在对口医疗机构工作时间不得少于3个工作日/)
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

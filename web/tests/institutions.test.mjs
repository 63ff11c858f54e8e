// Create and edit an institution through the dialog: the server's Chinese validation
// message appears next to the field it names, the user fixes it, the row is saved
// (PATCH with version), and the audit log shows the before/after of the change.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, chooseOption, pickRef, fillField, expectFieldError, tableRows } from './harness.mjs'

let stack
let page
before(async () => {
  stack = await startStack()
  page = await stack.session('bureau_a')
})
after(async () => {
  await stack?.stop()
})

const dialog = () => page.locator('.entity-dialog:visible')
const save = () => dialog().getByRole('button', { name: '保存' }).click()

test('a new 中心卫生院 at county level is refused next to 所在区划, then saved in a township', async () => {
  await page.goto(`${stack.base}/registry/institutions`)
  assert.equal((await tableRows(page)).length, 5, 'bureau A sees the five institutions of county A')
  await page.locator('[data-test="create"]').click()
  await dialog().waitFor()
  await fillField(dialog(), 'code', 'T370102002')
  await fillField(dialog(), 'name', '千佛山街道卫生院')
  await chooseOption(page, dialog(), 'kind', '中心卫生院')
  await pickRef(page, dialog(), 'region_code', '历下', '历下区')
  await fillField(dialog(), 'beds', 35)
  await save()

  assert.equal(await expectFieldError(dialog(), 'region_code'), '乡镇卫生院须位于乡镇(12位乡级区划代码)')
  assert.match(await dialog().locator('.el-alert').innerText(), /请按提示修改/)

  await pickRef(page, dialog(), 'region_code', '千佛山', '千佛山街道')
  await save()
  await dialog().waitFor({ state: 'hidden' })
  await page.locator('.el-message--success').first().waitFor()

  const rows = await tableRows(page)
  const row = rows.find((r) => r.includes('千佛山街道卫生院'))
  assert.ok(row, 'the new institution is listed')
  assert.ok(row.includes('中心卫生院'))
  const created = (await stack.admin.get('/institutions?q=T370102002')).items[0]
  assert.equal(created.region_code, '370102002000')
  assert.equal(created.beds, 35)
  assert.equal(created.version, 1)
})

test('editing sends the version; a bad phone number is shown at 联系电话, then fixed', async () => {
  const target = (await stack.admin.get('/institutions?q=T370102002')).items[0]
  await page.locator(`[data-test="edit-${target.id}"]`).click()
  await dialog().waitFor()
  // The dialog reads the row again before editing.
  await page.waitForFunction(() => document.querySelector('.entity-dialog input')?.value)
  await fillField(dialog(), 'beds', 60)
  await fillField(dialog(), 'phone', '12ab')
  await save()
  assert.equal(await expectFieldError(dialog(), 'phone'), '联系电话格式无效')

  await fillField(dialog(), 'phone', '0531-88886666')
  await save()
  await dialog().waitFor({ state: 'hidden' })
  const after = await stack.admin.get(`/institutions/${target.id}`)
  assert.equal(after.beds, 60)
  assert.equal(after.phone, '0531-88886666')
  assert.equal(after.version, 2)
  assert.equal(after.code, 'T370102002', 'unchanged fields are left alone')
})

test('a stale copy gets the version conflict message, and reload fixes it', async () => {
  const target = (await stack.admin.get('/institutions?q=T370102002')).items[0]
  await page.locator(`[data-test="edit-${target.id}"]`).click()
  await dialog().waitFor()
  await page.waitForFunction(() => document.querySelector('.entity-dialog input')?.value)
  // Someone else saves first.
  await stack.admin.patch(`/institutions/${target.id}`, { version: target.version, address: '千佛山路1号' })
  await fillField(dialog(), 'beds', 70)
  await save()
  await dialog().locator('.el-alert', { hasText: '记录已被他人修改' }).waitFor()
  await dialog().getByRole('button', { name: '重新加载' }).click()
  await page.waitForFunction(() => [...document.querySelectorAll('.entity-dialog input')].some((i) => i.value === '千佛山路1号'))
  await fillField(dialog(), 'beds', 70)
  await save()
  await dialog().waitFor({ state: 'hidden' })
  const after = await stack.admin.get(`/institutions/${target.id}`)
  assert.equal(after.beds, 70)
  assert.equal(after.address, '千佛山路1号')
})

test('the audit log shows the change with before and after', async () => {
  await page.goto(`${stack.base}/audit`)
  await tableRows(page)
  const target = (await stack.admin.get('/institutions?q=T370102002')).items[0]
  const rows = await tableRows(page)
  // Columns: expand, time, action, object, record, user, region, address. The oldest update is the first edit.
  const index = rows.findLastIndex((r) => r[2] === '修改' && r[3] === '医疗卫生机构' && r[4] === String(target.id))
  assert.ok(index >= 0, 'the update is logged')
  await page.locator('.el-table__body-wrapper tr.el-table__row').nth(index).locator('.el-table__expand-icon').click()
  const diff = page.locator('.el-table__expanded-cell [data-test="audit-diff"]').first()
  await diff.waitFor()
  const changed = diff.locator('tr.changed', { hasText: '编制床位' })
  await changed.waitFor()
  assert.equal((await changed.locator('.before').innerText()).trim(), '35')
  assert.equal((await changed.locator('.after').innerText()).trim(), '60')
})

test('the export button downloads the list as xlsx', async () => {
  await page.goto(`${stack.base}/registry/institutions`)
  await tableRows(page)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()])
  assert.match(download.suggestedFilename(), /\.xlsx$/)
  const path = await download.path()
  const { readFile } = await import('node:fs/promises')
  const bytes = await readFile(path)
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an xlsx (zip) file')
})

test('deactivating asks first and removes the row from the list', async () => {
  await page.goto(`${stack.base}/registry/institutions`)
  const before = await tableRows(page)
  const row = page.locator('.el-table__row', { hasText: '千佛山街道卫生院' })
  await row.getByRole('button', { name: '停用' }).click()
  await page.locator('.el-message-box').getByRole('button', { name: '停用' }).click()
  await page.locator('.el-message--success', { hasText: '已停用' }).waitFor()
  await page.waitForFunction((n) => document.querySelectorAll('.el-table__body-wrapper tr.el-table__row').length === n, before.length - 1)
  const target = (await stack.admin.get('/institutions?q=T370102002&active=all')).items[0]
  assert.equal(target.active, false)
  assert.deepEqual(page.errors, [])
})

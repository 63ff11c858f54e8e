// Admin pages: the lazy region tree, creating a region (with a code error first),
// village filters, and accounts (create with role + scope anchor, reset password,
// unlock).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, tableRows, fillField, fieldError, chooseOption, pickRef, formItem, PASSWORD, Api } from './harness.mjs'

let stack
let page
before(async () => {
  stack = await startStack()
  page = await stack.session('admin')
})
after(async () => {
  await stack?.stop()
})

const dialog = () => page.locator('.entity-dialog:visible')

test('the region tree loads children on demand with ?parent_code=', async () => {
  const asked = []
  page.on('request', (r) => {
    const u = new URL(r.url())
    if (u.pathname === '/api/v1/regions' && u.searchParams.get('parent_code')) asked.push(u.searchParams.get('parent_code'))
  })
  await page.goto(`${stack.base}/registry/regions`)
  const tree = page.locator('.region-tree')
  await tree.locator('[data-code="370000"]').waitFor()
  assert.deepEqual(asked, [], 'nothing below the provinces is fetched up front')
  const expand = async (code) => {
    await tree.locator('.el-tree-node__content', { has: page.locator(`[data-code="${code}"]`) }).locator('.el-tree-node__expand-icon').click()
  }
  await expand('370000')
  await tree.locator('[data-code="370100"]').waitFor()
  await expand('370100')
  await tree.locator('[data-code="370102"]').waitFor()
  assert.ok(!tree.locator('[data-code="370102001000"]').count || (await tree.locator('[data-code="370102001000"]').count()) === 0)
  assert.deepEqual(asked.filter((c) => c !== '370000' && c !== '370100'), [])
  await expand('370102')
  await tree.locator('[data-code="370102001000"]').click()
  await page.locator('.list .card-title', { hasText: '解放路街道' }).waitFor()
  await page.waitForFunction(() => document.querySelectorAll('.list .el-table__row').length === 2)
  const rows = await tableRows(page.locator('.list'))
  assert.deepEqual(rows.map((r) => r[1]).sort(), ['东关村', '西关村'].sort())
})

test('a new village region: a bad code is refused at 区划代码, a good one is saved', async () => {
  await page.locator('[data-test="create"]').click()
  await dialog().waitFor()
  assert.equal(await formItem(dialog(), 'parent_code').locator('input').inputValue(), '370102001000')
  await fillField(dialog(), 'code', '37010200100')
  await fillField(dialog(), 'name', '新华村')
  await dialog().getByRole('button', { name: '保存' }).click()
  await fieldError(dialog(), 'code').waitFor()
  assert.match(await fieldError(dialog(), 'code').innerText(), /区划代码无效/)
  await fillField(dialog(), 'code', '370102001003')
  await dialog().getByRole('button', { name: '保存' }).click()
  await dialog().waitFor({ state: 'hidden' })
  await page.waitForFunction(() => document.querySelectorAll('.list .el-table__row').length === 3)
  const r = await stack.admin.get('/regions/370102001003')
  assert.equal(r.level, 5)
  assert.equal(r.parent_code, '370102001000')
})

test('villages filter by 搬迁安置点', async () => {
  await page.goto(`${stack.base}/registry/villages`)
  assert.equal((await tableRows(page)).length, 4)
  await page.locator('.pt-toolbar .el-select', { hasText: '搬迁安置点' }).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '是' }).click()
  await page.waitForFunction(() => document.querySelectorAll('.el-table__row').length === 1)
  const rows = await tableRows(page)
  assert.equal(rows[0][0], '西关村')
  assert.ok(rows[0].includes('830'))
})

test('an account for a hospital: role, then its institution; the user can sign in', async () => {
  await page.goto(`${stack.base}/admin/users`)
  await tableRows(page)
  await page.locator('[data-test="create"]').click()
  await dialog().waitFor()
  await fillField(dialog(), 'username', 'tcm_office')
  await fillField(dialog(), 'display_name', '中医院医务科')
  await fillField(dialog(), 'password', 'short')
  await chooseOption(page, dialog(), 'role', '医院/医务科')
  assert.equal(await formItem(dialog(), 'region_code').count(), 0, 'no region for a hospital account')
  await dialog().getByRole('button', { name: '保存' }).click()
  await fieldError(dialog(), 'institution_id').waitFor() // required, checked before sending
  await pickRef(page, dialog(), 'institution_id', '中医', '历下区中医医院')
  await dialog().getByRole('button', { name: '保存' }).click()
  await fieldError(dialog(), 'password').waitFor()
  assert.equal((await fieldError(dialog(), 'password').innerText()).trim(), '密码至少8位')
  await fillField(dialog(), 'password', 'Tcm2024office')
  await dialog().getByRole('button', { name: '保存' }).click()
  await dialog().waitFor({ state: 'hidden' })
  const row = page.locator('.el-table__row', { hasText: 'tcm_office' })
  await row.waitFor()
  await row.locator('.ref-name', { hasText: '历下区中医医院' }).waitFor()
  const me = await (await stack.anon.login('tcm_office', 'Tcm2024office')).get('/auth/me')
  assert.equal(me.role, 'hospital')
  assert.equal(me.institution_id, stack.data.institutions.tcmA.id)
})

test('reset a password, and unlock a locked account', async () => {
  const row = page.locator('.el-table__row', { hasText: 'tcm_office' })
  await row.getByRole('button', { name: '重置密码' }).click()
  const box = page.locator('.el-message-box')
  await box.locator('input').fill('New2024office')
  await box.getByRole('button', { name: '确定' }).click()
  await page.locator('.el-message--success', { hasText: '密码已重置' }).waitFor()
  await assert.doesNotReject(stack.anon.login('tcm_office', 'New2024office'))

  for (let i = 0; i < 5; i++) await stack.anon.login('tcm_office', 'wrong-pass-1').catch(() => {})
  await assert.rejects(stack.anon.login('tcm_office', 'New2024office'), (e) => e.status === 423)
  await page.reload()
  await row.locator('.el-tag', { hasText: '已锁定' }).waitFor()
  await row.getByRole('button', { name: '解锁' }).click()
  await page.locator('.el-message--success', { hasText: '已解锁' }).waitFor()
  await row.locator('.el-tag', { hasText: '正常' }).waitFor()
  await assert.doesNotReject(stack.anon.login('tcm_office', 'New2024office'))
  assert.deepEqual(page.errors, [])
})

test('a bureau cannot pick the admin role', async () => {
  const bureau = await stack.session('bureau_a')
  await bureau.goto(`${stack.base}/admin/users`)
  await tableRows(bureau)
  await bureau.locator('[data-test="create"]').click()
  const d = bureau.locator('.entity-dialog:visible')
  await d.waitFor()
  await formItem(d, 'role').locator('.el-select__wrapper').click()
  await bureau.locator('.el-select-dropdown__item:visible').first().waitFor()
  const options = await bureau.locator('.el-select-dropdown__item:visible').allInnerTexts()
  assert.ok(!options.includes('系统管理员'), options.join(','))
  assert.ok(options.includes('医院/医务科'), options.join(','))
  await bureau.context().close()
})

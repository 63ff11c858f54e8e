// 医务人员: lists show ID and phone numbers masked as the server sends them; editing
// reads the row in full and never writes a masked value back.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, tableRows, fillField, expectFieldError, formItem, chooseOption, pickRef, idNumber } from './harness.mjs'

let stack
before(async () => {
  stack = await startStack()
})
after(async () => {
  await stack?.stop()
})

const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/
const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/

test('the staff list shows masked ID numbers and phones only', async () => {
  const page = await stack.session('bureau_a')
  await page.goto(`${stack.base}/registry/staff`)
  const rows = await tableRows(page)
  assert.equal(rows.length, 5, 'the five staff of county A')
  const ids = await page.locator('[data-test="id-number"]').allInnerTexts()
  assert.equal(ids.length, 5)
  for (const id of ids) assert.match(id.trim(), MASKED_ID)
  const html = await page.content()
  for (const s of Object.values(stack.data.staff)) {
    const full = (await stack.admin.get(`/staff/${s.id}`)).id_number
    assert.ok(!html.includes(full), `full ID of ${s.name} is not in the page`)
  }
  const zhang = rows.find((r) => r[0] === '张伟')
  assert.ok(zhang.some((c) => MASKED_PHONE.test(c)), 'phone masked')
  assert.ok(zhang.includes('主治医师'), 'title shown by its name')
  await page.context().close()
})

test('editing a staff member keeps the ID number intact', async () => {
  const page = await stack.session('hospital_a')
  await page.goto(`${stack.base}/registry/staff`)
  const rows = await tableRows(page)
  assert.equal(rows.length, 3, 'a hospital sees its own staff')
  const row = page.locator('.el-table__row', { hasText: '李娜' })
  await row.getByRole('button', { name: '编辑' }).click()
  const dialog = page.locator('.entity-dialog:visible')
  await dialog.waitFor()
  await page.waitForFunction(() => [...document.querySelectorAll('.entity-dialog input')].some((i) => i.value === '李娜'))
  // The writer's dialog holds the number in full (read with GET /staff/{id}).
  const shown = await formItem(dialog, 'id_number').locator('input').inputValue()
  assert.equal(shown, stack.data.staff.li.id_number)
  await chooseOption(page, dialog, 'title_code', '主管护师')
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.waitFor({ state: 'hidden' })
  const after = await stack.admin.get(`/staff/${stack.data.staff.li.id}`)
  assert.equal(after.title_code, '253')
  assert.equal(after.title_level, 'intermediate')
  assert.equal(after.id_number, stack.data.staff.li.id_number)
  await page.context().close()
})

test('a new staff member with a birth date that contradicts the ID number is refused at 出生日期', async () => {
  const page = await stack.session('hospital_a')
  await page.goto(`${stack.base}/registry/staff`)
  await page.locator('[data-test="create"]').click()
  const dialog = page.locator('.entity-dialog:visible')
  await dialog.waitFor()
  await fillField(dialog, 'name', '孙丽')
  const id = idNumber('370102', '1991-04-18', 262)
  await fillField(dialog, 'id_number', id)
  await fillField(dialog, 'birth_date', '1991-04-19')
  await dialog.locator('.el-dialog__title').click() // close the date picker
  await pickRef(page, dialog, 'department_id', '儿', '儿科')
  await dialog.getByRole('button', { name: '保存' }).click()
  assert.equal(await expectFieldError(dialog, 'birth_date'), '出生日期与身份证号不符(身份证为1991-04-18)')
  await fillField(dialog, 'birth_date', '')
  await dialog.locator('.el-dialog__title').click()
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.waitFor({ state: 'hidden' })
  const listed = (await stack.admin.get('/staff?q=孙丽')).items[0]
  assert.equal(listed.birth_date, '****-**-**', 'lists mask the birth date with the ID number')
  const created = await stack.admin.get(`/staff/${listed.id}`)
  assert.equal(created.birth_date, '1991-04-18')
  assert.equal(created.sex, '2')
  assert.equal(created.institution_id, stack.data.institutions.hospitalA.id, 'a hospital adds staff to itself')
  await page.context().close()
})

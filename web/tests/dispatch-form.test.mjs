// Issue 18 item 1: a hospital's 医务科 creates a dispatch (新建派驻). The recipient follows
// from the support relationship: picking the relationship fills it in, read-only and by
// name, and editing the saved assignment shows names, never raw ids. Lists show the
// names of referenced institutions the user may not read (no 404 behind the page).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, chooseOption, fillField, formItem, unexpectedFailures } from './harness.mjs'
import { seedSupport, day } from './support-fixtures.mjs'

let stack
let fx
before(async () => {
  stack = await startStack()
  fx = await seedSupport(stack)
})
after(async () => {
  await stack?.stop()
})

/** The text an el-select shows for its chosen value. */
const selected = (scope, field) => formItem(scope, field).locator('.el-select__selected-item:not(.is-hidden), .el-select__placeholder').first().innerText()

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`新建派驻 (${label}): choosing the relationship fills the recipient by name; the edit form shows names, not ids`, async () => {
    const page = await stack.session('hospital_a', { viewport, path: '/support/assignments' })
    await page.locator('[data-test="create-assignment"]').click()
    const dialog = page.locator('.entity-dialog:visible')
    await dialog.waitFor()
    await chooseOption(page, dialog, 'relationship_id', '历下区人民医院→解放路街道卫生院')
    // The recipient is filled from the relationship and cannot be changed here.
    await formItem(dialog, 'recipient_institution_id').locator('.el-select__selected-item', { hasText: '解放路街道卫生院' }).first().waitFor()
    assert.ok(await formItem(dialog, 'recipient_institution_id').locator('.el-select.is-disabled, .el-select__wrapper.is-disabled').count(), 'the recipient is read-only')
    await chooseOption(page, dialog, 'staff_id', label === 'desktop' ? '张伟' : '李娜')
    await chooseOption(page, dialog, 'level', '乡级派驻')
    await fillField(dialog, 'planned_start', day(30 + (label === 'desktop' ? 0 : 200)))
    await fillField(dialog, 'planned_end', day(120 + (label === 'desktop' ? 0 : 200)))
    await stack.screenshot(page, `dispatch-new-${label}`)
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/assignments') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '保存' }).click(),
    ])
    assert.equal(res.status(), 201, await res.text())
    const created = await res.json()
    assert.equal(created.recipient_institution_id, stack.data.institutions.townshipA.id)
    assert.equal(created.relationship_id, fx.relA.id)
    await dialog.waitFor({ state: 'hidden' })

    // Editing it: every reference by name.
    await page.locator(`[data-test="edit-assignment-${created.id}"]`).click()
    const edit = page.locator('.entity-dialog:visible')
    await formItem(edit, 'recipient_institution_id').locator('.el-select__selected-item', { hasText: '解放路街道卫生院' }).first().waitFor()
    for (const f of ['relationship_id', 'staff_id', 'recipient_institution_id']) {
      const text = await selected(edit, f)
      assert.ok(!/^#?\d+$/.test(text.trim()), `${f} shows a name, not "${text}"`)
    }
    assert.match(await selected(edit, 'staff_id'), label === 'desktop' ? /张伟/ : /李娜/)
    await stack.screenshot(page, `dispatch-edit-${label}`)
    assert.deepEqual(page.errors.map(String), [])
    assert.deepEqual(unexpectedFailures(page), [])
    await page.context().close()
  })
}

test('the edit form of an assignment with a department shows the department by name', async () => {
  const depts = await stack.admin.get(`/departments?institution_id=${stack.data.institutions.hospitalA.id}`)
  const internal = depts.items.find((d) => d.name === '内科')
  const a = await stack.admin.get(`/assignments/${fx.chenAssignment.id}`)
  await stack.admin.patch(`/assignments/${a.id}`, { version: a.version, home_department_id: internal.id })
  const page = await stack.session('hospital_a', { path: `/support/assignments/${a.id}` })
  await page.locator('[data-test="edit-assignment"]').click()
  const edit = page.locator('.entity-dialog:visible')
  await formItem(edit, 'home_department_id').locator('.el-select__selected-item', { hasText: '内科' }).first().waitFor()
  await formItem(edit, 'recipient_institution_id').locator('.el-select__selected-item', { hasText: '解放路街道卫生院' }).first().waitFor()
  assert.deepEqual(unexpectedFailures(page), [])
  await page.context().close()
})

test('lists name the institutions a township may not read (equipment donor), without a request that fails', async () => {
  const page = await stack.session('township_a', { path: '/support/equipment' })
  await page.locator('.el-table__row', { hasText: '心电图机' }).waitFor()
  const row = await page.locator('.el-table__row', { hasText: '心电图机' }).innerText()
  assert.match(row, /历下区人民医院/, 'the donor is named')
  assert.doesNotMatch(row, /#\d+/)
  assert.deepEqual(unexpectedFailures(page), [])
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('typing in the relationship picker narrows it to the matching relationships', async () => {
  const page = await stack.session('bureau_a', { path: '/support/assignments' })
  await page.locator('[data-test="create-assignment"]').click()
  const dialog = page.locator('.entity-dialog:visible')
  const item = formItem(dialog, 'relationship_id')
  await item.locator('.el-select__wrapper').click()
  await item.locator('input').fill('解放路')
  await page.locator('.el-select-dropdown__item:visible', { hasText: '历下区人民医院→解放路街道卫生院' }).first().waitFor()
  await item.locator('input').fill('坊前')
  await page.waitForTimeout(400)
  assert.equal(await page.locator('.el-select-dropdown__item:visible', { hasText: '解放路' }).count(), 0, 'no unrelated relationship is offered')
  await page.context().close()
})

// The registry's 导入Excel buttons: a hospital's 医务科 imports its staff and a county
// bureau its institutions from a sheet; a row outside the user's scope writes nothing
// and is named by row and column; the corrected sheet is written and listed; a user
// who may not write the kind has no button.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, tableRows, idNumber } from './harness.mjs'

let stack
before(async () => {
  stack = await startStack()
})
after(async () => {
  await stack?.stop()
})

const csv = (name, header, rows) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${rows.join('\n')}\n`) })
const problemRows = (page) =>
  page.locator('[data-test="import-problems"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())))

test('医务科 imports its staff; a row for another hospital writes nothing and is named', async () => {
  const { hospitalA, hospitalB } = stack.data.institutions
  const header = 'institution_code,name,id_number,phone,profession,title_code'
  const mine = `${hospitalA.code},孙丽,${idNumber('370102', '1988-02-14', 221)},13805310021,clinical,233`
  const theirs = `${hospitalB.code},周涛,${idNumber('370103', '1987-07-01', 231)},13805310022,clinical,233`
  const named = async (name) => (await stack.admin.get(`/staff?q=${encodeURIComponent(name)}`)).items
  const page = await stack.session('hospital_a', { path: '/registry/staff' })
  await page.locator('[data-test="import-staff"]').waitFor()

  await page.locator('[data-test="import-staff-file"]').setInputFiles(csv('人员.csv', header, [mine, theirs]))
  await page.locator('[data-test="import-problems"] tbody tr').first().waitFor()
  const rows = await problemRows(page)
  assert.equal(rows.length, 1, JSON.stringify(rows))
  assert.equal(rows[0][0], '3', 'the sheet row of 周涛 (the header is row 1)')
  assert.ok(rows[0][2].length > 0, 'a reason is given')
  assert.equal((await named('孙丽')).length, 0, 'nothing written, not even the good row')
  await page.keyboard.press('Escape')

  await page.locator('[data-test="import-staff-file"]').setInputFiles(csv('人员.csv', header, [mine]))
  await page.locator('.el-message--success', { hasText: '新建 1 条' }).waitFor()
  const [sun] = await named('孙丽')
  assert.equal(sun.institution_id, hospitalA.id)
  const listed = await tableRows(page)
  const row = listed.find((r) => r.includes('孙丽'))
  assert.ok(row, `the list shows the imported doctor: ${JSON.stringify(listed)}`)
  assert.ok(!row.join(' ').includes(idNumber('370102', '1988-02-14', 221)), 'the ID number is masked in the list')
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('a county bureau imports institutions of its county only', async () => {
  const header = 'code,name,kind,ownership,region_code'
  const good = 'T370102009,千佛山街道第二卫生院,C210,public,370102002000'
  const outside = 'T370103009,大观园街道第二卫生院,C210,public,370103001000'
  const page = await stack.session('bureau_a', { path: '/registry/institutions' })
  await page.locator('[data-test="import-institutions"]').waitFor()
  await page.locator('[data-test="import-institutions-file"]').setInputFiles(csv('机构.csv', header, [good, outside]))
  await page.locator('[data-test="import-problems"] tbody tr').first().waitFor()
  const rows = await problemRows(page)
  assert.deepEqual(rows.map((r) => r[0]), ['3'], JSON.stringify(rows))
  assert.equal((await stack.admin.get('/institutions?q=第二卫生院')).total, 0, 'nothing written')
  await page.keyboard.press('Escape')

  await page.locator('[data-test="import-institutions-file"]').setInputFiles(csv('机构.csv', header, [good]))
  await page.locator('.el-message--success', { hasText: '新建 1 条' }).waitFor()
  const listed = await tableRows(page)
  assert.ok(listed.some((r) => r.includes('千佛山街道第二卫生院')), JSON.stringify(listed))
  await page.context().close()
})

test('who may not write a kind has no import button', async () => {
  // A township centre reads the county's institutions but keeps only its villages.
  const institutions = await stack.session('township_a', { path: '/registry/institutions' })
  await institutions.locator('.el-table').first().waitFor()
  await institutions.waitForLoadState('networkidle')
  assert.equal(await institutions.locator('[data-test="import-institutions"]').count(), 0)
  await institutions.context().close()
  const township = await stack.session('township_a', { path: '/registry/villages' })
  await township.locator('[data-test="import-villages"]').waitFor()
  await township.context().close()
})

test('a county bureau imports the communities of its county; the tree shows them', async () => {
  const header = 'code,name'
  const good = '370102002002,历山社区'
  const outside = '370103001002,趵突泉社区'
  const found = async (code) => (await stack.admin.get(`/regions?code=${code}`)).items
  const page = await stack.session('bureau_a', { path: '/registry/regions' })
  await page.locator('[data-test="import-regions"]').waitFor()
  await page.locator('[data-test="import-regions-file"]').setInputFiles(csv('区划.csv', header, [good, outside]))
  await page.locator('[data-test="import-problems"] tbody tr').first().waitFor()
  const rows = await problemRows(page)
  assert.deepEqual(rows.map((r) => r[0]), ['3'], JSON.stringify(rows))
  assert.equal((await found('370102002002')).length, 0, 'nothing written, not even the good row')
  await page.keyboard.press('Escape')

  await page.locator('[data-test="import-regions-file"]').setInputFiles(csv('区划.csv', header, [good]))
  await page.locator('.el-message--success', { hasText: '新建 1 条' }).waitFor()
  const [made] = await found('370102002002')
  assert.equal(made?.parent_code, '370102002000', JSON.stringify(made))
  // The reloaded tree opens down to the new community.
  await page.locator('.region-tree [data-code="370102"]').click()
  await page.locator('.region-tree .el-tree-node__expand-icon').first().click()
  await page.locator('.region-tree [data-code="370102002000"]').waitFor()
  await page.locator('.region-tree [data-code="370102002000"]').click()
  await page.locator('.el-table__row', { hasText: '历山社区' }).waitFor()
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

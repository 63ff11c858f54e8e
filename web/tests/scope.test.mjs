// What a role may not see stays unseen: another county's record opened by URL shows
// 无权访问或记录不存在 (the server answers 404), pages of other roles show 无权访问,
// and lists hold only the user's scope.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, tableRows } from './harness.mjs'

let stack
before(async () => {
  stack = await startStack()
})
after(async () => {
  await stack?.stop()
})

test("county B's bureau opening county A's institution URL sees 无权访问, not the data", async () => {
  const page = await stack.session('bureau_b')
  const a = stack.data.institutions.hospitalA
  await page.goto(`${stack.base}/registry/institutions/${a.id}`)
  const box = page.locator('[data-test="no-access"]')
  await box.waitFor()
  const text = await box.innerText()
  assert.match(text, /无权访问或记录不存在/)
  assert.match(text, /不存在或无权访问/) // the server's own message
  const body = await page.locator('body').innerText()
  assert.ok(!body.includes(a.name), 'the name of the other county’s hospital is not shown')
  assert.ok(!body.includes(a.code))
  // Its own county's hospital opens normally.
  await page.goto(`${stack.base}/registry/institutions/${stack.data.institutions.hospitalB.id}`)
  await page.locator('[data-test="institution-name"]', { hasText: '市中区人民医院' }).waitFor()
  await page.context().close()
})

test("county B's lists hold only county B", async () => {
  const page = await stack.session('bureau_b')
  await page.goto(`${stack.base}/registry/institutions`)
  const names = (await tableRows(page)).map((r) => r.find((c) => c.includes('区') || c.includes('卫生')))
  assert.deepEqual(names.sort(), ['大观园街道卫生院', '市中区人民医院'].sort())
  await page.goto(`${stack.base}/registry/staff`)
  const staff = await tableRows(page)
  assert.equal(staff.length, 1)
  assert.equal(staff[0][0], '赵敏')
  await page.context().close()
})

test('a hospital account may not open user management or the audit log', async () => {
  const page = await stack.session('hospital_a')
  for (const path of ['/admin/users', '/audit', '/registry/regions', '/registry/villages']) {
    await page.goto(`${stack.base}${path}`)
    await page.waitForURL((u) => u.pathname === '/forbidden')
    await page.locator('[data-test="no-access"]', { hasText: '当前账号无权访问此页面' }).waitFor()
  }
  // Another institution's page: the server says no.
  await page.goto(`${stack.base}/registry/institutions/${stack.data.institutions.tcmA.id}`)
  await page.locator('[data-test="no-access"]').waitFor()
  await page.context().close()
})

test('a township sees its centre and its village clinics, not the county hospital', async () => {
  const page = await stack.session('township_a')
  await page.goto(`${stack.base}/registry/institutions`)
  const rows = await tableRows(page)
  const listed = rows.map((r) => r[1]).sort()
  assert.deepEqual(listed, ['东关村卫生室', '西关村卫生室', '解放路街道卫生院'].sort())
  // No create button: only the admin and a bureau register institutions.
  assert.equal(await page.locator('[data-test="create"]').count(), 0)
  await page.goto(`${stack.base}/registry/institutions/${stack.data.institutions.hospitalA.id}`)
  await page.locator('[data-test="no-access"]').waitFor()
  await page.context().close()
})

test('a record that does not exist reads the same as one out of scope', async () => {
  const page = await stack.session('admin')
  await page.goto(`${stack.base}/registry/institutions/999999`)
  await page.locator('[data-test="no-access"]', { hasText: '无权访问或记录不存在' }).waitFor()
  await page.goto(`${stack.base}/no/such/page`)
  await page.locator('[data-test="no-access"]', { hasText: '页面不存在' }).waitFor()
  await page.context().close()
})

// A screenshot of each main page at desktop and phone width, saved under
// build/screenshots/ (<page>-desktop.png, <page>-phone.png) for people to look at.
// Each page must render without a script error and without sideways scrolling.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, SCREENSHOTS, tableRows } from './harness.mjs'

let stack
before(async () => {
  stack = await startStack()
})
after(async () => {
  await stack?.stop()
})

const CONSOLE_PAGES = [
  { name: 'dashboard', path: '/', ready: '[data-stat="staff"]', charts: true },
  { name: 'regions', path: '/registry/regions', ready: '.region-tree [data-code="370102"]', table: true },
  { name: 'institutions', path: '/registry/institutions', table: true },
  { name: 'institution-detail', path: (d) => `/registry/institutions/${d.institutions.hospitalA.id}`, ready: '[data-test="institution-name"]', table: true },
  { name: 'departments', path: '/registry/departments', table: true },
  { name: 'villages', path: '/registry/villages', table: true },
  { name: 'staff', path: '/registry/staff', table: true },
  { name: 'users', path: '/admin/users', table: true },
  { name: 'audit', path: '/audit', table: true, expand: true },
]

async function shoot(page, name, width) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at ${width}px`)
  await stack.screenshot(page, name)
}

for (const [label, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
]) {
  test(`console pages at ${label} width (${viewport.width}px)`, async () => {
    const page = await stack.newPage(viewport)
    await page.goto(`${stack.base}/login`)
    await page.locator('[data-test="login-submit"]').waitFor()
    await shoot(page, `login-${label}`, viewport.width)
    await page.getByLabel('用户名').first().fill('bureau_a')
    await page.getByLabel('密码').first().fill('Test2024pass')
    await page.locator('[data-test="login-submit"]').click()
    await page.waitForURL((u) => u.pathname === '/')
    for (const p of CONSOLE_PAGES) {
      const path = typeof p.path === 'function' ? p.path(stack.data) : p.path
      await page.goto(`${stack.base}${path}`)
      if (p.ready) await page.locator(p.ready).first().waitFor()
      if (p.table) await tableRows(page)
      if (p.charts) await page.locator('.chart canvas').first().waitFor()
      if (p.name === 'regions') {
        await page.locator('.region-tree .el-tree-node__content', { has: page.locator('[data-code="370102"]') }).locator('.el-tree-node__expand-icon').click()
        await page.locator('.region-tree [data-code="370102001000"]').click()
        await page.waitForFunction(() => document.querySelectorAll('.list .el-table__row').length === 2)
      }
      if (p.expand) {
        const rows = await tableRows(page)
        const i = rows.findIndex((r) => r[2] === '新建' && r[3] === '医疗卫生机构')
        await page.locator('.el-table__body-wrapper tr.el-table__row').nth(i).locator('.el-table__expand-icon').click()
        await page.locator('.el-table__expanded-cell [data-test="audit-diff"]').waitFor()
      }
      await shoot(page, `${p.name}-${label}`, viewport.width)
    }
    // The create dialog with a server message under a field.
    await page.goto(`${stack.base}/registry/institutions`)
    await tableRows(page)
    await page.locator('[data-test="create"]').click()
    const dialog = page.locator('.entity-dialog:visible')
    await dialog.waitFor()
    await dialog.locator('[data-field="code"] input').fill('H370102001')
    await dialog.locator('[data-field="name"] input').fill('历下区妇幼保健院')
    await dialog.locator('[data-field="kind"] .el-select__wrapper').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '妇幼保健院' }).click()
    await dialog.locator('[data-field="region_code"] .el-select__wrapper').click()
    await dialog.locator('[data-field="region_code"] input').fill('历下')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '历下区' }).click()
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.locator('[data-field="code"] .el-form-item__error', { hasText: '机构代码已存在' }).waitFor()
    await stack.screenshot(page, `institution-dialog-${label}`)
    assert.deepEqual(page.errors.map(String), [])
    await page.context().close()
  })
}

test('phone pages of a doctor, and the same layout on a desktop screen', async () => {
  for (const [label, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ]) {
    const page = await stack.session('doctor_a', { viewport, path: '/m' })
    await page.waitForURL('**/m')
    await page.locator('[data-tile="me"]').waitFor()
    await shoot(page, `m-home-${label}`, viewport.width)
    await page.goto(`${stack.base}/m/me`)
    await page.locator('[data-test="staff-record"]').waitFor()
    await shoot(page, `m-me-${label}`, viewport.width)
    assert.deepEqual(page.errors.map(String), [])
    await page.context().close()
  }
  console.log(`screenshots in ${SCREENSHOTS}`)
})

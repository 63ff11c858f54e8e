// Sign-in per role and the menu each one sees; wrong password; sign-out; a revoked
// token and an expired one send the user back to the login page; language switch.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, PHONE } from './harness.mjs'

let stack
before(async () => {
  stack = await startStack()
})
after(async () => {
  await stack?.stop()
})

const menuKeys = (page) => page.locator('.app-menu [data-menu]').evaluateAll((els) => els.map((e) => e.dataset.menu))

// 对口支援 and its reports: the same lists for every console role, 在岗确认 for the
// recipients' own accounts, the promotion ledger for the supplying side.
const SUPPORT = ['relationships', 'alliances', 'assignments', 'activities', 'evaluations', 'trainees', 'equipment', 'operating-stats', 'leadership']
const REPORTS = ['fee-statements', 'annual-summary', 'compliance', 'policies']
const withConfirm = ['relationships', 'alliances', 'assignments', 'presence-confirm', ...SUPPORT.slice(3)]
// 巡回医疗: the county's weekly report for the bureau; a hospital sees its teams, doctors and visits only.
// 地图 (views/map) for the bureaus and township centres; 工作日历 for the administrator and the bureaus.
const ROUNDS = ['rounds-teams', 'rounds-grid', 'rounds-seniors', 'rounds-needs', 'rounds-planner', 'rounds-visits', 'rounds-weekly', 'rounds-monthly']
const ROUNDS_HOSPITAL = ['rounds-teams', 'rounds-seniors', 'rounds-visits']
const ROUNDS_TOWNSHIP = ROUNDS.filter((k) => k !== 'rounds-weekly')
const EXPECTED = {
  admin: { menu: ['home', 'regions', 'institutions', 'departments', 'villages', 'staff', ...SUPPORT, 'promotion-ledger', ...REPORTS, ...ROUNDS, 'map', 'users', 'work-calendar', 'audit'], role: '系统管理员', scope: '全部区划' },
  bureau_a: { menu: ['home', 'regions', 'institutions', 'departments', 'villages', 'staff', ...SUPPORT, 'promotion-ledger', ...REPORTS, ...ROUNDS, 'map', 'users', 'work-calendar', 'audit'], role: '卫健局', scope: '历下区' },
  hospital_a: { menu: ['home', 'my-institution', 'departments', 'staff', ...withConfirm, 'promotion-ledger', ...REPORTS, ...ROUNDS_HOSPITAL], role: '医院/医务科', scope: '历下区人民医院' },
  township_a: { menu: ['home', 'my-institution', 'institutions', 'departments', 'villages', 'staff', ...withConfirm, ...REPORTS, ...ROUNDS_TOWNSHIP, 'map'], role: '乡镇卫生院', scope: '解放路街道卫生院' },
}

describe('sign-in per role', () => {
  for (const [username, want] of Object.entries(EXPECTED)) {
    test(`${username} sees the console menu of the role`, async () => {
      const page = await stack.login(username)
      assert.equal(new URL(page.url()).pathname, '/')
      await page.locator('.app-menu [data-menu="home"]').waitFor()
      assert.deepEqual(await menuKeys(page), want.menu)
      assert.equal((await page.locator('[data-test="role-label"]').innerText()).trim(), want.role)
      assert.equal((await page.locator('[data-test="scope-name"]').innerText()).trim(), want.scope)
      // The dashboard shows the numbers of the user's scope.
      await page.locator('[data-stat="institutions"] .stat-value').waitFor()
      assert.deepEqual(page.errors, [])
      await page.context().close()
    })
  }

  test('the hospital menu leads to its own institution', async () => {
    const page = await stack.login('hospital_a')
    await page.locator('.app-menu [data-menu="my-institution"]').click()
    await page.waitForURL(`**/registry/institutions/${stack.data.institutions.hospitalA.id}`)
    await assert.doesNotReject(page.locator('[data-test="institution-name"]', { hasText: '历下区人民医院' }).waitFor())
    await page.context().close()
  })

  for (const username of ['doctor_a', 'vdoc_a']) {
    test(`${username} gets the phone layout, even on a desktop screen`, async () => {
      const page = await stack.login(username)
      await page.waitForURL('**/m')
      await page.locator('.phone-tabs').waitFor()
      assert.equal(await page.locator('.app-menu').count(), 0)
      assert.ok(await page.locator('[data-tile="me"]').isVisible())
      // Console pages are not for the personal roles: they land back on /m.
      await page.goto(`${stack.base}/registry/institutions`)
      await page.waitForURL('**/m')
      await page.context().close()
    })
  }

  test('a wrong password is refused with the server message in Chinese', async () => {
    const page = await stack.newPage()
    await page.goto(`${stack.base}/login`)
    await page.getByLabel('用户名').first().fill('bureau_b')
    await page.getByLabel('密码').first().fill('wrong-password-1')
    await page.locator('[data-test="login-submit"]').click()
    await page.locator('[data-test="login-error"]', { hasText: '用户名或密码错误' }).waitFor()
    assert.match(page.url(), /\/login/)
    await page.context().close()
  })

  test('empty fields are caught before asking the server', async () => {
    const page = await stack.newPage()
    await page.goto(`${stack.base}/login`)
    await page.locator('[data-test="login-submit"]').click()
    await page.getByText('请输入用户名').waitFor()
    await page.context().close()
  })
})

describe('session', () => {
  test('an unsigned visitor is sent to the login page and back after signing in', async () => {
    const page = await stack.newPage()
    await page.goto(`${stack.base}/registry/staff`)
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('redirect') === '/registry/staff')
    await page.getByLabel('用户名').first().fill('bureau_a')
    await page.getByLabel('密码').first().fill('Test2024pass')
    await page.locator('[data-test="login-submit"]').click()
    await page.waitForURL('**/registry/staff')
    await page.context().close()
  })

  test('logout clears the token and returns to the login page', async () => {
    const page = await stack.login('bureau_a')
    assert.ok(await page.evaluate(() => localStorage.getItem('yilian.session')))
    await page.locator('[data-test="logout"]').click()
    await page.waitForURL('**/login')
    assert.equal(await page.evaluate(() => localStorage.getItem('yilian.session')), null)
    // The old page is not reachable any more.
    await page.goto(`${stack.base}/registry/institutions`)
    await page.waitForURL('**/login**')
    await page.context().close()
  })

  test('a token the server no longer accepts (401) ends the session', async () => {
    const page = await stack.login('bureau_a')
    // The dashboard's panels load their data after sign-in; revoke only once they are done,
    // so that the 401 comes from the click below and not from a late panel request.
    await page.waitForLoadState('networkidle')
    const { token } = JSON.parse(await page.evaluate(() => localStorage.getItem('yilian.session')))
    // Revoke it behind the page's back.
    const res = await fetch(`${stack.base}/api/v1/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })
    assert.equal(res.status, 200)
    await page.locator('.app-menu [data-menu="staff"]').click()
    await page.waitForURL('**/login**')
    await page.locator('[data-test="login-notice"]').waitFor()
    assert.match(await page.locator('[data-test="login-notice"]').innerText(), /重新登录/)
    assert.equal(await page.evaluate(() => localStorage.getItem('yilian.session')), null)
    await page.context().close()
  })

  test('an expired token is dropped at start-up with a notice', async () => {
    const page = await stack.login('bureau_a')
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('yilian.session'))
      s.expires_at = new Date(Date.now() - 60000).toISOString()
      localStorage.setItem('yilian.session', JSON.stringify(s))
    })
    await page.goto(`${stack.base}/registry/institutions`)
    await page.waitForURL('**/login**')
    await page.getByText('登录已过期,请重新登录').waitFor()
    await page.context().close()
  })

  test('a session that expires while the page is open ends by itself', async () => {
    const page = await stack.login('bureau_a')
    // Shorten the expiry, reload so the store arms its timer with it.
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('yilian.session'))
      s.expires_at = new Date(Date.now() + 2500).toISOString()
      localStorage.setItem('yilian.session', JSON.stringify(s))
    })
    await page.reload()
    await page.locator('.app-menu').waitFor()
    await page.waitForURL('**/login**', { timeout: 8000 })
    await page.getByText('登录已过期,请重新登录').waitFor()
    await page.context().close()
  })
})

/**
 * Picks a language in the header's switch until `shown` appears. On a loaded machine the
 * first click can land while the header is still rendering and the menu closes unused.
 */
async function switchLanguage(page, name, shown) {
  for (let attempt = 1; ; attempt++) {
    await page.locator('[data-test="lang-switch"]').click()
    await page.getByRole('menuitem', { name }).click()
    try {
      await shown.waitFor({ timeout: attempt < 3 ? 4000 : 10000 })
      return
    } catch (e) {
      if (attempt >= 3) throw e
      await page.keyboard.press('Escape')
    }
  }
}

describe('language', () => {
  test('switching to English changes the menu and the header, and is remembered', async () => {
    const page = await stack.login('admin')
    await switchLanguage(page, 'English', page.locator('.app-menu [data-menu="institutions"]', { hasText: 'Institutions' }))
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
    await page.reload()
    await page.locator('.app-menu [data-menu="audit"]', { hasText: 'Audit log' }).waitFor()
    await switchLanguage(page, '中文', page.locator('.app-menu [data-menu="audit"]', { hasText: '审计日志' }))
    await page.context().close()
  })

  test('the login page works at phone width', async () => {
    const page = await stack.newPage(PHONE)
    await page.goto(`${stack.base}/login`)
    await page.locator('[data-test="login-submit"]').waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`)
    await page.context().close()
  })
})

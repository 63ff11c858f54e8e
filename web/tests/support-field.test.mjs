// The counterpart-support flow end to end: the hospital's 医务科 dispatches its doctor
// to a township centre, the doctor checks in on the phone (with GPS), the township
// confirms it, and the compliance page stops flagging unconfirmed half-days (D10) once
// they are confirmed. Then the field app offline: entries wait in IndexedDB, survive a
// reload, sync exactly once (a forced second attempt answers 200 with the stored record), a
// refused entry is corrected at the field the server names, and a 401 during sync
// asks to sign in again without losing anything. A mentoring (带教) record names its mentee
// from the recipient's staff, which the doctor's own scope does not show.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, PHONE, PASSWORD, chooseOption, pickRef, fillField, expectFieldError, formItem, tableRows } from './harness.mjs'
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** The outbox entries in the page's IndexedDB. */
const outboxEntries = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open('yilian-offline', 1)
        r.onerror = () => reject(r.error)
        r.onsuccess = () => {
          const db = r.result
          const g = db.transaction('outbox').objectStore('outbox').getAll()
          g.onsuccess = () => {
            db.close()
            resolve(g.result)
          }
        }
      }),
  )

async function until(fn, what, ms = 10000) {
  const end = Date.now() + ms
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

let zhangAssignment

test('医务科 dispatches its doctor; a bad period is refused at 计划结束, then saved', async () => {
  const rel = fx.relA.id
  const page = await stack.session('hospital_a', { path: `/support/relationships/${rel}?tab=assignments` })
  await page.locator('[data-test="relationship-name"]', { hasText: '解放路街道卫生院' }).waitFor()
  await tableRows(page)
  await page.locator('[data-test="create-assignment"]').click()
  const dialog = page.locator('.entity-dialog:visible')
  await dialog.waitFor()
  // The relationship and the recipient come from the page.
  assert.match(await formItem(dialog, 'relationship_id').innerText(), /历下区人民医院→解放路街道卫生院/)
  await pickRef(page, dialog, 'staff_id', '张伟', '张伟')
  await chooseOption(page, dialog, 'status', '在岗')
  await fillField(dialog, 'planned_start', day(-30))
  await dialog.locator('.el-dialog__title').click()
  await fillField(dialog, 'planned_end', day(-40))
  await dialog.locator('.el-dialog__title').click()
  await dialog.getByRole('button', { name: '保存' }).click()
  assert.equal(await expectFieldError(dialog, 'planned_end'), '计划派驻期结束日期不能早于开始日期')

  await fillField(dialog, 'planned_end', day(60))
  await dialog.locator('.el-dialog__title').click()
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.waitFor({ state: 'hidden' })
  const rows = await tableRows(page)
  assert.ok(rows.some((r) => r.includes('张伟')), 'the new assignment is listed')

  const list = await stack.admin.get(`/assignments?relationship_id=${rel}&staff_id=${stack.data.staff.zhang.id}`)
  assert.equal(list.total, 1)
  zhangAssignment = list.items[0]
  assert.equal(zhangAssignment.status, 'active')
  assert.equal(zhangAssignment.level, 'township')
  assert.equal(zhangAssignment.home_institution_id, stack.data.institutions.hospitalA.id)
  assert.equal(zhangAssignment.recipient_institution_id, stack.data.institutions.townshipA.id)
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('the doctor checks in on a 360 px phone with GPS; the township confirms; D10 clears once confirmed', async () => {
  const aid = zhangAssignment.id
  const today = day(0)
  // The doctor: today's check-in with the phone's position.
  const phone = await stack.session('doctor_a', {
    viewport: PHONE,
    path: '/m/checkin',
    context: { geolocation: { latitude: 36.6512, longitude: 117.1201 }, permissions: ['geolocation'] },
  })
  await phone.locator(`[data-assignment="${aid}"]`).waitFor()
  assert.match(await phone.locator(`[data-assignment="${aid}"]`).innerText(), /解放路街道卫生院/)
  await phone.locator('[data-test="gps-switch"]').click()
  await phone.locator(`[data-test="checkin-${aid}-am"]`).click()
  await phone.locator(`[data-test="state-${aid}-am"][data-state="synced"]`).waitFor()
  assert.ok((await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0, 'no sideways scrolling')
  const mine = (await stack.admin.get(`/presence?assignment_id=${aid}&day=${today}`)).items
  assert.equal(mine.length, 1)
  assert.match(mine[0].client_id, UUID)
  assert.equal(mine[0].half, 'am')
  assert.equal(mine[0].confirmed, false)
  assert.ok(Math.abs(mine[0].latitude - 36.6512) < 1e-4 && Math.abs(mine[0].longitude - 117.1201) < 1e-4, 'GPS position saved')

  // The township director confirms it on the phone.
  const tw = await stack.session('township_a', { viewport: PHONE, path: '/m/confirm' })
  const row = tw.locator(`.group[data-assignment="${aid}"] .half-row[data-day="${today}"][data-half="am"]`)
  await row.waitFor()
  assert.match(await row.innerText(), /定位 36\.65120, 117\.12010/) // (the centre has no coordinates here: no distance)
  await row.locator(`[data-test="confirm-${mine[0].id}"]`).click()
  await row.waitFor({ state: 'detached' })
  const confirmed = await stack.admin.get(`/presence/${mine[0].id}`)
  assert.equal(confirmed.confirmed, true)
  assert.equal(confirmed.confirmed_by, '解放路卫生院')
  assert.deepEqual(tw.errors.map(String), [])
  await tw.context().close()

  // The doctor sees it confirmed.
  await phone.goto(`${stack.base}/m/records`)
  await phone.locator(`[data-record="${mine[0].client_id}"][data-state="confirmed"]`).waitFor()
  assert.deepEqual(phone.errors.map(String), [])
  await phone.context().close()

  // A half-day back-filled by the recipient 10 days ago and never confirmed: D10.
  const township = await stack.anon.login('township_a', PASSWORD)
  const old = await township.post('/presence', { assignment_id: aid, day: day(-10), half: 'am', status: 'present' })
  const page = await stack.session('township_a', { path: `/support/relationships/${fx.relA.id}?tab=compliance` })
  const findings = async () => {
    await page.locator('[data-count="findings"] b').filter({ hasNotText: '—' }).waitFor()
    return tableRows(page)
  }
  const d10 = async () => {
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/compliance?') && r.url().includes('rule=D10')),
      (async () => {
        await page.locator('[data-test="rule-filter"] .el-select__wrapper').click()
        await page.locator('.el-select-dropdown__item:visible', { hasText: 'D10' }).click()
      })(),
    ])
    assert.equal(res.status(), 200)
    await page.waitForFunction(() => !document.querySelector('.compliance .el-loading-mask'))
    return (await findings()).filter((r) => r.some((c) => c.includes('张伟')))
  }
  await findings()
  let rows = await d10()
  assert.equal(rows.length, 1, 'one D10 finding for 张伟')
  const [rule, subject, period, expectedActual, message, citation] = rows[0]
  assert.match(rule, /D10/)
  assert.equal(subject, '张伟')
  assert.match(period, /^\d{4}年\d{1,2}月$/)
  assert.equal(expectedActual, '在岗记录经受援单位确认\n1个半天未确认')
  // The confirmation window (D10) is a platform parameter, named in the sentence.
  assert.match(message, /张伟 .*有1个半天签到超过\d+天仍未经解放路街道卫生院确认$/)
  // D10 cites its own clause (the summary's 存在不足), not D4's weekly days.
  assert.match(citation, /^D10,《医院对口支援工作总结2/)

  // Confirm it on the assignment's presence calendar.
  await page.goto(`${stack.base}/support/assignments/${aid}`)
  await page.locator('[data-test="assignment-name"]', { hasText: '张伟' }).waitFor()
  if (day(-10).slice(0, 7) !== today.slice(0, 7)) await page.locator('[data-test="cal-prev"]').click()
  const cell = page.locator(`.day[data-day="${day(-10)}"] .half[data-half="am"]`)
  await cell.and(page.locator('[data-confirmed="false"]')).waitFor()
  await cell.click()
  assert.equal(await cell.getAttribute('aria-pressed'), 'true')
  await page.locator('[data-test="confirm-selected"]').click()
  await cell.and(page.locator('[data-confirmed="true"]')).waitFor()
  assert.equal((await stack.admin.get(`/presence/${old.id}`)).confirmed, true)

  await page.goto(`${stack.base}/support/relationships/${fx.relA.id}?tab=compliance`)
  await findings()
  rows = await d10()
  assert.equal(rows.length, 0, 'no D10 finding for 张伟 once confirmed')
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('带教: the dispatched doctor picks the mentee from the recipient\'s staff; no ID number crosses the network', async () => {
  const { liu } = stack.data.staff
  const { id_number: liuIdNumber } = await stack.admin.get(`/staff/${liu.id}`)
  assert.match(liuIdNumber, /^\d{17}[\dX]$/)
  const page = await stack.session('doctor_a', { viewport: PHONE, path: '/m/activity' })
  const answers = []
  page.on('response', (r) => r.url().includes('/recipient-staff') && answers.push(r.text().then((body) => ({ status: r.status(), body }))))
  const form = page.locator('.activity')
  await formItem(form, 'mentee_staff_id').waitFor()
  await chooseOption(page, form, 'kind', '带教(师带徒)')
  await fillField(form, 'quantity', 1)
  await fillField(form, 'title', '全科门诊病历书写')

  // Opening the picker lists the township centre's staff, not the doctor's own colleagues.
  await formItem(form, 'mentee_staff_id').locator('.el-select__wrapper').click()
  const options = page.locator('.el-select-dropdown__item:visible')
  await options.filter({ hasText: '刘洋' }).waitFor()
  const listed = await options.allInnerTexts()
  assert.ok(!listed.some((o) => /张伟|陈静|李娜|赵敏/.test(o)), `only recipient staff: ${listed}`)
  await page.keyboard.press('Escape')
  await pickRef(page, form, 'mentee_staff_id', '刘', '刘洋')
  assert.match(await formItem(form, 'mentee_staff_id').innerText(), /刘洋/)

  await page.locator('[data-test="activity-save"]').click()
  await page.locator('[data-record][data-kind="activity"][data-state="synced"]', { hasText: '带教' }).waitFor()
  const saved = (await stack.admin.get(`/activities?assignment_id=${zhangAssignment.id}&kind=mentoring`)).items
  assert.equal(saved.length, 1)
  assert.equal(saved[0].mentee_staff_id, liu.id)
  assert.equal(saved[0].title, '全科门诊病历书写')

  const bodies = await Promise.all(answers)
  assert.ok(bodies.length >= 2, 'the picker asked the server (opened, then typed)')
  for (const { status, body } of bodies) {
    assert.equal(status, 200)
    assert.doesNotMatch(body, /id_number|phone/)
    assert.ok(!body.includes(liuIdNumber), 'no ID number in the answer')
  }
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('带教 in the console: the home hospital, which may not read the township\'s staff, sees the mentee by name', async () => {
  const { liu } = stack.data.staff
  const [saved] = (await stack.admin.get(`/activities?assignment_id=${zhangAssignment.id}&kind=mentoring`)).items
  const page = await stack.session('hospital_a', { path: '/support/activities' })
  const denied = await page.evaluate((id) => {
    const { token } = JSON.parse(localStorage.getItem('yilian.session'))
    return fetch(`/api/v1/staff/${id}`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status)
  }, liu.id)
  assert.equal(denied, 404, 'the staff record is out of the hospital\'s scope')
  const rows = await tableRows(page)
  assert.ok(rows.some((r) => r.includes('带教(师带徒)') && r.includes('刘洋')), `the list names the mentee: ${JSON.stringify(rows)}`)
  await page.locator(`[data-test="edit-activity-${saved.id}"]`).click()
  const dialog = page.locator('.el-dialog:visible')
  await formItem(dialog, 'mentee_staff_id').waitFor()
  await page.waitForFunction(() => /刘洋/.test(document.querySelector('.el-dialog .el-form-item[data-field="mentee_staff_id"]')?.innerText || ''))
  assert.match(await formItem(dialog, 'mentee_staff_id').innerText(), /刘洋/)
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('带教 picked online, saved offline: the waiting record and its correction show the mentee by name after a reload', async () => {
  const page = await stack.session('doctor_a', { viewport: PHONE, path: '/m/activity', context: { serviceWorkers: 'allow' } })
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))
  await page.waitForFunction(() => !!localStorage.getItem('yilian.openapi'))
  const form = page.locator('.activity')
  await formItem(form, 'mentee_staff_id').waitFor()
  await chooseOption(page, form, 'kind', '带教(师带徒)')
  await fillField(form, 'quantity', 1)
  await pickRef(page, form, 'mentee_staff_id', '刘', '刘洋')
  // The connection drops before 保存 (a lecture without a title, so the server will refuse it
  // later and the correction dialog opens on the waiting record).
  await page.context().setOffline(true)
  await chooseOption(page, form, 'kind', '讲座/培训')
  await page.locator('[data-test="activity-save"]').click()
  const [entry] = (await outboxEntries(page)).filter((e) => e.body.mentee_staff_id)
  assert.equal(entry.names.mentee_staff_name, '刘洋')
  assert.ok(!('mentee_staff_name' in entry.body), 'the name is kept beside the body, never sent')

  await page.locator('.phone-tabs [data-tab="records"]').click()
  await page.waitForURL('**/m/records')
  await page.reload()
  const waiting = page.locator(`[data-record="${entry.client_id}"]`)
  await waiting.waitFor()
  assert.equal((await waiting.locator('[data-test="record-mentee"]').innerText()).trim(), '带教:刘洋')

  await page.context().setOffline(false)
  await waiting.locator('[data-test="record-error"]').waitFor()
  await waiting.getByRole('button', { name: '修改' }).click()
  const fix = page.locator('.fix-dialog:visible')
  await fix.waitFor()
  assert.match(await formItem(fix, 'mentee_staff_id').innerText(), /刘洋/)
  await fillField(fix, 'title', '护理文书规范')
  await page.locator('[data-test="fix-save"]').click()
  await page.locator(`[data-record="${entry.client_id}"][data-state="synced"]`).waitFor()
  const saved = (await stack.admin.get(`/activities?assignment_id=${zhangAssignment.id}&kind=lecture`)).items
  assert.ok(saved.some((a) => a.title === '护理文书规范' && a.mentee_staff_id === stack.data.staff.liu.id), JSON.stringify(saved))
  await page.context().close()
})

test('offline: a check-in and activities wait on the phone, survive a reload and sync exactly once', async () => {
  const { townshipA } = stack.data.institutions
  const asg = await stack.admin.post('/assignments', {
    relationship_id: fx.relA.id, staff_id: stack.data.staff.li.id, recipient_institution_id: townshipA.id, level: 'township',
    role: 'resident', planned_start: day(-20), planned_end: day(40), status: 'active',
  })
  const page = await stack.session('doctor_li', { viewport: PHONE, path: '/m/checkin', context: { serviceWorkers: 'allow' } })
  await page.locator(`[data-assignment="${asg.id}"]`).waitFor()
  // The app shell is cached and the form metadata kept: the app can start without a network.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))
  await page.waitForFunction(() => !!localStorage.getItem('yilian.openapi'))

  await page.context().setOffline(true)
  await page.locator('[data-test="offline-hint"]').waitFor()
  await page.locator(`[data-test="checkin-${asg.id}-am"]`).click()
  await page.locator(`[data-test="state-${asg.id}-am"][data-state="pending"]`).waitFor()

  await page.locator('[data-test="to-activity"]').click()
  await page.waitForURL('**/m/activity')
  const form = page.locator('.activity')
  await chooseOption(page, form, 'kind', '门诊坐诊')
  await fillField(form, 'quantity', 18)
  await fillField(form, 'title', '慢病随访门诊')
  await page.locator('[data-test="activity-save"]').click()
  await page.locator('[data-record][data-state="pending"]').first().waitFor()
  // A lecture without its title: the server will refuse it (讲座须填写题目).
  await chooseOption(page, form, 'kind', '讲座/培训')
  await fillField(form, 'quantity', 40)
  await page.locator('[data-test="activity-save"]').click()
  await until(async () => (await page.locator('[data-record][data-state="pending"]').count()) === 2, 'two pending activities')
  assert.match(await page.locator('[data-test="net"]').innerText(), /离线.*待同步3/)
  let entries = await outboxEntries(page)
  assert.equal(entries.length, 3)
  assert.ok(entries.every((e) => e.status === 'pending' && UUID.test(e.client_id) && e.body.client_id === e.client_id))

  // Still offline: the app starts again from the service worker, the entries still there.
  await page.locator('.phone-tabs [data-tab="records"]').click()
  await page.waitForURL('**/m/records')
  await page.reload()
  await page.locator('[data-record][data-state="pending"]').first().waitFor()
  assert.equal(await page.locator('[data-record][data-state="pending"]').count(), 3)
  assert.equal(await page.locator('[data-test="net"]', { hasText: '离线' }).count(), 1)

  // Back online: the loop sends them; the lecture comes back refused and is kept.
  await page.context().setOffline(false)
  await until(async () => (await page.locator('[data-record][data-state="pending"]').count()) === 0, 'the sync')
  await page.locator('[data-record][data-state="synced"][data-kind="presence"]').first().waitFor()
  const refused = page.locator('[data-record][data-state="error"]')
  await refused.waitFor()
  assert.equal((await refused.locator('[data-test="record-error"]').innerText()).trim(), '讲座和新技术新项目须填写题目')
  entries = await outboxEntries(page)
  const byKind = (k, s) => entries.filter((e) => e.kind === k && e.status === s)
  assert.equal(byKind('presence', 'synced').length, 1)
  assert.equal(byKind('activity', 'synced').length, 1)
  assert.equal(byKind('activity', 'error').length, 1)
  assert.equal(byKind('activity', 'error')[0].error.field, 'title')

  const serverRows = async () => ({
    presence: (await stack.admin.get(`/presence?assignment_id=${asg.id}`)).items,
    activities: (await stack.admin.get(`/activities?assignment_id=${asg.id}`)).items,
  })
  let rows = await serverRows()
  assert.equal(rows.presence.length, 1)
  assert.equal(rows.activities.length, 1)
  assert.equal(rows.presence[0].client_id, byKind('presence', 'synced')[0].client_id)
  assert.equal(rows.activities[0].client_id, byKind('activity', 'synced')[0].client_id)
  assert.equal(rows.activities[0].quantity, 18)

  // A forced second attempt of the synced entries: 200 with the stored record, marked synced, no new rows.
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open('yilian-offline', 1)
        r.onerror = () => reject(r.error)
        r.onsuccess = () => {
          const db = r.result
          const tx = db.transaction('outbox', 'readwrite')
          const store = tx.objectStore('outbox')
          const g = store.getAll()
          g.onsuccess = () => g.result.filter((e) => e.status === 'synced').forEach((e) => store.put({ ...e, status: 'pending', synced_at: null }))
          tx.oncomplete = () => {
            db.close()
            resolve()
          }
        }
      }),
  )
  const replays = []
  page.on('response', (r) => r.request().method() === 'POST' && r.status() === 200 && replays.push(r.url()))
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await until(async () => (await outboxEntries(page)).filter((e) => e.status === 'pending').length === 0 && replays.length === 2, 'the second attempt')
  assert.equal((await outboxEntries(page)).filter((e) => e.status === 'synced').length, 2)
  rows = await serverRows()
  assert.equal(rows.presence.length, 1, 'still one presence row for the client_id')
  assert.equal(rows.activities.length, 1, 'still one activity row for the client_id')
  // The server's side of it.
  const doctor = await stack.anon.login('doctor_li', PASSWORD)
  const replayed = await doctor.post('/presence', byKind('presence', 'synced')[0].body)
  assert.equal(replayed.id, rows.presence[0].id, 'a retry answers the stored record')
  // The same client_id with a different body is refused by name, not taken for the stored record.
  await assert.rejects(
    doctor.post('/presence', { ...byKind('presence', 'synced')[0].body, status: 'leave', reason: '病假' }),
    (e) => e.status === 409 && e.data.error.field === 'client_id',
  )

  // The refused lecture: corrected where the server said, sent again.
  await refused.getByRole('button', { name: '修改' }).click()
  const fix = page.locator('.fix-dialog:visible')
  await fix.waitFor()
  assert.equal(await expectFieldError(fix, 'title'), '讲座和新技术新项目须填写题目')
  await fillField(fix, 'title', '合理用药讲座')
  await page.locator('[data-test="fix-save"]').click()
  await until(async () => (await page.locator('[data-record][data-state="error"]').count()) === 0, 'the corrected entry to sync')
  rows = await serverRows()
  assert.equal(rows.activities.length, 2)
  assert.ok(rows.activities.some((a) => a.kind === 'lecture' && a.title === '合理用药讲座' && a.quantity === 40))
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

test('a 401 while syncing asks to sign in again; the entry waits and is sent after signing in', async () => {
  const asg = (await stack.admin.get(`/assignments?staff_id=${stack.data.staff.li.id}`)).items[0]
  const page = await stack.session('doctor_li', { viewport: PHONE, path: '/m/checkin' })
  await page.locator(`[data-test="checkin-${asg.id}-pm"]`).waitFor()
  await page.context().setOffline(true)
  await page.locator(`[data-test="checkin-${asg.id}-pm"]`).click()
  await page.locator(`[data-test="state-${asg.id}-pm"][data-state="pending"]`).waitFor()
  // The session ends on the server (signed out elsewhere) while the phone is offline.
  const { token } = JSON.parse(await page.evaluate(() => localStorage.getItem('yilian.session')))
  const res = await fetch(`${stack.base}/api/v1/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' })
  assert.equal(res.status, 200)

  await page.context().setOffline(false)
  await page.waitForURL((u) => u.pathname === '/login')
  await page.getByText('登录已失效,请重新登录').waitFor()
  const waiting = (await outboxEntries(page)).filter((e) => e.status === 'pending')
  assert.equal(waiting.length, 1, 'the entry is kept')
  assert.equal((await stack.admin.get(`/presence?assignment_id=${asg.id}&half=pm`)).total, 0)

  await page.getByLabel('用户名').first().fill('doctor_li')
  await page.getByLabel('密码').first().fill(PASSWORD)
  await page.locator('[data-test="login-submit"]').click()
  await page.waitForURL('**/m/checkin')
  await page.locator(`[data-test="state-${asg.id}-pm"][data-state="synced"]`).waitFor()
  const pm = (await stack.admin.get(`/presence?assignment_id=${asg.id}&half=pm`)).items
  assert.equal(pm.length, 1)
  assert.equal(pm[0].client_id, waiting[0].client_id)
  await page.context().close()
})

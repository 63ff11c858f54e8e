// The team's visit record on the phone (/m/rounds): saved offline with a client id,
// shown as 待同步, sent once back online, and sent again (a lost answer) without a
// second record on the server.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, PHONE, fillField } from './harness.mjs'
import { seedRounds } from './rounds-fixtures.mjs'

let stack
let fx
before(async () => {
  stack = await startStack()
  fx = await seedRounds(stack)
})
after(async () => {
  await stack?.stop()
})
// A signed-in page with room for a busy machine (the whole suite runs in parallel).
async function session(...args) {
  const page = await stack.session(...args)
  page.setDefaultTimeout(20000)
  return page
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const outboxEntries = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open('yilian-offline', 1)
        r.onsuccess = () => {
          const q = r.result.transaction('outbox').objectStore('outbox').getAll()
          q.onsuccess = () => resolve(q.result)
          q.onerror = () => reject(q.error)
        }
        r.onerror = () => reject(r.error)
      }),
  )
async function until(fn, what, ms = 15000) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await fn()) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`timed out waiting for ${what}`)
}

test('offline: a visit waits on the phone, syncs once, and a resend makes no duplicate', async () => {
  const page = await session('doctor_a', { viewport: PHONE, path: '/m' })
  // The tile on the phone home page leads to the form.
  await page.locator('[data-tile="rounds-visit"]').click()
  await page.waitForURL('**/m/rounds')
  const form = page.locator('.visit-form')
  await form.locator('[data-field="village_code"] .el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '东关村' }).first().click()
  await page.keyboard.press('Escape')
  // Prepared while online: the team's choices and the field labels are kept for offline use.
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('yilian.rounds.')) && !!localStorage.getItem('yilian.openapi'))

  await page.context().setOffline(true)
  await page.locator('[data-test="offline-hint"]').waitFor()
  assert.ok(await form.locator('[data-field="members"] .el-checkbox.is-checked', { hasText: '张伟' }).count(), 'the recorder is present')
  await fillField(form, 'patients', 23)
  await fillField(form, 'referrals', 1)
  await fillField(form, 'guidance_hypertension', 7)
  await page.locator('[data-test="visit-save"]').click()
  await page.locator('[data-record][data-state="pending"]').waitFor()
  let entries = await outboxEntries(page)
  assert.equal(entries.length, 1)
  const [entry] = entries
  assert.ok(UUID.test(entry.client_id) && entry.body.client_id === entry.client_id && entry.kind === 'round_visit')
  assert.equal(entry.body.patients, 23)
  assert.deepEqual(entry.body.members, [stack.data.staff.zhang.id])

  await page.context().setOffline(false)
  await page.locator('[data-record][data-state="synced"]').waitFor({ timeout: 20000 })
  const admin = stack.admin
  const mine = async () => (await admin.get(`/round-visits?team_id=${fx.teamA.id}&page_size=100`)).items.filter((v) => v.client_id === entry.client_id)
  assert.equal((await mine()).length, 1)
  assert.equal((await mine())[0].guidance_hypertension, 7)

  // The answer was lost: the entry is sent again; the server answers the record it has.
  await page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open('yilian-offline', 1)
        r.onsuccess = () => {
          const s = r.result.transaction('outbox', 'readwrite').objectStore('outbox')
          const g = s.get(id)
          g.onsuccess = () => {
            const e = g.result
            e.status = 'pending'
            s.put(e).onsuccess = () => resolve()
          }
          g.onerror = () => reject(g.error)
        }
      }),
    entry.client_id,
  )
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await until(async () => (await outboxEntries(page)).every((e) => e.status === 'synced'), 'the resend')
  assert.equal((await mine()).length, 1, 'still one record')
  assert.equal(await page.locator('[data-record]').count(), 1)
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()
})

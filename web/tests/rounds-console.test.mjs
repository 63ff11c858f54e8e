// The rounds (巡回医疗) console: a township creates a team, assigns an uncovered village and
// sees the coverage change, records visits (a refused one shows the server's message),
// the bureau's weekly 附件2 table adds up exactly the visits entered, the bureau submits
// the week and the city reviews it; scope: another township sees none of it, a doctor
// is refused the console pages.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { startStack, formItem, pickRef, fillField, fieldError, tableRows, chooseOption } from './harness.mjs'
import { seedRounds, lastWeek } from './rounds-fixtures.mjs'

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

const dialog = (page) => page.locator('.el-dialog:visible').last()
async function pickDate(scope, field, value) {
  const input = formItem(scope, field).locator('input').first()
  await input.fill(value)
  await input.press('Enter')
}

test('team, grid with coverage, visits, weekly table equal to the visits, submit and review', async () => {
  const wk = lastWeek()
  const page = await session('township_a', { path: '/rounds/teams' })
  const menu = await page.locator('.app-menu').innerText()
  for (const item of ['巡诊团队', '村级包干', '医疗骨干库', '巡诊排班', '巡诊记录', '月调度']) assert.match(menu, new RegExp(item))
  assert.ok(!menu.includes('巡诊周报'), 'the weekly report is the bureau’s')

  // A new team of the centre.
  await page.locator('[data-test="create-rounds_team"]').click()
  let dlg = dialog(page)
  await fillField(dlg, 'name', '解放路第二巡诊队')
  await chooseOption(page, dlg, 'kind', '健康管理团队')
  await dlg.locator('.el-button--primary', { hasText: '保存' }).click()
  await page.locator('.el-table__row', { hasText: '解放路第二巡诊队' }).waitFor()

  // The grid: 西关村 is not covered; assigning it to the new team covers it.
  await page.goto(`${stack.base}/rounds/grid`)
  await page.locator('[data-test="uncovered"] [data-village="370102001002"]').waitFor()
  assert.equal((await page.locator('[data-test="covered"] .el-statistic__number').innerText()).trim(), '1')
  await page.locator('[data-test="create-village_assignment"]').click()
  dlg = dialog(page)
  await pickRef(page, dlg, 'village_code', '西关', '西关村')
  await pickRef(page, dlg, 'team_id', '第二', '解放路第二巡诊队')
  await dlg.locator('.el-button--primary', { hasText: '保存' }).click()
  await page.locator('[data-test="uncovered"] [data-village="370102001002"]').waitFor({ state: 'detached' })
  assert.equal((await page.locator('[data-test="covered"] .el-statistic__number').innerText()).trim(), '2')
  // The same village again: the server's message at the field.
  await page.locator('[data-test="create-village_assignment"]').click()
  dlg = dialog(page)
  await pickRef(page, dlg, 'village_code', '西关', '西关村')
  await pickRef(page, dlg, 'team_id', '第一', '解放路第一巡诊队')
  await dlg.locator('.el-button--primary', { hasText: '保存' }).click()
  await dlg.locator('.el-form-item__error', { hasText: '该村在此期间已由其他团队包干' }).waitFor()
  await dlg.locator('.el-button', { hasText: '取消' }).click()

  // Visits of last week, recorded in the console.
  await page.goto(`${stack.base}/rounds/visits`)
  const entered = [
    { day: wk.days[1], patients: 15, referrals: 2, sessions: 1, audience: 40, elderly: 6 },
    { day: wk.days[3], patients: 11, referrals: 0, sessions: 0, audience: 0, elderly: 3 },
  ]
  for (const [i, v] of entered.entries()) {
    await page.locator('[data-test="create-round_visit"]').click()
    dlg = dialog(page)
    await dlg.locator('[data-field="village_code"] .el-select__wrapper').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '东关村' }).first().click()
    await pickDate(dlg, 'day', v.day)
    await dlg.locator('[data-field="members"] .el-checkbox', { hasText: '刘洋' }).click()
    if (i === 0) await dlg.locator('[data-field="senior_doctors"] .el-checkbox', { hasText: '陈静' }).click()
    await fillField(dlg, 'patients', v.patients)
    await fillField(dlg, 'referrals', v.referrals)
    await fillField(dlg, 'education_audience', v.audience)
    await fillField(dlg, 'guidance_elderly', v.elderly)
    if (v.audience) {
      // Audience without sessions: refused with the server's words at the field.
      await dlg.locator('[data-test="visit-save"]').click()
      await fieldError(dlg, 'education_sessions').waitFor()
      assert.equal((await fieldError(dlg, 'education_sessions').innerText()).trim(), '填写了健康宣教受益人数,须同时填写开展场次')
      await fillField(dlg, 'education_sessions', v.sessions)
    }
    await dlg.locator('[data-test="visit-save"]').click()
    await dlg.waitFor({ state: 'hidden' })
  }
  const rows = await tableRows(page)
  assert.equal(rows.filter((r) => r.some((c) => c === '东关村')).length, 2)
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()

  // The bureau's weekly table adds up exactly those visits.
  const bureau = await session('bureau_a', { path: '/rounds/weekly' })
  await bureau.locator('[data-test="week"]').fill(wk.label)
  await bureau.locator('[data-test="week"]').press('Enter')
  const table = bureau.locator('[data-test="weekly-table"]')
  await table.locator('.el-table__row', { hasText: '历下区' }).waitFor()
  const head = await table.locator('.el-table__header-wrapper').innerText()
  for (const h of ['基本情况', '巡诊覆盖', '健康宣教', '重点人群健康指导', '诊疗人次', '开展场次', '受益人数', '老年人']) assert.match(head, new RegExp(h))
  const api = await stack.anon.login('bureau_a', 'Test2024pass')
  const json = await api.get(`/rounds/weekly-table?region=370102&week=${wk.label}`)
  const sum = (k) => entered.reduce((a, v) => a + v[k], 0)
  assert.equal(json.rows[0].patients, sum('patients'))
  assert.equal(json.rows[0].referrals, sum('referrals'))
  assert.equal(json.rows[0].education_audience, sum('audience'))
  assert.equal(json.rows[0].guidance_elderly, sum('elderly'))
  assert.equal(json.rows[0].senior_lead_hospital, 1)
  const cells = (await tableRows(table)).find((r) => r[0] === '历下区')
  assert.ok(cells.includes(String(sum("patients"))), `诊疗人次 ${sum("patients")} in ${cells} head ${head} json ${JSON.stringify(json.rows[0])}`)
  assert.ok(cells.includes(String(sum('audience'))))

  // The table as files: CSV with the same numbers, and the xlsx.
  const [csv] = await Promise.all([bureau.waitForEvent('download'), bureau.locator('[data-test="dl-csv"]').click()])
  const text = await readFile(await csv.path(), 'utf8')
  assert.match(text, /历下区/)
  assert.ok(text.includes(String(sum('patients'))), 'the CSV carries 诊疗人次')
  const [xlsx] = await Promise.all([bureau.waitForEvent('download'), bureau.locator('[data-test="dl-xlsx"]').click()])
  assert.match(xlsx.suggestedFilename(), /\.xlsx$/)
  assert.equal((await readFile(await xlsx.path())).subarray(0, 2).toString(), 'PK')

  // Submit: a bad phone is refused in Chinese, then the week goes in.
  await bureau.locator('[data-field="reporter_name"] input').fill('王芳')
  await bureau.locator('[data-field="reporter_phone"] input').fill('电话')
  await bureau.locator('[data-test="weekly-submit"]').click()
  await bureau.locator('[data-field="reporter_phone"] .el-form-item__error', { hasText: '联系电话只能包含数字' }).waitFor()
  await bureau.locator('[data-field="reporter_phone"] input').fill('0531-86001234')
  await bureau.locator('[data-test="weekly-submit"]').click()
  await bureau.locator('[data-test="report-status"] [data-county="370102"][data-status="submitted"]').waitFor()
  assert.equal(await bureau.locator('[data-test="approve-370102"]').count(), 0, 'a county does not review its own report')
  assert.deepEqual(bureau.errors.map(String), [])
  await bureau.context().close()

  // The city reviews it.
  const city = await session('bureau_city', { path: '/rounds/weekly' })
  await city.locator('[data-test="week"]').fill(wk.label)
  await city.locator('[data-test="week"]').press('Enter')
  await city.locator('[data-test="approve-370102"]').click()
  await city.locator('[data-test="report-status"] [data-county="370102"][data-status="approved"]').waitFor()
  const comp = await tableRows(city.locator('[data-test="completeness"]'))
  assert.ok(comp.find((r) => r[0] === '历下区' && r[4] === '1'), `approved counted: ${JSON.stringify(comp)}`)
  assert.deepEqual(city.errors.map(String), [])
  await city.context().close()
})

test('scope: another township sees none of it; a doctor is refused the console pages', async () => {
  const page = await session('township_b', { path: '/rounds/teams' })
  const rows = await tableRows(page)
  assert.deepEqual(rows.map((r) => r.filter(Boolean)[0]).filter(Boolean), ['大观园巡诊队'])
  await page.goto(`${stack.base}/rounds/grid`)
  await page.locator('[data-test="coverage"]').waitFor()
  const body = await page.locator('.page-card').innerText()
  assert.ok(!body.includes('东关村') && !body.includes('解放路'), 'nothing of 解放路 shown')
  // Its own weekly report is the bureau's: not in the menu, refused when typed.
  await page.goto(`${stack.base}/rounds/weekly`)
  await page.waitForURL('**/forbidden**')
  // The server refuses the other township's figures outright.
  const api = await stack.anon.login('township_b', 'Test2024pass')
  await assert.rejects(api.get('/rounds/coverage?region=370102001000'), (e) => e.status === 403)
  await assert.rejects(api.get(`/rounds-teams/${fx.teamA.id}`), (e) => [403, 404].includes(e.status))
  assert.deepEqual(page.errors.map(String), [])
  await page.context().close()

  const doc = await session('doctor_a', { path: '/rounds/teams' })
  await doc.waitForURL((u) => u.pathname === '/m')
  assert.ok(!(await doc.locator('body').innerText()).includes('巡诊团队'))
  await doc.goto(`${stack.base}/rounds/weekly`)
  await doc.waitForURL((u) => u.pathname === '/m')
  await doc.context().close()
})

// The page guard (page-tour.mjs) over the demo county (make demo), when its datasets are
// installed: every main page of every demo account at desktop width.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { startStack, DESKTOP, DATASETS, DEMO_PASSWORD } from './harness.mjs'
import { DEMO_ROLES, tour } from './page-tour.mjs'

test('every main page of every demo account loads cleanly at desktop width', async (t) => {
  if (!existsSync(DATASETS)) return t.skip(`no demo datasets at ${DATASETS} (scripts/setup.sh installs them)`)
  const demo = await startStack({ demo: true })
  try {
    const problems = await tour(demo, DEMO_ROLES, DEMO_PASSWORD, DESKTOP)
    assert.deepEqual(problems, [], problems.join('\n'))
  } finally {
    await demo.stop()
  }
})

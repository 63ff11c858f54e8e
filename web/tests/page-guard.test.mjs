// The page guard (page-tour.mjs) over the test stack with support and rounds data: every
// main page of every role, at desktop and phone width.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startStack, DESKTOP, PHONE, PASSWORD } from './harness.mjs'
import { seedSupport } from './support-fixtures.mjs'
import { seedRounds, addCoordinates } from './rounds-fixtures.mjs'
import { ROLES, tour } from './page-tour.mjs'

let stack
before(async () => {
  stack = await startStack()
  await seedSupport(stack)
  await seedRounds(stack)
  await addCoordinates(stack)
})
after(async () => {
  await stack?.stop()
})

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`every main page of every role loads cleanly at ${label} width`, async () => {
    const problems = await tour(stack, ROLES, PASSWORD, viewport)
    assert.deepEqual(problems, [], problems.join('\n'))
  })
}

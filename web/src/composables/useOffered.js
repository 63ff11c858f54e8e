// The phone tiles and tabs the user can actually use: an entry may carry
// `available(user) → Promise<boolean>` (e.g. 巡诊登记 only for a member of a round team,
// 今日签到 only with a dispatch running), checked once per session and user. Without a
// network the entry stays (fail-open: offline work must not lose its way in); an answer
// of the server that the user may not read it hides it. Entries without `available` show.
import { ref, watchEffect } from 'vue'

const answers = new Map() // `${userId}:${key}` → Promise<boolean>
const settled = new Map() // the same keys → the answer, once known

function availableFor(user, item) {
  if (!item.available) return Promise.resolve(true)
  const k = `${user?.id}:${item.key}`
  if (!answers.has(k))
    answers.set(
      k,
      Promise.resolve()
        .then(() => item.available(user))
        .then(
          (ok) => !!ok,
          (e) => e?.status === 0,
        )
        .then((ok) => (settled.set(k, ok), ok)),
    )
  return answers.get(k)
}

/** Forgets the answers (a new sign-in asks again). */
export function forgetOffered() {
  answers.clear()
  settled.clear()
}

/** A ref of the entries of `list()` that are available to `user()`. */
export function useOffered(list, user) {
  const out = ref([])
  let seq = 0
  watchEffect(async () => {
    const items = list()
    const u = user()
    const mine = ++seq
    // What needs no asking shows at once; the rest joins when its answer is in.
    out.value = items.filter((i) => !i.available || settled.get(`${u?.id}:${i.key}`) === true)
    const ok = await Promise.all(items.map((i) => availableFor(u, i)))
    if (mine === seq) out.value = items.filter((_, i) => ok[i])
  })
  return out
}

// The state shared by the field pages of a dispatched doctor: assignments, records
// (server + offline outbox) and the network, kept fresh as the outbox syncs.
import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { useAuthStore } from '@/stores/auth'
import { today } from '@/utils/dates'
import { isCurrent, mergeRecords, myAssignments, outbox, prefetchMeta, recentServer } from './fieldData'

export function useOnline() {
  const online = ref(navigator.onLine)
  const set = () => (online.value = navigator.onLine)
  onMounted(() => {
    window.addEventListener('online', set)
    window.addEventListener('offline', set)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('online', set)
    window.removeEventListener('offline', set)
  })
  return online
}

export function useField() {
  const auth = useAuthStore()
  const uid = auth.user?.id ?? null
  const assignments = ref([])
  const server = ref({ presence: [], activities: [] })
  const local = ref([])
  const cached = ref(false)
  const loading = ref(false)
  const error = ref('')
  const day = today()
  const online = useOnline()

  const current = computed(() => assignments.value.filter((a) => isCurrent(a, day)))
  const records = computed(() => mergeRecords(server.value, local.value))
  const pending = computed(() => local.value.filter((e) => e.status === 'pending').length)
  const failed = computed(() => local.value.filter((e) => e.status === 'error').length)

  let syncedSeen = -1
  async function loadLocal() {
    if (uid === null) return
    local.value = await outbox.entries(uid)
    // Something was just sent: read the server's copy (confirmation state, ids).
    const synced = local.value.filter((e) => e.status === 'synced').length
    if (syncedSeen >= 0 && synced > syncedSeen && navigator.onLine) loadServer()
    syncedSeen = synced
  }
  async function loadServer() {
    if (uid === null) return
    loading.value = true
    error.value = ''
    try {
      const a = await myAssignments(uid)
      assignments.value = a.items
      const r = await recentServer(uid)
      server.value = r
      cached.value = a.cached || r.cached
    } catch (e) {
      error.value = e.message
    } finally {
      loading.value = false
    }
  }
  const reload = () => Promise.all([loadLocal(), loadServer()])

  let unsubscribe = null
  onMounted(() => {
    unsubscribe = outbox.subscribe(() => loadLocal().catch(() => {}))
    prefetchMeta()
    reload().catch(() => {})
  })
  onBeforeUnmount(() => unsubscribe && unsubscribe())

  /** Stores a record in the outbox (sent at once when online). */
  async function record(kind, body, label, names = {}) {
    const path = kind === 'presence' ? '/presence' : '/activities'
    const entry = await outbox.enqueue({ kind, path, body, owner: uid, label, names })
    await loadLocal()
    return entry
  }

  return { uid, day, online, assignments, current, records, local, pending, failed, cached, loading, error, reload, record, loadLocal }
}

// The session: token (kept in localStorage so a reload stays signed in), its expiry,
// and the user with their scope. A 401 from any request, or the expiry time passing,
// ends the session and sends the user back to the login page.
import { defineStore } from 'pinia'
import { auth as authApi, setToken, setUnauthorizedHandler } from '@/api/client'
import { i18n } from '@/i18n'
import { forgetOffered } from '@/composables/useOffered'

const STORAGE_KEY = 'yilian.session'
export const PERSONAL_ROLES = ['doctor', 'village_doctor']

function readStored() {
  let s = null
  try {
    s = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null')
  } catch {
    /* a damaged entry is no session */
  }
  if (s && s.token && s.expires_at && Date.parse(s.expires_at) > Date.now()) return s
  localStorage.removeItem(STORAGE_KEY)
  // A session that ran out while the app was closed: say so on the login page.
  return s && s.token ? { expired: true } : null
}

let expiryTimer = null

export const useAuthStore = defineStore('auth', {
  state: () => {
    const s = readStored()
    return {
      token: s?.token || null,
      expiresAt: s?.expires_at || null,
      user: s?.user || null, // {id, username, display_name, role, role_label, region_code, institution_id, staff_id, institution_name?, region_name?}
      endReason: s?.expired ? 'expired' : null, // 'expired' | 'unauthorized' | null: why the last session ended
      meLoaded: false,
    }
  },
  getters: {
    loggedIn: (s) => !!s.token,
    role: (s) => s.user?.role || null,
    isPersonal: (s) => PERSONAL_ROLES.includes(s.user?.role),
    /** 辖区/机构 shown in the header: the institution, else the region, else everything. */
    scopeName: (s) =>
      s.user?.institution_name || s.user?.region_name || (s.user?.role === 'admin' ? i18n.global.t('header.allRegions') : ''),
    homePath() {
      return this.isPersonal ? '/m' : '/'
    },
  },
  actions: {
    init() {
      setToken(this.token)
      setUnauthorizedHandler(() => this.end('unauthorized'))
      this.armExpiry()
      // A tab left open past the expiry finds out when it is looked at again.
      document.addEventListener('visibilitychange', () => {
        if (this.token && this.expiresAt && Date.parse(this.expiresAt) <= Date.now()) this.end('expired')
      })
    },
    persist() {
      if (this.token) {
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ token: this.token, expires_at: this.expiresAt, user: this.user }))
      } else {
        localStorage.removeItem(STORAGE_KEY)
      }
    },
    armExpiry() {
      clearTimeout(expiryTimer)
      if (!this.token || !this.expiresAt) return
      const ms = Date.parse(this.expiresAt) - Date.now()
      // setTimeout holds at most ~24.8 days; tokens live far shorter.
      expiryTimer = setTimeout(() => this.end('expired'), Math.max(0, Math.min(ms, 2 ** 31 - 1)))
    },
    async login(username, password) {
      const res = await authApi.login(username, password)
      this.token = res.token
      this.expiresAt = res.expires_at
      this.user = res.user
      this.endReason = null
      setToken(res.token)
      this.persist()
      this.armExpiry()
      await this.loadMe()
      return res.user
    },
    /** /auth/me adds the names of the user's institution and region. */
    async loadMe() {
      if (!this.token) return null
      const me = await authApi.me()
      this.user = { ...this.user, ...me }
      this.meLoaded = true
      this.persist()
      return me
    },
    async logout() {
      if (this.token) {
        try {
          await authApi.logout()
        } catch {
          /* the token may already be gone; the local session ends either way */
        }
      }
      this.clear()
    },
    /** The session ended without the user asking (401 or expiry). */
    end(reason) {
      if (!this.token) return
      this.clear()
      this.endReason = reason
      // The router guard sends the user to /login; a page already open is left at once.
      const here = window.location.pathname + window.location.search
      if (!here.startsWith('/login')) {
        import('@/router').then(({ router }) => router.replace({ path: '/login', query: { redirect: here, reason } }))
      }
    },
    clear() {
      clearTimeout(expiryTimer)
      forgetOffered() // the next account's tiles are asked for again
      this.token = null
      this.expiresAt = null
      this.user = null
      this.meLoaded = false
      setToken(null)
      this.persist()
    },
  },
})

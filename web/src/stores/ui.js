// Screen width and language. The phone layout is used at ≤ 768 px (and always for
// the personal roles, see router/index.js).
import { defineStore } from 'pinia'
import { setLocale, i18n } from '@/i18n'

export const PHONE_QUERY = '(max-width: 768px)'

export const useUiStore = defineStore('ui', {
  state: () => ({
    isPhone: typeof window !== 'undefined' && window.matchMedia(PHONE_QUERY).matches,
    locale: i18n.global.locale.value,
    menuOpen: false, // the phone drawer of the console layout
  }),
  actions: {
    init() {
      const mq = window.matchMedia(PHONE_QUERY)
      mq.addEventListener('change', (e) => {
        this.isPhone = e.matches
        if (!e.matches) this.menuOpen = false
      })
    },
    setLocale(l) {
      setLocale(l)
      this.locale = l
    },
  },
})

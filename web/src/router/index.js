// Routes: /login, the console layout at / (pages from each module's `routes`), the
// phone layout at /m (pages from `phoneRoutes`). The guard signs out expired
// sessions, sends the personal roles to the phone layout, and shows 无权访问 for a
// page the role may not open (the server still checks every record).
import { createRouter, createWebHistory } from 'vue-router'
import { consoleRoutes, phoneRoutes } from '@/modules'
import { useAuthStore } from '@/stores/auth'
import { i18n } from '@/i18n'
import { PHONE_QUERY } from '@/stores/ui'
import LoginView from '@/views/login/LoginView.vue'

const routes = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true, titleKey: 'login.title' } },
  {
    path: '/m',
    component: () => import('@/layouts/PhoneLayout.vue'),
    children: [
      ...phoneRoutes(),
      { path: ':pathMatch(.*)*', component: () => import('@/views/errors/NotFound.vue'), meta: { titleKey: 'noAccess.notFound', phone: true } },
    ].map((r) => ({ ...r, meta: { ...(r.meta || {}), phone: true } })),
  },
  {
    path: '/',
    component: () => import('@/layouts/ConsoleLayout.vue'),
    children: [
      ...consoleRoutes(),
      { path: 'forbidden', name: 'forbidden', component: () => import('@/views/errors/ForbiddenView.vue'), meta: { titleKey: 'noAccess.title' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/views/errors/NotFound.vue'), meta: { titleKey: 'noAccess.notFound' } },
    ],
  },
]

export const router = createRouter({ history: createWebHistory(), routes })

const FIELD_ROLES = ['township', 'doctor', 'village_doctor']
const LAYOUT_KEY = 'yilian.layout'
const narrow = () => typeof window !== 'undefined' && window.matchMedia(PHONE_QUERY).matches

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  if (auth.loggedIn && auth.expiresAt && Date.parse(auth.expiresAt) <= Date.now()) {
    auth.clear()
    auth.endReason = 'expired'
    if (!to.meta.public) return { path: '/login', query: { redirect: to.fullPath, reason: 'expired' } }
  }
  if (to.meta.public) {
    if (to.name === 'login' && auth.loggedIn) return auth.homePath
    return true
  }
  if (!auth.loggedIn) return { path: '/login', query: { redirect: to.fullPath !== '/' ? to.fullPath : undefined } }
  if (!auth.meLoaded) {
    try {
      await auth.loadMe()
    } catch {
      if (!auth.loggedIn) return { path: '/login', query: { redirect: to.fullPath, reason: auth.endReason || undefined } }
    }
  }
  // 派驻医生 and 村医 work on their phones: their pages are under /m.
  if (auth.isPersonal && !to.meta.phone) return '/m'
  // Any field role on a narrow screen starts in the phone layout; the console stays one
  // tap away (电脑版, ?layout=desktop, remembered for the tab's session).
  if (to.query.layout === 'desktop') {
    sessionStorage.setItem(LAYOUT_KEY, 'desktop')
    return { path: to.path, query: { ...to.query, layout: undefined }, hash: to.hash }
  }
  if (to.path === '/' && FIELD_ROLES.includes(auth.role) && narrow() && sessionStorage.getItem(LAYOUT_KEY) !== 'desktop') return '/m'
  if (to.meta.roles && !to.meta.roles.includes(auth.role)) {
    return { name: 'forbidden', query: { from: to.fullPath } }
  }
  return true
})

router.afterEach((to) => {
  const { t } = i18n.global
  document.title = to.meta.titleKey ? `${t(to.meta.titleKey)} - ${t('app.name')}` : t('app.name')
})

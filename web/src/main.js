import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/theme-chalk/base.css'
import 'element-plus/theme-chalk/el-message.css'
import 'element-plus/theme-chalk/el-message-box.css'
import 'element-plus/theme-chalk/el-loading.css'
import './styles.css'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { useAuthStore } from './stores/auth'
import { useUiStore } from './stores/ui'
import { vLoading } from 'element-plus'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
useAuthStore().init()
useUiStore().init()
app.use(router)
app.directive('loading', vLoading)
app.mount('#app')
document.documentElement.lang = i18n.global.locale.value

// The service worker keeps the app shell for offline start (production builds only).
if (import.meta.env.PROD && 'serviceWorker' in navigator && window.isSecureContext) {
  window.addEventListener('load', () => navigator.serviceWorker.register('/sw.js').catch(() => {}))
}

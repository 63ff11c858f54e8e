// 首页: the dashboard of the console roles.
import { HomeFilled } from '@element-plus/icons-vue'
import { CONSOLE_ROLES } from '@/permissions'

export default {
  name: 'home',
  routes: [
    {
      path: '',
      name: 'dashboard',
      component: () => import('./DashboardView.vue'),
      meta: { titleKey: 'menu.home', roles: CONSOLE_ROLES },
    },
  ],
  menu: [{ key: 'home', titleKey: 'menu.home', icon: HomeFilled, to: '/', order: 0, roles: CONSOLE_ROLES }],
}

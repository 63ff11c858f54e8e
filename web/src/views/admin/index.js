// 用户管理: accounts, their roles and scope anchors (src/auth on the server).
import { UserFilled, Setting } from '@element-plus/icons-vue'

const ROLES = ['admin', 'bureau']

export default {
  name: 'admin',
  groups: [{ key: 'system', titleKey: 'menu.system', icon: Setting, order: 90 }],
  routes: [{ path: 'admin/users', name: 'users', component: () => import('./UsersView.vue'), meta: { titleKey: 'menu.users', roles: ROLES } }],
  menu: [{ key: 'users', titleKey: 'menu.users', icon: UserFilled, group: 'system', order: 10, roles: ROLES, to: '/admin/users' }],
}

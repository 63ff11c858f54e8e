// 审计日志 (src/audit on the server): admin sees all, a bureau its region.
import { Tickets } from '@element-plus/icons-vue'

const ROLES = ['admin', 'bureau']

export default {
  name: 'audit',
  routes: [{ path: 'audit', name: 'audit', component: () => import('./AuditView.vue'), meta: { titleKey: 'menu.audit', roles: ROLES } }],
  menu: [{ key: 'audit', titleKey: 'menu.audit', icon: Tickets, group: 'system', order: 20, roles: ROLES, to: '/audit' }],
}

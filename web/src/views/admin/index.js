// 用户管理: accounts, their roles and scope anchors (src/auth on the server); 工作日历: holidays,
// 调休 and a region's own days (src/calendar).
import { UserFilled, Setting, Calendar } from '@element-plus/icons-vue'

const ROLES = ['admin', 'bureau']

export default {
  name: 'admin',
  groups: [{ key: 'system', titleKey: 'menu.system', icon: Setting, order: 90 }],
  routes: [
    { path: 'admin/users', name: 'users', component: () => import('./UsersView.vue'), meta: { titleKey: 'menu.users', roles: ROLES } },
    { path: 'admin/calendar', name: 'work-calendar', component: () => import('./CalendarView.vue'), meta: { titleKey: 'menu.workCalendar', roles: ROLES } },
  ],
  menu: [
    { key: 'users', titleKey: 'menu.users', icon: UserFilled, group: 'system', order: 10, roles: ROLES, to: '/admin/users' },
    { key: 'work-calendar', titleKey: 'menu.workCalendar', icon: Calendar, group: 'system', order: 20, roles: ROLES, to: '/admin/calendar' },
  ],
}

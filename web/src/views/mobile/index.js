// The phone layout (/m): the home page of 派驻医生 and 村医, and of anyone on a phone
// who opens it. Later modules add their forms here: a route in phoneRoutes, a tile in
// phoneTiles (and, for the main ones, a tab in phoneTabs), e.g.
//   phoneRoutes: [{ path: 'checkin', component: () => import('./CheckinView.vue'), meta: { titleKey: 'menu.checkin' } }]
//   phoneTiles:  [{ key: 'checkin', titleKey: 'menu.checkin', icon: Stamp, to: '/m/checkin', roles: ['doctor'] }]
import { HomeFilled, Avatar, Monitor } from '@element-plus/icons-vue'

export default {
  name: 'mobile',
  phoneRoutes: [
    { path: '', name: 'phone-home', component: () => import('./MobileHome.vue'), meta: { titleKey: 'menu.phoneHome' } },
    { path: 'me', name: 'phone-me', component: () => import('./MyInfo.vue'), meta: { titleKey: 'menu.myInfo' } },
  ],
  phoneTiles: [
    { key: 'me', titleKey: 'menu.myInfo', icon: Avatar, to: '/m/me', order: 90 },
    // The console on purpose, even on a narrow screen (router/index.js).
    { key: 'console', titleKey: 'menu.console', icon: Monitor, to: '/?layout=desktop', order: 99, roles: ['admin', 'bureau', 'hospital', 'township'] },
  ],
  phoneTabs: [
    { key: 'home', titleKey: 'menu.phoneHome', icon: HomeFilled, to: '/m', order: 0 },
    { key: 'me', titleKey: 'menu.mine', icon: Avatar, to: '/m/me', order: 90 },
  ],
}

// 地图: the county drawn from its own coordinates (villages, institutions, 包干, check-ins),
// without an outside tile server. For the bureaus and the township centres, who plan the
// rounds and confirm presence; others' lists would leave it nearly empty.
import { MapLocation } from '@element-plus/icons-vue'

const ROLES = ['admin', 'bureau', 'township']

export default {
  name: 'map',
  routes: [{ path: 'map', name: 'map', component: () => import('./MapView.vue'), meta: { titleKey: 'menu.map', roles: ROLES } }],
  menu: [{ key: 'map', titleKey: 'menu.map', icon: MapLocation, group: 'rounds', order: 30, roles: ROLES, to: '/map' }],
  // The centre's director on a phone reaches it from the phone home too.
  phoneTiles: [{ key: 'map', titleKey: 'menu.map', icon: MapLocation, to: '/map', order: 40, roles: ['township'] }],
}

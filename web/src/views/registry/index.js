// 基础数据: regions, institutions, departments, villages and staff (src/registry on the server).
import { Location, OfficeBuilding, House, Grid, MapLocation, User } from '@element-plus/icons-vue'

const ALL = ['admin', 'bureau', 'hospital', 'township']
const REGION_ROLES = ['admin', 'bureau']
const INST_ROLES = ['admin', 'bureau', 'township']
const VILLAGE_ROLES = ['admin', 'bureau', 'township']

export default {
  name: 'registry',
  groups: [{ key: 'registry', titleKey: 'menu.registry', icon: OfficeBuilding, order: 20 }],
  routes: [
    { path: 'registry/regions', name: 'regions', component: () => import('./RegionsView.vue'), meta: { titleKey: 'menu.regions', roles: REGION_ROLES } },
    { path: 'registry/institutions', name: 'institutions', component: () => import('./InstitutionsView.vue'), meta: { titleKey: 'menu.institutions', roles: INST_ROLES } },
    {
      path: 'registry/institutions/:id',
      name: 'institution',
      component: () => import('./InstitutionDetail.vue'),
      props: true,
      meta: { titleKey: 'menu.institutions', roles: ALL },
    },
    { path: 'registry/departments', name: 'departments', component: () => import('./DepartmentsView.vue'), meta: { titleKey: 'menu.departments', roles: ALL } },
    { path: 'registry/villages', name: 'villages', component: () => import('./VillagesView.vue'), meta: { titleKey: 'menu.villages', roles: VILLAGE_ROLES } },
    { path: 'registry/staff', name: 'staff', component: () => import('./StaffView.vue'), meta: { titleKey: 'menu.staff', roles: ALL } },
  ],
  menu: [
    { key: 'regions', titleKey: 'menu.regions', icon: Location, group: 'registry', order: 10, roles: REGION_ROLES, to: '/registry/regions' },
    {
      key: 'my-institution',
      titleKey: 'menu.myInstitution',
      icon: House,
      group: 'registry',
      order: 15,
      roles: ['hospital', 'township'],
      to: (u) => (u?.institution_id ? `/registry/institutions/${u.institution_id}` : null),
    },
    { key: 'institutions', titleKey: 'menu.institutions', icon: OfficeBuilding, group: 'registry', order: 20, roles: INST_ROLES, to: '/registry/institutions' },
    { key: 'departments', titleKey: 'menu.departments', icon: Grid, group: 'registry', order: 30, roles: ALL, to: '/registry/departments' },
    { key: 'villages', titleKey: 'menu.villages', icon: MapLocation, group: 'registry', order: 40, roles: VILLAGE_ROLES, to: '/registry/villages' },
    { key: 'staff', titleKey: 'menu.staff', icon: User, group: 'registry', order: 50, roles: ALL, to: '/registry/staff' },
  ],
}

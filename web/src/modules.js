// The list of feature modules. Each module lives in src/views/<module>/ and its
// index.js describes what it adds:
//
//   export default {
//     name: 'registry',
//     groups: [{ key: 'registry', titleKey: 'menu.registry', icon, order: 20 }],   // sidebar sections
//     routes: [...],       // console pages (children of the desktop layout, path without leading '/')
//     menu: [{ key, titleKey, icon, group, order, roles, to: '/path' | (user) => '/path' }],
//     phoneRoutes: [...],  // pages of the phone layout (children of /m)
//     phoneTiles: [{ key, titleKey, icon, roles, to }],  // tiles on the phone home page
//     phoneTabs: [{ key, titleKey, icon, roles, to }],   // bottom tab bar entries
//   }
//
// Route meta: titleKey (page title), roles (who may open it; others see 无权访问).
// A new module adds its folder and one line below.
import home from './views/home'
import registry from './views/registry'
import admin from './views/admin'
import audit from './views/audit'
import mobile from './views/mobile'
import support from './views/support'
import rounds from './views/rounds'
import map from './views/map'

export const modules = [home, registry, support, rounds, map, admin, audit, mobile]

const allowed = (item, user) => !item.roles || (user && item.roles.includes(user.role))
const target = (item, user) => (typeof item.to === 'function' ? item.to(user) : item.to)

/** Sidebar: [{ key, titleKey, icon, items: [{ key, titleKey, icon, path }] }] for this user. */
export function menuFor(user) {
  const groups = modules.flatMap((m) => m.groups || []).sort((a, b) => (a.order ?? 50) - (b.order ?? 50))
  const items = modules
    .flatMap((m) => m.menu || [])
    .filter((i) => allowed(i, user))
    .map((i) => ({ ...i, path: target(i, user) }))
    .filter((i) => i.path)
    .sort((a, b) => (a.order ?? 50) - (b.order ?? 50))
  const out = []
  for (const g of [{ key: '', order: -1 }, ...groups]) {
    const list = items.filter((i) => (i.group || '') === g.key)
    if (list.length) out.push({ ...g, items: list })
  }
  return out
}

export function phoneTilesFor(user) {
  return modules
    .flatMap((m) => m.phoneTiles || [])
    .filter((i) => allowed(i, user))
    .map((i) => ({ ...i, path: target(i, user) }))
    .sort((a, b) => (a.order ?? 50) - (b.order ?? 50))
}

export function phoneTabsFor(user) {
  return modules
    .flatMap((m) => m.phoneTabs || [])
    .filter((i) => allowed(i, user))
    .map((i) => ({ ...i, path: target(i, user) }))
    .sort((a, b) => (a.order ?? 50) - (b.order ?? 50))
}

export const consoleRoutes = () => modules.flatMap((m) => m.routes || [])
export const phoneRoutes = () => modules.flatMap((m) => m.phoneRoutes || [])

// 巡回医疗 (src/rounds on the server): teams and their members, the village grid (包干)
// with its coverage check, the senior-doctor pool, the villages' needs, the planner,
// the visits with plan-vs-actual, the weekly 附件2 table with its submission and
// review, and the monthly view; on the phone, the team's visit record (offline first).
import { Van, Grid, UserFilled, Aim, Calendar, Tickets, Document, DataAnalysis, EditPen } from '@element-plus/icons-vue'

const CONSOLE = ['admin', 'bureau', 'hospital', 'township']
const PLANNERS = ['admin', 'bureau', 'township'] // and the reports: a hospital only sees its teams, doctors and visits
const COUNTY = ['admin', 'bureau']
const FIELD = ['doctor', 'village_doctor', 'township']

async function recordsVisits(user) {
  const { myTeams } = await import('./visitData')
  return (await myTeams({ user, role: user?.role })).length > 0
}

const page = (path, name, component, titleKey, roles, props) => ({ path, name, component, props, meta: { titleKey, roles } })
const list = () => import('./RoundsList.vue')

export default {
  name: 'rounds',
  groups: [{ key: 'rounds', titleKey: 'menu.rounds', icon: Van, order: 40 }],
  routes: [
    page('rounds/teams', 'rounds-teams', () => import('./TeamsView.vue'), 'menu.roundsTeams', CONSOLE),
    page('rounds/grid', 'rounds-grid', () => import('./GridView.vue'), 'menu.roundsGrid', PLANNERS),
    page('rounds/seniors', 'rounds-seniors', list, 'menu.roundsSeniors', CONSOLE, { kind: 'senior_doctor' }),
    page('rounds/needs', 'rounds-needs', () => import('./NeedsView.vue'), 'menu.roundsNeeds', PLANNERS),
    page('rounds/planner', 'rounds-planner', () => import('./PlannerView.vue'), 'menu.roundsPlanner', PLANNERS),
    page('rounds/visits', 'rounds-visits', () => import('./VisitsView.vue'), 'menu.roundsVisits', CONSOLE),
    page('rounds/weekly', 'rounds-weekly', () => import('./WeeklyView.vue'), 'menu.roundsWeekly', COUNTY),
    page('rounds/monthly', 'rounds-monthly', () => import('./MonthlyView.vue'), 'menu.roundsMonthly', PLANNERS),
  ],
  menu: [
    { key: 'rounds-teams', titleKey: 'menu.roundsTeams', icon: UserFilled, group: 'rounds', order: 10, roles: CONSOLE, to: '/rounds/teams' },
    { key: 'rounds-grid', titleKey: 'menu.roundsGrid', icon: Grid, group: 'rounds', order: 12, roles: PLANNERS, to: '/rounds/grid' },
    { key: 'rounds-seniors', titleKey: 'menu.roundsSeniors', icon: UserFilled, group: 'rounds', order: 14, roles: CONSOLE, to: '/rounds/seniors' },
    { key: 'rounds-needs', titleKey: 'menu.roundsNeeds', icon: Aim, group: 'rounds', order: 16, roles: PLANNERS, to: '/rounds/needs' },
    { key: 'rounds-planner', titleKey: 'menu.roundsPlanner', icon: Calendar, group: 'rounds', order: 18, roles: PLANNERS, to: '/rounds/planner' },
    { key: 'rounds-visits', titleKey: 'menu.roundsVisits', icon: Tickets, group: 'rounds', order: 20, roles: CONSOLE, to: '/rounds/visits' },
    { key: 'rounds-weekly', titleKey: 'menu.roundsWeekly', icon: Document, group: 'rounds', order: 22, roles: COUNTY, to: '/rounds/weekly' },
    { key: 'rounds-monthly', titleKey: 'menu.roundsMonthly', icon: DataAnalysis, group: 'rounds', order: 24, roles: PLANNERS, to: '/rounds/monthly' },
  ],
  phoneRoutes: [
    { path: 'rounds', name: 'rounds-visit', component: () => import('./VisitRecordView.vue'), meta: { titleKey: 'menu.roundsRecord', roles: FIELD } },
  ],
  // 巡诊登记 for whoever records for a round team now (a member, or a centre with teams).
  phoneTiles: [{ key: 'rounds-visit', titleKey: 'menu.roundsRecord', icon: EditPen, to: '/m/rounds', order: 16, roles: FIELD, available: recordsVisits }],
}

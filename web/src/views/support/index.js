// 对口支援 (src/support, src/compliance, src/policy on the server): relationships with
// their agreements, alliances, dispatched staff with two-party presence, activity
// records, appraisals, trainees, ledgers, the reports (promotion ledger, fees, annual
// summary), the compliance check and the policy presets; and the field app of the
// dispatched doctor (check-in, activity log, records — offline first) and of the
// recipient (confirming presence) under /m.
import {
  Connection, Share, Van, EditPen, Medal, Reading, FirstAidKit, DataLine, Flag, Trophy, Money, Histogram, Warning,
  Notebook, Stamp, Checked, Tickets,
} from '@element-plus/icons-vue'
import { CONSOLE_ROLES } from '@/permissions'

const ALL = CONSOLE_ROLES
const RECIPIENTS = ['admin', 'bureau', 'hospital', 'township']
const SUPPLIERS = ['admin', 'bureau', 'hospital']
const CONFIRMERS = ['township', 'hospital']
const FIELD = ['doctor']

const list = () => import('./EntityListView.vue')
// 今日签到 and 记录工作 are for a doctor with a dispatch running in the last week (the
// pages' own window); the field chunk is loaded only to ask.
async function dispatched(user) {
  const { myAssignments, isCurrent } = await import('./field/fieldData')
  const { items } = await myAssignments(user?.id)
  const { addDays, today } = await import('@/utils/dates')
  return [0, 1, 2, 3, 4, 5, 6, 7].some((n) => items.some((a) => isCurrent(a, addDays(today(), -n))))
}
const page = (path, name, component, titleKey, roles, extra = {}) => ({ path, name, component, meta: { titleKey, roles }, ...extra })
const listPage = (path, name, kind, titleKey, roles) => page(path, name, list, titleKey, roles, { props: { kind } })
const detail = (path, name, component, titleKey, roles) => page(path, name, component, titleKey, roles, { props: true })

export default {
  name: 'support',
  groups: [
    { key: 'support', titleKey: 'menu.support', icon: Connection, order: 30 },
    { key: 'supportReports', titleKey: 'menu.supportReports', icon: Histogram, order: 35 },
  ],
  routes: [
    listPage('support/relationships', 'relationships', 'relationship', 'menu.relationships', ALL),
    detail('support/relationships/:id', 'relationship', () => import('./RelationshipDetail.vue'), 'menu.relationships', ALL),
    listPage('support/alliances', 'alliances', 'alliance', 'menu.alliances', ALL),
    detail('support/alliances/:id', 'alliance', () => import('./AllianceDetail.vue'), 'menu.alliances', ALL),
    listPage('support/assignments', 'assignments', 'assignment', 'menu.assignments', ALL),
    detail('support/assignments/:id', 'assignment', () => import('./AssignmentDetail.vue'), 'menu.assignments', ALL),
    page('support/confirm', 'presence-confirm', () => import('./field/ConfirmView.vue'), 'menu.presenceConfirm', [...CONFIRMERS, 'admin', 'bureau']),
    listPage('support/activities', 'activities', 'activity', 'menu.activities', ALL),
    listPage('support/evaluations', 'evaluations', 'evaluation', 'menu.evaluations', ALL),
    listPage('support/trainees', 'trainees', 'trainee', 'menu.trainees', ALL),
    listPage('support/equipment', 'equipment', 'equipment', 'menu.equipment', RECIPIENTS),
    listPage('support/operating-stats', 'operating-stats', 'operating_stat', 'menu.operatingStats', ALL),
    listPage('support/leadership', 'leadership', 'leadership_member', 'menu.leadership', ALL),
    page('support/promotion-ledger', 'promotion-ledger', () => import('./PromotionLedgerView.vue'), 'menu.promotionLedger', SUPPLIERS),
    page('support/fee-statements', 'fee-statements', () => import('./FeeStatementsView.vue'), 'menu.feeStatements', ALL),
    page('support/annual-summary', 'annual-summary', () => import('./AnnualSummaryView.vue'), 'menu.annualSummary', ALL),
    page('compliance', 'compliance', () => import('./ComplianceView.vue'), 'menu.compliance', ALL),
    page('policies', 'policies', () => import('./PoliciesView.vue'), 'menu.policies', ALL),
    detail('policies/:id', 'policy', () => import('./PolicyDetail.vue'), 'menu.policies', ALL),
  ],
  menu: [
    { key: 'relationships', titleKey: 'menu.relationships', icon: Connection, group: 'support', order: 10, roles: ALL, to: '/support/relationships' },
    { key: 'alliances', titleKey: 'menu.alliances', icon: Share, group: 'support', order: 12, roles: ALL, to: '/support/alliances' },
    { key: 'assignments', titleKey: 'menu.assignments', icon: Van, group: 'support', order: 14, roles: ALL, to: '/support/assignments' },
    { key: 'presence-confirm', titleKey: 'menu.presenceConfirm', icon: Checked, group: 'support', order: 15, roles: CONFIRMERS, to: '/support/confirm' },
    { key: 'activities', titleKey: 'menu.activities', icon: EditPen, group: 'support', order: 16, roles: ALL, to: '/support/activities' },
    { key: 'evaluations', titleKey: 'menu.evaluations', icon: Medal, group: 'support', order: 18, roles: ALL, to: '/support/evaluations' },
    { key: 'trainees', titleKey: 'menu.trainees', icon: Reading, group: 'support', order: 20, roles: ALL, to: '/support/trainees' },
    { key: 'equipment', titleKey: 'menu.equipment', icon: FirstAidKit, group: 'support', order: 22, roles: RECIPIENTS, to: '/support/equipment' },
    { key: 'operating-stats', titleKey: 'menu.operatingStats', icon: DataLine, group: 'support', order: 24, roles: ALL, to: '/support/operating-stats' },
    { key: 'leadership', titleKey: 'menu.leadership', icon: Flag, group: 'support', order: 26, roles: ALL, to: '/support/leadership' },
    { key: 'promotion-ledger', titleKey: 'menu.promotionLedger', icon: Trophy, group: 'supportReports', order: 30, roles: SUPPLIERS, to: '/support/promotion-ledger' },
    { key: 'fee-statements', titleKey: 'menu.feeStatements', icon: Money, group: 'supportReports', order: 32, roles: ALL, to: '/support/fee-statements' },
    { key: 'annual-summary', titleKey: 'menu.annualSummary', icon: Histogram, group: 'supportReports', order: 34, roles: ALL, to: '/support/annual-summary' },
    { key: 'compliance', titleKey: 'menu.compliance', icon: Warning, group: 'supportReports', order: 36, roles: ALL, to: '/compliance' },
    { key: 'policies', titleKey: 'menu.policies', icon: Notebook, group: 'supportReports', order: 38, roles: ALL, to: '/policies' },
  ],
  // The field app: one chunk (vite.config.js) so that, once opened online, every page works offline.
  phoneRoutes: [
    { path: 'checkin', name: 'field-checkin', component: () => import('./field/CheckinView.vue'), meta: { titleKey: 'menu.fieldCheckin', roles: FIELD } },
    { path: 'activity', name: 'field-activity', component: () => import('./field/ActivityView.vue'), meta: { titleKey: 'menu.fieldActivity', roles: FIELD } },
    { path: 'records', name: 'field-records', component: () => import('./field/RecordsView.vue'), meta: { titleKey: 'menu.fieldRecords', roles: FIELD } },
    { path: 'confirm', name: 'field-confirm', component: () => import('./field/ConfirmView.vue'), meta: { titleKey: 'menu.presenceConfirm', roles: [...CONFIRMERS, 'admin', 'bureau'] } },
  ],
  phoneTiles: [
    { key: 'checkin', titleKey: 'menu.fieldCheckin', icon: Stamp, to: '/m/checkin', order: 10, roles: FIELD, available: dispatched },
    { key: 'activity', titleKey: 'menu.fieldActivity', icon: EditPen, to: '/m/activity', order: 12, roles: FIELD, available: dispatched },
    { key: 'records', titleKey: 'menu.fieldRecords', icon: Tickets, to: '/m/records', order: 14, roles: FIELD },
    { key: 'confirm', titleKey: 'menu.presenceConfirm', icon: Checked, to: '/m/confirm', order: 10, roles: CONFIRMERS },
  ],
  phoneTabs: [
    { key: 'checkin', titleKey: 'menu.fieldCheckinTab', icon: Stamp, to: '/m/checkin', order: 10, roles: FIELD, available: dispatched },
    { key: 'records', titleKey: 'menu.fieldRecordsTab', icon: Tickets, to: '/m/records', order: 20, roles: FIELD },
    { key: 'confirm', titleKey: 'menu.presenceConfirmTab', icon: Checked, to: '/m/confirm', order: 10, roles: CONFIRMERS },
  ],
}

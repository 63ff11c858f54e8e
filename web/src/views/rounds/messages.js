// Texts of the 巡回医疗 pages (zh-CN; other languages fall back to it). Menu titles are
// in src/i18n/*.js since the menu shows before any of these pages loads.
import { i18n } from '@/i18n'

i18n.global.mergeLocaleMessage('zh-CN', {
  rounds: {
    teams: '巡诊团队', newTeam: '新建巡诊团队', editTeam: '编辑巡诊团队', members: '团队成员', newMember: '新增成员', editMember: '编辑成员',
    grid: '村级包干', newAssignment: '新增包干', editAssignment: '编辑包干', seniors: '医疗骨干库', newSenior: '登记医疗骨干', editSenior: '编辑医疗骨干',
    slots: '排班明细', newSlot: '新增排班', editSlot: '手工调整排班', newSlotDoctor: '添加医疗骨干',
    visits: '巡诊记录', newVisit: '登记巡诊', editVisit: '更正巡诊记录',
    region: '区划', week: '周次', month: '月份', from: '开始日期', to: '结束日期', load: '查询',
    coverage: '包干覆盖', covered: '已包干', villages: '行政村', uncovered: '未包干的行政村', allCovered: '所有行政村均已包干',
    teamProblems: '团队构成问题', township: '乡镇', needs: '需求', citations: '政策依据', reasons: '原因',
    planner: '排班', method: '求解方法', methods: { auto: '自动', exact: '精确求解', heuristic: '启发式' }, timeLimit: '计算时限(秒)',
    run: '生成排班', running: '正在计算排班,可能需要数秒…', apply: '应用排班', applied: '排班已应用(替换{n}条自动排班)',
    recheck: '重新检查', fixAll: '请改正标出的 {n} 处后再保存', pickCounty: '选择县(区)或乡镇', pickCountyHint: '本表按县(区)或乡镇统计,请先选择县(区)', weeksNotJudged: '{weeks}尚未结束,不作评判;计划与完成次数照常显示', checkProposal: '检查当前方案(未采用)', checkStored: '检查已保存的排班',
    checkedProposal: '复核的是屏幕上尚未采用的方案:{from}至{to}共{n}个排班', checkedStored: '复核的是已保存的排班:{from}至{to}共{n}个排班(不含尚未采用的方案)', checkOk: '排班符合全部规则', violations: '不符合的规则', unmet: '未满足的要求', explanations: '原因分析',
    provenOptimal: '已证明最优', notOptimal: '未证明最优', travel: '行程', seconds: '用时', am: '上午', pm: '下午', team: '团队',
    plannerMissing: '服务器暂未提供自动排班接口', planResult: '排班方案',
    planVsActual: '计划与实际', planned: '计划', done: '已完成', missed: '未完成', unplanned: '计划外巡诊', slot: '排班',
    weekly: '周报(附件2)', basic: '基本情况', seniorDoctors: '参加巡诊的二级以上医院医疗骨干人数', coveredArea: '巡诊覆盖',
    education: '健康宣教', guidance: '重点人群健康指导', county: '县(市、区)', reporter: '填报人', phone: '联系电话', reporterHint: '填报人姓名',
    downloadUsesStored: '下载的xlsx和CSV使用已提交的填报人和联系电话;修改后须先提交周报',
    submit: '提交周报', submitted: '周报已提交', approve: '审核通过', return: '退回', comment: '审核意见', reviewed: '已审核',
    status: '填报状态', completeness: '填报及时率与完整率', reportingRate: '填报率', onTimeRate: '及时率', expected: '应报', onTime: '按时',
    monthly: '月调度', required: '要求', shortfalls: '未达标', withSenior: '有医疗骨干',
    record: '巡诊登记', members_: '在场团队成员', seniors_: '在场医疗骨干', gps: '记录位置', gpsDone: '已记录位置',
    save: '保存', savedPending: '已保存,联网后自动上传', synced: '已同步', pending: '待同步', failed: '未通过', myVisits: '我的巡诊记录',
    noTeam: '您不是任何巡诊团队的成员', counts: '服务人次', offline: '当前离线,记录保存在手机上',
  },
})

// 界面文字(中文,默认)。字段名称与取值由服务器的接口文档提供,这里只有界面本身的文字。
export default {
  app: { name: '医联', fullName: '医联 · 县域医共体管理平台', subtitle: '县域医共体与对口支援管理' },
  common: {
    yes: '是', no: '否', save: '保存', cancel: '取消', confirm: '确定', edit: '编辑', create: '新建',
    deactivate: '停用', back: '返回', refresh: '刷新', detail: '详情', loading: '加载中…', all: '全部',
    show: '显示', hide: '隐藏', none: '无',
    importSheet: '导入Excel', importProblems: '导入未完成', importNothingWritten: '表中有以下问题,未写入任何数据;请修改后重新导入。',
    importRow: '行', importField: '列', importMessage: '说明', imported: '导入完成:新建 {created} 条,更新 {updated} 条,未变 {unchanged} 条',
  },
  login: {
    title: '登录', username: '用户名', password: '密码', submit: '登录',
    usernameRequired: '请输入用户名', passwordRequired: '请输入密码',
    expired: '登录已过期,请重新登录', unauthorized: '登录已失效,请重新登录', loggedOut: '已退出登录',
  },
  header: {
    user: '当前用户', role: '角色', scope: '管辖范围', language: '语言', logout: '退出登录', menu: '菜单',
    toggleMenu: '打开菜单', allRegions: '全部区划',
  },
  menu: {
    home: '首页', registry: '基础数据', regions: '行政区划', institutions: '医疗卫生机构',
    myInstitution: '本机构', departments: '科室', villages: '行政村', staff: '医务人员',
    system: '系统管理', users: '用户管理', audit: '审计日志', phone: '移动端', console: '管理后台',
    myInfo: '我的信息', phoneHome: '首页', mine: '我的',
    support: '对口支援', supportReports: '统计与合规', relationships: '对口支援关系', alliances: '医联体',
    assignments: '派驻人员', presenceConfirm: '在岗确认', activities: '帮扶工作记录', evaluations: '考核',
    trainees: '进修人员', equipment: '设备台账', operatingStats: '月度业务统计', leadership: '领导小组',
    promotionLedger: '晋升资格台账', feeStatements: '劳务费结算', annualSummary: '年度工作总结数据',
    compliance: '合规检查', policies: '政策方案', fieldCheckin: '今日签到', fieldActivity: '记录工作',
    fieldRecords: '我的记录', fieldCheckinTab: '签到', fieldRecordsTab: '记录', presenceConfirmTab: '确认',
    rounds: '巡回医疗', roundsTeams: '巡诊团队', roundsGrid: '村级包干', roundsSeniors: '医疗骨干库', roundsNeeds: '各村需求',
    roundsPlanner: '巡诊排班', roundsVisits: '巡诊记录', roundsWeekly: '巡诊周报', roundsMonthly: '月调度', roundsRecord: '巡诊登记',
  },
  report: { print: '打印', exportXlsx: '导出Excel', copy: '复制', copied: '已复制到剪贴板', copyFailed: '无法复制,请手动选择文字复制' },
  search: { placeholder: '搜索机构、行政村、人员', none: '没有找到', institutions: '机构', villages: '行政村', people: '人员' },
  table: {
    search: '搜索名称或代码', searchButton: '搜索', actions: '操作', empty: '暂无数据', export: '导出', exportXlsx: '导出当前筛选的全部记录(xlsx)', region: '所在区划', filters: '筛选',
  },
  form: {
    choose: '请选择', search: '输入关键字搜索', required: '{label}不能为空', saved: '已保存',
    fixErrors: '请按提示修改后再保存', reload: '重新加载',
    deactivateConfirm: '确定停用“{name}”吗?停用后不再出现在列表中,可在审计日志中追溯。',
    deactivated: '已停用',
  },
  hints: {
    regionCode: '省市县6位(GB/T 2260),乡镇、村12位统计用区划代码',
    institutionRegion: '医院在县级以上,卫生院在乡镇(12位),村卫生室在行政村',
    idNumber: '填写身份证号后,出生日期和性别由系统核对',
    username: "3到32位字母、数字或_.{'@'}-",
  },
  noAccess: {
    title: '无权访问或记录不存在', page: '当前账号无权访问此页面', notFound: '页面不存在',
  },
  dashboard: {
    title: '首页', region: '统计区划', townships: '乡镇(街道)', villages: '行政村(社区)',
    institutions: '医疗卫生机构', beds: '编制床位', staff: '医务人员',
    byKind: '机构类别分布', byTitle: '医务人员职称级别', count: '数量', noData: '暂无数据',
    coverage: '覆盖情况', details: '查看详情', gridCoverage: '包干覆盖(行政村)', gridNote: '有巡诊团队包干的行政村',
    monthCoverage: '本月巡诊覆盖({month})', monthNote: '应巡诊的行政村中本月已巡诊的', supportCoverage: '对口支援覆盖(县级机构)',
    supportNote: '有在期对口支援关系的县级医疗卫生机构', pickCounty: '请选择县(区)或乡镇(街道)查看巡诊覆盖',
    pickRegion: '请选择县(区)及以上区划查看', compliance: '合规问题(按规则)', complianceTotal: '{year}年共{total}条,其中不符合{errors}条',
    noFindings: '未发现问题', severityError: '不符合', severityWarning: '提醒', trend: '巡诊趋势(近10周)', week: '周',
    patients: '诊疗人次', coveredVillages: '覆盖行政村数',
  },
  registry: {
    regionTree: '区划树', children: '下级区划', root: '顶级区划', selectRegion: '点击左侧区划查看下级',
    newRegion: '新建区划', editRegion: '编辑区划', newInstitution: '新建机构', editInstitution: '编辑机构',
    newDepartment: '新建科室', editDepartment: '编辑科室', newVillage: '新建行政村', editVillage: '编辑行政村',
    newStaff: '新建医务人员', editStaff: '编辑医务人员', basicInfo: '基本信息', subordinate: '下级机构',
    population: '常住人口', level: '层级',
  },
  users: {
    title: '用户管理', newUser: '新建账号', editUser: '编辑账号', resetPassword: '重置密码', unlock: '解锁',
    password: '初始密码', newPassword: '新密码', locked: '已锁定', normal: '正常', status: '状态', scope: '权限范围',
    resetPrompt: '为“{name}”设置新密码(至少8位,含字母和数字)', resetDone: '密码已重置,该账号需重新登录',
    unlocked: '已解锁', passwordRule: '密码至少8位,须同时包含字母和数字',
  },
  audit: {
    title: '审计日志', at: '时间', user: '操作人', action: '操作', entity: '对象', entityId: '记录', remote: '来源地址',
    region: '区划', from: '开始日期', to: '结束日期', field: '字段', before: '修改前', after: '修改后',
    noChange: '无字段内容', username: '操作人用户名',
    actions: {
      create: '新建', update: '修改', delete: '停用', login: '登录', login_failed: '登录失败', logout: '退出',
      password: '设置密码', unlock: '解锁',
    },
    entities: {
      region: '行政区划', institution: '医疗卫生机构', department: '科室', village: '行政村', staff: '医务人员',
      app_user: '账号',
    },
  },
  mobile: {
    synced: '已上传 {n} 条记录:{what}', syncedSome: '已上传 {n} 条({what}),{failed} 条被退回,请在“我的记录”中修改', syncFailed: '{failed} 条记录被退回,请在“我的记录”中修改',
    kinds: { presence: '签到', activity: '工作记录', round_visit: '巡诊记录' },
    hello: '您好,{name}', tiles: '常用功能', myInfo: '我的信息', account: '账号', staffRecord: '人员档案',
    changePassword: '修改密码', oldPassword: '原密码', newPassword: '新密码', passwordChanged: '密码已修改,请重新登录',
    noStaff: '该账号未关联医务人员档案', online: '在线', offline: '离线', nothingToDo: '您的账号暂无可在手机上办理的事项,请使用电脑版', pendingBadge: '待同步{n}',
  },
  // Labels of display-only columns (the server documents only the stored fields).
  fields: {
    system: { id: 'ID', version: '版本', active: '有效', created_at: '创建时间', updated_at: '更新时间' },
    common: { region_name: '所在区划', institution_name: '所属机构', department_name: '科室' },
    village: { name: '行政村', township_name: '乡镇(街道)' },
  },
}

// Texts of the map page (merged into vue-i18n when it loads).
import { i18n } from '@/i18n'

i18n.global.mergeLocaleMessage('zh-CN', {
  map: {
    layers: '图层', villages: '行政村', institutions: '医疗卫生机构(村卫生室见行政村)', grid: '包干村(按团队)', checkins: '近30天签到定位',
    townships: '乡镇轮廓', team: '巡诊团队', allTeams: '全部团队', farLines: '距受援单位1公里以上',
    noRecipientPoint: '受援单位未登记坐标', noPoints: '本辖区的行政村尚未登记坐标,无法绘制地图',
    note: '底图由各行政村登记的坐标绘制(乡镇轮廓为所辖行政村的外包范围,仅示意),不使用外部地图服务;可拖动、缩放。',
  },
})
i18n.global.mergeLocaleMessage('en', {
  map: {
    layers: 'Layers', villages: 'Villages', institutions: 'Institutions', grid: 'Assigned villages (by team)', checkins: 'Check-ins, last 30 days',
    townships: 'Township outlines', team: 'Team', allTeams: 'All teams', farLines: 'More than 1 km from the recipient',
    noRecipientPoint: 'recipient has no coordinates', noPoints: 'No village coordinates registered in this area yet',
    note: "Drawn from the villages' registered coordinates (township outlines wrap their villages, for orientation only); no outside map service. Drag and zoom.",
  },
})

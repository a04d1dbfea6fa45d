import type { ServiceWindow } from '../../types/domain/catalog'
import { DEPARTMENT_ZONE } from './departments'

/**
 * The 62 windows of the hall, numbered in walking order (一楼 A→D, 二楼 E→F, 三楼 G→H). A window's
 * queue prefix is the letter of its zone, so one ticket machine serves a whole zone.
 */
const rows: [departmentId: string, name: string][] = [
  // A 公安服务区 01-09
  ['dept-crj', '出入境证件受理窗口'],
  ['dept-crj', '出入境证件受理窗口（二）'],
  ['dept-crj', '港澳台签注及证件领取窗口'],
  ['dept-hj', '居民身份证办理窗口'],
  ['dept-hj', '户籍业务窗口'],
  ['dept-hj', '居住证及户籍证明窗口'],
  ['dept-jg', '机动车登记窗口'],
  ['dept-jg', '驾驶证业务窗口'],
  ['dept-jg', '交通违法处理窗口'],
  // B 市场准入区 10-16
  ['dept-scjg', '企业开办综合窗口'],
  ['dept-scjg', '企业变更注销窗口'],
  ['dept-scjg', '个体工商户及农民专业合作社窗口'],
  ['dept-scjg', '食品药品许可窗口'],
  ['dept-scjg', '特种设备及计量窗口'],
  ['dept-sj', '商务服务窗口'],
  ['dept-yc', '烟草专卖许可窗口'],
  // C 税务服务区 17-21
  ['dept-sw', '综合办税窗口'],
  ['dept-sw', '综合办税窗口（二）'],
  ['dept-sw', '发票业务窗口'],
  ['dept-sw', '不动产交易税费窗口'],
  ['dept-sw', '社保费及个税窗口'],
  // D 综合服务区 22-29
  ['dept-office', '综合咨询与投诉窗口'],
  ['dept-office', '帮办代办与统一出件窗口'],
  ['dept-yz', '证照寄递窗口'],
  ['dept-dl', '用电报装窗口'],
  ['dept-gs', '用水报装窗口'],
  ['dept-rq', '燃气开户窗口'],
  ['dept-sf', '法律援助窗口'],
  ['dept-gz', '公证受理窗口'],
  // E 不动产与住房区 30-37
  ['dept-bdc', '不动产登记综合窗口'],
  ['dept-bdc', '不动产登记综合窗口（二）'],
  ['dept-bdc', '抵押登记窗口'],
  ['dept-bdc', '不动产查询及发证窗口'],
  ['dept-zj', '工程建设许可窗口'],
  ['dept-zj', '房产交易与住房保障窗口'],
  ['dept-gjj', '公积金提取窗口'],
  ['dept-gjj', '公积金贷款与缴存窗口'],
  // F 社会事务区 38-48
  ['dept-sb', '社会保障卡窗口'],
  ['dept-sb', '养老保险窗口'],
  ['dept-sb', '就业失业与工伤窗口'],
  ['dept-yb', '医保参保登记窗口'],
  ['dept-yb', '医保待遇窗口'],
  ['dept-mz', '婚姻登记窗口'],
  ['dept-mz', '社会救助与养老服务窗口'],
  ['dept-tyjr', '退役军人服务窗口'],
  ['dept-cl', '残疾人服务窗口'],
  ['dept-ws', '医疗卫生许可窗口'],
  ['dept-ws', '出生一件事窗口'],
  // G 农业交通文教区 49-55
  ['dept-jt', '道路运输许可窗口'],
  ['dept-jt', '公路路政窗口'],
  ['dept-nync', '农业农村服务窗口'],
  ['dept-ly', '林业服务窗口'],
  ['dept-sl', '水利服务窗口'],
  ['dept-jy', '教育服务窗口'],
  ['dept-wlj', '文化旅游窗口'],
  // H 投资项目审批区 56-62
  ['dept-fgw', '投资项目服务窗口'],
  ['dept-zrzy', '规划许可窗口'],
  ['dept-zrzy', '用地审批窗口'],
  ['dept-sthj', '生态环境窗口'],
  ['dept-yjgl', '安全生产许可窗口'],
  ['dept-xf', '消防验收与检查窗口'],
  ['dept-qx', '气象服务窗口'],
]

const pad = (n: number) => String(n).padStart(2, '0')

export const windows: ServiceWindow[] = rows.map(([departmentId, name], i) => ({
  id: `win-${pad(i + 1)}`,
  name,
  number: i + 1,
  departmentId,
  queuePrefix: DEPARTMENT_ZONE[departmentId],
}))

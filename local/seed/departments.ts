import type { Department } from '../../types/domain/catalog'

/**
 * The hall of the demo centre: eight zones on three floors, one queue-ticket prefix per zone.
 * Phone numbers are fictional: the local number after the area code starts with 0, which no real
 * Chinese subscriber number does, so nobody can dial a real office from the demo.
 */
export const ZONES = {
  A: { location: '一楼A区', theme: '公安服务区' },
  B: { location: '一楼B区', theme: '市场准入区' },
  C: { location: '一楼C区', theme: '税务服务区' },
  D: { location: '一楼D区', theme: '综合服务区' },
  E: { location: '二楼E区', theme: '不动产与住房区' },
  F: { location: '二楼F区', theme: '社会事务区' },
  G: { location: '三楼G区', theme: '农业交通文教区' },
  H: { location: '三楼H区', theme: '投资项目审批区' },
} as const
export type ZonePrefix = keyof typeof ZONES

const rows: [id: string, name: string, zone: ZonePrefix, phone: string][] = [
  // 一楼A区 公安服务区
  ['dept-crj', '县公安局出入境管理大队', 'A', '0359-0601101'],
  ['dept-hj', '县公安局户政管理大队', 'A', '0359-0601102'],
  ['dept-jg', '县公安局交通警察大队车驾管服务站', 'A', '0359-0601103'],
  // 一楼B区 市场准入区
  ['dept-scjg', '县市场监督管理局', 'B', '0359-0601201'],
  ['dept-sj', '县商务局', 'B', '0359-0601202'],
  ['dept-yc', '县烟草专卖局', 'B', '0359-0601203'],
  // 一楼C区 税务服务区
  ['dept-sw', '国家税务总局县税务局', 'C', '0359-0601301'],
  // 一楼D区 综合服务区
  ['dept-office', '县政务服务中心办公室', 'D', '0359-0601400'],
  ['dept-yz', '县邮政分公司证照寄递服务点', 'D', '0359-0601402'],
  ['dept-dl', '国网县供电公司', 'D', '0359-0601403'],
  ['dept-gs', '县自来水公司', 'D', '0359-0601404'],
  ['dept-rq', '县燃气公司', 'D', '0359-0601405'],
  ['dept-sf', '县司法局', 'D', '0359-0601406'],
  ['dept-gz', '县公证处', 'D', '0359-0601407'],
  // 二楼E区 不动产与住房区
  ['dept-bdc', '县不动产登记中心', 'E', '0359-0602101'],
  ['dept-zj', '县住房和城乡建设局', 'E', '0359-0602102'],
  ['dept-gjj', '市住房公积金管理中心县管理部', 'E', '0359-0602103'],
  // 二楼F区 社会事务区
  ['dept-sb', '县人力资源和社会保障局', 'F', '0359-0602201'],
  ['dept-yb', '县医疗保障局', 'F', '0359-0602202'],
  ['dept-mz', '县民政局', 'F', '0359-0602203'],
  ['dept-tyjr', '县退役军人事务局', 'F', '0359-0602204'],
  ['dept-cl', '县残疾人联合会', 'F', '0359-0602205'],
  ['dept-ws', '县卫生健康局', 'F', '0359-0602206'],
  // 三楼G区 农业交通文教区
  ['dept-jt', '县交通运输局', 'G', '0359-0603101'],
  ['dept-nync', '县农业农村局', 'G', '0359-0603102'],
  ['dept-ly', '县林业局', 'G', '0359-0603103'],
  ['dept-sl', '县水利局', 'G', '0359-0603104'],
  ['dept-jy', '县教育局', 'G', '0359-0603105'],
  ['dept-wlj', '县文化和旅游局', 'G', '0359-0603106'],
  // 三楼H区 投资项目审批区
  ['dept-fgw', '县发展和改革局', 'H', '0359-0603201'],
  ['dept-zrzy', '县自然资源局', 'H', '0359-0603202'],
  ['dept-sthj', '市生态环境局县分局', 'H', '0359-0603203'],
  ['dept-yjgl', '县应急管理局', 'H', '0359-0603204'],
  ['dept-xf', '县消防救援大队', 'H', '0359-0603205'],
  ['dept-qx', '县气象局', 'H', '0359-0603206'],
]

export const departments: Department[] = rows.map(([id, name, zone, phone], i) => ({
  id,
  name,
  location: ZONES[zone].location,
  phone,
  order: (i + 1) * 10,
}))

/** Department id → the zone it sits in, and so the queue prefix of its windows. */
export const DEPARTMENT_ZONE: Record<string, ZonePrefix> = Object.fromEntries(rows.map(([id, , zone]) => [id, zone]))

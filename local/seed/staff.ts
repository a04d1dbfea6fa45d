import type { Staff } from '../../types/domain/staff'
import { departments } from './departments'
import { windows } from './windows'

/**
 * The people of the demo centre (about 140). Names are invented from common
 * surnames and given names; OPENIDs are `demo-…` strings the local dev login understands. The
 * first five are the staff personas (personas.ts); every other account is generated.
 */
export const personaStaff: Staff[] = [
  {
    _id: 'staff-zw0001',
    openid: 'demo-staff-crj',
    staffNo: 'ZW0001',
    name: '王芳',
    role: 'window_staff',
    departmentId: 'dept-crj',
    windowIds: ['win-01', 'win-02'],
    active: true,
  },
  {
    _id: 'staff-zw0002',
    openid: 'demo-staff-scjg',
    staffNo: 'ZW0002',
    name: '赵磊',
    role: 'window_staff',
    departmentId: 'dept-scjg',
    windowIds: ['win-10', 'win-12'],
    active: true,
  },
  {
    _id: 'staff-zw0003',
    openid: 'demo-lead-crj',
    staffNo: 'ZW0003',
    name: '陈静',
    role: 'dept_lead',
    departmentId: 'dept-crj',
    windowIds: [],
    active: true,
  },
  {
    _id: 'staff-zw0004',
    openid: 'demo-supervisor',
    staffNo: 'ZW0004',
    name: '刘洋',
    role: 'supervisor',
    departmentId: 'dept-office',
    windowIds: [],
    active: true,
  },
  {
    _id: 'staff-zw0005',
    openid: 'demo-admin',
    staffNo: 'ZW0005',
    name: '孙明',
    role: 'admin',
    departmentId: 'dept-office',
    windowIds: [],
    active: true,
  },
]

const SURNAMES =
  '李王张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = [
  '建华',
  '晓燕',
  '志强',
  '丽娟',
  '海涛',
  '雪梅',
  '国庆',
  '春花',
  '文博',
  '佳怡',
  '子轩',
  '欣怡',
  '俊杰',
  '慧敏',
  '振宇',
  '婷婷',
  '浩然',
  '静怡',
  '宏伟',
  '秀兰',
  '立新',
  '玉兰',
  '晨阳',
  '思雨',
  '永刚',
  '桂芳',
  '鹏飞',
  '雅琴',
  '东升',
  '翠萍',
  '明轩',
  '梦瑶',
  '伟东',
  '红霞',
  '嘉豪',
  '诗涵',
  '卫国',
  '金凤',
  '天宇',
  '美玲',
]
const PERSONA_NAMES = new Set(['张伟', '李娜', '张建国', ...personaStaff.map((s) => s.name)])

function* names(): Generator<string> {
  const seen = new Set(PERSONA_NAMES)
  // Walk surname × given-name pairs with co-prime strides so neighbours do not share a surname.
  for (let i = 0; i < SURNAMES.length * GIVEN.length; i++) {
    const name = SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 3) % GIVEN.length]
    if (!seen.has(name)) {
      seen.add(name)
      yield name
    }
  }
  throw new Error('demo staff: ran out of distinct names')
}

/** Windows in the busiest zones (公安, 市场准入, 不动产, 社会事务) have a second person on shift. */
const TWO_PER_WINDOW = new Set(['A', 'B', 'E', 'F'])

function generated(): Staff[] {
  const nameOf = names()
  const out: Staff[] = []
  let no = 100
  const add = (role: Staff['role'], departmentId: string, windowIds: string[], active = true) => {
    no += 1
    const staffNo = `ZW${String(no).padStart(4, '0')}`
    out.push({
      _id: `staff-${staffNo.toLowerCase()}`,
      openid: `demo-staff-${staffNo.toLowerCase()}`,
      staffNo,
      name: nameOf.next().value as string,
      role,
      departmentId,
      windowIds,
      active,
    })
  }
  for (const d of departments) {
    if (d.id !== 'dept-crj') add('dept_lead', d.id, [])
    for (const w of windows.filter((x) => x.departmentId === d.id)) {
      const personaHere = personaStaff.filter((s) => s.role === 'window_staff' && s.windowIds[0] === w.id).length
      const wanted = (TWO_PER_WINDOW.has(w.queuePrefix) ? 2 : 1) - personaHere
      for (let k = 0; k < wanted; k++) add('window_staff', d.id, [w.id])
    }
  }
  add('supervisor', 'dept-office', [])
  add('supervisor', 'dept-office', [])
  // A former colleague whose account stays for the record but no longer grants a role.
  add('window_staff', 'dept-sw', ['win-17'], false)
  return out
}

export const staff: Staff[] = [...personaStaff, ...generated()]

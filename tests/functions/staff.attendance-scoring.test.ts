/**
 * The monthly score on a built month: records, violations and ratings written directly, every
 * rule checked on its own day, the total checked against the sum of the rules, and who may see what.
 */
import ExcelJS from 'exceljs'
import { apiOf, type TestCloud } from '../support/cloud'
import { dataOf } from '../support/calls'
import { staffContract } from '../../types/contracts'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { A, LEAD, STAFF, SUPERVISOR, startDemoCloud } from '../support/demo'

let t: TestCloud
/** 2026-09: the working days up to Tuesday the 8th are 1–4 and 7–8 (5–6 a weekend). */
const MONTH = '2026-09'
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`)

let seq = 0
const shift = (staffNo: string, date: string, signIn?: string, signOut?: string) => ({
  _id: `staff-${staffNo.toLowerCase()}:${date}:${++seq}`,
  staffId: `staff-${staffNo.toLowerCase()}`,
  staffNo,
  departmentId: staffNo === 'ZW0002' ? 'dept-scjg' : 'dept-crj',
  date,
  ...(signIn ? { signedInAt: at(date, signIn) } : {}),
  ...(signOut ? { signedOutAt: at(date, signOut) } : {}),
  open: !!signIn && !signOut,
})

beforeAll(async () => {
  setBeijingNow('2026-09-08', '18:00')
  t = await startDemoCloud(['staff'])
  const full = (no: string, date: string) => [shift(no, date, '08:55', '12:00'), shift(no, date, '13:25', '17:35')]
  const docs = [
    ...full('ZW0001', '2026-09-01'),
    shift('ZW0001', '2026-09-02', '09:05', '12:00'), // 迟到 5 minutes
    shift('ZW0001', '2026-09-02', '13:30', '17:22'), // 早退 8 minutes
    shift('ZW0001', '2026-09-03', '09:20', '17:30'), // 20 minutes late (脱岗); stayed through lunch
    shift('ZW0001', '2026-09-04', '13:30', '17:30'), // morning missed
    shift('ZW0001', '2026-09-05', '09:30', '10:00'), // Saturday: not scored
    shift('ZW0001', '2026-09-07', '08:50'), // never signed out; afternoon missed
    shift('ZW0001', '2026-09-08', undefined, '12:01'), // signed out without signing in
    shift('ZW0001', '2026-09-08', '13:30', '15:00'), // 90 of 240 minutes: less than half
    ...['01', '02', '03', '04', '07', '08'].flatMap((d) => full('ZW0002', `2026-09-${d}`)),
  ]
  for (const d of docs) await t.db.collection('shifts').add({ data: d })
  const violation = (id: string, caseId: string, code: string, detectedAt: Date, status = 'open', departmentId = 'dept-crj') => ({
    _id: id,
    caseId,
    caseNo: `NO-${caseId}`,
    departmentId,
    code,
    category: code === 'fee_mismatch' ? '违规收费' : '办理超时',
    detail: '测试',
    detectedAt,
    status,
  })
  for (const v of [
    violation('c1:overdue', 'c1', 'overdue', at('2026-09-03', '10:00')),
    violation('c2:fee_mismatch', 'c2', 'fee_mismatch', at('2026-09-04', '10:00'), 'upheld'),
    violation('c3:overdue', 'c3', 'overdue', at('2026-09-04', '11:00'), 'dismissed'),
    violation('c4:overdue', 'c4', 'overdue', at('2026-08-31', '11:00')),
    violation('c5:overdue', 'c5', 'overdue', at('2026-09-07', '11:00')), // names no handler
    violation('c6:step_overdue', 'c1', 'step_overdue', at('2026-09-03', '10:00')), // a step, not the case: not scored here
  ])
    await t.db.collection('violations').add({ data: v })
  for (const id of ['c1', 'c2', 'c3', 'c4', 'c6'])
    await t.db.collection('case_lights').add({ data: { _id: id, handlerStaffNo: 'ZW0001', departmentId: 'dept-crj', open: true } })
  await t.db.collection('case_lights').add({ data: { _id: 'c5', departmentId: 'dept-crj', open: true } })
  const rating = (n: number, level: string, isDefault = false, servedBy = 'ZW0001') => ({
    _id: `r-${servedBy}-${n}-${level}-${isDefault}`,
    month: MONTH,
    level,
    isDefault,
    servedBy,
    departmentId: servedBy === 'ZW0002' ? 'dept-scjg' : 'dept-crj',
    ratedAt: at('2026-09-02', '10:00'),
  })
  const ratings = [
    ...Array.from({ length: 23 }, (_, i) => rating(i, i % 2 ? 'satisfied' : 'very_satisfied')),
    ...Array.from({ length: 9 }, (_, i) => rating(i, 'satisfied', true)), // defaults never earn a bonus
    ...Array.from({ length: 9 }, (_, i) => rating(i, 'basic')),
    ...Array.from({ length: 80 }, (_, i) => rating(i, 'very_satisfied', false, 'ZW0002')),
  ]
  for (const r of ratings) await t.db.collection('ratings').add({ data: r })
}, 60_000)
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const staff = apiOf(() => t, staffContract)
const record = async (staffNo?: string, who = SUPERVISOR) =>
  dataOf(await staff({ action: 'attendanceRecord', month: MONTH, ...(staffNo ? { staffNo } : {}) }, who))

describe('scoring a built month', () => {
  it('when each rule happened once on its own day, then each is scored with its points and the total is their sum', async () => {
    const r = await record('ZW0001')
    const byDay = (date: string) => r.items.filter((i) => i.date === date).map((i) => [i.kind, i.points])
    expect(r).toMatchObject({ month: MONTH, scoredThrough: '2026-09-08', workingDays: 6, base: 100, bonusMax: 5 })
    expect(byDay('2026-09-01')).toEqual([])
    expect(byDay('2026-09-02')).toEqual([
      ['late', -1],
      ['early', -1],
    ])
    expect(byDay('2026-09-03')).toEqual([
      ['long_late', -3],
      ['overdue', -5],
    ])
    expect(byDay('2026-09-04')).toEqual([
      ['absent', -5],
      ['illegal_fee', -5],
    ])
    expect(byDay('2026-09-05')).toEqual([])
    expect(byDay('2026-09-07')).toEqual(
      expect.arrayContaining([
        ['missed_sign_out', -2],
        ['absent', -5],
      ]),
    )
    expect(byDay('2026-09-08')).toEqual(
      expect.arrayContaining([
        ['missed_sign_in', -2],
        ['absent', -5],
        ['bonus', 2],
      ]),
    )
    expect(r.items).toHaveLength(11)
    const deductions = -r.items.filter((i) => i.points < 0).reduce((n, i) => n + i.points, 0)
    expect(deductions).toBe(1 + 1 + 3 + 5 + 5 + 5 + 2 + 5 + 2 + 5)
    expect(r.person).toMatchObject({ staffNo: 'ZW0001', deductions, bonus: 2, score: 100 - deductions + 2 })
    expect(r.person.counts).toMatchObject({ late: 1, early: 1, long_late: 1, absent: 3, missed_sign_in: 1, missed_sign_out: 1, overdue: 1 })
  })

  it('when a person has more 好评 than the cap pays for, then the bonus stops at 5; a full attendance keeps the base', async () => {
    expect((await record('ZW0002')).person).toMatchObject({ deductions: 0, bonus: 5, score: 105 })
  })

  it('when the policy changes a rule, then the score follows at once', async () => {
    await t.db.collection('settings').add({ data: { _id: 'attendance_policy', latePoints: 2, graceMinutes: 30, goodRatingsPerPoint: 5 } })
    try {
      const r = await record('ZW0001')
      // 20 minutes late is now within the grace: 迟到 −2, not 脱岗; 23 好评 at one point per 5 pay 4.
      expect(r.items.filter((i) => i.date === '2026-09-03' && i.kind !== 'overdue').map((i) => [i.kind, i.points])).toEqual([['late', -2]])
      expect(r.person.bonus).toBe(4)
    } finally {
      await t.db.collection('settings').doc('attendance_policy').remove()
    }
  })

  it('when a person has no record at all, then every half day so far is missed', async () => {
    const r = await record('ZW0003')
    expect(r.person).toMatchObject({ deductions: 6 * 2 * 5, score: 40 })
  })

  it('when the month has overdue cases that name no handler, then the office sees their count and nobody loses points for them', async () => {
    const m = dataOf(await staff({ action: 'attendanceMonth', month: MONTH, departmentId: 'dept-crj' }, SUPERVISOR))
    expect(m.unattributed).toBe(1)
    expect(m.people.map((p) => p.staffNo)).toEqual(expect.arrayContaining(['ZW0001', 'ZW0003']))
    // Window 1 is staffed by 王芳 (ZW0001) and one generated colleague with no records.
    const win1 = m.windows.find((w) => w.windowId === 'win-01')
    const wang = m.people.find((p) => p.staffNo === 'ZW0001')!.score
    const others = m.people.filter((p) => p.windowIds.includes('win-01')).map((p) => p.score)
    expect(win1).toMatchObject({
      staffCount: others.length,
      score: Math.round((others.reduce((a, b) => a + b, 0) / others.length) * 10) / 10,
    })
    expect(others).toContain(wang)
  })
})

describe('who sees what', () => {
  it('when window staff ask for the month, then they get only their own record and no window figures', async () => {
    const m = dataOf(await staff({ action: 'attendanceMonth', month: MONTH }, STAFF))
    expect(m.scope).toBe('self')
    expect(m.people.map((p) => p.staffNo)).toEqual(['ZW0001'])
    expect(m.windows).toEqual([])
    expect((await record(undefined, STAFF)).person.staffNo).toBe('ZW0001')
    expect(await staff({ action: 'attendanceRecord', month: MONTH, staffNo: 'ZW0002' }, STAFF)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await staff({ action: 'exportAttendance', month: MONTH }, STAFF)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('when a department lead asks, then they see their own department only', async () => {
    const m = dataOf(await staff({ action: 'attendanceMonth', month: MONTH }, LEAD))
    expect(m.scope).toBe('department')
    expect(m.people.length).toBeGreaterThan(1)
    expect(m.people.every((p) => p.departmentId === 'dept-crj')).toBe(true)
    expect(m.windows.every((w) => w.departmentId === 'dept-crj')).toBe(true)
    expect(await staff({ action: 'attendanceMonth', month: MONTH, departmentId: 'dept-scjg' }, LEAD)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await staff({ action: 'attendanceRecord', month: MONTH, staffNo: 'ZW0002' }, LEAD)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect((await record('ZW0001', LEAD)).person.staffNo).toBe('ZW0001')
  })

  it('when the supervisor asks, then every department is there; citizens get nothing', async () => {
    const m = dataOf(await staff({ action: 'attendanceMonth', month: MONTH }, SUPERVISOR))
    expect(m.scope).toBe('all')
    expect(new Set(m.people.map((p) => p.departmentId)).size).toBeGreaterThan(3)
    // Only the hall's posts are scored by default: the office's supervisor and admin are not in the table.
    expect(m.people.find((p) => p.staffNo === 'ZW0004')).toBeUndefined()
    for (const action of ['attendanceMonth', 'attendanceRecord', 'exportAttendance'] as const)
      expect(await staff({ action, month: MONTH }, A)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await staff({ action: 'attendanceMonth', month: '2026-10' }, SUPERVISOR)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })
})

describe('export', () => {
  it('when a lead exports the month, then the .xlsx has their department’s rows with the scores shown', async () => {
    const e = dataOf(await staff({ action: 'exportAttendance', month: MONTH }, LEAD))
    expect(e.fileName).toBe('attendance-2026-09-dept-crj.xlsx')
    const res = await fetch(e.url)
    expect(res.ok).toBe(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const sheet = wb.getWorksheet('人员得分')!
    const rows: string[][] = []
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)))
    const head = rows.findIndex((r) => r[0] === '工号')
    expect(rows[head].slice(0, 7)).toEqual(['工号', '姓名', '岗位', '部门', '得分', '扣分', '加分'])
    const wang = rows.find((r) => r[0] === 'ZW0001')!
    const r = await record('ZW0001')
    expect(wang.slice(0, 7)).toEqual([
      'ZW0001',
      '王芳',
      '窗口工作人员',
      expect.any(String),
      String(r.person.score),
      String(r.person.deductions),
      '2',
    ])
    expect(rows.slice(head + 1).length).toBe(e.rows)
    expect(rows.some((row) => row[0] === 'ZW0002')).toBe(false)
  })
})

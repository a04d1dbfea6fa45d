import { apiOf, type TestCloud } from '../support/cloud'
import { dataOf } from '../support/calls'
import { staffContract } from '../../types/contracts'
import type { ActionInput } from '../../types/contracts/contract'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { ADMIN, A, STAFF, startCaseCloud } from '../support/case'
import { hallCodeKit } from '../support/attendance'

let t: TestCloud
beforeAll(async () => {
  setBeijingNow('2026-09-21', '08:30')
  t = await startCaseCloud(['staff'])
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const staff = apiOf(() => t, staffContract)
const hall = hallCodeKit(() => t)
const invite = (over: Partial<ActionInput<typeof staffContract, 'createInvitation'>> = {}) =>
  staff(
    {
      action: 'createInvitation',
      role: 'window_staff',
      departmentId: 'dept-crj',
      windowIds: ['win-01'],
      staffNo: 'ZW9001',
      name: '周敏',
      ...over,
    },
    ADMIN,
  )

describe('invitations', () => {
  it('when two people bind the same code at once, then exactly one becomes staff', async () => {
    const data = dataOf(await invite({ staffNo: 'ZW9001' }))
    expect(data).toMatchObject({ code: expect.stringMatching(/^[A-Z2-9]{10}$/), staffNo: 'ZW9001' })
    const answers = await Promise.all(
      ['o-new-1', 'o-new-2', 'o-new-3'].map((o) => staff({ action: 'bindInvitation', code: data.code.toLowerCase() }, o)),
    )
    expect(answers.filter((r) => r.ok)).toHaveLength(1)
    expect(answers.filter((r) => !r.ok).every((r) => r.error.code === 'CONFLICT')).toBe(true)
    const bound = (await t.db.collection('staff').where({ staffNo: 'ZW9001' }).get()).data
    expect(bound).toEqual([
      expect.objectContaining({ role: 'window_staff', departmentId: 'dept-crj', windowIds: ['win-01'], active: true }),
    ])
    // The winner is staff from now on: the server, not the client, says so.
    expect(await staff({ action: 'myShifts' }, bound[0].openid)).toMatchObject({ ok: true, data: { onDuty: false } })
    expect(await staff({ action: 'bindInvitation', code: data.code }, 'o-new-4')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it.each([
    ['a citizen', A, 'FORBIDDEN'],
    ['window staff', STAFF, 'FORBIDDEN'],
  ])('when %s creates an invitation, then it is %s', async (_who, openid, code) => {
    expect(
      await staff({ action: 'createInvitation', role: 'admin', departmentId: 'dept-office', staffNo: 'ZW9100', name: '冒名' }, openid),
    ).toMatchObject({ ok: false, error: { code } })
  })

  it.each([
    ['a window of another department', { windowIds: ['win-10'] }, 'INVALID_INPUT'],
    ['a staff number already in use', { staffNo: 'ZW0001' }, 'CONFLICT'],
    ['an unknown department', { departmentId: 'dept-none' }, 'INVALID_INPUT'],
  ])('when the invitation names %s, then it is refused with %s', async (_name, over, code) => {
    expect(await invite({ staffNo: 'ZW9200', ...over })).toMatchObject({ ok: false, error: { code } })
  })

  it('when a code has expired, is unknown, or the account is already staff, then binding is refused', async () => {
    const data = dataOf(await invite({ staffNo: 'ZW9002', validHours: 72 }))
    setBeijingNow('2026-09-24', '09:00')
    expect(await staff({ action: 'bindInvitation', code: data.code }, 'o-late')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('过期') },
    })
    setBeijingNow('2026-09-21', '08:30')
    expect(await staff({ action: 'bindInvitation', code: 'ABCDEFGHJK' }, 'o-guess')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await staff({ action: 'bindInvitation', code: 'short' }, 'o-guess')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    const fresh = await invite({ staffNo: 'ZW9003' })
    expect(await staff({ action: 'bindInvitation', code: dataOf(fresh).code }, STAFF)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('sign-in and sign-out', () => {
  it('when staff sign in at their window and out again with the hall code, then both are recorded; twice in a row is refused', async () => {
    setBeijingNow('2026-09-21', '08:30')
    const code = await hall.code()
    expect(await staff({ action: 'signIn', windowId: 'win-10', code }, STAFF)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await staff({ action: 'signIn', windowId: 'win-01', code }, STAFF)).toMatchObject({
      ok: true,
      data: { date: '2026-09-21', windowId: 'win-01' },
    })
    expect(await staff({ action: 'signIn', code }, STAFF)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    setBeijingNow('2026-09-21', '12:00')
    const noon = await hall.code()
    expect(await staff({ action: 'signOut', code: noon }, STAFF)).toMatchObject({ ok: true, data: { minutes: 210 } })
    expect(await staff({ action: 'signOut', code: noon }, STAFF)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const mine = await staff({ action: 'myShifts' }, STAFF)
    expect(dataOf(mine)).toMatchObject({
      date: '2026-09-21',
      onDuty: false,
      shifts: [{ windowId: 'win-01', signedOutAt: expect.any(String) }],
    })
    expect(await staff({ action: 'signIn', code: noon }, A)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('when a sign-in carries no code, then it is refused with what to do and nothing is written', async () => {
    setBeijingNow('2026-09-21', '13:20')
    const r = await staff.raw({ action: 'signIn' }, STAFF)
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'code', message: expect.stringContaining('签到二维码') }] },
    })
    expect(dataOf(await staff({ action: 'myShifts' }, STAFF)).onDuty).toBe(false)
  })
})

/**
 * The hall's rotating sign-in code: only a registered display obtains it, and a sign-in or
 * sign-out counts only with the code of the current or the previous 30-second window.
 */
import { apiOf, type TestCloud } from '../support/cloud'
import { dataOf } from '../support/calls'
import { staffContract } from '../../types/contracts'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { ADMIN, A, LEAD, STAFF, STAFF_SCJG, SUPERVISOR, startDemoCloud } from '../support/demo'
import { hallCodeKit } from '../support/attendance'
import { hallCodeFromText, hallCodePayload } from '../../types/domain/attendance'

let t: TestCloud
beforeAll(async () => {
  setBeijingNow('2026-09-21', '08:50')
  t = await startDemoCloud(['staff'])
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})

const staff = apiOf(() => t, staffContract)
const hall = hallCodeKit(() => t)
/** The code the display shows at a Beijing moment (the clock is left there). */
const codeAt = async (date: string, hhmm: string, seconds = 0) => {
  setBeijingNow(date, hhmm, seconds)
  return hall.code()
}
const signIn = (code: string, who = STAFF) => staff({ action: 'signIn', code }, who)
const signOut = (code: string, who = STAFF) => staff({ action: 'signOut', code }, who)

describe('the rotating code', () => {
  it('when the display is asked within one 30-second window, then the code stays; in the next window it changes', async () => {
    const a = await codeAt('2026-09-21', '08:50', 1)
    const b = await codeAt('2026-09-21', '08:50', 29)
    const c = await codeAt('2026-09-21', '08:50', 30)
    expect(a).toMatch(/^\d{6}$/)
    expect(b).toBe(a)
    expect(c).not.toBe(a)
    const r = dataOf(await staff({ action: 'hallCode', token: await hall.token() }))
    expect(r).toMatchObject({ code: c, payload: hallCodePayload(c), periodSeconds: 30, displayName: '测试签到屏' })
    expect(Date.parse(r.validUntil) - Date.parse(r.validFrom)).toBe(30_000)
    // What the QR holds reads back as the code, typed or scanned.
    expect(hallCodeFromText(r.payload)).toBe(c)
    expect(hallCodeFromText(` ${c.slice(0, 3)} ${c.slice(3)} `)).toBe(c)
  })

  it('when a fresh code is used, then the sign-in counts; the previous window is still accepted for the scan', async () => {
    const fresh = await codeAt('2026-09-21', '08:51', 0)
    expect(await signIn(fresh)).toMatchObject({ ok: true, data: { date: '2026-09-21' } })
    // 40 seconds later the screen shows the next code; the one scanned 40 s ago is the previous window's.
    setBeijingNow('2026-09-21', '08:51', 40)
    expect(await signOut(fresh)).toMatchObject({ ok: true })
  })

  it('when the code is older than the previous window, forged, or from another day, then it is refused with a clear message', async () => {
    const old = await codeAt('2026-09-21', '08:52', 0)
    const yesterday = await codeAt('2026-09-20', '08:53', 5)
    setBeijingNow('2026-09-21', '08:53', 5)
    const now = await hall.code()
    const forged = String((Number(now) + 1) % 1_000_000).padStart(6, '0')
    for (const bad of [old, forged, yesterday].filter((c) => c !== now)) {
      expect(await signIn(bad, STAFF_SCJG)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('签到码不正确或已过期') },
      })
    }
    expect(dataOf(await staff({ action: 'myShifts' }, STAFF_SCJG)).shifts).toEqual([])
    expect(await staff.raw({ action: 'signIn', code: 'ABC' }, STAFF_SCJG)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('when someone keeps guessing codes, then after the day’s budget even the right code is refused until the next day', async () => {
    setBeijingNow('2026-09-21', '09:00')
    const right = await hall.code()
    const wrong = String((Number(right) + 7) % 1_000_000).padStart(6, '0')
    for (let i = 0; i < 10; i++) expect(await signIn(wrong, LEAD)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await signIn(right, LEAD)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(await signIn(await codeAt('2026-09-22', '09:00'), LEAD)).toMatchObject({ ok: true })
  })

  it('when a right code is used, then it does not use up the budget', async () => {
    for (let i = 0; i < 12; i++) {
      const code = await codeAt('2026-09-23', `09:${10 + i}`)
      expect(await (i % 2 === 0 ? signIn(code, SUPERVISOR) : signOut(code, SUPERVISOR))).toMatchObject({ ok: true })
    }
  })
})

describe('missed signs', () => {
  it('when a person signs out without having signed in, then it is recorded as 漏签到; a second sign-out in the same half day is refused', async () => {
    const code = await codeAt('2026-09-24', '12:01')
    expect(dataOf(await signOut(code))).toMatchObject({ date: '2026-09-24', minutes: 0, signedOutAt: expect.any(String) })
    expect(await signOut(code)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已签退' } })
    const day = dataOf(await staff({ action: 'myShifts' }, STAFF))
    expect(day.shifts).toHaveLength(1)
    expect(day.shifts[0].signedInAt).toBeUndefined()
    // In the afternoon the same person may sign in again as usual.
    expect(await signIn(await codeAt('2026-09-24', '13:25'))).toMatchObject({ ok: true })
  })
})

describe('display tokens', () => {
  it('when a display was never registered, then it gets no code; only the admin registers or revokes one', async () => {
    expect(await staff({ action: 'hallCode', token: 'a'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await staff({ action: 'registerDisplay', name: '东门屏' }, SUPERVISOR)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await staff({ action: 'registerDisplay', name: '东门屏' }, A)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await staff({ action: 'listDisplays' }, STAFF)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('when the admin revokes a display, then it gets no code any more while another display still does; only a hash is stored', async () => {
    setBeijingNow('2026-09-24', '09:00')
    const east = dataOf(await staff({ action: 'registerDisplay', name: '东门屏' }, ADMIN))
    const west = dataOf(await staff({ action: 'registerDisplay', name: '西门屏' }, ADMIN))
    expect(east.token).toMatch(/^[0-9a-f]{32}$/)
    expect(await staff({ action: 'hallCode', token: east.token })).toMatchObject({ ok: true, data: { displayName: '东门屏' } })
    const stored = JSON.stringify((await t.db.collection('hall_displays').get()).data)
    expect(stored).not.toContain(east.token)
    expect(stored).not.toContain(west.token)

    expect(dataOf(await staff({ action: 'revokeDisplay', displayId: east.displayId }, ADMIN)).revokedAt).toEqual(expect.any(String))
    expect(await staff({ action: 'hallCode', token: east.token })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('未登记或已停用') },
    })
    expect(await staff({ action: 'hallCode', token: west.token })).toMatchObject({ ok: true, data: { displayName: '西门屏' } })
    const list = dataOf(await staff({ action: 'listDisplays' }, ADMIN)).displays
    expect(list.find((d) => d.displayId === east.displayId)).toMatchObject({ revokedAt: expect.any(String) })
    expect(list.find((d) => d.displayId === west.displayId)).toMatchObject({ lastSeenAt: expect.any(String) })
    expect(list.find((d) => d.displayId === west.displayId)?.revokedAt).toBeUndefined()
  })
})

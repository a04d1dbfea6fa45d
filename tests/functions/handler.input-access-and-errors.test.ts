import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { errorOf } from '../support/calls'
import { apiOf, startTestCloud, type TestCloud } from '../support/cloud'
import type { probeContract } from './fixtures/kit-probe'

const functionsDir = mkdtempSync(join(tmpdir(), 'kit-fns-'))
let t: TestCloud

beforeAll(async () => {
  await buildFunctions(['kit-probe'], resolve(__dirname, 'fixtures'), functionsDir)
  t = await startTestCloud({ functionsDir })
  await t.db.collection('staff').add({
    data: {
      _id: 'staff-T1',
      openid: 'o-staff-1',
      staffNo: 'JX9001',
      name: '测试',
      role: 'window_staff',
      departmentId: 'dept-crj',
      windowIds: [],
      active: true,
    },
  })
})
afterAll(() => t?.close())

const probe = apiOf<typeof probeContract>(() => t, 'kit-probe')
const notes = async () => (await t.db.collection('probe_notes').count()).total

describe('the handler wrapper', () => {
  it('when input is valid, then the action runs with the OPENID WeChat gave', async () => {
    const r = await probe({ action: 'write', text: '你好', count: 1 }, 'o-citizen-1')
    expect(r).toMatchObject({ ok: true, data: { owner: 'o-citizen-1' } })
  })

  it.each([
    [{ action: 'write', text: '', count: 1 }, 'text'],
    [{ action: 'write', text: '超过十个字的一段很长很长的文字', count: 1 }, 'text'],
    [{ action: 'write', text: 'ok', count: 9 }, 'count'],
    [{ action: 'write', text: 'ok', count: 1.5 }, 'count'],
    [{ action: 'write', text: 'ok' }, 'count'],
    [{ action: 'write', text: 'ok', count: 1, openid: 'o-forged' }, ''],
    [{ action: 'write', text: 'ok', count: 1, role: 'admin' }, ''],
  ])('when the event is %j, then INVALID_INPUT names %s and nothing is written', async (event, path) => {
    const before = await notes()
    const r = await probe.raw(event, 'o-citizen-1')
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(errorOf(r).issues!.map((i) => i.path)).toContain(path)
    expect(typeof errorOf(r).message).toBe('string')
    expect(await notes()).toBe(before)
  })

  it('when the action is unknown or missing, then INVALID_INPUT lists the actions', async () => {
    for (const event of [{ action: 'drop' }, {}, { action: '__proto__' }, { action: 'constructor' }]) {
      const r = await probe.raw(event, 'o-citizen-1')
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'action' }] } })
    }
  })

  it('when a caller has no OPENID, then a logged-in action answers UNAUTHENTICATED and writes nothing', async () => {
    const before = await notes()
    expect(await probe({ action: 'write', text: 'x', count: 1 })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    expect(await notes()).toBe(before)
  })

  it('when a citizen calls a staff action, then FORBIDDEN; the staff member bound in the database gets through', async () => {
    expect(await probe({ action: 'staffOnly' }, 'o-citizen-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await probe({ action: 'staffOnly' }, 'o-staff-1')).toEqual({ ok: true, data: { role: 'window_staff' } })
  })

  it('when an action throws unexpectedly, then INTERNAL with a Chinese message and no stack or detail', async () => {
    const r = await probe({ action: 'boom' }, 'o-citizen-1')
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    expect(JSON.stringify(r)).not.toMatch(/stack|secret|at /)
  })

  it('when an action raises an AppError, then its code and message are answered', async () => {
    expect(await probe({ action: 'conflict' })).toEqual({ ok: false, error: { code: 'CONFLICT', message: '该时段已约满' } })
  })

  it('when an action answers outside its contract, then the caller gets INTERNAL, not the bad data', async () => {
    expect(await probe({ action: 'badOutput' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('when the event is not an object, then INVALID_INPUT', async () => {
    expect(await t.api<typeof probeContract>('kit-probe', { inProcess: true }).raw(null, 'o-citizen-1')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })
})

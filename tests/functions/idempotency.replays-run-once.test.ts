/**
 * Submits carry a requestId and run once (cloudfunctions/_kit/idempotency.ts): a replay answers the
 * first result, a different submit under the same id is refused, and a claim left by an invocation
 * that died expires, so a retry is never stuck behind it.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { REPLAY_WAIT_MS } from '../../cloudfunctions/_kit/idempotency'
import { startLocalCloud } from '../../local'
import { dataOf, errorOf, invokeApi, type EventOf } from '../support/calls'
import { apiOf, startTestCloud, type TestCloud } from '../support/cloud'
import type { probeContract } from './fixtures/idem-probe'

const functionsDir = mkdtempSync(join(tmpdir(), 'idem-fns-'))
let t: TestCloud
const OPENID = 'o-idem-citizen'

beforeAll(async () => {
  await buildFunctions(['idem-probe'], resolve(__dirname, 'fixtures'), functionsDir)
  t = await startTestCloud({ functionsDir })
})
afterAll(() => t?.close())

let seq = 0
const newRequestId = () => `req-idem-${++seq}-${Date.now()}`
type SubmitEvent = EventOf<typeof probeContract, 'submit'>
const base = (): SubmitEvent => ({
  action: 'submit',
  requestId: newRequestId(),
  applicant: { name: '张伟', idNumber: '11010519491231002X' },
  items: [{ name: '护照', count: 1 }],
})
const submit = apiOf<typeof probeContract>(() => t, 'idem-probe', { inProcess: true, as: OPENID })
const submits = async () => (await t.db.collection('probe_submits').count()).total
const recordId = (requestId: string) => `probe.submit:${OPENID}:${requestId}`
const record = async (requestId: string) =>
  (
    await t.db
      .collection('requests')
      .where({ _id: recordId(requestId) })
      .get()
  ).data[0]

/** Arms the hold: the next submit's work blocks (after claiming its request id) until released. */
async function hold() {
  await t.db
    .collection('probe_control')
    .doc('hold')
    .set({ data: { armed: true } })
  return {
    release: () =>
      t.db
        .collection('probe_control')
        .doc('hold')
        .update({ data: { released: true } }),
  }
}
async function until(check: () => Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('idempotent submits', () => {
  it('when a submit is replayed with the same input in another key order, then the first result is answered and the work ran once', async () => {
    const event = base()
    const first = await submit(event)
    expect(first).toMatchObject({ ok: true, data: { name: '张伟' } })
    const before = await submits()
    const reordered = {
      items: [{ count: 1, name: '护照' }],
      applicant: { idNumber: event.applicant.idNumber, name: '张伟' },
      requestId: event.requestId,
      action: 'submit' as const,
    }
    expect(await submit(reordered)).toEqual(first)
    expect(await submits()).toBe(before)
  })

  it.each([
    ['the applicant’s name', (e: SubmitEvent) => ({ ...e, applicant: { ...e.applicant, name: '李娜' } })],
    ['the applicant’s ID number', (e: SubmitEvent) => ({ ...e, applicant: { ...e.applicant, idNumber: '110105194912310029' } })],
    ['a count inside a list', (e: SubmitEvent) => ({ ...e, items: [{ name: '护照', count: 2 }] })],
    ['an optional field added', (e: SubmitEvent) => ({ ...e, refuse: false })],
  ])('when a replay changes %s (a nested field), then CONFLICT and nothing runs', async (_what, change) => {
    const event = base()
    expect(await submit(event)).toMatchObject({ ok: true })
    const before = await submits()
    expect(await submit(change(event))).toEqual({ ok: false, error: { code: 'CONFLICT', message: '该请求编号已用于另一次提交' } })
    expect(await submits()).toBe(before)
  })

  it('when the first submit was refused, then a replay answers the same refusal without running again', async () => {
    const event = { ...base(), refuse: true }
    const refusal = { ok: false, error: { code: 'CONFLICT', message: '已约满' } }
    expect(await submit(event)).toEqual(refusal)
    expect(await submit(event)).toEqual(refusal)
    expect(await record(event.requestId)).toMatchObject({ status: 'failed' })
  })

  it('when the first submit is still running within its lease, then a replay waits only a few seconds and answers 仍在处理中', async () => {
    const { release } = await hold()
    const event = base()
    const first = submit(event)
    await until(async () => !!(await record(event.requestId)))
    const t0 = Date.now()
    expect(await submit(event)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '上一次提交仍在处理中，请稍后再试' } })
    const waited = Date.now() - t0
    expect(waited).toBeGreaterThanOrEqual(REPLAY_WAIT_MS - 100)
    expect(waited).toBeLessThan(REPLAY_WAIT_MS + 2000)
    await release()
    const answer = await first
    expect(answer).toMatchObject({ ok: true })
    expect(await submit(event)).toEqual(answer)
  })

  it('when the first invocation died holding the claim and its lease ran out, then a retry takes over at once and the late finish cannot overwrite it', async () => {
    const { release } = await hold()
    const event = base()
    const dead = submit(event)
    await until(async () => !!(await record(event.requestId)))
    // What 15 s without an answer leave behind: a pending record whose lease has passed.
    await t.db
      .collection('requests')
      .doc(recordId(event.requestId))
      .update({ data: { leaseUntil: new Date(Date.now() - 1000) } })
    const t0 = Date.now()
    const retry = await submit(event)
    expect(Date.now() - t0).toBeLessThan(2000)
    expect(retry).toMatchObject({ ok: true, data: { name: '张伟' } })
    const data = dataOf(retry)
    expect(await record(event.requestId)).toMatchObject({ status: 'done', result: data })

    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await release()
      expect(await dead).toMatchObject({ ok: true })
      expect(errors.mock.calls.flat().join('\n')).toMatch(/claim was taken over/)
    } finally {
      errors.mockRestore()
    }
    expect(await record(event.requestId)).toMatchObject({ status: 'done', result: data })
    expect(await submit(event)).toEqual(retry)
  })

  it('when a pending record of an earlier version has no lease and is old, then a retry takes it over', async () => {
    const { release } = await hold()
    const event = base()
    const dead = submit(event)
    await until(async () => !!(await record(event.requestId)))
    const _ = t.db.command
    await t.db
      .collection('requests')
      .doc(recordId(event.requestId))
      .update({ data: { owner: _.remove(), leaseUntil: _.remove(), createdAt: new Date(Date.now() - 3_600_000) } })
    const retry = await submit(event)
    expect(retry).toMatchObject({ ok: true })
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await release()
      await dead
    } finally {
      errors.mockRestore()
    }
    expect(await submit(event)).toEqual(retry)
  })

  it('when the function has no ID_HASH_KEY, then it answers INTERNAL with a message for the administrator and logs why', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const bare = await startLocalCloud({ port: 0, functionsDir, idHashKey: null, log: () => undefined })
    try {
      const r = await invokeApi<typeof probeContract>(bare, 'idem-probe')(base(), OPENID)
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('ID_HASH_KEY') } })
      expect(errorOf(r).message).toMatch(/管理员/)
      expect(errors.mock.calls.flat().join('\n')).toMatch(/ID_HASH_KEY is not set/)
    } finally {
      errors.mockRestore()
      await bare.close()
    }
  })
})

import { randomInt } from 'node:crypto'
import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../builders/clock'
import { newCaseNumber } from '../../types/domain/case-number'
import { A, caseClient, profile, startCaseCloud } from './case-kit'

let t: TestCloud
let c: ReturnType<typeof caseClient>
/** 张伟's passport, ready for pickup. */
let ready: { caseId: string; caseNo: string; idLast4: string; pickupCode: string }

const SEQ = 201
beforeAll(async () => {
  setBeijingNow('2026-09-21', '09:00')
  t = await startCaseCloud()
  c = caseClient(t)
  const caseId = await c.caseIn('ready_for_pickup', A, SEQ)
  const view = (await c.getCase(caseId, A)).data
  ready = { caseId, caseNo: view.caseNo, idLast4: profile(SEQ).idNumber.slice(-4), pickupCode: view.result.pickup.code }
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})
beforeEach(() => setBeijingNow('2026-09-21', '09:00'))

let visitors = 0
/** A fresh OPENID: each test's budget per OPENID starts empty. */
const visitor = () => `lookup-visitor-${visitors++}`
const lookup = (body: object, openid: string) => c.call({ action: 'lookup', ...body }, openid)
const randomNo = () => newCaseNumber(randomInt)
const MISS = { ok: false, error: { code: 'NOT_FOUND', message: '未查到办件，请核对办件编号、申请人姓名和证件号或手机号后四位' } }

describe('lookup: success', () => {
  it.each([
    ['the last 4 of the ID number', () => ready.idLast4],
    ['the last 4 of the phone', () => '5678'],
  ])('when the father gives the number, the full name and %s, then he sees coarse progress and where to collect', async (_n, last4) => {
    const r = await lookup({ caseNo: ` ${ready.caseNo.toLowerCase()} `, name: '张伟', idLast4: last4() }, visitor())
    expect(r).toEqual({
      ok: true,
      data: {
        caseNo: ready.caseNo,
        matterName: '普通护照签发',
        stage: 'ready',
        stageLabel: '可领取',
        submittedAt: expect.any(String),
        dueDate: expect.any(String),
        overdue: false,
        readyForPickup: true,
        pickup: { windowName: expect.any(String), windowNumber: 23, location: expect.any(String) },
      },
    })
    const text = JSON.stringify(r)
    for (const secret of ['张伟', '张*', profile(SEQ).idNumber, '13912345678', ready.pickupCode, ready.caseId, 'materials', '身份证']) expect(text).not.toContain(secret)
  })

  it('when successful lookups repeat, then they use up no budget', async () => {
    const me = visitor()
    for (let i = 0; i < 8; i++) expect(await lookup({ caseNo: ready.caseNo, name: '张伟', idLast4: ready.idLast4 }, me)).toMatchObject({ ok: true })
  })
})

describe('lookup: every failure answers the same', () => {
  it('when the number, the name or the digits are wrong, or the case is a draft, then the answers are identical', async () => {
    const draftId = await c.readyDraft(A, SEQ + 1)
    const draftNo = (await t.db.collection('cases').doc(draftId).get()).data.caseNo
    const answers = await Promise.all([
      lookup({ caseNo: randomNo(), name: '张伟', idLast4: ready.idLast4 }, visitor()),
      lookup({ caseNo: ready.caseNo, name: '张卫', idLast4: ready.idLast4 }, visitor()),
      lookup({ caseNo: ready.caseNo, name: '张伟', idLast4: ready.idLast4 === '0000' ? '1111' : '0000' }, visitor()),
      lookup({ caseNo: draftNo, name: '张伟', idLast4: profile(SEQ + 1).idNumber.slice(-4) }, visitor()),
    ])
    for (const a of answers) expect(a).toEqual(MISS)
  })

  it('when the number is malformed (a wrong check character), then the answer is invalid input, since the format is public', async () => {
    const bad = ready.caseNo.slice(0, -1) + (ready.caseNo.endsWith('A') ? 'B' : 'A')
    expect(await lookup({ caseNo: bad, name: '张伟', idLast4: ready.idLast4 }, visitor())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'caseNo' }] } })
    expect(await lookup({ caseNo: ready.caseNo, name: '张伟', idLast4: '12' }, visitor())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'idLast4' }] } })
  })

  it('when the failures are timed, then a missing number takes about as long as a wrong name on a real one', async () => {
    const time = async (body: () => object) => {
      const ms: number[] = []
      for (let i = 0; i < 4; i++) {
        const t0 = performance.now()
        expect(await lookup(body(), visitor())).toEqual(MISS)
        ms.push(performance.now() - t0)
      }
      return ms.sort((a, b) => a - b)[1]
    }
    // An hour on, the real number's budget is fresh: four wrong names stay below it.
    setBeijingNow('2026-09-21', '13:00')
    await lookup({ caseNo: randomNo(), name: '张伟', idLast4: '0000' }, visitor())
    const missing = await time(() => ({ caseNo: randomNo(), name: '张伟', idLast4: ready.idLast4 }))
    const wrongName = await time(() => ({ caseNo: ready.caseNo, name: '李四', idLast4: ready.idLast4 }))
    expect(Math.abs(missing - wrongName)).toBeLessThan(Math.max(missing, wrongName) * 1.5 + 20)
  })
})

describe('lookup: the failure budget', () => {
  it('when one OPENID fails 5 times within an hour, then the 6th try is refused with the time to retry, and after the hour it works', async () => {
    const me = visitor()
    for (let i = 0; i < 5; i++) {
      setBeijingNow('2026-09-21', '09:00', i)
      expect(await lookup({ caseNo: randomNo(), name: '张伟', idLast4: '1234' }, me)).toEqual(MISS)
    }
    setBeijingNow('2026-09-21', '09:30')
    const limited = { ok: false, error: { code: 'RATE_LIMITED', message: '查询失败次数过多，请于9月21日 10:00后再试' } }
    // Even the right answer is refused while the budget is spent, so the limit cannot be probed.
    expect(await lookup({ caseNo: ready.caseNo, name: '张伟', idLast4: ready.idLast4 }, me)).toEqual(limited)
    expect(await lookup({ caseNo: randomNo(), name: '张伟', idLast4: '1234' }, me)).toEqual(limited)
    setBeijingNow('2026-09-21', '10:00', 1)
    expect(await lookup({ caseNo: ready.caseNo, name: '张伟', idLast4: ready.idLast4 }, me)).toMatchObject({ ok: true, data: { stage: 'ready' } })
  })

  it('when one case number gets 5 failed tries from different OPENIDs, then it is locked for everyone, the applicant is told once, and an hour later it works', async () => {
    const caseId = await c.caseIn('accepted', A, SEQ + 2)
    const caseNo = (await c.getCase(caseId, A)).data.caseNo
    setBeijingNow('2026-09-21', '11:00')
    for (let i = 0; i < 5; i++) expect(await lookup({ caseNo, name: '王五', idLast4: '0000' }, visitor())).toEqual(MISS)
    setBeijingNow('2026-09-21', '11:20')
    expect(await lookup({ caseNo, name: '张伟', idLast4: '5678' }, visitor())).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '查询失败次数过多，请于9月21日 12:00后再试' } })
    const notices = (await t.db.collection('outbox').where({ recipient: A, event: 'case.lookup_locked' }).limit(100).get()).data.filter((n: any) => n.subjectRoot === caseId)
    expect(notices).toEqual([expect.objectContaining({ status: 'pending', page: `packages/case/detail/index?id=${caseId}`, data: expect.objectContaining({ caseNo, matterName: '普通护照签发' }) })])
    // The notice names no one who tried; the refused tries did not extend the lock.
    setBeijingNow('2026-09-21', '12:00', 1)
    expect(await lookup({ caseNo, name: '张伟', idLast4: '5678' }, visitor())).toMatchObject({ ok: true, data: { stage: 'processing', stageLabel: '办理中' } })
  })

  it('when one OPENID fires 20 wrong guesses at once, then at most 5 are counted as tries and the rest are refused', async () => {
    const me = visitor()
    const answers: any[] = await Promise.all(Array.from({ length: 20 }, () => lookup({ caseNo: randomNo(), name: '张伟', idLast4: '1234' }, me)))
    const misses = answers.filter((a) => a.error?.code === 'NOT_FOUND').length
    expect(misses).toBeLessThanOrEqual(5)
    expect(misses).toBeGreaterThanOrEqual(1)
    expect(answers.every((a) => a.error?.code === 'NOT_FOUND' || a.error?.code === 'RATE_LIMITED')).toBe(true)
  })
})

describe('lookup: enumeration', () => {
  // Every guess is a real lookup through the function and the SDK (four database round trips);
  // the OPENIDs take turns so no two guesses of one OPENID run at the same moment.
  it('when 10,000 well-formed guesses come from 2,000 OPENIDs, then none finds a case', async () => {
    setBeijingNow('2026-09-21', '15:00')
    const GUESSES = Number(process.env.ENUM_GUESSES ?? 10_000)
    const OPENIDS = GUESSES / 5
    const answers = new Map<string, number>()
    let next = 0
    const worker = async () => {
      while (next < GUESSES) {
        const i = next++
        const body = { action: 'lookup', caseNo: randomNo(), name: '张伟', idLast4: String(i % 10_000).padStart(4, '0') }
        const r = (await t.cloud.invoke('case', body, { openid: `enum-${i % OPENIDS}` })) as any
        const key = r.ok ? 'FOUND' : r.error.code
        answers.set(key, (answers.get(key) ?? 0) + 1)
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker))
    expect(Object.fromEntries(answers)).toEqual({ NOT_FOUND: GUESSES })
    // The budgets held: each OPENID used exactly its five tries.
    const own = await t.db.collection('lookup_attempts').where({ _id: 'o:enum-0' }).limit(1).get()
    expect(own.data[0].attempts).toHaveLength(5)
  }, 90_000)
})

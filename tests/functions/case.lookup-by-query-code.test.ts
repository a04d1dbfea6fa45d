import { randomInt } from 'node:crypto'
import type { TestCloud } from '../support/cloud'
import { clearFakeNow, setBeijingNow } from '../support/clock'
import { newCaseNumber } from '../../types/domain/case-number'
import { formatQueryCode, isValidQueryCode, newQueryCode } from '../../types/domain/lookup'
import { A, caseClient, profile, startCaseCloud, STAFF, SUPERVISOR } from '../support/case'
import { codeOf, dataOf } from '../support/calls'
import { caseContract, notifyContract } from '../../types/contracts'
import type { ActionInput } from '../../types/contracts/contract'

let t: TestCloud
let c: ReturnType<typeof caseClient>
/** 张伟's passport, ready for pickup. */
let ready: { caseId: string; caseNo: string; queryCode: string; idLast4: string; pickupCode: string }

const SEQ = 201
beforeAll(async () => {
  setBeijingNow('2026-09-21', '09:00')
  t = await startCaseCloud(['case', 'notify'])
  c = caseClient(t)
  const caseId = await c.caseIn('ready_for_pickup', A, SEQ)
  const view = dataOf(await c.getCase(caseId, A))
  ready = {
    caseId,
    caseNo: view.caseNo,
    queryCode: view.queryCode!,
    idLast4: profile(SEQ).idNumber.slice(-4),
    pickupCode: view.result!.pickup!.code!,
  }
})
afterAll(async () => {
  clearFakeNow()
  await t?.close()
})
beforeEach(() => setBeijingNow('2026-09-21', '09:00'))

let visitors = 0
/** A fresh OPENID: each test's budget per OPENID starts empty. */
const visitor = () => `lookup-visitor-${visitors++}`
type LookupInput = ActionInput<typeof caseContract, 'lookup'>
const lookup = (body: LookupInput, openid: string) => c.call({ action: 'lookup', ...body }, openid)
/** The genuine relative's data for `ready`, with overrides. */
const right = (over: Partial<LookupInput> = {}): LookupInput => ({
  caseNo: ready.caseNo,
  queryCode: ready.queryCode,
  name: '张伟',
  idLast4: ready.idLast4,
  ...over,
})
const randomNo = () => newCaseNumber(randomInt)
const randomCode = () => newQueryCode(randomInt)
/** A well-formed code that is not `code`. */
const otherCode = (code: string) => {
  for (;;) {
    const x = randomCode()
    if (x !== code) return x
  }
}
const MISS = { ok: false, error: { code: 'NOT_FOUND', message: '未查到办件，请核对办件编号、查询码、申请人姓名和证件号或手机号后四位' } }
const drain = () => t.trigger('notify', 'drain')
const outboxOf = async (caseId: string, event: string) =>
  (await t.db.collection('outbox').where({ subjectRoot: caseId, event }).limit(100).get()).data

describe('lookup: success', () => {
  it.each([
    ['the last 4 of the ID number', () => ready.idLast4],
    ['the last 4 of the phone', () => '5678'],
  ])(
    'when the father gives the number, the query code, the full name and %s, then he sees coarse progress and where to collect',
    async (_n, last4) => {
      const r = await lookup(
        right({ caseNo: ` ${ready.caseNo.toLowerCase()} `, queryCode: formatQueryCode(ready.queryCode), idLast4: last4() }),
        visitor(),
      )
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
      for (const secret of [
        '张伟',
        '张*',
        profile(SEQ).idNumber,
        '13912345678',
        ready.pickupCode,
        ready.queryCode,
        ready.caseId,
        'materials',
        '身份证',
      ])
        expect(text).not.toContain(secret)
    },
  )

  it('when successful lookups repeat, then they use up no budget', async () => {
    const me = visitor()
    for (let i = 0; i < 8; i++) expect(await lookup(right(), me)).toMatchObject({ ok: true })
  })
})

describe('lookup: the query code', () => {
  it('when a case is created, then it has a 12-digit code with a check digit, shown to its owner only', async () => {
    expect(ready.queryCode).toMatch(/^\d{12}$/)
    expect(isValidQueryCode(ready.queryCode)).toBe(true)
    for (const who of [STAFF, SUPERVISOR]) expect(dataOf(await c.getCase(ready.caseId, who)).queryCode).toBeUndefined()
  })

  it('when a case from before query codes is opened by its owner (twice, at once), then it gets one code, kept from then on', async () => {
    const caseId = await c.caseIn('accepted', A, SEQ + 5)
    await t.db
      .collection('cases')
      .doc(caseId)
      .update({ data: { queryCode: t.db.command.remove() } })
    const caseNo = (await t.db.collection('cases').doc(caseId).get()).data.caseNo
    // Without a code the case cannot be found at all.
    expect(await lookup({ caseNo, queryCode: randomCode(), name: '张伟', idLast4: '5678' }, visitor())).toEqual(MISS)
    const [one, two] = (await Promise.all([c.getCase(caseId, A), c.getCase(caseId, A)])).map(dataOf)
    expect(one.queryCode).toMatch(/^\d{12}$/)
    expect(two.queryCode).toBe(one.queryCode)
    expect(dataOf(await c.getCase(caseId, A)).queryCode).toBe(one.queryCode)
    expect(await lookup({ caseNo, queryCode: one.queryCode!, name: '张伟', idLast4: '5678' }, visitor())).toMatchObject({
      ok: true,
      data: { stage: 'processing' },
    })
  })

  it('when any one digit of a code is mistyped, then its check digit catches it', () => {
    for (let n = 0; n < 50; n++) {
      const code = randomCode()
      expect(isValidQueryCode(formatQueryCode(code))).toBe(true)
      for (let i = 0; i < code.length; i++) {
        for (let d = 0; d < 10; d++) {
          if (String(d) === code[i]) continue
          expect(isValidQueryCode(code.slice(0, i) + d + code.slice(i + 1))).toBe(false)
        }
      }
    }
  })

  it('when the code has a typo (its check digit disagrees), then it is invalid input and spends no try', async () => {
    const me = visitor()
    const typo = ready.queryCode.slice(0, -1) + String((Number(ready.queryCode.slice(-1)) + 1) % 10)
    for (let i = 0; i < 6; i++)
      expect(await lookup(right({ queryCode: typo }), me)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', issues: [{ path: 'queryCode' }] },
      })
    expect(await lookup(right(), me)).toMatchObject({ ok: true })
  })
})

describe('lookup: every failure answers the same', () => {
  it('when the number, the code, the name or the digits are wrong, or the case is a draft, then the answers are identical', async () => {
    const draftId = await c.readyDraft(A, SEQ + 1)
    const draft = (await t.db.collection('cases').doc(draftId).get()).data
    const answers = await Promise.all([
      lookup(right({ caseNo: randomNo() }), visitor()),
      lookup(right({ queryCode: otherCode(ready.queryCode) }), visitor()),
      lookup(right({ name: '张卫' }), visitor()),
      lookup(right({ idLast4: ready.idLast4 === '0000' ? '1111' : '0000' }), visitor()),
      lookup({ caseNo: draft.caseNo, queryCode: draft.queryCode, name: '张伟', idLast4: profile(SEQ + 1).idNumber.slice(-4) }, visitor()),
    ])
    for (const a of answers) expect(a).toEqual(MISS)
  })

  it('when the number is malformed (a wrong check character), then the answer is invalid input, since the format is public', async () => {
    const bad = ready.caseNo.slice(0, -1) + (ready.caseNo.endsWith('A') ? 'B' : 'A')
    expect(await lookup(right({ caseNo: bad }), visitor())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'caseNo' }] },
    })
    expect(await lookup(right({ idLast4: '12' }), visitor())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'idLast4' }] },
    })
  })

  it('when the failures are timed, then a missing number takes about as long as a wrong code on a real one', async () => {
    const time = async (body: () => LookupInput) => {
      const ms: number[] = []
      for (let i = 0; i < 4; i++) {
        const t0 = performance.now()
        expect(await lookup(body(), visitor())).toEqual(MISS)
        ms.push(performance.now() - t0)
      }
      return ms.sort((a, b) => a - b)[1]
    }
    setBeijingNow('2026-09-21', '13:00')
    await lookup(right({ caseNo: randomNo(), queryCode: randomCode() }), visitor())
    const missing = await time(() => right({ caseNo: randomNo() }))
    const wrongCode = await time(() => right({ queryCode: otherCode(ready.queryCode) }))
    expect(Math.abs(missing - wrongCode)).toBeLessThan(Math.max(missing, wrongCode) * 1.5 + 20)
  })
})

describe('lookup: strangers cannot lock anyone out', () => {
  it('when 50 accounts fail 5 times each on a real case number, knowing the name and last 4 but not the code, then the genuine relative is answered at once, and the applicant told once', async () => {
    const caseId = await c.caseIn('accepted', A, SEQ + 2)
    const view = dataOf(await c.getCase(caseId, A))
    const { caseNo } = view
    const queryCode = view.queryCode!
    setBeijingNow('2026-09-21', '11:00')
    const strangers = Array.from({ length: 50 }, visitor)
    const answers = await Promise.all(
      strangers.flatMap((s) =>
        Array.from({ length: 5 }, () => lookup({ caseNo, queryCode: randomCode(), name: '张伟', idLast4: '5678' }, s)),
      ),
    )
    for (const a of answers) expect(a).toEqual(MISS)
    // No answer to a stranger ever says the number is under attack: the next one is a plain miss too.
    expect(await lookup({ caseNo, queryCode: otherCode(queryCode), name: '张伟', idLast4: '5678' }, visitor())).toEqual(MISS)
    expect(await lookup({ caseNo, queryCode, name: '张伟', idLast4: '5678' }, visitor())).toMatchObject({
      ok: true,
      data: { stage: 'processing', stageLabel: '办理中' },
    })
    expect(await outboxOf(caseId, 'case.lookup_locked')).toEqual([
      expect.objectContaining({
        recipient: A,
        status: 'pending',
        page: `packages/case/detail/index?id=${caseId}`,
        data: expect.objectContaining({ caseNo, matterName: '普通护照签发' }),
      }),
    ])
  })

  it('when strangers fail on a case, then the notice reaches the message centre only and the applicant’s one-time grant is still there for 「已受理」', async () => {
    const G = 'o-lookup-applicant'
    const caseId = await c.caseIn('pre_review', G, SEQ + 3)
    const { caseNo } = dataOf(await c.getCase(caseId, G))
    expect(
      await t.call('notify', { action: 'reportGrants', grants: [{ templateKey: 'case_progress', status: 'accept' }] }, G),
    ).toMatchObject({ ok: true, data: { grants: [{ remaining: 1 }] } })
    for (let i = 0; i < 5; i++)
      expect(await lookup({ caseNo, queryCode: randomCode(), name: '王五', idLast4: '0000' }, visitor())).toEqual(MISS)
    await drain()
    const [notice] = await outboxOf(caseId, 'case.lookup_locked')
    expect(notice).toMatchObject({ status: 'sent', channel: 'message_centre' })
    expect(notice.grant).toBeUndefined()
    const grant = async () => (await t.db.collection('subscriptions').doc(`${G}:case_progress`).get()).data.remaining
    expect(await grant()).toBe(1)
    const inbox = dataOf(await t.api(notifyContract)({ action: 'myMessages' }, G))
    expect(inbox.messages).toEqual([expect.objectContaining({ body: expect.stringContaining(caseNo) })])

    await c.ok(c.act(caseId, 'accept', STAFF))
    await drain()
    const [accepted] = await outboxOf(caseId, 'case.accepted')
    expect(accepted).toMatchObject({ status: 'sent', templateKey: 'case_progress', grant: { kind: 'one_time' } })
    expect(await grant()).toBe(0)
  })
})

describe('lookup: the failure budget of an account and a device', () => {
  it('when one OPENID fails 5 times within an hour, then the 6th try is refused with the time to retry, and after the hour it works', async () => {
    const me = visitor()
    for (let i = 0; i < 5; i++) {
      setBeijingNow('2026-09-21', '09:00', i)
      expect(await lookup(right({ caseNo: randomNo() }), me)).toEqual(MISS)
    }
    setBeijingNow('2026-09-21', '09:30')
    const limited = { ok: false, error: { code: 'RATE_LIMITED', message: '查询失败次数过多，请于9月21日 10:00后再试' } }
    // Even the right answer is refused while the budget is spent, so the limit cannot be probed.
    expect(await lookup(right(), me)).toEqual(limited)
    expect(await lookup(right({ caseNo: randomNo() }), me)).toEqual(limited)
    setBeijingNow('2026-09-21', '10:00', 1)
    expect(await lookup(right(), me)).toMatchObject({ ok: true, data: { stage: 'ready' } })
  })

  it.each([
    ['invented numbers', () => right({ caseNo: randomNo(), queryCode: randomCode() })],
    ['the real number with wrong codes', () => right({ queryCode: otherCode(ready.queryCode) })],
  ])(
    'when one OPENID fires 20 guesses at %s at once, then at most 5 are counted as tries and the rest are refused',
    async (_what, body) => {
      const me = visitor()
      const answers = await Promise.all(Array.from({ length: 20 }, () => lookup(body(), me)))
      const misses = answers.filter((a) => codeOf(a) === 'NOT_FOUND').length
      expect(misses).toBeLessThanOrEqual(5)
      expect(misses).toBeGreaterThanOrEqual(1)
      expect(answers.every((a) => codeOf(a) === 'NOT_FOUND' || codeOf(a) === 'RATE_LIMITED')).toBe(true)
      expect(await lookup(right(), me)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    },
  )

  it('when accounts take turns on one device, then the device’s 5 failures refuse the next account there; the id only ever refuses', async () => {
    const device = 'dev-0123456789abcdef'
    const [x, y, z] = [visitor(), visitor(), visitor()]
    for (const [who, n] of [
      [x, 2],
      [y, 3],
    ] as const)
      for (let i = 0; i < n; i++) expect(await lookup(right({ caseNo: randomNo(), deviceId: device }), who)).toEqual(MISS)
    expect(await lookup(right({ deviceId: device }), z)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    // A fresh device id does not refill a spent account, and leaving it out only leaves the account's budget.
    for (let i = 0; i < 3; i++)
      expect(await lookup(right({ caseNo: randomNo(), deviceId: `dev-fresh-${i}-0123456789` }), y)).toMatchObject({ ok: false })
    expect(await lookup(right({ deviceId: 'dev-another-0123456789' }), y)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(await lookup(right(), z)).toMatchObject({ ok: true })
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
    const enumerate = t.api(caseContract, { inProcess: true })
    const worker = async () => {
      while (next < GUESSES) {
        const i = next++
        const body = {
          action: 'lookup' as const,
          caseNo: randomNo(),
          queryCode: randomCode(),
          name: '张伟',
          idLast4: String(i % 10_000).padStart(4, '0'),
        }
        const r = await enumerate(body, `enum-${i % OPENIDS}`)
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

describe('lookup: the applicant replaces the query code', () => {
  it('when the applicant resets the code, then the old one answers like any wrong guess and the new one works; nobody else can reset it', async () => {
    const caseId = await c.caseIn('accepted', A, SEQ + 50)
    const before = dataOf(await c.getCase(caseId, A))
    const body = { caseNo: before.caseNo, name: '张伟', idLast4: profile(SEQ + 50).idNumber.slice(-4) }
    expect(await lookup({ ...body, queryCode: before.queryCode! }, visitor())).toMatchObject({ ok: true })

    for (const who of [STAFF, SUPERVISOR, 'o-stranger-reset']) {
      expect(await c.call({ action: 'resetQueryCode', caseId }, who)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    expect(dataOf(await c.getCase(caseId, A)).queryCode).toBe(before.queryCode)

    const reset = await c.call({ action: 'resetQueryCode', caseId }, A)
    expect(reset).toMatchObject({ ok: true, data: { queryCode: expect.any(String) } })
    const { queryCode } = dataOf(reset)
    expect(isValidQueryCode(queryCode)).toBe(true)
    expect(queryCode).not.toBe(before.queryCode)
    const old = await lookup({ ...body, queryCode: before.queryCode! }, visitor())
    const wrong = await lookup({ ...body, queryCode: otherCode(queryCode) }, visitor())
    expect(old).toEqual(wrong)
    expect(old).toMatchObject({ ok: false })
    expect(await lookup({ ...body, queryCode }, visitor())).toMatchObject({ ok: true })
    expect(dataOf(await c.getCase(caseId, A)).queryCode).toBe(queryCode)
  })
})

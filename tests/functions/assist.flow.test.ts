/**
 * 帮办代办 through the real assist and case functions: a citizen asks for help, the office's desk
 * claims it under 首问负责制, the helper prepares the application and the citizen submits it from
 * their own account. The server clock is set per test (Beijing time).
 */
import { setBeijingNow } from '../support/clock'
import { codeOf, dataOf, errorOf } from '../support/calls'
import { caseClient, passportForm, profile } from '../support/case'
import { newRequestId } from '../support/people'
import { A, assistClient, B, DESK, DESK_2, STAFF, startAssistCloud, SUPERVISOR } from '../support/assist'
import { caseContract } from '../../types/contracts'
import { cloudForFile, kitFor } from '../support/for-file'

const t = cloudForFile(() => startAssistCloud())
const c = kitFor(() => assistClient(t))
beforeEach(async () => {
  setBeijingNow('2026-09-28', '09:00')
  await t.db
    .collection('assists')
    .where({ openid: t.db.command.exists(true) })
    .remove()
})

const messagesOf = async (openid: string, subjectRoot: string) =>
  (await t.db.collection('outbox').where({ recipient: openid, subjectRoot }).limit(50).get()).data.map((d) => String(d.event)).sort()

/** The citizen's own application from the prepared form: what the apply page sends. */
const submitPrepared = (assistId: string, openid = A, form = passportForm()) =>
  t.api(caseContract)(
    { action: 'createDraft', matterId: 'm-passport', applicant: profile(7), form, assistId, requestId: newRequestId() },
    openid,
  )

describe('asking for help and the desk claiming it', () => {
  it('when a citizen asks, then the desk sees the request with the phone masked until one helper claims it, and the citizen is told who helps', async () => {
    const sent = dataOf(await c.request(A, { forOther: { relation: '母亲', name: '王秀英', phone: '13800001111' } }))
    expect(sent).toEqual({ assistId: expect.stringMatching(/^as-[0-9a-f]{20}$/), state: 'requested', claimDue: '2026-09-29' })

    const waiting = dataOf(await c.call({ action: 'inbox', box: 'unclaimed' }, DESK)).items
    expect(waiting.map((i) => i.assistId)).toEqual([sent.assistId])
    expect(waiting[0]).toMatchObject({ contactPhone: '139****5678', forOther: { relation: '母亲', name: '王**', phone: '138****1111' } })
    expect(waiting[0].allowedActions).toEqual(['claim'])

    dataOf(await c.call({ action: 'claim', assistId: sent.assistId }, DESK))
    const owned = dataOf(await c.call({ action: 'get', assistId: sent.assistId }, DESK))
    expect(owned).toMatchObject({ state: 'claimed', contactPhone: '13912345678', forOther: { name: '王秀英', phone: '13800001111' } })
    expect(owned.allowedActions).toEqual(['prepare', 'close'])
    // Another member of the desk sees it masked and may not act on it (首问负责制).
    const other = dataOf(await c.call({ action: 'get', assistId: sent.assistId }, DESK_2))
    expect(other.contactPhone).toBe('139****5678')
    expect(codeOf(await c.call({ action: 'close', assistId: sent.assistId, result: '已电话指导办理' }, DESK_2))).toBe('FORBIDDEN')

    expect(dataOf(await c.call({ action: 'get', assistId: sent.assistId }, A)).owner).toEqual(owned.owner)
    expect(await messagesOf(A, sent.assistId)).toEqual(['assist.claimed'])
    expect(dataOf(await c.call({ action: 'inbox', box: 'mine' }, DESK)).items.map((i) => i.assistId)).toEqual([sent.assistId])
    expect(dataOf(await c.call({ action: 'inbox', box: 'unclaimed' }, DESK)).items).toEqual([])
  })

  it('when ten helpers claim one request at once, then exactly one owns it', async () => {
    const { assistId } = dataOf(await c.request())
    const desk = [DESK, DESK_2, SUPERVISOR]
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => c.call({ action: 'claim', assistId }, desk[i % desk.length])))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).every((a) => codeOf(a) === 'CONFLICT')).toBe(true)
    expect((await c.doc(assistId)).rev).toBe(1)
  })

  it('when a request is made on a Friday or before the National Day holiday, then the desk has until the next working day', async () => {
    setBeijingNow('2026-09-25', '16:00')
    expect(dataOf(await c.request()).claimDue).toBe('2026-09-28')
    setBeijingNow('2026-09-30', '10:00')
    expect(dataOf(await c.request(B)).claimDue).toBe('2026-10-08')
    setBeijingNow('2026-10-09', '09:00')
    const late = dataOf(await c.call({ action: 'inbox', box: 'unclaimed' }, DESK)).items
    expect(late.map((i) => [i.claimDue, i.overdue])).toEqual([
      ['2026-09-28', true],
      ['2026-10-08', true],
    ])
  })
})

describe('one open request per matter, and who may see it', () => {
  it('when the same citizen asks twice for one matter, then the second is refused until the first ends, and a replayed submit answers the first', async () => {
    const requestId = newRequestId()
    const first = dataOf(await c.request(A, { requestId }))
    expect(dataOf(await c.request(A, { requestId })).assistId).toBe(first.assistId)
    const again = await c.request(A)
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已有进行中的帮办申请') })
    // A general request (no matter) is another subject.
    expect(dataOf(await c.request(A, { matterId: undefined })).state).toBe('requested')

    dataOf(await c.call({ action: 'cancel', assistId: first.assistId }, A))
    expect(dataOf(await c.request(A)).state).toBe('requested')
  })

  it('when a stranger or staff outside the desk ask for a request, then it does not exist for them and nothing changes', async () => {
    const { assistId } = dataOf(await c.request())
    const before = await c.doc(assistId)
    for (const who of [B, STAFF]) {
      expect(codeOf(await c.call({ action: 'get', assistId }, who))).toBe('NOT_FOUND')
      expect(codeOf(await c.call({ action: 'cancel', assistId }, who))).toBe('NOT_FOUND')
    }
    expect(codeOf(await c.call({ action: 'claim', assistId }, STAFF))).toBe('NOT_FOUND')
    expect(codeOf(await c.call({ action: 'inbox', box: 'unclaimed' }, STAFF))).toBe('FORBIDDEN')
    // A citizen cannot claim at all (the contract admits staff only).
    expect(codeOf(await c.call({ action: 'claim', assistId }, B))).toBe('FORBIDDEN')
    expect(await c.doc(assistId)).toEqual(before)
  })

  it('when the input is bad, then the answer names the field and nothing is written', async () => {
    const r = await c.request(A, { detail: '帮忙' })
    expect(errorOf(r)).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'detail', message: '请说明需要帮什么（至少5个字）' }] })
    expect(
      codeOf(
        await c.call.raw(
          {
            action: 'request',
            matterId: 'm-passport',
            reason: 'bored',
            detail: '帮忙填一下表格',
            contactPhone: '139',
            requestId: newRequestId(),
          },
          A,
        ),
      ),
    ).toBe('INVALID_INPUT')
    expect((await t.db.collection('assists').where({ openid: A }).count()).total).toBe(0)
  })
})

describe('the prepared application, submitted by the citizen', () => {
  it('when the helper prepares the form and the citizen submits it, then one case of the citizen carries the request, and retries give the same case', async () => {
    const assistId = await c.claimed()
    const bad = await c.call({ action: 'prepare', assistId, form: { applyType: '不知道' }, note: '已电话核对信息' }, DESK)
    expect(codeOf(bad)).toBe('INVALID_INPUT')
    expect((await c.doc(assistId)).state).toBe('claimed')

    dataOf(
      await c.call({ action: 'prepare', assistId, form: passportForm({ destination: undefined }), note: '已电话核对，目的地待定' }, DESK),
    )
    const seen = dataOf(await c.call({ action: 'get', assistId }, A))
    expect(seen).toMatchObject({
      state: 'drafted',
      prepared: { form: passportForm({ destination: undefined }), note: '已电话核对，目的地待定' },
    })
    expect(seen.allowedActions).toEqual(['cancel', 'confirm'])
    expect(await messagesOf(A, assistId)).toEqual(['assist.claimed', 'assist.prepared'])

    // Another account cannot submit it.
    expect(codeOf(await submitPrepared(assistId, B))).toBe('NOT_FOUND')
    const made = dataOf(await submitPrepared(assistId))
    const again = dataOf(await submitPrepared(assistId))
    expect(again).toEqual(made)
    const stored = (await t.db.collection('cases').doc(made.caseId).get()).data
    expect(stored).toMatchObject({ openid: A, assistId, state: 'draft', matterId: 'm-passport' })
    expect((await t.db.collection('cases').where({ assistId }).count()).total).toBe(1)
    expect(dataOf(await c.call({ action: 'get', assistId }, DESK))).toMatchObject({ state: 'confirmed', caseId: made.caseId })
    expect(dataOf(await caseClient(t).getCase(made.caseId, A)).caseNo).toBe(made.caseNo)

    dataOf(await c.call({ action: 'close', assistId, result: '已协助提交护照申请，请按短信到窗口采集照片' }, DESK))
    expect(await messagesOf(A, assistId)).toEqual(['assist.claimed', 'assist.closed', 'assist.prepared'])
    expect(codeOf(await c.call({ action: 'cancel', assistId }, A))).toBe('CONFLICT')
  })

  it('when the process died after the request was confirmed and before the case was written, then submitting again writes the case under the id the request names', async () => {
    const assistId = await c.claimed()
    dataOf(await c.call({ action: 'prepare', assistId, form: passportForm(), note: '已电话核对信息' }, DESK))
    // Where a dead createDraft leaves it: the request confirmed with the case id, no case.
    const doc = await c.doc(assistId)
    await t.db
      .collection('assists')
      .doc(assistId)
      .update({ data: { state: 'confirmed', caseId: 'cs-0123456789abcdef0123', rev: doc.rev + 1 } })
    const made = dataOf(await submitPrepared(assistId))
    expect(made.caseId).toBe('cs-0123456789abcdef0123')
    expect((await t.db.collection('cases').where({ assistId }).count()).total).toBe(1)
  })

  it('when two submits of one prepared application race, then one case is written', async () => {
    const assistId = await c.claimed()
    dataOf(await c.call({ action: 'prepare', assistId, form: passportForm(), note: '已电话核对信息' }, DESK))
    const answers = await Promise.all(Array.from({ length: 6 }, () => submitPrepared(assistId)))
    const ids = new Set(answers.filter((a) => a.ok).map((a) => dataOf(a).caseId))
    expect(ids.size).toBe(1)
    expect((await t.db.collection('cases').where({ assistId }).count()).total).toBe(1)
  })

  it('when the matter cannot be applied for online, then nothing can be prepared and the helper closes it with what was done', async () => {
    const assistId = await c.claimed(A, DESK, { matterId: 'm-id-card-apply' })
    expect(errorOf(await c.call({ action: 'prepare', assistId, form: {}, note: '已电话核对信息' }, DESK))).toMatchObject({
      code: 'CONFLICT',
      message: '该事项不能网上申请，请到窗口办理',
    })
    expect(dataOf(await c.call({ action: 'get', assistId }, DESK)).allowedActions).toEqual(['close'])
    dataOf(await c.call({ action: 'close', assistId, result: '已预约10月9日上门采集照片' }, DESK))
    expect(dataOf(await c.call({ action: 'get', assistId }, A))).toMatchObject({ state: 'closed', result: '已预约10月9日上门采集照片' })
  })
})

/**
 * 督办 (supervision orders) through the supervision function: the office issues an order about a
 * case, a 差评, a complaint or a pattern; the department's lead replies; the office closes it or
 * sends it back; a reply missing by the due date, or a late one, escalates it once to 通报 for
 * the director; every step is audited once and told in the message centre. Who reads what: a
 * lead their own department's orders only, window staff and citizens none; an order never shows
 * the applicant, the rater or the complainant. The server clock starts on Monday 2026-11-02
 * 10:00 Beijing time (November 2026 has no public holiday: 5 working days later is Monday 11-09).
 */
import { supervisionContract } from '../../types/contracts/supervision'
import type { ActionInput } from '../../types/contracts/contract'
import { caseClient } from '../support/case'
import { codeOf, dataOf, errorOf, ok } from '../support/calls'
import { setBeijingNow } from '../support/clock'
import { A, ADMIN, LEAD, STAFF, startDemoCloud, SUPERVISOR } from '../support/demo'
import { cloudForFile, kitFor } from '../support/for-file'
import { newRequestId } from '../support/people'

const LEAD_SCJG = 'o-lead-scjg'
const t = cloudForFile(async () => {
  const cloud = await startDemoCloud(['supervision', 'case'])
  await cloud.db.collection('staff').add({
    data: {
      _id: 'staff-lead-scjg',
      openid: LEAD_SCJG,
      staffNo: 'ZW0901',
      name: '周强',
      role: 'dept_lead',
      departmentId: 'dept-scjg',
      windowIds: [],
      active: true,
    },
  })
  return cloud
})
const cases = kitFor(() => caseClient(t))
const sv = kitFor(() => ({ call: t.api(supervisionContract) }))

type IssueInput = Omit<ActionInput<typeof supervisionContract, 'issueOrder'>, 'requestId'>
const issue = (input: IssueInput, requestId = newRequestId()) => sv.call({ action: 'issueOrder', ...input, requestId }, SUPERVISOR)
const get = (orderId: string, openid: string) => sv.call({ action: 'getOrder', orderId }, openid)
const reply = (orderId: string, text = '已约谈经办人，护照已于今日制证完成并通知申请人领取', openid = LEAD) =>
  sv.call({ action: 'replyOrder', orderId, text }, openid)
const list = (filter: 'open' | 'replied' | 'closed' | 'escalated', openid: string) =>
  ok(sv.call({ action: 'listOrders', filter, pageSize: 50 }, openid)).then((r) => r.items.map((i) => i.orderId))
const tick = (job: string) => t.trigger('supervision', 'tick', job)

const ORDER = { reason: '办件超过承诺时限未办结', requirement: '请查明延误原因，3日内办结并回复' }
let seq = 100
/** An accepted passport case of citizen A (the applicant 张伟, phone 13912345678), through the real case actions. */
const acceptedCase = () => cases.caseIn('accepted', A, seq++)

const messagesOf = async (openid: string, event: string) =>
  (await t.db.collection('messages').where({ openid, event }).get()).data as Array<{ subjectId: string; body: string }>
const auditOf = async (orderId: string) =>
  ((await t.db.collection('audit').where({ kind: 'supervision_order', orderId }).get()).data as Array<{ step: string; seq: number }>)
    .sort((a, b) => a.seq - b.seq)
    .map((e) => e.step)

beforeEach(() => setBeijingNow('2026-11-02', '10:00'))

describe('issuing an order', () => {
  it('when the office issues one about a case, then it names the case number and matter, is due in 5 working days and never shows the applicant', async () => {
    const caseId = await acceptedCase()
    const caseDoc = (await t.db.collection('cases').doc(caseId).get()).data as {
      caseNo: string
      applicant: { name: string; idNumber: string; phone: string }
    }
    const draft = await ok(sv.call({ action: 'orderDraft', object: { kind: 'case', caseId } }, SUPERVISOR))
    expect(draft).toMatchObject({ departmentId: 'dept-crj', departmentName: '县公安局出入境管理大队', defaultDueDate: '2026-11-09' })

    const v = dataOf(await issue({ object: { kind: 'case', caseId }, ...ORDER }))
    expect(v).toMatchObject({
      object: { kind: 'case', caseNo: caseDoc.caseNo, matterName: '普通护照签发' },
      departmentId: 'dept-crj',
      dueDate: '2026-11-09',
      state: 'open',
      auto: false,
      issuedBy: { staffNo: 'ZW0004', name: '刘洋' },
      allowedActions: [],
    })
    const lead = JSON.stringify(await ok(get(v.orderId, LEAD)))
    const stored = JSON.stringify((await t.db.collection('supervision_orders').doc(v.orderId).get()).data)
    for (const secret of [caseDoc.applicant.name, caseDoc.applicant.idNumber, caseDoc.applicant.phone, A]) {
      expect(lead).not.toContain(secret)
      expect(stored).not.toContain(secret)
    }
    const told = await messagesOf(LEAD, 'supervision.order_issued')
    expect(told.filter((m) => m.subjectId === `${v.orderId}:1`)).toHaveLength(1)
    expect(await auditOf(v.orderId)).toEqual(['issued'])
  })

  it('when an order about the case is open, then a second is refused, and the same request sent again answers the first', async () => {
    const caseId = await acceptedCase()
    const requestId = newRequestId()
    const first = dataOf(await issue({ object: { kind: 'case', caseId }, ...ORDER }, requestId))
    expect(dataOf(await issue({ object: { kind: 'case', caseId }, ...ORDER }, requestId)).orderId).toBe(first.orderId)
    const second = await issue({ object: { kind: 'case', caseId }, ...ORDER })
    expect(errorOf(second)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已有未办结的督办单') })
    expect(await ok(sv.call({ action: 'orderDraft', object: { kind: 'case', caseId } }, SUPERVISOR))).toMatchObject({
      openOrderId: first.orderId,
    })
    const { total } = await t.db.collection('supervision_orders').where({ 'object.id': caseId }).count()
    expect(total).toBe(1)
  })

  it('when the input is bad (a reason too short, a pattern without a department), then it is refused and nothing is written', async () => {
    const before = (await t.db.collection('supervision_orders').count()).total
    expect(errorOf(await issue({ object: { kind: 'pattern' }, reason: '慢', requirement: ORDER.requirement }))).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: 'reason', message: '请写明督办事由（至少4个字）' }],
    })
    expect(errorOf(await issue({ object: { kind: 'pattern' }, ...ORDER }))).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: 'departmentId' }],
    })
    expect(
      codeOf(
        await sv.call.raw({ action: 'issueOrder', object: { kind: 'case', caseId: 'x' }, ...ORDER, requestId: newRequestId() }, SUPERVISOR),
      ),
    ).toBe('INVALID_INPUT')
    expect((await t.db.collection('supervision_orders').count()).total).toBe(before)
  })

  it('when it is about a 差评 or a complaint, then the order names what it is about and never who rated or complained, nor their words', async () => {
    await t.db.collection('ratings').add({
      data: {
        _id: 'rt-aaaaaaaaaaaaaaaaaaaa',
        openid: 'o-rater',
        title: '普通护照签发',
        departmentId: 'dept-crj',
        bad: true,
        text: '我是王大锤，电话13800001111',
      },
    })
    await t.db
      .collection('ratings')
      .add({ data: { _id: 'rt-bbbbbbbbbbbbbbbbbbbb', openid: 'o-rater', title: '普通护照签发', departmentId: 'dept-crj', bad: false } })
    await t.db.collection('complaints').add({
      data: {
        _id: 'cp-aaaaaaaaaaaaaaaaaaaa',
        openid: 'o-complainant',
        contactPhone: '13800002222',
        about: { kind: 'window' },
        text: '窗口没人',
        departmentId: 'dept-crj',
      },
    })
    const rated = dataOf(await issue({ object: { kind: 'rating', ratingId: 'rt-aaaaaaaaaaaaaaaaaaaa' }, ...ORDER }))
    const complained = dataOf(await issue({ object: { kind: 'complaint', complaintId: 'cp-aaaaaaaaaaaaaaaaaaaa' }, ...ORDER }))
    expect(rated.object).toMatchObject({ kind: 'rating', kindLabel: '差评', title: '差评：普通护照签发' })
    expect(complained.object).toMatchObject({ kind: 'complaint', title: '对窗口的投诉' })
    const seen = JSON.stringify([await ok(get(rated.orderId, LEAD)), await ok(get(complained.orderId, LEAD))])
    for (const secret of ['o-rater', '王大锤', '13800001111', 'o-complainant', '13800002222', '窗口没人'])
      expect(seen).not.toContain(secret)
    expect(errorOf(await issue({ object: { kind: 'rating', ratingId: 'rt-bbbbbbbbbbbbbbbbbbbb' }, ...ORDER }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: '只能对差评发出督办',
    })
    expect(
      errorOf(await issue({ object: { kind: 'rating', ratingId: 'rt-aaaaaaaaaaaaaaaaaaaa' }, departmentId: 'dept-scjg', ...ORDER })),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    })
  })

  it('when the policy sets 3 working days, then a new order is due 3 working days later, named by its reason when it is a pattern', async () => {
    await t.db
      .collection('settings')
      .doc('supervision_orders_policy')
      .set({ data: { replyWorkingDays: 3 } })
    try {
      const v = dataOf(await issue({ object: { kind: 'pattern' }, departmentId: 'dept-scjg', ...ORDER }))
      expect(v.dueDate).toBe('2026-11-05')
      // A pattern is about no single object: its reason names it.
      expect(v.object).toMatchObject({ kind: 'pattern', title: '共性问题：办件超过承诺时限未办结' })
    } finally {
      await t.db.collection('settings').where({ _id: 'supervision_orders_policy' }).remove()
    }
  })
})

describe('who reads and acts', () => {
  it('when another department’s lead, window staff or a citizen asks, then they see nothing; a lead cannot close', async () => {
    const v = dataOf(await issue({ object: { kind: 'pattern' }, departmentId: 'dept-crj', ...ORDER }))
    expect(codeOf(await get(v.orderId, LEAD_SCJG))).toBe('NOT_FOUND')
    expect(await list('open', LEAD_SCJG)).not.toContain(v.orderId)
    expect(await list('open', LEAD)).toContain(v.orderId)
    expect(codeOf(await reply(v.orderId, '本部门已经完成整改并回复如下', LEAD_SCJG))).toBe('NOT_FOUND')
    for (const who of [STAFF, A]) {
      expect(codeOf(await get(v.orderId, who))).toBe('FORBIDDEN')
      expect(codeOf(await sv.call({ action: 'listOrders' }, who))).toBe('FORBIDDEN')
    }
    expect(codeOf(await sv.call({ action: 'closeOrder', orderId: v.orderId }, LEAD))).toBe('FORBIDDEN')
    expect(
      codeOf(
        await sv.call(
          { action: 'issueOrder', object: { kind: 'pattern' }, departmentId: 'dept-crj', ...ORDER, requestId: newRequestId() },
          LEAD,
        ),
      ),
    ).toBe('FORBIDDEN')
    // The director reads it, and takes no step.
    expect(await ok(get(v.orderId, ADMIN))).toMatchObject({ orderId: v.orderId, allowedActions: [] })
    expect(await ok(get(v.orderId, LEAD))).toMatchObject({ allowedActions: ['reply'] })
  })
})

describe('the cycle', () => {
  it('when the lead replies, the office sends it back with 3 more days, the lead replies again and the office closes it, then each step is audited once and told', async () => {
    const caseId = await acceptedCase()
    const v = dataOf(await issue({ object: { kind: 'case', caseId }, ...ORDER }))
    setBeijingNow('2026-11-04', '15:00')
    const replied = await ok(reply(v.orderId))
    expect(replied).toMatchObject({ state: 'replied', reply: { by: { name: '陈静' }, late: false }, allowedActions: [] })
    expect(await ok(get(v.orderId, SUPERVISOR))).toMatchObject({ allowedActions: ['close', 'sendBack'] })
    expect((await messagesOf(SUPERVISOR, 'supervision.order_replied')).some((m) => m.subjectId === `${v.orderId}:2`)).toBe(true)
    expect(await list('replied', LEAD)).toContain(v.orderId)

    const back = await ok(
      sv.call({ action: 'sendBackOrder', orderId: v.orderId, reason: '未说明延误原因和责任人', extendDays: 3 }, SUPERVISOR),
    )
    expect(back).toMatchObject({ state: 'returned', dueDate: '2026-11-12', sendBack: { reason: '未说明延误原因和责任人' } })
    expect((await messagesOf(LEAD, 'supervision.order_returned')).map((m) => m.subjectId)).toContain(`${v.orderId}:3`)
    expect(await list('open', LEAD)).toContain(v.orderId)
    // Sent back is not a second send-back or a close.
    expect(codeOf(await sv.call({ action: 'closeOrder', orderId: v.orderId }, SUPERVISOR))).toBe('CONFLICT')

    await ok(reply(v.orderId, '延误系制证系统故障，责任人已作检讨，护照已发放'))
    const closed = await ok(sv.call({ action: 'closeOrder', orderId: v.orderId, note: '核查属实' }, SUPERVISOR))
    expect(closed).toMatchObject({ state: 'closed', closeNote: '核查属实' })
    expect(closed.escalation).toBeUndefined()
    expect(closed.steps.map((s) => s.kind)).toEqual(['issued', 'replied', 'sent_back', 'replied', 'closed'])
    expect(await auditOf(v.orderId)).toEqual(['issued', 'replied', 'sent_back', 'replied', 'closed'])
    expect(await list('closed', SUPERVISOR)).toContain(v.orderId)
    expect(codeOf(await reply(v.orderId))).toBe('CONFLICT')
    // Closed frees the case for a new order.
    expect(await issue({ object: { kind: 'case', caseId }, ...ORDER })).toMatchObject({ ok: true })
  })

  it('when an order is sent back after its due date, then the office must extend it', async () => {
    const v = dataOf(await issue({ object: { kind: 'pattern' }, departmentId: 'dept-crj', ...ORDER }))
    await ok(reply(v.orderId))
    setBeijingNow('2026-11-10', '09:00')
    expect(errorOf(await sv.call({ action: 'sendBackOrder', orderId: v.orderId, reason: '整改措施不具体' }, SUPERVISOR))).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: 'extendDays', message: '回复期限已过，退回时请延长期限' }],
    })
    expect(
      errorOf(await sv.call({ action: 'sendBackOrder', orderId: v.orderId, reason: '整改措施不具体', extendDays: 11 }, SUPERVISOR)),
    ).toMatchObject({
      issues: [{ path: 'extendDays', message: '最多延长10个工作日' }],
    })
    expect(
      await ok(sv.call({ action: 'sendBackOrder', orderId: v.orderId, reason: '整改措施不具体', extendDays: 2 }, SUPERVISOR)),
    ).toMatchObject({
      dueDate: '2026-11-12',
    })
  })
})

describe('通报', () => {
  it('when no reply has come by the due date, then the sweep escalates it once, the director is told and sees it; a reply afterwards is late but not escalated again', async () => {
    const v = dataOf(await issue({ object: { kind: 'pattern' }, departmentId: 'dept-crj', ...ORDER }))
    setBeijingNow('2026-11-09', '23:30')
    await tick('escalateOrders')
    const before = await ok(get(v.orderId, ADMIN))
    expect(before.overdue).toBe(false)
    expect(before.escalation).toBeUndefined()

    setBeijingNow('2026-11-10', '00:02')
    expect(await tick('escalateOrders')).toMatchObject({ ok: true, data: { escalated: expect.any(Number) } })
    expect(await ok(get(v.orderId, ADMIN))).toMatchObject({ overdue: true, escalation: { cause: 'no_reply', causeLabel: '逾期未回复' } })
    expect(await list('escalated', ADMIN)).toContain(v.orderId)
    expect(await list('escalated', LEAD)).toContain(v.orderId)
    const told = (await messagesOf(ADMIN, 'supervision.order_escalated')).filter((m) => m.subjectId.startsWith(v.orderId))
    expect(told).toHaveLength(1)
    expect(told[0].body).toContain('逾期未回复')

    await tick('escalateOrders')
    const late = await ok(reply(v.orderId))
    expect(late).toMatchObject({ state: 'replied', reply: { late: true } })
    expect(late.steps.filter((s) => s.kind === 'escalated')).toHaveLength(1)
    expect((await messagesOf(SUPERVISOR, 'supervision.order_replied')).find((m) => m.subjectId.startsWith(v.orderId))?.body).toBeDefined()
    expect((await messagesOf(ADMIN, 'supervision.order_escalated')).filter((m) => m.subjectId.startsWith(v.orderId))).toHaveLength(1)
  })

  it('when the lead replies after the due date before any sweep, then the reply itself escalates it as 超期回复', async () => {
    const v = dataOf(await issue({ object: { kind: 'pattern' }, departmentId: 'dept-crj', ...ORDER }))
    setBeijingNow('2026-11-10', '08:30')
    const late = await ok(reply(v.orderId))
    expect(late).toMatchObject({ reply: { late: true }, escalation: { cause: 'late_reply', causeLabel: '超期回复' } })
    expect(late.steps.map((s) => s.kind)).toEqual(['issued', 'replied', 'escalated'])
    expect(await auditOf(v.orderId)).toEqual(['issued', 'replied', 'escalated'])
    await tick('escalateOrders')
    expect((await messagesOf(ADMIN, 'supervision.order_escalated')).filter((m) => m.subjectId.startsWith(v.orderId))).toHaveLength(1)
  })
})

describe('automatic orders for red cases', () => {
  // As the lights part writes it (a real case already has one: this replaces it).
  const light = (caseId: string, redSince: string, over: Record<string, unknown> = {}) =>
    t.db
      .collection('case_lights')
      .doc(caseId)
      .set({
        data: {
          caseNo: `ZW2026110${caseId.slice(-6)}`,
          matterId: 'm-passport',
          matterName: '普通护照签发',
          departmentId: 'dept-crj',
          light: 'red',
          reasons: [{ code: 'overdue', label: '超过承诺时限', detail: '承诺11月2日办结' }],
          redSince: new Date(redSince),
          updatedAt: new Date(redSince),
          open: true,
          ...over,
        },
      })
  const autoAbout = async (caseId: string) =>
    (await t.db.collection('supervision_orders').where({ 'object.id': caseId, auto: true }).get()).data as Array<{
      _id: string
      reason: string
    }>

  it('when a case has been red for 2 working days, then it gets one order, never a second; a yellow or closed one, or one red for less, none', async () => {
    await light('cs-00000000000000a00001', '2026-11-02T10:00:00+08:00')
    await light('cs-00000000000000a00002', '2026-11-02T10:00:00+08:00', { light: 'yellow' })
    await light('cs-00000000000000a00003', '2026-11-02T10:00:00+08:00', { open: false })
    await light('cs-00000000000000a00004', '2026-11-03T09:00:00+08:00')

    setBeijingNow('2026-11-04', '09:59')
    await tick('autoOrders')
    expect(await autoAbout('cs-00000000000000a00001')).toHaveLength(0)

    setBeijingNow('2026-11-04', '10:05')
    await tick('autoOrders')
    await tick('autoOrders')
    const [order] = await autoAbout('cs-00000000000000a00001')
    expect(await autoAbout('cs-00000000000000a00001')).toHaveLength(1)
    for (const id of ['cs-00000000000000a00002', 'cs-00000000000000a00003', 'cs-00000000000000a00004'])
      expect(await autoAbout(id)).toHaveLength(0)
    const v = await ok(get(order._id, LEAD))
    expect(v).toMatchObject({ auto: true, dueDate: '2026-11-11', reason: '办件亮红灯已超过2个工作日：超过承诺时限' })
    expect(v.issuedBy).toBeUndefined()
    expect((await messagesOf(LEAD, 'supervision.order_issued')).map((m) => m.subjectId)).toContain(`${order._id}:1`)

    // Closed, the case still red: no second automatic order.
    await ok(reply(order._id))
    await ok(sv.call({ action: 'closeOrder', orderId: order._id }, SUPERVISOR))
    setBeijingNow('2026-11-05', '10:05')
    await tick('autoOrders')
    expect(await autoAbout('cs-00000000000000a00001')).toHaveLength(1)
  })

  it('when the office already has an open order about the red case, then no automatic one is added', async () => {
    const caseId = await acceptedCase()
    const manual = dataOf(await issue({ object: { kind: 'case', caseId }, ...ORDER }))
    await light(caseId, '2026-10-28T10:00:00+08:00')
    await tick('autoOrders')
    expect(await autoAbout(caseId)).toHaveLength(0)
    expect((await ok(get(manual.orderId, SUPERVISOR))).state).toBe('open')
  })
})

describe('a step cut short', () => {
  it('when the audit and notices of a step were not written, then the effects sweep writes them, once', async () => {
    const v = dataOf(await issue({ object: { kind: 'pattern' }, departmentId: 'dept-crj', ...ORDER }))
    await ok(reply(v.orderId))
    // As if the reply's call died after its write: its effects are gone and still pending.
    await t.db
      .collection('audit')
      .where({ _id: `so:${v.orderId}:2` })
      .remove()
    await t.db
      .collection('messages')
      .where({ subjectId: `${v.orderId}:2` })
      .remove()
    await t.db
      .collection('supervision_orders')
      .doc(v.orderId)
      .update({ data: { effectsSeq: 1, effectsPending: true } })

    setBeijingNow('2026-11-02', '10:01')
    expect(await tick('effectsSweep')).toMatchObject({ data: { finished: 0 } })
    setBeijingNow('2026-11-02', '10:10')
    expect(await tick('effectsSweep')).toMatchObject({ data: { finished: 1 } })
    await tick('effectsSweep')
    expect(await auditOf(v.orderId)).toEqual(['issued', 'replied'])
    expect((await messagesOf(SUPERVISOR, 'supervision.order_replied')).filter((m) => m.subjectId === `${v.orderId}:2`)).toHaveLength(1)
  })
})
